package org.conflictkg.derive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.conflictkg.facts.ArticleFacts;
import org.conflictkg.facts.FactsReader;
import org.conflictkg.rdf.CKG;
import org.conflictkg.rdf.IriLib;
import org.conflictkg.rdf.RdfTestLib;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Six reports about one town that changes hands three times: a duplicate report, a report that
 * dates the first capture two days later, a report that the rebels' recapture was repelled, and two
 * casualty figures that disagree.
 */
class DerivationTest {

    static final Path FIXTURE = Path.of("src/test/resources/org/conflictkg/derive/saraqeb-2020");
    static final Node SARAQEB = IriLib.geonamesPlace("164816");

    static DatasetGraph dsg;
    static Timeline timeline;

    @BeforeAll
    static void derive() throws IOException {
        List<ArticleFacts> docs;
        try (Stream<Path> files = Files.list(FIXTURE)) {
            docs = files.sorted().map(FactsReader::read).toList();
        }
        dsg = RdfTestLib.convert(docs.toArray(ArticleFacts[]::new));
        timeline = Derivation.create().build().run(dsg);
    }

    static String sideOn(String day) {
        LocalDate d = LocalDate.parse(day);
        List<String> sides = timeline.periods().stream().filter(p -> p.place().equals(SARAQEB))
                .filter(p -> p.covers(d)).map(Timeline.Period::side).toList();
        assertThat(sides).as("one controller on %s", day).hasSize(1);
        return sides.get(0);
    }

    @ParameterizedTest
    @CsvSource({
            "2015-06-01, opposition",
            "2020-02-05, opposition",
            "2020-02-06, government",
            "2020-02-07, government",
            "2020-02-26, government",
            "2020-02-27, opposition",
            "2020-03-01, opposition",
            "2020-03-02, government",
            "2021-01-01, government"})
    void controllerOnEachDay(String day, String side) {
        assertThat(sideOn(day)).isEqualTo(side);
    }

    @Test
    void fourPeriodsInOrder() {
        List<Timeline.Period> ps = timeline.periods().stream().filter(p -> p.place().equals(SARAQEB)).toList();
        assertThat(ps).extracting(p -> p.since() == null ? null : p.since().toString())
                .containsExactly("2012-01-01", "2020-02-06", "2020-02-27", "2020-03-02");
        assertThat(ps).extracting(p -> p.until() == null ? null : p.until().toString())
                .containsExactly("2020-02-06", "2020-02-27", "2020-03-02", null);
        assertThat(ps.get(0).support()).hasSize(1);
        assertThat(ps.get(1).controller()).isEqualTo(IriLib.registryActor("syrian-government"));
    }

    @Test
    void mergedEventsCountIndependentSources() {
        List<Timeline.MergedChange> ms = timeline.changes();
        assertThat(ms).hasSize(3);
        Timeline.MergedChange first = ms.get(0);
        assertThat(first.side()).isEqualTo("government");
        assertThat(first.reports()).hasSize(3);
        assertThat(first.sources()).as("SOHR twice counts once; state TV").hasSize(2);
        assertThat(first.earliestReported()).hasToString("2020-02-06");
        assertThat(first.latestReported()).hasToString("2020-02-08");
        Timeline.MergedChange second = ms.get(1);
        assertThat(second.side()).isEqualTo("opposition");
        assertThat(second.reports()).hasSize(2);
        assertThat(second.sources()).hasSize(2);
        assertThat(ms.get(2).reports()).hasSize(1);
        assertThat(ms.get(2).sources()).hasSize(1);
    }

    @Test
    void disagreementsAreMarkedWithEveryVersion() {
        assertThat(timeline.disagreements()).extracting(Timeline.Disagreement::aspect)
                .containsExactlyInAnyOrder("date", "status", "control", "figure");
        Timeline.Disagreement date = timeline.disagreements().stream().filter(d -> d.aspect().equals("date")).findFirst().orElseThrow();
        assertThat(date.versions()).hasSize(3);
        Timeline.Disagreement figure = timeline.disagreements().stream().filter(d -> d.aspect().equals("figure")).findFirst().orElseThrow();
        assertThat(figure.versions()).extracting(Node::getURI).allMatch(u -> u.contains("/figure/"));
    }

    @Test
    void derivedGraphIsWrittenAndReplaced() {
        long first = dsg.getGraph(CKG.GRAPH_DERIVED).size();
        assertThat(first).isPositive();
        Derivation.create().build().run(dsg);
        assertThat(dsg.getGraph(CKG.GRAPH_DERIVED).size()).isEqualTo(first);
    }

    @Test
    void aWiderWindowMergesTheTwoGovernmentCaptures() {
        Timeline wide = Derivation.create().windowDays(30).build().derive(dsg);
        assertThat(wide.changes().stream().filter(m -> m.side().equals("government"))).hasSize(1);
    }

    @Test
    void exampleTimelineGivesGovernmentForMaaratAndOppositionForSaraqeb() {
        Timeline t = Derivation.create().build().derive(RdfTestLib.convert(RdfTestLib.EXAMPLE));
        LocalDate d = LocalDate.parse("2020-01-30");
        assertThat(t.periods().stream().filter(p -> p.place().equals(IriLib.geonamesPlace("167611")) && p.covers(d)))
                .extracting(Timeline.Period::side).containsExactly("government");
        assertThat(t.periods().stream().filter(p -> p.place().equals(SARAQEB) && p.covers(d)))
                .extracting(Timeline.Period::side).containsExactly("opposition");
        // The imminent recapture of Saraqeb flips nothing; it is context of the rebels' period.
        assertThat(t.periods().stream().filter(p -> p.place().equals(SARAQEB)).flatMap(p -> p.context().stream()))
                .hasSize(1);
    }
}
