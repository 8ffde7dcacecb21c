package org.conflictkg.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetRewindable;
import org.conflictkg.store.Converters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.conflictkg.cli.Stages;

/** Named queries over several articles about one town that agree, repeat and disagree. */
class NamedQueriesCorpusTest {
    static final Path FIXTURE = Path.of("src/test/resources/org/conflictkg/derive/saraqeb-2020");
    static final Path CASES = Path.of("src/test/resources/org/conflictkg/query/controller-at-cases.tsv");
    static QueryRunner runner;

    @BeforeAll
    static void load() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(FIXTURE)) {
            files = s.filter(p -> p.toString().endsWith(".facts.json")).sorted().toList();
        }
        runner = new QueryRunner(QuerySources.files(files, Converters.standardInputs(), Stages.derivation()), Duration.ofSeconds(30));
    }

    static Stream<Arguments> cases() throws IOException {
        return Files.readAllLines(CASES).stream().filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("\t"))
                .map(f -> Arguments.of(f[0], f[1], new TreeSet<>(Arrays.asList(f[2].split(" ")))));
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("cases")
    void controllerAtGivesTheSidesTheReportsSupport(String query, String date, Set<String> sides) {
        ResultSetRewindable rs = runner.select(NamedQueries.named(query), Map.of("date", date));
        Set<String> actual = new TreeSet<>();
        while (rs.hasNext()) {
            QuerySolution s = rs.next();
            if (s.getLiteral("placeLabel").getString().equals("Saraqeb")) {
                actual.add(side(s.getResource("controller").getURI()));
            }
        }
        assertThat(actual).isEqualTo(sides);
    }

    static String side(String actor) {
        NamedQuery q = NamedQuery.parse("side", "side.rq",
                "SELECT ?side { ?actor <https://w3id.org/conflict-kg/ontology#side> ?side }");
        ResultSetRewindable rs = runner.select(q, Map.of("actor", "<" + actor + ">"));
        return rs.next().getResource("side").getURI().replaceFirst("^.*/", "");
    }

    @Test
    void agreeingReportsAreOneRowWithAllTheirSources() {
        ResultSetRewindable rs = runner.select(NamedQueries.named("controller-at"), Map.of("date", "2020-02-20"));
        QuerySolution row = rs.next();
        assertThat(rs.hasNext()).isFalse();
        assertThat(row.getLiteral("sources").getString()).contains(";");
    }

    @Test
    void disputedPairsTheRecaptureWithTheRepelledAttack() {
        ResultSetRewindable rs = runner.select(NamedQueries.named("disputed"), Map.of());
        boolean found = false;
        while (rs.hasNext()) {
            QuerySolution s = rs.next();
            if (s.getLiteral("aspect").getString().equals("status")) {
                String a = s.getLiteral("claimA").getString();
                String b = s.getLiteral("claimB").getString();
                found |= (a.endsWith("(completed)") && b.endsWith("(contested)"))
                        || (a.endsWith("(contested)") && b.endsWith("(completed)"));
                assertThat(s.getResource("sourceA")).isNotEqualTo(s.getResource("sourceB"));
            }
        }
        assertThat(found).isTrue();
    }

    /** The (aspect, a, b) of each disputed row. */
    static Set<String> disputedRows(Map<String, String> params) {
        ResultSetRewindable rs = runner.select(NamedQueries.named("disputed"), params);
        Set<String> out = new TreeSet<>();
        while (rs.hasNext()) {
            QuerySolution s = rs.next();
            out.add(s.getLiteral("aspect").getString() + " " + s.getResource("a") + " " + s.getResource("b")
                    + " " + s.get("topic"));
        }
        return out;
    }

    @Test
    void disputedForAPlaceIsTheDisagreementsAboutIt() {
        String saraqeb = "https://w3id.org/conflict-kg/place/geonames/164816";
        Set<String> all = disputedRows(Map.of());
        Set<String> about = disputedRows(Map.of("place", saraqeb));
        // Expected: the rows of all disagreements whose versions are about the place (the territory
        // of a change or control state, or the place of a figure).
        NamedQuery aboutPlace = NamedQuery.parse("about", "about.rq",
                "SELECT ?a { ?a <https://w3id.org/conflict-kg/ontology#territory>|<https://w3id.org/conflict-kg/ontology#aboutPlace> ?place }");
        Set<String> expected = new TreeSet<>();
        for (String r : all) {
            String a = r.split(" ")[1];
            if (runner.select(aboutPlace, Map.of("a", "<" + a + ">", "place", "<" + saraqeb + ">")).hasNext()) {
                expected.add(r);
            }
        }
        assertThat(about).isNotEmpty().isEqualTo(expected);
        // A place no disagreement concerns.
        assertThat(disputedRows(Map.of("place", "https://w3id.org/conflict-kg/place/geonames/169387"))).isEmpty();
    }

    @Test
    void timelineListsThePeriodsInOrderWithTheirSources() {
        ResultSetRewindable rs = runner.select(NamedQueries.named("timeline"),
                Map.of("place", "https://w3id.org/conflict-kg/place/geonames/164816"));
        List<String> sides = new java.util.ArrayList<>();
        List<String> since = new java.util.ArrayList<>();
        List<Integer> sources = new java.util.ArrayList<>();
        while (rs.hasNext()) {
            QuerySolution s = rs.next();
            sides.add(s.getResource("side").getURI().replaceFirst("^.*/", ""));
            since.add(s.contains("since") ? s.getLiteral("since").getLexicalForm() : null);
            sources.add(s.contains("startSources") ? s.getLiteral("startSources").getInt() : 0);
        }
        assertThat(sides).containsExactly("opposition", "government", "opposition", "government");
        assertThat(since).containsExactly("2012", "2020-02-06", "2020-02-27", "2020-03-02");
        // The first capture: three reports, two of them from the same monitor.
        assertThat(sources).containsExactly(0, 2, 2, 1);
    }

    @Test
    void controlChangesListEveryReport() {
        ResultSetRewindable rs = runner.select(NamedQueries.named("control-changes"), Map.of());
        assertThat(rs.size()).isEqualTo(6);
    }
}
