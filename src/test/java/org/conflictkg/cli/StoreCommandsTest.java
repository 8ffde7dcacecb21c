package org.conflictkg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.conflictkg.server.KgServer;
import org.conflictkg.store.TdbStores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store commands end to end, through the command line. */
class StoreCommandsTest {
    static final String EXAMPLE = "examples/2020-01-31-newarab-saraqeb.facts.json";

    @TempDir
    static Path tmp;
    static Path db;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Main.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void load() {
        db = tmp.resolve("kg");
        Run r = run("load", EXAMPLE, "--db", db.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("1 loaded");
    }

    @Test
    void loadingAgainChangesNothing() {
        long before = TdbStores.quadCount(TdbStores.openExisting(db));
        Run r = run("load", EXAMPLE, "--db", db.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("0 loaded, 1 unchanged");
        assertThat(TdbStores.quadCount(TdbStores.openExisting(db))).isEqualTo(before);
    }

    @Test
    void aBadDocumentIsReportedWithItsPositionAndTheRunExitsTwo() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.facts.json"),
                Files.readString(Path.of(EXAMPLE)).replace("\"id\": \"2020-01-31-newarab-saraqeb\"", "\"id\": 42"));
        Path other = tmp.resolve("other-db");
        Run r = run("load", bad.toString(), EXAMPLE, "--db", other.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).containsPattern(java.util.regex.Pattern.quote(bad.toString()) + ":\\d+:\\d+");
        assertThat(r.out()).contains("1 loaded").contains("1 failed");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("load", EXAMPLE, "--db", db.toString(), "--user", "u").code()).isEqualTo(2);
        assertThat(run("load", EXAMPLE, "--db", db.toString(), "--endpoint", "http://127.0.0.1:9/x").code()).isEqualTo(2);
        assertThat(run("load", tmp.resolve("missing.json").toString(), "--db", db.toString()).code()).isEqualTo(2);
        assertThat(run("query", "controller-at", "--db", db.toString()).err()).contains("needs --param date");
        assertThat(run("query", "controller-at", "--db", tmp.resolve("nothing").toString(), "-p", "date=2020-01-30").code())
                .isEqualTo(2);
        assertThat(run("serve", "--db", tmp.resolve("s").toString(), "--update").err()).contains("--password-file");
    }

    @Test
    void queryCsvGivesTheControllers() {
        Run r = run("query", "controller-at", "--db", db.toString(), "--param", "date=2020-01-30", "--format", "csv");
        assertThat(r.code()).as(r.err()).isZero();
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_CSV);
        assertThat(rs.getResultVars()).containsExactly("place", "placeLabel", "controller", "controllerLabel", "since", "status", "sources");
        List<String> lines = r.out().lines().toList();
        assertThat(lines).anyMatch(l -> l.contains("Maarat al-Numan") && l.contains("Syrian government forces"));
        assertThat(lines).anyMatch(l -> l.contains("Saraqeb") && l.contains("Syrian rebels"));
    }

    @Test
    void queryJsonAndTableFormats() {
        Run json = run("query", "places", "--db", db.toString(), "-f", "json");
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(json.out().getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_JSON);
        int n = 0;
        while (rs.hasNext()) {
            rs.next();
            n++;
        }
        Run table = run("query", "places", "--db", db.toString());
        assertThat(table.out().lines().toList()).hasSize(n + 3).last().isEqualTo(n + (n == 1 ? " row" : " rows"));
    }

    @Test
    void queryInMemoryDataAndQueryFiles() throws Exception {
        Run r = run("query", "control-changes", "--data", EXAMPLE, "-f", "tsv");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().count()).isEqualTo(3); // header and two changes
        Path q = Files.writeString(tmp.resolve("count.rq"), "# count: number of quads in the union graph\nSELECT (COUNT(*) AS ?n) { ?s ?p ?o }\n");
        Run c = run("query", q.toString(), "--data", EXAMPLE, "-f", "csv");
        assertThat(c.out()).startsWith("n");
        Run slow = run("query", writeSlow().toString(), "--data", EXAMPLE, "--timeout", "0.3");
        assertThat(slow.code()).isEqualTo(1);
        assertThat(slow.err()).contains("timeout");
    }

    static Path writeSlow() throws Exception {
        return Files.writeString(tmp.resolve("slow.rq"),
                "# slow: a cross product\nSELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?o ?p }\n");
    }

    @Test
    void queryListShowsEveryNamedQuery() {
        Run r = run("query", "--list");
        assertThat(r.out()).contains("control-changes", "controller-at", "figures", "places", "highway-towns",
                "disputed", "article-facts", "--param date=date (required)");
    }

    @Test
    void exportTheStoreAndOneArticle() throws Exception {
        Run all = run("export", "--db", db.toString(), "--format", "nquads");
        assertThat(all.code()).as(all.err()).isZero();
        DatasetGraph parsed = DatasetGraphFactory.createTxnMem();
        RDFParser.fromString(all.out(), Lang.NQUADS).parse(parsed);
        assertThat(parsed.stream().count()).isEqualTo(TdbStores.quadCount(TdbStores.openExisting(db)));

        Run one = run("export", "--db", db.toString(), "--article", "2020-01-31-newarab-saraqeb", "--format", "turtle");
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(one.out(), Lang.TURTLE).parse(g);
        assertThat((long) g.size()).isPositive().isLessThan(parsed.stream().count());

        Path file = tmp.resolve("dump.trig");
        assertThat(run("export", "--db", db.toString(), "-o", file.toString()).code()).isZero();
        DatasetGraph fromFile = DatasetGraphFactory.createTxnMem();
        RDFParser.source(file).parse(fromFile);
        assertThat(fromFile.stream().count()).isEqualTo(parsed.stream().count());

        Run missing = run("export", "--db", db.toString(), "--article", "no-such-article");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("no article no-such-article");
    }

    @Test
    void queryAndExportOverHttp() {
        try (KgServer server = KgServer.create().database(db).port(0).ui(false).build().start()) {
            Run q = run("query", "controller-at", "--endpoint", server.datasetUrl() + "/query", "-p", "date=2020-01-30", "-f", "csv");
            assertThat(q.code()).as(q.err()).isZero();
            assertThat(q.out()).contains("Maarat al-Numan").contains("Syrian government forces");
            Run local = run("query", "controller-at", "--db", db.toString(), "-p", "date=2020-01-30", "-f", "csv");
            assertThat(q.out()).isEqualTo(local.out());

            Run e = run("export", "--endpoint", server.datasetUrl() + "/get", "--format", "nquads");
            assertThat(e.code()).as(e.err()).isZero();
            assertThat(e.out().lines().count()).isEqualTo(TdbStores.quadCount(TdbStores.openExisting(db)));
            Run missing = run("export", "--endpoint", server.datasetUrl() + "/get", "--article", "nope");
            assertThat(missing.code()).isEqualTo(2);
            // The dataset URL serves every format: RDF through its Graph Store, GeoJSON and CSV through its query service.
            Run byDataset = run("export", "--endpoint", server.datasetUrl(), "--format", "nquads");
            assertThat(byDataset.code()).as(byDataset.err()).isZero();
            assertThat(byDataset.out()).isEqualTo(e.out());
            Run geo = run("export", "--endpoint", server.datasetUrl(), "--format", "geojson", "--date", "2020-01-30");
            assertThat(geo.code()).as(geo.err()).isZero();
            assertThat(geo.out()).contains("\"FeatureCollection\"");
            assertThat(geo.err()).contains("coordinates"); // this store is not linked: its places are counted, not written
            Run wrong = run("export", "--endpoint", server.datasetUrl() + "/update", "--format", "nquads");
            assertThat(wrong.code()).isEqualTo(2);
            assertThat(wrong.err().strip()).contains(server.datasetUrl() + "/get").doesNotContain("\n");
        }
    }

    @Test
    void demoPrintsAnswersWithoutServing() {
        Run r = run("demo", "--temp", "--no-serve");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Maarat al-Numan: Syrian government forces").contains("Saraqeb: Syrian rebels");
    }

    @Test
    void demoServesTheUiAndAnswersSparqlAtTheUrlItPrints() throws Exception {
        StringWriter out = new StringWriter();
        var cl = Main.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        CompletableFuture<Integer> done = CompletableFuture.supplyAsync(
                () -> cl.execute("demo", "--db", tmp.resolve("demo-kg").toString(), "--port", "0", "--stop-after", "4"));
        String queryUrl = null;
        for (int i = 0; i < 300 && queryUrl == null; i++) {
            queryUrl = out.toString().lines().filter(l -> l.contains("SPARQL query:")).map(l -> l.replaceFirst(".*SPARQL query:\\s*", ""))
                    .findFirst().orElse(null);
            Thread.sleep(100);
        }
        assertThat(queryUrl).as(out.toString()).startsWith("http://127.0.0.1:");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> q = http.send(HttpRequest.newBuilder(URI.create(queryUrl + "?query="
                + URLEncoder.encode("ASK { ?s a <https://w3id.org/conflict-kg/ontology#ControlChange> }", StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(q.body()).contains("true");
        String ui = queryUrl.replace("kg/query", "");
        assertThat(http.send(HttpRequest.newBuilder(URI.create(ui)).GET().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(200);
        assertThat(tmp.resolve("demo-kg.fuseki")).isDirectory();
        // --stop-after ends it the way Ctrl-C does: server stopped, database released, exit 0
        assertThat(done.get(60, java.util.concurrent.TimeUnit.SECONDS)).isZero();
    }
}
