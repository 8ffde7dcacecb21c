package org.conflictkg.rdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.riot.system.StreamRDFLib;
import org.conflictkg.facts.ArticleFacts;
import org.conflictkg.facts.FactsException;
import org.conflictkg.facts.FactsReader;
import org.conflictkg.facts.FactsWriter;
import org.conflictkg.facts.Problem;
import org.junit.jupiter.api.Test;

/**
 * The facts-format extension for drafted facts: an optional "confidence" in [0,1] on events and
 * figures, read, written back, carried into RDF as ckg:confidence; documents without it stay valid.
 */
class ConfidenceExtensionTest {
    private static final Path EXAMPLE = Path.of("examples/2020-01-31-newarab-saraqeb.facts.json");

    private static String withConfidence(String json, String value) {
        // the first control change and the first figure get a confidence
        return json.replaceFirst("\"type\"\\s*:\\s*\"control-change\"", "\"type\": \"control-change\", \"confidence\": " + value)
                .replaceFirst("\"measure\"\\s*:", "\"confidence\": " + value + ", \"measure\":");
    }

    @Test
    void documentsWithoutConfidenceStayValidAndHaveNone() {
        ArticleFacts f = FactsReader.read(EXAMPLE);
        assertThat(f.events()).allSatisfy(e -> assertThat(e.confidence()).isNull());
        assertThat(f.figures()).allSatisfy(g -> assertThat(g.confidence()).isNull());
        assertThat(FactsWriter.toJson(f)).doesNotContain("confidence");
    }

    @Test
    void confidenceIsReadWrittenBackAndConverted() throws Exception {
        String json = withConfidence(Files.readString(EXAMPLE), "0.85");
        ArticleFacts f = FactsReader.read("conf.json", json);
        assertThat(f.events()).filteredOn(e -> e.confidence() != null).singleElement()
                .satisfies(e -> assertThat(e.confidence()).isEqualTo(0.85));
        assertThat(f.figures()).filteredOn(g -> g.confidence() != null).hasSize(1);
        assertThat(FactsReader.read("again.json", FactsWriter.toJson(f))).isEqualTo(f);

        DatasetGraph ds = DatasetGraphFactory.createTxnMem();
        FactsToRdf.create().build().convert(f, StreamRDFLib.dataset(ds));
        List<Node> values = ds.stream(Node.ANY, Node.ANY, CKG.confidence, Node.ANY).map(Quad::getObject).toList();
        assertThat(values).hasSize(2).allSatisfy(v -> {
            assertThat(v.getLiteralLexicalForm()).isEqualTo("0.85");
            assertThat(v.getLiteralDatatypeURI()).isEqualTo("http://www.w3.org/2001/XMLSchema#decimal");
        });
        assertThat(ShapesLib.validate(ds).conforms()).as("shapes").isTrue();
    }

    @Test
    void aConfidenceOutsideZeroToOneIsAnErrorAtItsPointer() throws Exception {
        String json = withConfidence(Files.readString(EXAMPLE), "1.5");
        assertThatThrownBy(() -> FactsReader.read("bad.json", json)).isInstanceOfSatisfying(FactsException.class,
                e -> assertThat(e.problems()).extracting(Problem::pointer)
                        .anyMatch(p -> p.endsWith("/confidence")));
    }
}
