package org.conflictkg.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Stream;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.conflictkg.store.PasswordFixture;
import org.conflictkg.store.TdbStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The update screen, over HTTP with valid credentials. Each case of
 * {@code src/test/resources/guarded-updates} says on its first line the status it must get
 * ({@code # expect: 403}); {@code LOCAL_FILE} and {@code LOCAL_PATH} stand for a file of the
 * server's. A refused request changes nothing and never shows the file's content. Bodies over
 * the limit are refused with 413, however they are sent.
 */
class GuardedUpdateTest {
    static final Path CASES = Path.of("src/test/resources/guarded-updates");
    static final int LIMIT = 64 * 1024;
    static final String SECRET = "secret-first-token";

    @TempDir
    static Path tmp;
    static KgServer server;
    static DatasetGraph dsg;
    static Path local;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("writer:pw-for-tests".getBytes(StandardCharsets.UTF_8));

    @BeforeAll
    static void start() throws IOException {
        local = Files.writeString(tmp.resolve("local.ttl"), SECRET + " is not RDF at all\n");
        Path pw = PasswordFixture.write(tmp.resolve("passwords"), "writer: pw-for-tests\n");
        dsg = TdbStores.createInMemory();
        server = KgServer.create().dataset(dsg, tmp.resolve("kg.fuseki")).ui(false).port(0).update(true)
                .passwordFile(pw).maxUpload(LIMIT).build().start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> s = Files.list(CASES)) {
            return s.filter(p -> p.toString().endsWith(".ru")).sorted().toList().stream();
        }
    }

    static long quads() {
        return Txn.calculateRead(dsg, () -> Iter.count(dsg.find()));
    }

    static HttpResponse<String> send(String path, String method, String contentType, HttpRequest.BodyPublisher body)
            throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.datasetUrl() + path)).header("Authorization", AUTH)
                .header("Content-Type", contentType).method(method, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachUpdateGetsItsStatus(Path file) throws Exception {
        String text = Files.readString(file);
        String first = text.lines().findFirst().orElseThrow();
        assertThat(first).startsWith("# expect: ");
        int expected = Integer.parseInt(first.substring("# expect: ".length()).split(" ")[0]);
        String update = text.replace("LOCAL_FILE", local.toUri().toString()).replace("LOCAL_PATH", local.toString());
        long before = quads();
        HttpResponse<String> r = send("/update", "POST", "application/sparql-update", HttpRequest.BodyPublishers.ofString(update));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(expected);
        assertThat(r.body()).doesNotContain(SECRET);
        if (expected >= 300) {
            assertThat(quads()).as("nothing ran").isEqualTo(before);
        } else {
            assertThat(quads()).isGreaterThan(before);
        }
    }

    @Test
    void aSyntaxErrorSaysTheSameWhetherTheFileExistsOrNot() throws Exception {
        String missing = tmp.resolve("mssng.ttl").toUri().toString();
        String template = "LOAD <%s> INTO GRAPH <urn:test:stolen> ; }";
        HttpResponse<String> there = send("/update", "POST", "application/sparql-update",
                HttpRequest.BodyPublishers.ofString(template.formatted(local.toUri())));
        HttpResponse<String> notThere = send("/update", "POST", "application/sparql-update",
                HttpRequest.BodyPublishers.ofString(template.formatted(missing)));
        assertThat(there.statusCode()).isEqualTo(notThere.statusCode()).isEqualTo(400);
        assertThat(there.body().replace(local.toUri().toString(), "IRI")).isEqualTo(notThere.body().replace(missing, "IRI"));
    }

    /** An INSERT DATA of about {@code bytes} bytes. */
    static String bigUpdate(int bytes) {
        StringBuilder sb = new StringBuilder("INSERT DATA { GRAPH <urn:test:big> {\n");
        for (int i = 0; sb.length() < bytes; i++) {
            sb.append("<urn:test:s").append(i).append("> <urn:test:p> \"").append("x".repeat(80)).append("\" .\n");
        }
        return sb.append("} }\n").toString();
    }

    /** N-Triples of about {@code bytes} bytes. */
    static String bigTriples(int bytes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() < bytes; i++) {
            sb.append("<urn:test:s").append(i).append("> <urn:test:p> \"").append("y".repeat(80)).append("\" .\n");
        }
        return sb.toString();
    }

    /**
     * The status of a request whose body is sent in chunks (no length), or -1 when the server
     * closed the connection before the client read its answer: it answers 413 as soon as the
     * body passes the limit and stops reading, and the client may still be sending then (an
     * I/O error on its side). Either way, nothing may have changed; the caller checks that.
     */
    static int refusedOrCut(String path, String method, String contentType, String body) throws Exception {
        try {
            return send(path, method, contentType, HttpRequest.BodyPublishers.ofInputStream(
                    () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))).statusCode();
        } catch (IOException ex) {
            return -1;
        }
    }

    @Test
    void bodiesOverTheLimitAreRefusedAndChangeNothing() throws Exception {
        long before = quads();
        String under = bigUpdate(LIMIT / 2);
        String over = bigUpdate(LIMIT * 2);
        assertThat(send("/update", "POST", "application/sparql-update", HttpRequest.BodyPublishers.ofString(over))
                .statusCode()).as("update with a length").isEqualTo(413);
        assertThat(refusedOrCut("/update", "POST", "application/sparql-update", over))
                .as("update sent in chunks: 413, or the connection cut").isIn(413, -1);
        String triples = bigTriples(LIMIT * 2);
        assertThat(send("/data?graph=urn:test:upload", "PUT", "application/n-triples", HttpRequest.BodyPublishers.ofString(triples))
                .statusCode()).as("Graph Store PUT with a length").isEqualTo(413);
        assertThat(refusedOrCut("/data?graph=urn:test:upload", "POST", "application/n-triples", triples))
                .as("Graph Store POST sent in chunks: 413, or the connection cut").isIn(413, -1);
        assertThat(quads()).isEqualTo(before);
        assertThat(send("/update", "POST", "application/sparql-update", HttpRequest.BodyPublishers.ofString(under))
                .statusCode()).as("under the limit").isEqualTo(204);
        assertThat(quads()).isGreaterThan(before);
    }
}
