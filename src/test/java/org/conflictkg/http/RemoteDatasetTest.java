package org.conflictkg.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.sse.SSE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * How {@link RemoteDataset} speaks to a server, seen from a small HTTP server on an ephemeral
 * port: a query too long for a GET goes as an HTML form (the one POST every SPARQL 1.1 server
 * takes; Virtuoso 7 never answers a body of type application/sparql-query), and a request the
 * server never answers fails after the timeout, once, with one clear line.
 */
class RemoteDatasetTest {
    static final String EMPTY_RESULTS = "{\"head\":{\"vars\":[\"x\"]},\"results\":{\"bindings\":[]}}";
    static final Node GRAPH = NodeFactory.createURI("https://example.org/graph/g");

    /** A request as the server saw it. */
    record Seen(String method, String contentType, String query, String body) {
    }

    HttpServer server;
    ExecutorService threads = Executors.newCachedThreadPool();
    final List<Seen> seen = new CopyOnWriteArrayList<>();
    final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
        threads.shutdownNow();
    }

    /** A server that records each request and then lets {@code answer} reply. */
    String serve(Consumer<HttpExchange> answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(new Seen(ex.getRequestMethod(), ex.getRequestHeaders().getFirst("Content-Type"),
                    ex.getRequestURI().getRawQuery(), body));
            answer.accept(ex);
            ex.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    static void reply(HttpExchange ex, int status, String contentType, String body) {
        try {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", contentType);
            ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            ex.getResponseBody().write(bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Never answers (until the test ends). */
    void hang(HttpExchange ex) {
        try {
            release.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    RemoteDataset remote(String base, Duration timeout) {
        return RemoteDataset.create(base + "/sparql", base + "/data").timeout(timeout)
                .retry(HttpRetry.create().attempts(3).firstWait(Duration.ofMillis(1)).build()).build();
    }

    /** A SELECT with {@code n} IRIs in a VALUES block. */
    static Query queryOf(int n) {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < n; i++) {
            values.append(" <https://w3id.org/conflict-kg/place/geonames/").append(100000 + i).append('>');
        }
        return QueryFactory.create("SELECT ?x WHERE { VALUES ?x {" + values + " } ?x a ?type }");
    }

    static Map<String, String> form(String body) {
        Map<String, String> params = new ConcurrentHashMap<>();
        for (String kv : body.split("&")) {
            int eq = kv.indexOf('=');
            params.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    @Test
    void aShortQueryIsAGetAndALongOneAnHtmlFormPost() throws IOException {
        String base = serve(ex -> reply(ex, 200, "application/sparql-results+json", EMPTY_RESULTS));
        RemoteDataset remote = remote(base, Duration.ofSeconds(30));
        Query shortQuery = queryOf(2);
        Query longQuery = queryOf(200);
        assertThat(remote.select(shortQuery)).isEmpty();
        assertThat(remote.select(longQuery)).isEmpty();

        assertThat(seen).hasSize(2);
        assertThat(seen.get(0).method()).isEqualTo("GET");
        assertThat(QueryFactory.create(form(seen.get(0).query()).get("query"))).isEqualTo(shortQuery);
        Seen post = seen.get(1);
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.contentType()).startsWith("application/x-www-form-urlencoded");
        assertThat(QueryFactory.create(form(post.body()).get("query"))).isEqualTo(longQuery);
    }

    @Test
    void aQueryNeverAnsweredFailsAfterTheTimeoutAndIsNotSentAgain() throws IOException {
        String base = serve(this::hang);
        RemoteDataset remote = remote(base, Duration.ofMillis(300));
        assertThatThrownBy(() -> remote.select(queryOf(200)))
                .isInstanceOf(RemoteDataset.RemoteException.class)
                .hasMessage("query " + base + "/sparql failed: no answer within 0.3 s (the request timed out;"
                        + " the server may be stuck on it, or need more time)");
        assertThat(seen).hasSize(1);
    }

    @Test
    void aGraphStoreWriteNeverAnsweredFailsAfterTheTimeout() throws IOException {
        String base = serve(this::hang);
        RemoteDataset remote = remote(base, Duration.ofSeconds(1));
        Graph g = GraphFactory.createDefaultGraph();
        g.add(SSE.parseTriple("(<https://example.org/s> <https://example.org/p> 'o')"));
        assertThatThrownBy(() -> remote.post(GRAPH, g)).isInstanceOf(RemoteDataset.RemoteException.class)
                .hasMessageStartingWith("POST " + GRAPH.getURI() + " at " + base + "/data failed: no answer within 1 s");
        assertThatThrownBy(() -> remote.delete(GRAPH)).isInstanceOf(RemoteDataset.RemoteException.class)
                .hasMessageStartingWith("DELETE " + GRAPH.getURI() + " at " + base + "/data failed: no answer within 1 s");
        assertThat(seen).extracting(Seen::method).containsExactly("POST", "DELETE");
    }

    @Test
    void graphStoreWritesSendTheGraphAsNTriplesToItsGraph() throws IOException {
        String base = serve(ex -> reply(ex, ex.getRequestMethod().equals("DELETE") ? 404 : 201, "text/plain", ""));
        RemoteDataset remote = remote(base, Duration.ofSeconds(30));
        Graph g = GraphFactory.createDefaultGraph();
        g.add(SSE.parseTriple("(<https://example.org/s> <https://example.org/p> 'o \"quoted\"')"));
        g.add(SSE.parseTriple("(<https://example.org/s> <https://example.org/q> 42)"));
        remote.put(GRAPH, g);
        remote.post(GRAPH, g);
        remote.delete(GRAPH); // 404: the graph was not there, which is no error
        assertThat(seen).extracting(Seen::method).containsExactly("PUT", "POST", "DELETE");
        for (Seen s : seen.subList(0, 2)) {
            assertThat(s.contentType()).isEqualTo(Lang.NTRIPLES.getHeaderString());
            assertThat(form(s.query())).containsEntry("graph", GRAPH.getURI());
            Graph sent = GraphFactory.createDefaultGraph();
            RDFParser.fromString(s.body(), Lang.NTRIPLES).parse(sent);
            assertThat(sent.isIsomorphicWith(g)).isTrue();
        }
    }

    @Test
    void aLargePostIsSentInPartsThatTogetherAreTheGraph() throws IOException {
        String base = serve(ex -> reply(ex, 200, "text/plain", ""));
        RemoteDataset remote = RemoteDataset.create(base + "/sparql", base + "/data").postTriples(3).build();
        Graph g = GraphFactory.createDefaultGraph();
        for (int i = 0; i < 7; i++) {
            g.add(SSE.parseTriple("(<https://example.org/s" + i + "> <https://example.org/p> " + i + ")"));
        }
        remote.post(GRAPH, g);
        assertThat(seen).extracting(Seen::method).containsExactly("POST", "POST", "POST");
        Graph sent = GraphFactory.createDefaultGraph();
        List<Integer> sizes = new java.util.ArrayList<>();
        for (Seen s : seen) {
            Graph part = GraphFactory.createDefaultGraph();
            RDFParser.fromString(s.body(), Lang.NTRIPLES).parse(part);
            sizes.add(part.size());
            part.find().forEachRemaining(sent::add);
        }
        assertThat(sizes).containsExactly(3, 3, 1);
        assertThat(sent.isIsomorphicWith(g)).isTrue();
    }

    @Test
    void aRefusedWriteFailsAtOnceWithItsStatus() throws IOException {
        String base = serve(ex -> reply(ex, 400, "text/plain", "bad graph\nmore detail"));
        RemoteDataset remote = remote(base, Duration.ofSeconds(30));
        Graph g = GraphFactory.createDefaultGraph();
        g.add(SSE.parseTriple("(<https://example.org/s> <https://example.org/p> 'o')"));
        assertThatThrownBy(() -> remote.put(GRAPH, g)).isInstanceOf(RemoteDataset.RemoteException.class)
                .hasMessageStartingWith("PUT " + GRAPH.getURI() + " at " + base + "/data failed after 1 attempt(s): HTTP 400")
                .satisfies(e -> assertThat(((RemoteDataset.RemoteException) e).status()).isEqualTo(400));
        assertThat(seen).hasSize(1);
    }
}
