package org.conflictkg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.conflictkg.server.KgServer;
import org.conflictkg.store.PasswordFixture;
import org.conflictkg.store.TdbStores;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What {@code serve} warns of at startup, by host and write access (servers built, not started). */
class ServeWarningsTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}, update {1}, tls {2}")
    @CsvSource({
        "127.0.0.1, false, false, 0",
        "127.0.0.1, true, false, 0",
        "127.0.0.1, true, true, 0",
        "::1, true, false, 0",
        "0.0.0.0, false, false, 1",
        "0.0.0.0, true, false, 2",
        "0.0.0.0, true, true, 1",
    })
    void warnings(String host, boolean update, boolean tls, int expected) {
        KgServer.Builder b = KgServer.create().dataset(TdbStores.createInMemory(), tmp.resolve("f")).ui(false).port(0)
                .host(host).update(update);
        if (update) {
            b.passwordFile(PasswordFixture.write(tmp.resolve("pw"), "writer: s3cret\n"));
        }
        if (tls) {
            Path keystore = tmp.resolve("tls.p12");
            if (!java.nio.file.Files.exists(keystore)) {
                org.conflictkg.server.TlsFixture.keystore(keystore, "tls-s3cret");
            }
            b.tls(keystore, PasswordFixture.write(tmp.resolve("tls-pw"), "tls-s3cret\n"));
        }
        StringWriter err = new StringWriter();
        ServeCommand.warnIfExposed(new PrintWriter(err, true), b.build());
        assertThat(err.toString().lines().toList()).hasSize(expected).allMatch(l -> l.startsWith("warning: "));
        assertThat(err.toString().contains("passwords travel unencrypted")).isEqualTo(update && !tls && expected > 0);
        if (expected == 2) {
            assertThat(err.toString()).contains("--update over plain http on 0.0.0.0", "TLS proxy");
        }
    }
}
