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

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.conflictkg.store.TdbStores;
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
    Path tmp;

    @Test
    void statusAndSideComeFromThePeriodHoldingEachPlaceOnTheDay() throws Exception {
        Path corpus = tmp.resolve("corpus");
        Path db = tmp.resolve("kg");
        assertThat(ExportCommandTest.run("generate", "-n", "150", "-o", corpus.toString()).code()).isZero();
        ExportCommandTest.Run load = ExportCommandTest.run("load", corpus.toString(), "--db", db.toString(), "--no-progress");
        assertThat(load.code()).as(load.err()).isZero();
        assertThat(ExportCommandTest.run("link", "--db", db.toString(), "--no-wikidata").code()).isZero();

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
}
