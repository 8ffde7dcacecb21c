package org.conflictkg.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConvertersTest {
    @Test
    void theConverterVersionIsAStableFingerprintOfItsOutput() {
        String v = Converters.standard().version();
        assertThat(v).matches("FactsToRdf@[0-9a-f]{16}");
        assertThat(Converters.standard().version()).isEqualTo(v);
    }
}
