package org.conflictkg.store;

import org.conflictkg.server.KgServer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.conflictkg.cli.Stages;

/**
 * Batched HTTP loading against the embedded server ({@code serve --update}) behind a local
 * recording proxy that can fail or refuse requests: the store ends as an embedded load of the
 * same input would leave it, with few requests, and consistent after failures.
 */
class GspBatchLoadTest {
    static final Path EXAMPLE = Path.of("examples/2020-01-31-newarab-saraqeb.facts.json");
    static final String USER = "loader";
    static final String PASSWORD = "batch-test-password";
    static final int ARTICLES = 24;

    @TempDir
    static Path tmp;
    static List<Path> corpus;
    static Path passwords;
    static int perArticle;

    KgServer server;
    DatasetGraph served;
    HttpServer proxy;
    /** Requests the proxy saw: method, path and query. */
    final List<String> requests = new CopyOnWriteArrayList<>();
    /** The requests the store answered with success (a request the client sent again after a lost answer counts once per success). */
    final List<String> succeeded = new CopyOnWriteArrayList<>();
    /** Decides per request: null forwards it; a status answers it without forwarding; a negative status forwards it, then answers minus that status (the answer is lost). */
    volatile Function<String, Integer> policy = r -> null;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void makeCorpus() throws IOException {
        corpus = writeCorpus(tmp.resolve("corpus"), null);
        passwords = PasswordFixture.write(tmp.resolve("passwords"), USER + ": " + PASSWORD + "\n");
        DatasetGraph one = TdbStores.createInMemory();
        StoreLoader.create(new TdbTarget(one, 1000), Converters.standardInputs()).derivation(Stages.derivation()).build().load(corpus.subList(0, 1));
        Node g = StoreGraphs.articleGraph("b-0000");
        perArticle = (int) (long) Txn.calculateRead(one, () -> one.stream(g, Node.ANY, Node.ANY, Node.ANY).count());
    }

