package org.conflictkg.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.conflictkg.synth.CorpusGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The day's map read through the date index ({@link PeriodIndex}) is the map the day's query
 * gives when it tests every period itself, on the example store, the timeline fixture and a
 * generated store (whose places can have more than one period on a day), for every day on which
 * a period starts or ends, the days either side, and days spread over the whole range; and the
 * index follows writes to the store.
 */
class MapDayIndexTest {
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final Path TIMELINE_FIXTURE = Path.of("src/test/resources/org/conflictkg/derive/saraqeb-2020");

    @TempDir
    static Path tmp;
    static final List<DatasetGraph> opened = new ArrayList<>();
    static DatasetGraph example;
    static DatasetGraph timeline;
    static DatasetGraph generated;

    @BeforeAll
    static void build() throws Exception {
        example = open(ExampleStore.build(tmp.resolve("example")));
        List<Path> fixture;
        try (Stream<Path> files = Files.list(TIMELINE_FIXTURE)) {
            fixture = files.sorted().toList();
        }
        timeline = open(ExampleStore.build(tmp.resolve("timeline"), fixture));
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        List<Path> articles = CorpusGenerator.create().seed(7).build().writeFiles(corpus, "articles", 100, 1);
        generated = open(ExampleStore.build(tmp.resolve("generated"), articles));
    }

    static DatasetGraph open(DatasetGraph dsg) {
        opened.add(dsg);
        return dsg;
    }

    @AfterAll
    static void release() {
        opened.forEach(org.conflictkg.store.TdbStores::release);
    }

    static Stream<Arguments> stores() {
        return Stream.of(Arguments.of("example store", example), Arguments.of("timeline fixture", timeline),
                Arguments.of("generated store, 100 articles", generated));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void indexedDayIsTheScannedDay(String name, DatasetGraph dsg) {
        MapData indexed = MapData.over(dsg, TIMEOUT);
        MapData scanned = MapData.scanning(dsg, TIMEOUT);
        List<LocalDate> days = days(dsg);
        int drawn = 0;
        for (LocalDate day : days) {
            ObjectNode expected = scanned.day(day.toString());
            assertThat(indexed.day(day.toString())).as(name + " on " + day).isEqualTo(expected);
            drawn += expected.get("places").isEmpty() ? 0 : 1;
        }
        assertThat(drawn).as("days with places on the map").isGreaterThan(days.size() / 3);
    }

    @Test
    void theGeneratedStoreHasPlacesWithTwoPeriodsOnADay() {
        // Which of a place's periods the map shows follows the order the query reads them in,
        // so the comparison above only means something where a place has more than one.
        String q = """
                PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
                PREFIX kg:  <https://w3id.org/conflict-kg/graph/>
                ASK { GRAPH kg:derived {
                  ?a ckg:territory ?place ; ckg:controllerSide ?sa . ?b ckg:territory ?place ; ckg:controllerSide ?sb .
                  FILTER (?a != ?b)
                  OPTIONAL { ?a ckg:since ?as } OPTIONAL { ?a ckg:until ?au }
                  OPTIONAL { ?b ckg:since ?bs } OPTIONAL { ?b ckg:until ?bu }
                  FILTER ((!BOUND(?as) || !BOUND(?bu) || ?as < ?bu) && (!BOUND(?bs) || !BOUND(?au) || ?bs < ?au)) } }""";
        boolean overlap = Txn.calculateRead(generated, () -> QueryExec.dataset(generated).query(QueryFactory.create(q)).ask());
        assertThat(overlap).isTrue();
    }

    @Test
    void theIndexFollowsWritesToTheStore() throws Exception {
        DatasetGraph dsg = open(ExampleStore.build(tmp.resolve("written"), List.of(
                TIMELINE_FIXTURE.resolve("t1-captured.facts.json"), TIMELINE_FIXTURE.resolve("t4-rebels-recapture.facts.json"))));
        MapData indexed = MapData.over(dsg, TIMEOUT);
        MapData scanned = MapData.scanning(dsg, TIMEOUT);
        List<LocalDate> days = days(dsg);
        LocalDate day = days.get(days.size() / 2);
        ObjectNode before = indexed.day(day.toString());
        assertThat(before.get("places")).isNotEmpty();

        // Every period now ends before the day: the map of the day empties.
        Node derived = NodeFactory.createURI("https://w3id.org/conflict-kg/graph/derived");
        Node until = NodeFactory.createURI("https://w3id.org/conflict-kg/ontology#until");
        Node side = NodeFactory.createURI("https://w3id.org/conflict-kg/ontology#controllerSide");
        Node end = NodeFactory.createLiteralDT(day.minusDays(1).toString(), org.apache.jena.datatypes.xsd.XSDDatatype.XSDdate);
        Txn.executeWrite(dsg, () -> {
            List<Quad> ends = new ArrayList<>();
            dsg.find(derived, Node.ANY, side, Node.ANY).forEachRemaining(q -> ends.add(q));
            for (Quad q : ends) {
                dsg.deleteAny(derived, q.getSubject(), until, Node.ANY);
                dsg.add(derived, q.getSubject(), until, end);
            }
        });
        ObjectNode after = indexed.day(day.toString());
        assertThat(after.get("places")).isEmpty();
        assertThat(after).isEqualTo(scanned.day(day.toString()));
        assertThat(indexed.day(day.minusDays(2).toString())).isEqualTo(scanned.day(day.minusDays(2).toString()));
    }

    /**
     * The days on which a period of the store starts or ends, the days before and after them,
     * and 20 days spread from a month before the first to a month after the last, about 70 in
     * all (every k-th of the first kind, in order).
     */
    static List<LocalDate> days(DatasetGraph dsg) {
        TreeSet<LocalDate> bounds = new TreeSet<>();
        String q = """
                PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
                PREFIX kg:  <https://w3id.org/conflict-kg/graph/>
                SELECT DISTINCT ?d WHERE { GRAPH kg:derived { ?p ckg:controllerSide ?s ; ?when ?d
                  VALUES ?when { ckg:since ckg:until } } }""";
        Txn.executeRead(dsg, () -> QueryExec.dataset(dsg).query(QueryFactory.create(q)).select()
                .forEachRemaining(b -> bounds.add(LocalDate.parse(b.get("d").getLiteralLexicalForm().substring(0, 10)))));
        assertThat(bounds).as("period starts and ends").isNotEmpty();
        TreeSet<LocalDate> all = new TreeSet<>();
        for (LocalDate d : bounds) {
            all.add(d.minusDays(1));
            all.add(d);
            all.add(d.plusDays(1));
        }
        List<LocalDate> edges = new ArrayList<>(all);
        int step = Math.max(1, edges.size() / 50);
        TreeSet<LocalDate> out = new TreeSet<>();
        for (int i = 0; i < edges.size(); i += step) {
            out.add(edges.get(i));
        }
        LocalDate first = bounds.first().minusMonths(1);
        long span = java.time.temporal.ChronoUnit.DAYS.between(first, bounds.last().plusMonths(1));
        for (int i = 0; i <= 20; i++) {
            out.add(first.plusDays(span * i / 20));
        }
        return new ArrayList<>(out);
    }
}
