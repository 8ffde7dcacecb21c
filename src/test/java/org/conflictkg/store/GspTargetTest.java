package org.conflictkg.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP loader against a scripted local server: request shape, retries, giving up. */
class GspTargetTest {
    static final Path EXAMPLE = Path.of("examples/2020-01-31-newarab-saraqeb.facts.json");
    /** The first write of every load: the one-triple record that the store owes a derivation. */
    static final String RECORD = "PUT graph=" + org.conflictkg.rdf.CKG.GRAPH_DERIVE_PENDING.getURI();

    HttpServer server;
    final List<String> requests = new CopyOnWriteArrayList<>();

    /** A server that fails the first {@code failures} requests with {@code status}, then accepts. */
    String serve(int failures, int status) throws IOException {
        return serve(failures, status, 0);
    }

    /** As {@link #serve(int, int)}, and refuses dataset-level requests (no graph) with {@code datasetStatus} (0: accepts them). */
    String serve(int failures, int status, int datasetStatus) throws IOException {
        AtomicInteger seen = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ds/data", ex -> {
            String query = ex.getRequestURI().getQuery();
            requests.add(ex.getRequestMethod() + " " + query);
            ex.getRequestBody().readAllBytes();
            int code = seen.getAndIncrement() < failures ? status
                    : datasetStatus != 0 && query == null ? datasetStatus : 201;
            ex.sendResponseHeaders(code, -1);
            ex.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/ds/data";
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    LoadReport load(String url, int attempts) {
        return load(url, attempts, null);
    }

    final List<String> warnings = new CopyOnWriteArrayList<>();

    LoadReport load(String url, int attempts, String queryUrl) {
        GspTarget t = GspTarget.create(url).queryEndpoint(queryUrl).updateEndpoint(null)
                .retries(attempts, Duration.ofMillis(10)).warnings(warnings::add).build();
        // No derivation: this scripted server answers writes only. The load still records, first,
        // that the store owes one (RECORD).
        return StoreLoader.create(t, Converters.standardInputs()).derivation(null).build().load(List.of(EXAMPLE));
    }

    @Test
    void withoutAQueryEndpointEachGraphGoesInItsOwnRequest() throws IOException {
        // No query endpoint: a dataset POST could not be read back (some servers answer it with
        // success and store nothing), so the shared graph is merged by its own POST; the article
        // may exist, so it is replaced (PUT), after the shared quads.
        LoadReport r = load(serve(0, 0), 3);
        assertThat(r.ok()).isTrue();
        assertThat(requests).containsExactly(RECORD, "POST graph=" + StoreGraphs.REFERENCE_GRAPH.getURI(),
                "PUT graph=" + StoreGraphs.articleGraph("2020-01-31-newarab-saraqeb").getURI());
    }

    @Test
    void aDatasetPostAnsweredWithSuccessButNotStoredIsFoundOutAndTheLoadGoesGraphByGraph() throws IOException {
        String url = serve(0, 0);
        List<String> queries = new CopyOnWriteArrayList<>();
        server.createContext("/ds/query", ex -> {
            String q = java.net.URLDecoder.decode(ex.getRequestURI().getRawQuery() == null ? ""
                    : ex.getRequestURI().getRawQuery(), java.nio.charset.StandardCharsets.UTF_8)
                    + new String(ex.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            queries.add(q);
            byte[] body = (q.contains("ASK") ? "{\"head\": {}, \"boolean\": false}"
                    : "{\"head\": {\"vars\": [\"g\", \"h\"]}, \"results\": {\"bindings\": []}}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/sparql-results+json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        String queryUrl = url.replace("/ds/data", "/ds/query");
        LoadReport r = load(url, 3, queryUrl);
        assertThat(r.ok()).isTrue();
        assertThat(queries).hasSize(2); // the stored hashes, then the read-back
        assertThat(requests).containsExactly(RECORD, "POST null", "POST graph=" + StoreGraphs.REFERENCE_GRAPH.getURI(),
                "PUT graph=" + StoreGraphs.articleGraph("2020-01-31-newarab-saraqeb").getURI());
        assertThat(warnings).anyMatch(w -> w.contains("answered a dataset POST without storing it"));
    }

    @Test
    void anEndpointRefusingDatasetRequestsGetsOnePostPerSharedGraphThenOnePutOfTheArticleGraph() throws IOException {
        // A query endpoint that does not answer (404): hashes unknown, dataset POST tried.
        String url = serve(0, 0, 405);
        LoadReport r = load(url, 3, url.replace("/ds/data", "/ds/nothing"));
        assertThat(r.ok()).isTrue();
        assertThat(requests).hasSize(4);
        assertThat(requests.get(0)).isEqualTo(RECORD);
        assertThat(requests.get(1)).isEqualTo("POST null");
        assertThat(requests.get(2)).startsWith("POST graph=" + StoreGraphs.REFERENCE_GRAPH.getURI());
        assertThat(requests.get(3)).startsWith("PUT graph=" + StoreGraphs.ARTICLE_GRAPH_PREFIX);
    }

    @Test
    void transientFailuresAreRetried() throws IOException {
        LoadReport r = load(serve(2, 503), 3);
        assertThat(r.ok()).isTrue();
        assertThat(requests).hasSize(5);
        assertThat(requests.subList(0, 3)).containsOnly(RECORD); // failed twice, then stored
    }

    @Test
    void afterTheLastAttemptTheArticleFailsAndIsReported() throws IOException {
        LoadReport r = load(serve(100, 503), 3);
        assertThat(r.ok()).isFalse();
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.failures().get(0).problems().get(0)).contains("503").contains("3 attempt");
        assertThat(requests).hasSize(3);
    }

    @Test
    void clientErrorsAreNotRetried() throws IOException {
        LoadReport r = load(serve(100, 409), 5);
        assertThat(r.ok()).isFalse();
        assertThat(requests).hasSize(1);
    }

    @Test
    void forbiddenStopsTheLoad() throws IOException {
        String url = serve(100, 403);
        assertThatThrownBy(() -> load(url, 5)).isInstanceOf(StoreException.class).hasMessageContaining("403");
    }

    @Test
    void fusekiQueryEndpointIsDerivedFromItsDataEndpoint() {
        assertThat(GspTarget.fusekiQueryEndpoint("http://h:3030/kg/data")).isEqualTo("http://h:3030/kg/query");
        assertThat(GspTarget.fusekiQueryEndpoint("http://h:3030/kg/data/")).isEqualTo("http://h:3030/kg/query");
        assertThat(GspTarget.fusekiQueryEndpoint("http://h/store")).isNull();
    }
}
