package org.conflictkg.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetRewindable;
import org.conflictkg.facts.FactsReader;
import org.conflictkg.rdf.CKG;
import org.conflictkg.rdf.FactsToRdf;
import org.conflictkg.rdf.IriLib;
import org.conflictkg.store.Converters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.conflictkg.cli.Stages;

/**
 * A place that two articles name differently: each article's graph keeps its own name, the
 * reference graph holds both names once, and the named queries label the place with the
 * alphabetically first name (docs/ontology.md, "Names of shared nodes").
 */
class SharedNamesTest {
    static final Path EXAMPLE = Path.of("examples/2020-01-31-newarab-saraqeb.facts.json");

    @TempDir
    static Path dir;

    static QueryRunner runner;
    static String placeIri;
    static String nameA;
    static String nameB;
    static String graphA;
    static String graphB;

    @BeforeAll
    static void load() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode a = (ObjectNode) json.readTree(EXAMPLE.toFile());
        // The place of the first event that has one (a change of control's territory).
        String placeId = null;
        for (var e : a.get("events")) {
            if (e.has("place") && e.has("to")) {
                placeId = e.get("place").asText();
                break;
            }
        }
        assertThat(placeId).isNotNull();
        ObjectNode placeA = findPlace(a, placeId);
        nameA = placeA.get("name").asText();
        // The same article, under another id, spelling the place another way (the place keeps its
        // GeoNames id, so both articles mean one node).
        ObjectNode b = a.deepCopy();
        ((ObjectNode) b.get("article")).put("id", a.get("article").get("id").asText() + "-respelled");
        nameB = "Zz " + nameA;
        findPlace(b, placeId).put("name", nameB);
        Path fa = dir.resolve("a.facts.json");
        Path fb = dir.resolve("b.facts.json");
        json.writeValue(fa.toFile(), a);
        json.writeValue(fb.toFile(), b);
        placeIri = FactsToRdf.placeIris(FactsReader.read(fa)).get(placeId).getURI();
        assertThat(FactsToRdf.placeIris(FactsReader.read(fb)).get(placeId).getURI()).isEqualTo(placeIri);
        graphA = IriLib.articleGraph(a.get("article").get("id").asText()).getURI();
        graphB = IriLib.articleGraph(b.get("article").get("id").asText()).getURI();
        runner = new QueryRunner(QuerySources.files(List.of(fa, fb), Converters.standardInputs(), Stages.derivation()), Duration.ofSeconds(30));
    }

    private static ObjectNode findPlace(ObjectNode doc, String id) {
        for (var p : doc.get("places")) {
            if (p.get("id").asText().equals(id)) {
                return (ObjectNode) p;
            }
        }
        throw new AssertionError("no place " + id);
    }

    /** The place's rdfs:label values in graph {@code g}. */
    private static TreeSet<String> labelsIn(String g) {
        NamedQuery q = NamedQuery.parse("labels", "labels.rq",
                "SELECT ?name { GRAPH ?g { ?place <http://www.w3.org/2000/01/rdf-schema#label> ?name } }");
        ResultSetRewindable rs = runner.select(q, Map.of("g", "<" + g + ">", "place", "<" + placeIri + ">"));
        TreeSet<String> out = new TreeSet<>();
        rs.forEachRemaining(s -> out.add(s.getLiteral("name").getString()));
        return out;
    }

    private static List<String> column(String query, Map<String, String> params, String column) {
        ResultSetRewindable rs = runner.select(NamedQueries.named(query), params);
        List<String> out = new ArrayList<>();
        while (rs.hasNext()) {
            QuerySolution s = rs.next();
            out.add(s.contains(column) ? s.get(column).asLiteral().getString() : null);
        }
        return out;
    }

    @Test
    void eachArticleGraphKeepsItsOwnName() {
        assertThat(labelsIn(graphA)).containsExactly(nameA);
        assertThat(labelsIn(graphB)).containsExactly(nameB);
    }

    @Test
    void theReferenceGraphHoldsEachDistinctNameOnce() {
        assertThat(labelsIn(CKG.GRAPH_REFERENCE.getURI())).containsExactly(nameA, nameB);
    }

    @Test
    void placesLabelsThePlaceWithTheAlphabeticallyFirstName() {
        ResultSetRewindable rs = runner.select(NamedQueries.named("places"), Map.of());
        List<String> labels = new ArrayList<>();
        while (rs.hasNext()) {
            QuerySolution s = rs.next();
            if (s.getResource("place").getURI().equals(placeIri)) {
                labels.add(s.getLiteral("label").getString());
            }
        }
        assertThat(labels).containsExactly(nameA.compareTo(nameB) < 0 ? nameA : nameB);
    }

    @Test
    void controlChangesUseTheSameLabelInEveryRow() {
        List<String> labels = column("control-changes", Map.of("place", placeIri), "placeLabel");
        assertThat(labels).isNotEmpty().containsOnly(nameA.compareTo(nameB) < 0 ? nameA : nameB);
    }
}