    /** {@link #ARTICLES} copies of the example with their own ids; {@code changedTitle} alters article 7. */
    static List<Path> writeCorpus(Path dir, String changedTitle) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Path> files = new ArrayList<>();
        Files.createDirectories(dir);
        for (int i = 0; i < ARTICLES; i++) {
            ObjectNode doc = (ObjectNode) json.readTree(EXAMPLE.toFile());
            ObjectNode article = (ObjectNode) doc.get("article");
            article.put("id", String.format(Locale.ROOT, "b-%04d", i));
            if (i == 7 && changedTitle != null) {
                article.put("title", changedTitle);
            }
            Path p = dir.resolve(String.format(Locale.ROOT, "b-%04d.facts.json", i));
            json.writeValue(p.toFile(), doc);
            files.add(p);
        }
        return files;
    }

    @BeforeEach
    void start() throws IOException {
        served = TdbStores.createInMemory();
        server = KgServer.create().dataset(served, null).ui(false).port(0).update(true).passwordFile(passwords).build().start();
        String backend = server.datasetUrl();
        proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        proxy.createContext("/kg", ex -> forward(ex, backend));
        proxy.start();
    }

    @AfterEach
    void stop() {
        if (proxy != null) {
            proxy.stop(0);
        }
        if (server != null) {
            server.close();
        }
    }

    private void forward(HttpExchange ex, String backend) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        String query = ex.getRequestURI().getRawQuery();
        String line = ex.getRequestMethod() + " " + path + (query == null ? "" : "?" + query);
        requests.add(line);
        byte[] body = ex.getRequestBody().readAllBytes();
        Integer decided = policy.apply(line);
        try {
            if (decided != null && decided > 0) {
                ex.sendResponseHeaders(decided, -1);
                return;
            }
            HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(backend + path.substring("/kg".length())
                    + (query == null ? "" : "?" + query)))
                    .method(ex.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            for (String h : List.of("Content-Type", "Authorization", "Accept")) {
                String v = ex.getRequestHeaders().getFirst(h);
                if (v != null) {
                    rb.header(h, v);
                }
            }
            HttpResponse<byte[]> resp = http.send(rb.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (resp.statusCode() == 401 && ex.getRequestHeaders().getFirst("Authorization") == null) {
                // Sent without credentials and answered by the server's challenge: the client
                // learns the scheme (basic here) and sends it again; not a write, not counted.
                requests.remove(line);
            }
            if (decided == null && resp.statusCode() / 100 == 2) {
                succeeded.add(line);
            }
            if (decided != null) {
                ex.sendResponseHeaders(-decided, -1); // applied, but the client hears a failure
                return;
            }
            resp.headers().firstValue("Content-Type").ifPresent(v -> ex.getResponseHeaders().set("Content-Type", v));
            resp.headers().firstValue("WWW-Authenticate").ifPresent(v -> ex.getResponseHeaders().set("WWW-Authenticate", v));
            byte[] out = resp.body();
            ex.sendResponseHeaders(resp.statusCode(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(out);
                }
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            ex.sendResponseHeaders(500, -1);
        } finally {
            ex.close();
        }
    }

    String gspUrl() {
        return "http://127.0.0.1:" + proxy.getAddress().getPort() + "/kg/data";
    }

    LoadReport loadHttp(List<Path> files, int batchQuads) {
        return loadHttp(files, GspTarget.create(gspUrl()).batchQuads(batchQuads));
    }

    LoadReport loadHttp(List<Path> files, GspTarget.Builder b) {
        GspTarget t = b.credentials(USER, PASSWORD).retries(3, Duration.ofMillis(10)).build();
        // Derivation (unchanged by batching, and slow on this corpus of copies) is left out on both sides.
        return StoreLoader.create(t, Converters.standardInputs()).derivation(null).build().load(files);
    }

    static Set<Quad> embedded(List<Path> files) {
        DatasetGraph dsg = TdbStores.createInMemory();
        StoreLoader.create(new TdbTarget(dsg, 1000), Converters.standardInputs()).derivation(null).build().load(files);
        Set<Quad> all = quads(dsg);
        // A TDB2 store records the derivation it owes (here: all of it) in its own default graph.
        all.removeIf(q -> q.getPredicate().equals(org.conflictkg.rdf.CKG.derivePending));
        return all;
    }

    static Set<Quad> quads(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> {
            Set<Quad> all = new HashSet<>();
            dsg.find().forEachRemaining(all::add);
            return all;
        });
    }

    /** The served store holds exactly the quads an embedded load of {@code files} gives. */
    void assertSameAsEmbedded(List<Path> files) {
        Set<Quad> expected = embedded(files);
        Set<Quad> actual = quads(served);
        // Over HTTP the store records in a graph of its own that it owes a derivation (these loads do not derive).
        Node pending = org.conflictkg.rdf.CKG.GRAPH_DERIVE_PENDING;
        Quad record = Quad.create(pending, pending, org.conflictkg.rdf.CKG.derivePending, pending);
        assertThat(actual).as("the record of the owed derivation").contains(record);
        actual.remove(record);
        Set<Quad> missing = new HashSet<>(expected);
        missing.removeAll(actual);
        Set<Quad> extra = new HashSet<>(actual);
        extra.removeAll(expected);
        assertThat(missing.stream().limit(5).toList()).as("missing over HTTP").isEmpty();
        assertThat(extra.stream().limit(5).toList()).as("extra over HTTP").isEmpty();
        assertThat(actual).hasSameSizeAs(expected);
    }

    /** The PUT of the one-triple record that the store owes a derivation, the first write of a load over HTTP. */
    static boolean isRecord(String request) {
        return request.equals("PUT /kg/data?graph=" + org.conflictkg.rdf.CKG.GRAPH_DERIVE_PENDING.getURI());
    }

    long count(String prefix) {
        return requests.stream().filter(r -> r.startsWith(prefix)).count();
    }

    /** Every article graph served is whole and carries its hash; returns how many there are. */
    int wholeArticles() {
        return Txn.calculateRead(served, () -> {
            Map<Node, String> hashes = TdbStores.storedHashes(served);
            List<Node> graphs = new ArrayList<>();
            served.listGraphNodes().forEachRemaining(graphs::add);
            int n = 0;
            for (Node g : graphs) {
                if (StoreGraphs.isArticleGraph(g)) {
                    n++;
                    assertThat(hashes).containsKey(g);
                    assertThat(served.stream(g, Node.ANY, Node.ANY, Node.ANY).count()).as(g.getURI()).isEqualTo(perArticle);
                }
            }
            return n;
        });
    }

    @Test
    void manyArticlesPerRequestGiveTheSameStoreAsAnEmbeddedLoad() {
        LoadReport r = loadHttp(corpus, 6 * perArticle);
        assertThat(r.ok()).isTrue();
        assertThat(r.loaded()).isEqualTo(ARTICLES);
        assertSameAsEmbedded(corpus);
        // About six articles per request: 4 or 5 dataset POSTs and no other write.
        // (Counted as the store answered them: on a loaded machine a request may time out and go again.)
        assertThat(succeeded.stream().filter("POST /kg/data"::equals).count()).as("%s", requests).isBetween(3L, 5L);
        assertThat(requests).noneMatch(q -> q.startsWith("POST /kg/data?") || q.startsWith("POST /kg/update")
                || q.startsWith("PUT") && !isRecord(q));
    }

    @Test
    void aChangedArticleIsReplacedAloneInOneUpdate() throws IOException {
        assertThat(loadHttp(corpus, 6 * perArticle).ok()).isTrue();
        List<Path> changed = writeCorpus(tmp.resolve("changed"), "A changed title");
        requests.clear();
        LoadReport r = loadHttp(changed, 6 * perArticle);
        assertThat(r.ok()).as("%s", r.failures()).isTrue();
        assertThat(r.loaded()).isEqualTo(1);
        assertThat(r.unchanged()).isEqualTo(ARTICLES - 1);
        assertThat(count("POST /kg/update")).isEqualTo(1);
        assertThat(count("POST /kg/data")).isZero(); // nor any per-graph write
        assertSameAsEmbedded(changed);
    }

    @Test
    void withoutStoredHashesEachBatchIsOneUpdateReplacingItsGraphs() {
        assertThat(loadHttp(corpus.subList(0, 5), 6 * perArticle).ok()).isTrue();
        requests.clear();
        // No query endpoint: any article may be stored already, so every batch replaces.
        LoadReport r = loadHttp(corpus, GspTarget.create(gspUrl()).queryEndpoint(null).batchQuads(6 * perArticle));
        assertThat(r.ok()).isTrue();
        assertThat(r.loaded()).isEqualTo(ARTICLES);
        assertThat(count("POST /kg/update")).isBetween(3L, 5L);
        assertThat(requests.get(0)).matches(GspBatchLoadTest::isRecord);
        assertThat(requests.subList(1, requests.size())).allMatch(q -> q.startsWith("POST /kg/update"));
        assertSameAsEmbedded(corpus);
    }

    @Test
    void aBatchWhoseAnswerIsLostOrFailsIsRetriedAndTheStoreEndsTheSame() {
        int[] posts = {0};
        policy = line -> {
            if (!line.equals("POST /kg/data")) {
                return null;
            }
            posts[0]++;
            return posts[0] == 2 ? Integer.valueOf(-500) // applied, answer lost
                    : posts[0] == 3 ? Integer.valueOf(503) : null; // not applied
        };
        LoadReport r = loadHttp(corpus, 6 * perArticle);
        assertThat(r.ok()).isTrue();
        assertSameAsEmbedded(corpus);
        assertThat(wholeArticles()).isEqualTo(ARTICLES);
    }

    @Test
    void aBatchFailingForGoodLeavesWholeArticlesAndARerunCompletesTheStore() {
        int[] posts = {0};
        policy = line -> line.equals("POST /kg/data") && ++posts[0] >= 2 ? Integer.valueOf(500) : null;
        LoadReport r = loadHttp(corpus, 6 * perArticle);
        assertThat(r.ok()).isFalse();
        int in = wholeArticles();
        assertThat(in).isLessThan(ARTICLES);
        assertThat(r.loaded()).isEqualTo(in);

        policy = line -> null;
        LoadReport rerun = loadHttp(corpus, 6 * perArticle);
        assertThat(rerun.ok()).isTrue();
        assertThat(rerun.unchanged()).isEqualTo(in);
        assertSameAsEmbedded(corpus);
    }

    @Test
    void anEndpointWithoutDatasetRequestsOrUpdateGetsOneRequestPerGraph() throws IOException {
        policy = line -> line.equals("POST /kg/data") ? Integer.valueOf(405)
                : line.startsWith("POST /kg/update") ? Integer.valueOf(404) : null;
        LoadReport r = loadHttp(corpus, 6 * perArticle);
        assertThat(r.ok()).isTrue();
        assertSameAsEmbedded(corpus);
        assertThat(requests.stream().filter("POST /kg/data"::equals).count()).isEqualTo(1); // refused once, then not tried again
        assertThat(count("PUT /kg/data?graph=" + StoreGraphs.ARTICLE_GRAPH_PREFIX)).as("%s", requests).isEqualTo(ARTICLES);

        List<Path> changed = writeCorpus(tmp.resolve("changed-plain"), "Changed for a plain endpoint");
        requests.clear();
        LoadReport r2 = loadHttp(changed, 6 * perArticle);
        assertThat(r2.loaded()).isEqualTo(1);
        assertSameAsEmbedded(changed);
    }
}
