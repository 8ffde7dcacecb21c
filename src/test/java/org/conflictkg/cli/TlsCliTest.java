package org.conflictkg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.conflictkg.server.TlsFixture;
import org.conflictkg.store.PasswordFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code demo --tls}: the command line wires the keystore through, and the printed URLs say https. */
class TlsCliTest {
    @TempDir
    Path tmp;

    @Test
    void demoServesHttpsAndSaysSo() {
        Path keystore = TlsFixture.keystore(tmp.resolve("tls.p12"), "tls-s3cret");
        Path password = PasswordFixture.write(tmp.resolve("tls-password"), "tls-s3cret\n");
        CliRun r = CliRun.run("demo", "--temp", "--port", "0", "--tls", keystore.toString(), "--tls-password-file",
                password.toString(), "--stop-after", "0.1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("Map: +https://127\\.0\\.0\\.1:\\d+/")
                .containsPattern("SPARQL query: +https://127\\.0\\.0\\.1:\\d+/kg/query")
                .doesNotContain("http://127.0.0.1");
    }

    @Test
    void aPasswordFileWithoutKeystoreIsAUsageError() {
        Path password = PasswordFixture.write(tmp.resolve("tls-password"), "tls-s3cret\n");
        CliRun r = CliRun.run("demo", "--temp", "--no-serve", "--tls-password-file", password.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--tls-password-file is for --tls");
    }
}
