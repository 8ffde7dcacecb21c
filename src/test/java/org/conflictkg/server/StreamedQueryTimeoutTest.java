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
import java.nio.file.Path;
import java.time.Duration;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.sse.SSE;
import org.apache.jena.system.Txn;
import org.conflictkg.store.TdbStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A query stopped by the server's timeout while its results are being sent must not look like a
 * complete answer: HTTP 503 while the response is still buffered, else a body the client cannot
 * read to a clean end. 200 triples and a one-second timeout make cross products that cannot finish.
 */
class StreamedQueryTimeoutTest {
    @TempDir
    static Path tmp;
    static KgServer server;
    static final HttpClient http = HttpClient.newHttpClient();

    /** Four patterns: 1.6 billion rows, streamed as fast as they are found, far past the timeout. */
    static final String ENDLESS_ROWS = "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
    /** One row at once, then a cross product whose filter never holds: stopped with one row written. */
    static final String ONE_ROW_THEN_NOTHING = "SELECT * { { VALUES ?x { 1 } } UNION "
            + "{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l FILTER(strlen(?c) + strlen(?f) + strlen(?i) + strlen(?l) < 0) } }";

    @BeforeAll
    static void start() {
        DatasetGraph dsg = TdbStores.createInMemory();
        Txn.executeWrite(dsg, () -> {
            // Objects of 4 KB: a row of the four-pattern product is some 16 KB, so the first rows
            // fill the server's buffer however slowly the machine runs.
            String padding = "x".repeat(4096);
            for (int i = 0; i < 200; i++) {
                dsg.add(SSE.parseQuad("(quad <https://example.org/g> <https://example.org/s" + i + "> <https://example.org/p> 'v" + i + " "
                        + padding + "')"));
            }
        });
        server = KgServer.create().dataset(dsg, tmp.resolve("fuseki")).ui(false).port(0).timeout(Duration.ofSeconds(1))
                .build().start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static HttpRequest get(String query, String accept) {
        return HttpRequest.newBuilder(URI.create(server.datasetUrl() + "/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .header("Accept", accept).build();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text/csv", "application/sparql-results+json", "application/sparql-results+xml", "text/tab-separated-values"})
    void resultsCutOffAfterTheStatusLineCannotBeReadToAnEnd(String accept) throws Exception {
        HttpResponse<InputStream> r = http.send(get(ENDLESS_ROWS, accept), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200); // the first rows went out before the timeout
        assertThatThrownBy(() -> {
            try (InputStream in = r.body()) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        }).isInstanceOf(IOException.class);
    }

    @org.junit.jupiter.api.Test
    void queryEndpointSaysTheResultsWereCutOff() throws Exception {
        Path file = java.nio.file.Files.writeString(tmp.resolve("endless.rq"), ENDLESS_ROWS + "\n");
        org.conflictkg.cli.CliRun r = org.conflictkg.cli.CliRun.run("query", file.toString(), "--endpoint",
                server.datasetUrl(), "-f", "csv");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().lines().toList()).as(r.err()).singleElement().asString().startsWith("error: ").contains("were cut off");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text/csv", "application/sparql-results+json"})
    void resultsCutOffWhileBufferedAre503WithoutTheRows(String accept) throws Exception {
        HttpResponse<String> r = http.send(get(ONE_ROW_THEN_NOTHING, accept), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("timed out").doesNotContain("\"x\"").doesNotContain("x\r\n");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"text/csv", "application/sparql-results+json"})
    void theServerKeepsAnsweringAfterwards(String accept) throws Exception {
        HttpResponse<String> r = http.send(get("SELECT ?s { ?s ?p ?o FILTER(strstarts(?o, 'v7 ')) }", accept),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("https://example.org/s7").doesNotContain("https://example.org/s8");
    }
}
