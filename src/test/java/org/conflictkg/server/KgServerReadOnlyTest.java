package org.conflictkg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.sse.SSE;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.conflictkg.store.TdbStores;

/** A server started without --update: reads work, writes do not exist, queries time out. */
class KgServerReadOnlyTest {
    @TempDir
    static Path tmp;
    static KgServer server;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        Path db = tmp.resolve("kg");
        DatasetGraph dsg = TdbStores.openOrCreate(db);
        Txn.executeWrite(dsg, () -> {
            // 200 triples in two named graphs: enough for a cross product that cannot finish in a second.
            for (int i = 0; i < 200; i++) {
                String g = i % 2 == 0 ? "<https://example.org/g1>" : "<https://example.org/g2>";
                Quad q = SSE.parseQuad("(quad " + g + " <https://example.org/s" + i + "> <https://example.org/p> " + i + ")");
                dsg.add(q);
            }
        });
        server = KgServer.create().database(db).port(0).timeout(Duration.ofSeconds(1)).build().start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> query(String sparql) throws Exception {
        return get("kg/query?query=" + URLEncoder.encode(sparql, StandardCharsets.UTF_8));
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThat(server.boundHost()).isEqualTo("127.0.0.1");
        assertThat(server.baseUrl()).startsWith("http://127.0.0.1:");
    }

    @Test
    void unreachableThroughThisMachinesOtherAddresses() throws Exception {
        List<java.net.InetAddress> others = new java.util.ArrayList<>();
        for (var nif : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            if (nif.isUp() && !nif.isLoopback()) {
                for (var a : java.util.Collections.list(nif.getInetAddresses())) {
                    if (a instanceof java.net.Inet4Address) {
                        others.add(a);
                    }
                }
            }
        }
        org.junit.jupiter.api.Assumptions.assumeFalse(others.isEmpty(), "no non-loopback IPv4 address on this machine");
        for (var a : others) {
            try (java.net.Socket s = new java.net.Socket()) {
                assertThatThrownBy(() -> s.connect(new java.net.InetSocketAddress(a, server.port()), 2000))
                        .as("connect via %s", a).isInstanceOf(java.io.IOException.class);
            }
        }
    }

    @Test
    void defaultGraphIsTheUnionOfTheNamedGraphs() throws Exception {
        HttpResponse<String> r = query("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains(">200<");
    }

    @Test
    void updateEndpointIsAbsent() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.datasetUrl() + "/update"))
                .header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { <urn:a> <urn:b> <urn:c> }")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isIn(400, 404, 405);
        HttpResponse<String> viaDataset = http.send(HttpRequest.newBuilder(URI.create(server.datasetUrl()))
                .header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { <urn:a> <urn:b> <urn:c> }")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(viaDataset.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(query("ASK { <urn:a> ?p ?o }").body()).contains("false");
    }

    @Test
    void graphStoreWritesAreRefused() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.datasetUrl() + "?graph=urn:x"))
                .header("Content-Type", "text/turtle")
                .PUT(HttpRequest.BodyPublishers.ofString("<urn:a> <urn:b> <urn:c> .")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(query("ASK { <urn:a> ?p ?o }").body()).contains("false");
    }

    @Test
    void graphStoreReadWorks() throws Exception {
        HttpResponse<String> r = get("kg/get?graph=" + URLEncoder.encode("https://example.org/g1", StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("https://example.org/s0");
    }

    @Test
    void serviceIsRefused() throws Exception {
        HttpResponse<String> r = query("SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }");
        assertThat(r.statusCode()).isGreaterThanOrEqualTo(400);
    }

    @Test
    void longQueryIsStoppedAndServerKeepsServing() throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = query("SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }");
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(took).isLessThan(Duration.ofSeconds(20));
        assertThat(query("ASK { ?s ?p ?o }").statusCode()).isEqualTo(200);
    }

    @Test
    void uiIsServedAndListsTheDataset() throws Exception {
        HttpResponse<String> index = get("");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).containsIgnoringCase("<html");
        HttpResponse<String> status = get("$/server");
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("\"/kg\"");
    }

    @Test
    void adminAreaIsClosed() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "$/datasets?dbName=x&dbType=mem"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isIn(404, 405);
        assertThat(get("$/backup/kg").statusCode()).isIn(404, 405);
    }

    @Test
    void fusekiBaseLivesBesideTheDatabase() {
        assertThat(tmp.resolve("kg.fuseki")).isDirectory();
        assertThat(Path.of("run")).doesNotExist();
    }
}
