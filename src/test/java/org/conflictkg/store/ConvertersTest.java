package org.conflictkg.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.conflictkg.ConflictKgException;
import org.conflictkg.rdf.FactsToRdf;
import org.junit.jupiter.api.Test;

class ConvertersTest {
    @Test
    void theConverterVersionIsAStableFingerprintOfItsOutput() {
        String v = Converters.standard().version();
        assertThat(v).matches("FactsToRdf@[0-9a-f]{16}");
        assertThat(Converters.standard().version()).isEqualTo(v);
    }

    @Test
    void aConverterThatWritesSomethingElseHasAnotherFingerprint() {
        FactsToRdf standard = FactsToRdf.create().build();
        String probe = Converters.probe();
        String v = Converters.fingerprint(standard::convert, probe);
        String changed = Converters.fingerprint((facts, out) -> {
            standard.convert(facts, out);
            out.quad(Quad.create(NodeFactory.createURI("urn:g"), NodeFactory.createURI("urn:s"),
                    NodeFactory.createURI("urn:p"), NodeFactory.createLiteralString("one more")));
        }, probe);
        assertThat(changed).isNotEqualTo(v);
        assertThat(Converters.fingerprint((facts, out) -> { }, probe)).isNotEqualTo(v).isNotEqualTo(changed);
    }

    @Test
    void aConverterThatFailsOnTheProbeFailsLoudlyInsteadOfGettingAConstantVersion() {
        assertThatThrownBy(() -> Converters.fingerprint((facts, out) -> {
            throw new IllegalStateException("converter bug");
        }, Converters.probe()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot fingerprint the converter")
                .hasMessageContaining("converter bug")
                .satisfies(e -> assertThat(((ConflictKgException) e).exitCode()).isEqualTo(ConflictKgException.FAILURE));
    }

    @Test
    void aMissingProbeFailsLoudly() {
        assertThatThrownBy(() -> Converters.fingerprint((facts, out) -> out.start(), "examples/no-such.facts.json"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("examples/no-such.facts.json is missing");
    }
}
