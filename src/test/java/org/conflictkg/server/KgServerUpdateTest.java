package org.conflictkg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.conflictkg.ConflictKgException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.conflictkg.store.Converters;
import org.conflictkg.store.GspTarget;
import org.conflictkg.store.LoadReport;
import org.conflictkg.store.StoreException;
import org.conflictkg.store.StoreLoader;
import org.conflictkg.store.TdbStores;
import org.conflictkg.store.TdbTarget;
import org.conflictkg.cli.Stages;

/**
 * A server started with --update and a password file: loading the example over HTTP needs the
 * credentials, gives the same store as an embedded load, and a rerun skips unchanged articles.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KgServerUpdateTest {
    static final Path EXAMPLE = Path.of("examples/2020-01-31-newarab-saraqeb.facts.json");
    static final String USER = "loader";
    static final String PASSWORD = "s3cret-for-tests";

    @TempDir
    static Path tmp;
    static KgServer server;
    static DatasetGraph served;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Path pw = org.conflictkg.store.PasswordFixture.write(tmp.resolve("passwords"), USER + ": " + PASSWORD + "\n");
        server = KgServer.create().database(tmp.resolve("kg")).port(0).update(true).passwordFile(pw).build().start();
        served = server.dataset();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static GspTarget target(String user, String password) {
        GspTarget.Builder b = GspTarget.create(server.datasetUrl() + "/data").retries(2, Duration.ofMillis(50));
        if (user != null) {
            b.credentials(user, password);
        }
        return b.build();
    }

    static LoadReport load(GspTarget t) {
        return StoreLoader.create(t, Converters.standardInputs()).derivation(Stages.derivation()).build().load(List.of(EXAMPLE));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @Order(1)
    void withoutCredentialsTheLoadIsRefusedWith401AndNothingIsWritten() throws Exception {
        assertThatThrownBy(() -> load(target(null, null))).isInstanceOf(StoreException.class)
                .hasMessageContaining("401")
                .satisfies(ex -> assertThat(((ConflictKgException) ex).exitCode()).isEqualTo(2));
        assertThatThrownBy(() -> load(target(USER, "wrong"))).hasMessageContaining("401");
        HttpResponse<String> raw = http.send(HttpRequest.newBuilder(URI.create(server.datasetUrl() + "/data?graph=urn:x"))
                .header("Content-Type", "text/turtle").PUT(HttpRequest.BodyPublishers.ofString("<urn:a> <urn:b> <urn:c> .")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(raw.statusCode()).isEqualTo(401);
        assertThat(TdbStores.quadCount(served)).isZero();
    }

    @Test
    @Order(2)
    void withCredentialsTheExampleLoadsLikeAnEmbeddedLoad() {
        LoadReport r = load(target(USER, PASSWORD));
        assertThat(r.ok()).isTrue();
        assertThat(r.loaded()).isEqualTo(1);

        DatasetGraph embedded = TdbStores.openOrCreate(tmp.resolve("embedded"));
        StoreLoader.create(new TdbTarget(embedded, 1000), Converters.standardInputs()).derivation(Stages.derivation()).build().load(List.of(EXAMPLE));
        assertThat(TdbStores.quadCount(served)).isEqualTo(TdbStores.quadCount(embedded)).isPositive();
        assertThat(TdbStores.storedHashes(served)).isEqualTo(TdbStores.storedHashes(embedded));
    }

    @Test
    @Order(3)
    void aRerunSkipsTheUnchangedArticleAndReadsAreOpen() throws Exception {
        long before = TdbStores.quadCount(served);
        LoadReport r = load(target(USER, PASSWORD));
        assertThat(r.unchanged()).isEqualTo(1);
        assertThat(r.loaded()).isZero();
        assertThat(TdbStores.quadCount(served)).isEqualTo(before);
        // queries need no credentials
        HttpResponse<String> q = http.send(HttpRequest.newBuilder(URI.create(server.datasetUrl() + "/query?query="
                + URLEncoder.encode("ASK { ?s ?p ?o }", StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(q.statusCode()).isEqualTo(200);
        assertThat(q.body()).contains("true");
    }

    @Test
    @Order(4)
    void updateNeedsCredentialsAndLoadOfLocalFilesIsRefused() throws Exception {
        Path secret = Files.writeString(tmp.resolve("local.ttl"), "<urn:local> <urn:p> <urn:o> .");
        String body = "LOAD <" + secret.toUri() + "> INTO GRAPH <urn:g>";
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(server.datasetUrl() + "/update"))
                .header("Content-Type", "application/sparql-update").POST(HttpRequest.BodyPublishers.ofString(body));
        assertThat(http.send(req.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        HttpResponse<String> withAuth = http.send(req.header("Authorization", basic(USER, PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withAuth.statusCode()).isEqualTo(403);
        assertThat(withAuth.body()).contains("refused");

        HttpResponse<String> insert = http.send(HttpRequest.newBuilder(URI.create(server.datasetUrl() + "/update"))
                .header("Content-Type", "application/sparql-update").header("Authorization", basic(USER, PASSWORD))
                .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { GRAPH <urn:g> { <urn:s> <urn:p> <urn:o> } }")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(insert.statusCode()).isBetween(200, 204);
        HttpResponse<String> ask = http.send(HttpRequest.newBuilder(URI.create(server.datasetUrl() + "/query?query="
                + URLEncoder.encode("ASK { <urn:local> ?p ?o }", StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ask.body()).contains("false");
    }

    @Test
    void guardAcceptsOnlyHttpSources() {
        assertThat(GuardedUpdate.isRemote("https://example.org/data.ttl")).isTrue();
        assertThat(GuardedUpdate.isRemote("file:///etc/passwd")).isFalse();
        assertThat(GuardedUpdate.isRemote("/etc/passwd")).isFalse();
    }
}
