package org.conflictkg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.sse.SSE;
import org.apache.jena.system.Txn;
import org.conflictkg.ConflictKgException;
import org.conflictkg.store.PasswordFixture;
import org.conflictkg.store.StoreException;
import org.conflictkg.store.TdbStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --tls}: with a keystore made here by {@code keytool} (a self-signed certificate for
 * 127.0.0.1), the server speaks HTTPS only. A client trusting the certificate reads a query;
 * plain HTTP to the same port gets no answer; bad keystores are refused before the server starts.
 */
class TlsServeTest {
    static final String PASSWORD = "keystore-s3cret";

    @TempDir
    static Path tmp;
    static Path keystore;
    static Path passwordFile;
    static KgServer server;
    static HttpClient trusting;

    @BeforeAll
    static void start() throws Exception {
        keystore = TlsFixture.keystore(tmp.resolve("server.p12"), PASSWORD);
        passwordFile = PasswordFixture.write(tmp.resolve("tls-password"), PASSWORD + "\n");

        DatasetGraph dsg = TdbStores.createInMemory();
        Txn.executeWrite(dsg, () -> dsg.add(SSE.parseQuad("(quad <https://example.org/g> <https://example.org/s> <https://example.org/p> 'over tls')")));
        server = KgServer.create().tls(keystore, passwordFile).dataset(dsg, tmp.resolve("fuseki")).ui(false).port(0)
                .build().start();

        KeyStore trust = KeyStore.getInstance(keystore.toFile(), PASSWORD.toCharArray());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        trusting = HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static String queryPath() {
        return "kg/query?query=" + URLEncoder.encode("SELECT ?o { GRAPH ?g { ?s ?p ?o } }", StandardCharsets.UTF_8);
    }

    @Test
    void urlsSayHttps() {
        assertThat(server.tls()).isTrue();
        assertThat(server.baseUrl()).isEqualTo("https://127.0.0.1:" + server.port() + "/");
        assertThat(server.datasetUrl()).startsWith("https://");
    }

    @Test
    void aTrustingClientReadsAQueryOverHttps() throws Exception {
        HttpResponse<String> r = trusting.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + queryPath()))
                .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("over tls");
        assertThat(r.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v).contains("max-age="));
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsRefused() {
        HttpClient plain = HttpClient.newHttpClient();
        assertThatThrownBy(() -> plain.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + queryPath())).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(javax.net.ssl.SSLException.class);
    }

    @Test
    void plainHttpGetsNoAnswer() throws Exception {
        // Speak HTTP/1.1 in clear to the TLS port: no query result may come back.
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("GET /" + queryPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            String answer;
            try (InputStream in = s.getInputStream()) {
                answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            } catch (IOException closed) {
                answer = "";
            }
            assertThat(answer).doesNotContain("over tls").doesNotStartWith("HTTP/1.1 200");
        }
    }

    @Test
    void aWrongPasswordIsBadInput() {
        Path wrong = PasswordFixture.write(tmp.resolve("wrong"), "not-the-password\n");
        assertThatThrownBy(() -> KgServer.create().tls(keystore, wrong))
                .isInstanceOf(StoreException.class).hasMessageContaining("wrong password")
                .extracting(e -> ((ConflictKgException) e).exitCode()).isEqualTo(ConflictKgException.BAD_INPUT);
    }

    @Test
    void aFileThatIsNoKeystoreIsBadInput() throws Exception {
        Path junk = Files.writeString(tmp.resolve("junk.p12"), "not a keystore");
        assertThatThrownBy(() -> KgServer.create().tls(junk, passwordFile))
                .isInstanceOf(StoreException.class).hasMessageContaining("junk.p12 cannot be opened");
        assertThatThrownBy(() -> KgServer.create().tls(tmp.resolve("absent.p12"), passwordFile))
                .isInstanceOf(StoreException.class).hasMessageContaining("does not exist");
    }

    @Test
    void aKeystoreWithoutAPrivateKeyIsBadInput() throws Exception {
        Path cert = tmp.resolve("server.cer");
        TlsFixture.keytool("-exportcert", "-alias", "kg", "-keystore", keystore.toString(), "-storepass", PASSWORD, "-file", cert.toString());
        Path trustOnly = tmp.resolve("trust.p12");
        TlsFixture.keytool("-importcert", "-noprompt", "-alias", "kg", "-file", cert.toString(), "-storetype", "PKCS12",
                "-keystore", trustOnly.toString(), "-storepass", PASSWORD);
        assertThatThrownBy(() -> KgServer.create().tls(trustOnly, passwordFile))
                .isInstanceOf(StoreException.class).hasMessageContaining("holds no private key");
    }

    @Test
    void aUserLinePasswordFileIsBadInput() {
        Path users = PasswordFixture.write(tmp.resolve("users"), "admin: " + PASSWORD + "\n");
        assertThatThrownBy(() -> KgServer.create().tls(keystore, users))
                .isInstanceOf(StoreException.class).hasMessageContaining("password alone");
    }
}
