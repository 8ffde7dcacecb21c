package org.conflictkg.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Keystores for TLS tests, made by the JDK's {@code keytool}. */
public final class TlsFixture {
    private TlsFixture() {}

    /** Writes a PKCS12 keystore holding an EC key and a self-signed certificate for localhost and 127.0.0.1. */
    public static Path keystore(Path file, String password) {
        keytool("-genkeypair", "-alias", "kg", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", password, "-keypass", password);
        return file;
    }

    /** Runs keytool with {@code args}; fails the test if it fails. */
    public static void keytool(String... args) {
        Path bin = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> cmd = new ArrayList<>();
        cmd.add(Files.isExecutable(bin) ? bin.toString() : "keytool");
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as("keytool: %s", out).isZero();
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
