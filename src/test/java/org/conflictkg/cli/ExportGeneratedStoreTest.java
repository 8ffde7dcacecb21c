package org.conflictkg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.conflictkg.store.TdbStores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The places layer on a generated store, whose timeline has partial and disputed periods (the
 * bundled example has none disputed): each place's status and side are those of the timeline
 * period that holds it on the day (all of them, where the timeline has more than one), read here
 * with a query of the test's own.
 */
class ExportGeneratedStoreTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String DAY = "2016-06-30";

    @TempDir
    static Path tmp;
    static Path db;

    @BeforeAll
    static void buildStore() {
        Path corpus = tmp.resolve("corpus");
        db = tmp.resolve("kg");
        assertThat(ExportCommandTest.run("generate", "-n", "150", "-o", corpus.toString()).code()).isZero();
        ExportCommandTest.Run load = ExportCommandTest.run("load", corpus.toString(), "--db", db.toString(), "--no-progress");
        assertThat(load.code()).as(load.err()).isZero();
        assertThat(ExportCommandTest.run("link", "--db", db.toString(), "--no-wikidata").code()).isZero();
    }

    @Test
    void statusAndSideComeFromThePeriodHoldingEachPlaceOnTheDay() throws Exception {

        Map<String, Set<String>> expectedSide = new HashMap<>();
        Set<String> disputed = new HashSet<>();
        Set<String> partial = new HashSet<>();
        Query q = QueryFactory.create("""
                PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
                PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
                SELECT ?place ?side ?status ?disputed WHERE {
                  ?p a ckg:TimelinePeriod ; ckg:territory ?place ; ckg:controllerSide ?side .
                  OPTIONAL { ?p ckg:since ?s } OPTIONAL { ?p ckg:until ?u } OPTIONAL { ?p ckg:status ?status }
                  OPTIONAL { ?p ckg:startedBy ?c . ?c ckg:disputed ?disputed }
                  FILTER ((!BOUND(?s) || ?s <= "%s"^^xsd:date) && (!BOUND(?u) || "%s"^^xsd:date < ?u))
                }""".formatted(DAY, DAY));
        DatasetGraph dsg = TdbStores.openExisting(db);
        Txn.executeRead(dsg, () -> {
            try (QueryExec qe = QueryExec.dataset(dsg).query(q).build()) {
                qe.select().forEachRemaining(b -> {
                    String place = b.get("place").getURI();
                    expectedSide.computeIfAbsent(place, k -> new java.util.TreeSet<>())
                            .add(b.get("side").getURI().replaceFirst("^.*/", ""));
                    if (b.get("disputed") != null && b.get("disputed").getLiteralLexicalForm().equals("true")) {
                        disputed.add(place);
                    }
                    if (b.get("status") != null && b.get("status").getURI().endsWith("/partial")) {
                        partial.add(place);
                    }
                });
            }
        });
        TdbStores.release(dsg);
        assertThat(disputed).as("the generated store has disputed periods").isNotEmpty();
        assertThat(partial).as("and partial ones").isNotEmpty();

        Path out = tmp.resolve("places.geojson");
        ExportCommandTest.Run r = ExportCommandTest.run("export", "--db", db.toString(), "--date", DAY, "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode fc = JSON.readTree(Files.readString(out));
        Set<String> seen = new HashSet<>();
        for (JsonNode f : fc.get("features")) {
            JsonNode p = f.get("properties");
            String place = p.get("place").asText();
            String status = p.path("status").asText("");
            assertThat(p.path("date").asText()).isEqualTo(DAY);
            assertThat(List.of(status.split(", "))).as(place)
                    .containsAll(disputed.contains(place) ? List.of("disputed") : List.of());
            assertThat(status.contains("disputed")).as(place).isEqualTo(disputed.contains(place));
            assertThat(status.contains("partial")).as(place).isEqualTo(partial.contains(place));
            if (expectedSide.containsKey(place)) {
                // More than one period on the day (the timeline allows it): all sides, joined.
                assertThat(p.path("side").asText()).as(place).isEqualTo(String.join(" / ", expectedSide.get(place)));
                seen.add(place);
            }
        }
        assertThat(seen).isEqualTo(expectedSide.keySet());
    }

    /**
     * The events table's deaths: for each change, the most that the figures of measure killed of
     * its own article give for its place (value, else low bound), read here per change with a
     * query of the test's own.
     */
    @Test
    void fatalitiesComeFromTheChangesOwnArticle() throws Exception {
        Map<String, String> expected = new HashMap<>();
        Query q = QueryFactory.create("""
                PREFIX ckg:  <https://w3id.org/conflict-kg/ontology#>
                PREFIX prov: <http://www.w3.org/ns/prov#>
                SELECT ?change (MAX(COALESCE(?v, ?low)) AS ?killed) WHERE {
                  ?change a ckg:ControlChange ; ckg:territory ?place ; prov:wasDerivedFrom ?article .
                  BIND (IRI(REPLACE(STR(?article), "^https://w3id.org/conflict-kg/article/",
                                    "https://w3id.org/conflict-kg/graph/article/")) AS ?g)
                  OPTIONAL { GRAPH ?g { ?f ckg:aboutPlace ?place ; ckg:measure <https://w3id.org/conflict-kg/vocab/measure/killed>
                             OPTIONAL { ?f ckg:value ?v } OPTIONAL { ?f ckg:low ?low } } }
                } GROUP BY ?change""");
        DatasetGraph dsg = TdbStores.openExisting(db);
        Txn.executeRead(dsg, () -> {
            try (QueryExec qe = QueryExec.dataset(dsg).query(q).build()) {
                qe.select().forEachRemaining(b -> {
                    String change = b.get("change").getURI();
                    expected.put(change.substring(change.indexOf("/event/") + "/event/".length()),
                            b.get("killed") == null ? "" : b.get("killed").getLiteralLexicalForm());
                });
            }
        });
        TdbStores.release(dsg);

        Path out = tmp.resolve("events.csv");
        ExportCommandTest.Run r = ExportCommandTest.run("export", "--db", db.toString(), "--format", "csv", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        int rows = 0;
        int withDeaths = 0;
        try (CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(out))) {
            for (CSVRecord row : csv) {
                String id = row.get("event_id_cnty");
                assertThat(expected).as(id).containsKey(id);
                assertThat(row.get("fatalities")).as(id).isEqualTo(expected.get(id));
                rows++;
                withDeaths += row.get("fatalities").isEmpty() ? 0 : 1;
            }
        }
        assertThat(rows).isGreaterThan(100);
        assertThat(withDeaths).as("rows with deaths").isGreaterThan(0);
    }
}
