package org.conflictkg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.exec.http.GSP;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.graph.GraphFactory;
import org.conflictkg.http.HttpAuth;
import org.conflictkg.query.NamedQueries;
import org.conflictkg.rdf.CKG;
import org.conflictkg.server.KgServer;
import org.conflictkg.store.PasswordFixture;
import org.conflictkg.store.StoreGraphs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same graph and the same answers on Virtuoso as on Fuseki. An embedded Fuseki (over TDB2)
 * and a local {@code virtuoso-t} both get the bundled example, the timeline fixture and an article
 * without a publisher (with a figure and a change stated in its own voice: facts without a source) through
 * {@code load --endpoint} (Virtuoso: its Graph Store with digest authentication); Fuseki's
 * links and derived graphs (from {@code link --db} and the load's derivation) are copied into
 * Virtuoso through the Graph Store Protocol. Then every named query runs on both through
 * {@code query --endpoint} with the same parameters, and the answers must be the same rows, order
 * aside: IRIs exactly, numbers, dates and booleans by value, blank nodes as blank nodes, and
 * lists built by GROUP_CONCAT as the same items (SPARQL leaves their order to the store). The
 * one query that needs Jena's GeoSPARQL functions ({@link #JENA_ONLY}) must fail on Virtuoso,
 * not answer differently.
 * Last, the same documents as N-Quads shards ({@code convert}) go through Virtuoso's bulk loader
 * ({@code scripts/virtuoso-bulk-load}) and give the same triples per graph as the Graph Store
 * load, less the loader's content-hash triple, which only {@code load} writes.
 * And {@code derive --endpoint} on Virtuoso writes the same derived graph as Fuseki's store holds.
 *
 * <p>Skipped without {@code virtuoso-t}; under CI=true it must run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VirtuosoPortabilityTest {
    static final String EXAMPLE = "examples/2020-01-31-newarab-saraqeb.facts.json";
    static final String FIXTURE = "src/test/resources/org/conflictkg/derive/saraqeb-2020";
    static final String NO_PUBLISHER = "src/test/resources/org/conflictkg/query/control-changes/no-publisher.facts.json";
    /**
     * Reports that controller-at-reports must rule out: a later change from a side, and a side
     * held as of a later day, with a completed change in between; a side held as of a day after its
     * reported start, which is after the day asked about (2020-04-15).
     */
    static final String HELD_BETWEEN = "src/test/resources/org/conflictkg/query/controller-at-reports/held-between.facts.json";
    static final String SARAQEB = "https://w3id.org/conflict-kg/place/geonames/164816";
    static final String M5 = "https://w3id.org/conflict-kg/highway/in/163843/m5";
    static final String KG = "https://w3id.org/conflict-kg/";

    /**
     * Named queries that call a Jena extension function (near-highway: GeoSPARQL's great-circle
     * distance from a point to a line, which standard SPARQL 1.1 cannot compute: it has no square
     * root or trigonometry). On Fuseki they answer; elsewhere the store refuses them.
     */
    static final java.util.Set<String> JENA_ONLY = java.util.Set.of("near-highway");

    @TempDir
    static Path tmp;
    static KgServer fuseki;
    static VirtuosoProcess virtuoso;
    static Path fusekiPasswords;
    static Path virtuosoPassword;

    @BeforeAll
    static void start() throws Exception {
        Path vdir = Files.createDirectories(tmp.resolve("virtuoso"));
        virtuoso = VirtuosoProcess.start(vdir);
        fusekiPasswords = PasswordFixture.write(tmp.resolve("fuseki-passwords"), "loader: pw-for-tests\n");
        virtuosoPassword = PasswordFixture.write(tmp.resolve("virtuoso-password"), virtuoso.loaderPassword() + "\n");
        fuseki = KgServer.create().database(tmp.resolve("kg")).port(0).ui(false).update(true)
                .passwordFile(fusekiPasswords).build().start();
        CliRun f = CliRun.run("load", EXAMPLE, FIXTURE, NO_PUBLISHER, HELD_BETWEEN, "--endpoint", fuseki.datasetUrl(), "--user", "loader",
                "--password-file", fusekiPasswords.toString(), "--no-progress");
        assertThat(f.exitCode()).as(f.err()).isZero();
        CliRun link = CliRun.run("link", "--db", tmp.resolve("kg").toString(), "--no-wikidata", "--quiet");
        assertThat(link.exitCode()).as(link.err()).isZero();
    }

    @AfterAll
    static void stop() {
        if (fuseki != null) {
            fuseki.close();
        }
        if (virtuoso != null) {
            virtuoso.close();
        }
    }

    static CliRun loadVirtuoso(String... extra) {
        List<String> args = new ArrayList<>(List.of("load", EXAMPLE, FIXTURE, NO_PUBLISHER, HELD_BETWEEN, "--endpoint", virtuoso.graphStoreUrl(),
                "--sparql", virtuoso.sparqlUrl(), "--user", VirtuosoProcess.LOADER, "--password-file",
                virtuosoPassword.toString(), "--no-progress", "--no-derive", "--retries", "2"));
        args.addAll(List.of(extra));
        return CliRun.run(args.toArray(String[]::new));
    }

    /** Article graph IRIs (with the reference graph) as Fuseki holds them. */
    static List<Node> loadedGraphs() {
        List<Node> graphs = new ArrayList<>();
        try (var exec = QueryExecHTTP.service(fuseki.datasetUrl() + "/query")
                .query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } } ORDER BY ?g").build()) {
            exec.select().forEachRemaining(b -> graphs.add(b.get("g")));
        }
        return graphs.stream().filter(g -> g.getURI().startsWith(KG + "graph/article/")
                || g.equals(CKG.GRAPH_REFERENCE)).toList();
    }

    static Graph fusekiGraph(Node g) {
        return GSP.service(fuseki.datasetUrl() + "/get").graphName(g).GET();
    }

    static Graph virtuosoGraph(Node g) {
        try (HttpAuth auth = HttpAuth.register(VirtuosoProcess.LOADER, virtuoso.loaderPassword(), virtuoso.graphStoreUrl())) {
            return GSP.service(virtuoso.graphStoreUrl()).graphName(g).GET();
        }
    }

    @Test
    @Order(1)
    void loadWithDigestCredentialsIsIdempotentAndResumable() {
        CliRun first = loadVirtuoso();
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("9 loaded, 0 unchanged, 0 failed");
        CliRun again = loadVirtuoso();
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).startsWith("0 loaded, 9 unchanged, 0 failed"); // hashes read back through SPARQL
        CliRun forced = loadVirtuoso("--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.out()).startsWith("9 loaded, 0 unchanged, 0 failed"); // each graph replaced, not doubled
        CliRun wrong = CliRun.run("load", EXAMPLE, "--endpoint", virtuoso.graphStoreUrl(), "--sparql", virtuoso.sparqlUrl(),
                "--user", VirtuosoProcess.LOADER, "--password-file",
                PasswordFixture.write(tmp.resolve("wrong"), "not-the-password\n").toString(), "--no-progress",
                "--no-derive", "--force", "--retries", "1");
        assertThat(wrong.exitCode()).isEqualTo(2); // refused credentials stop the load as bad input
        assertThat(wrong.err()).contains("refused the write (HTTP 401)");

        List<Node> graphs = loadedGraphs(); // 9 articles and the reference graph
        assertThat(graphs).hasSize(10);
        for (Node g : graphs) {
            assertThat(virtuosoGraph(g).isIsomorphicWith(fusekiGraph(g))).as("graph %s", g).isTrue();
        }
        // What load --endpoint does not write there (derive over HTTP reads the dataset whole),
        // copied from Fuseki: the links graph and the derived graph.
        try (HttpAuth auth = HttpAuth.register(VirtuosoProcess.LOADER, virtuoso.loaderPassword(), virtuoso.graphStoreUrl())) {
            for (Node g : List.of(CKG.GRAPH_LINKS, CKG.GRAPH_DERIVED)) {
                Graph copy = fusekiGraph(g);
                assertThat(copy.size()).as("%s in Fuseki", g).isPositive();
                GSP.service(virtuoso.graphStoreUrl()).graphName(g).PUT(copy);
            }
        }
    }

    /** Every named query with the parameters the query tests use, some with more than one set. */
    static Stream<Arguments> queries() {
        Map<String, List<Map<String, String>>> cases = new TreeMap<>(Map.of(
                "controller-at", List.of(Map.of("date", "2020-01-30"), Map.of("date", "2020-02-07"),
                        Map.of("date", "2020-02-29"), Map.of("date", "2020-03-05", "place", SARAQEB)),
                "controller-at-reports", List.of(Map.of("date", "2020-01-30"), Map.of("date", "2020-02-07"),
                        Map.of("date", "2020-02-29"), Map.of("date", "2020-03-05"),
                        Map.of("date", "2020-02-29", "place", SARAQEB), Map.of("date", "2020-04-15"),
                        Map.of("date", "2020-06-20")),
                "timeline", List.of(Map.of("place", SARAQEB)),
                "near-highway", List.of(Map.of("highway", M5, "km", "100"), Map.of("highway", M5, "km", "10")),
                "article-facts", List.of(Map.of("article", "2020-01-31-newarab-saraqeb"), Map.of("article", "t5-attack-repelled")),
                "control-changes", List.of(Map.of(), Map.of("place", SARAQEB)),
                "disputed", List.of(Map.of(), Map.of("place", SARAQEB)),
                "figures", List.of(Map.of(), Map.of("measure", "killed")),
                "highway-control", List.of(Map.of(), Map.of("highway", M5, "date", "2020-01-31"))));
        List<Arguments> out = new ArrayList<>();
        for (String name : NamedQueries.names()) {
            for (Map<String, String> p : cases.getOrDefault(name, List.of(Map.of()))) {
                out.add(Arguments.of(name, p));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("queries")
    @Order(2)
    void everyNamedQueryGivesTheSameAnswersOnBoth(String name, Map<String, String> params) {
        if (JENA_ONLY.contains(name)) {
            assertThat(rows(name, params, fuseki.datasetUrl())).isNotEmpty();
            CliRun r = run(name, params, virtuoso.sparqlUrl());
            assertThat(r.exitCode()).as("%s needs Jena's GeoSPARQL functions (docs/scale.md)", name).isEqualTo(1);
            return;
        }
        List<List<String>> onFuseki = rows(name, params, fuseki.datasetUrl());
        List<List<String>> onVirtuoso = rows(name, params, virtuoso.sparqlUrl());
        assertThat(onFuseki).as("%s %s has rows on Fuseki", name, params).isNotEmpty();
        assertThat(onVirtuoso).as("%s %s on Virtuoso, against Fuseki", name, params)
                .containsExactlyInAnyOrderElementsOf(onFuseki);
    }

    @Test
    @Order(3)
    void theBulkLoaderGivesTheSameGraphsAsTheGraphStore() throws IOException, InterruptedException {
        List<Node> graphs = loadedGraphs();
        Path shards = Files.createDirectories(virtuoso.dir().resolve("shards"));
        CliRun a = CliRun.run("convert", EXAMPLE, "-o", shards.resolve("example.nq").toString(), "--quiet");
        assertThat(a.exitCode()).as(a.err()).isZero();
        List<String> fixture = new ArrayList<>(List.of("convert"));
        try (Stream<Path> files = Files.list(Path.of(FIXTURE))) {
            files.sorted().forEach(f -> fixture.add(f.toString()));
        }
        fixture.add(NO_PUBLISHER);
        fixture.add(HELD_BETWEEN);
        fixture.addAll(List.of("-o", shards.resolve("fixture.nq").toString(), "--quiet"));
        CliRun b = CliRun.run(fixture.toArray(String[]::new));
        assertThat(b.exitCode()).as(b.err()).isZero();
        // Empty the store's article and reference graphs, then bulk-load the shards.
        try (HttpAuth auth = HttpAuth.register(VirtuosoProcess.LOADER, virtuoso.loaderPassword(), virtuoso.graphStoreUrl())) {
            for (Node g : graphs) {
                GSP.service(virtuoso.graphStoreUrl()).graphName(g).DELETE();
            }
        }
        assertThat(virtuoso.bulkLoad(shards, "--loaders", "2")).startsWith("bulk-loaded 2 files in ");
        for (Node g : graphs) {
            Graph expected = GraphFactory.createDefaultGraph();
            fusekiGraph(g).find().filterDrop(t -> t.getPredicate().equals(StoreGraphs.CONTENT_HASH)).forEach(expected::add);
            assertThat(virtuosoGraph(g).isIsomorphicWith(expected)).as("graph %s", g).isTrue();
        }
    }

    /**
     * {@code derive --endpoint} on Virtuoso (digest credentials) writes the derived graph Fuseki's
     * store derived from the same graphs (literals compared as Virtuoso keeps them, {@link #byValue}): in one batch (long queries, sent as form POSTs) and one
     * place at a time (keyset paging). The derived graph is deleted first, so a derivation that
     * wrote nothing cannot pass.
     */
    @ParameterizedTest(name = "--batch {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"64", "1"})
    @Order(4)
    void deriveOverHttpWritesTheDerivedGraphOfALocalDerivation(String batch) {
        try (org.conflictkg.http.RemoteDataset remote = org.conflictkg.http.RemoteDataset.create(virtuoso.sparqlUrl(),
                virtuoso.graphStoreUrl()).credentials(VirtuosoProcess.LOADER, virtuoso.loaderPassword()).build()) {
            remote.delete(CKG.GRAPH_DERIVED);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> virtuosoGraph(CKG.GRAPH_DERIVED))
                .as("the derived graph, deleted").hasMessageContaining("404");
        CliRun d = CliRun.run("derive", "--endpoint", virtuoso.graphStoreUrl(), "--sparql", virtuoso.sparqlUrl(),
                "--user", VirtuosoProcess.LOADER, "--password-file", virtuosoPassword.toString(), "--batch", batch,
                "--no-progress", "--retries", "2", "--timeout", "60");
        assertThat(d.exitCode()).as(d.err()).isZero();
        Graph expected = byValue(fusekiGraph(CKG.GRAPH_DERIVED));
        Graph derived = byValue(virtuosoGraph(CKG.GRAPH_DERIVED));
        assertThat(derived.isIsomorphicWith(expected)).as("%d triples derived on Virtuoso, %d on Fuseki; only on Virtuoso: %s;"
                + " only on Fuseki: %s", derived.size(), expected.size(), derived.find().filterDrop(expected::contains).toList(),
                expected.find().filterDrop(derived::contains).toList()).isTrue();
        assertThat(d.out()).startsWith("derived ").contains(" highway days");
    }

    /**
     * derive -o writes the derived graph to a gzipped N-Quads file without touching the store (no
     * credentials given: it writes nothing there), and the bulk loader, told to replace that graph,
     * puts it in place of the old one: the graph Fuseki's local derivation wrote.
     */
    @Test
    @Order(4)
    void deriveToAFileAndTheBulkLoaderReplaceTheDerivedGraph() throws IOException, InterruptedException {
        // A stale derived graph: one statement that the derivation does not write.
        Node stale = org.apache.jena.graph.NodeFactory.createURI(KG + "derived/stale");
        Graph old = GraphFactory.createDefaultGraph();
        old.add(stale, org.apache.jena.vocabulary.RDF.type.asNode(), CKG.Disagreement);
        try (HttpAuth auth = HttpAuth.register(VirtuosoProcess.LOADER, virtuoso.loaderPassword(), virtuoso.graphStoreUrl())) {
            GSP.service(virtuoso.graphStoreUrl()).graphName(CKG.GRAPH_DERIVED).PUT(old);
        }
        Path folder = Files.createDirectories(virtuoso.dir().resolve("derived"));
        Path file = folder.resolve("derived.nq.gz");
        CliRun d = CliRun.run("derive", "--endpoint", virtuoso.graphStoreUrl(), "--sparql", virtuoso.sparqlUrl(),
                "--batch", "4", "-o", file.toString(), "--no-progress", "--timeout", "60");
        assertThat(d.exitCode()).as(d.err()).isZero();
        assertThat(virtuosoGraph(CKG.GRAPH_DERIVED).isIsomorphicWith(old)).as("the store is unchanged").isTrue();

        assertThat(virtuoso.bulkLoad(folder, "--loaders", "1", "--replace-graph", CKG.GRAPH_DERIVED.getURI()))
                .startsWith("bulk-loaded 1 files in ");
        Graph expected = byValue(fusekiGraph(CKG.GRAPH_DERIVED));
        Graph derived = byValue(virtuosoGraph(CKG.GRAPH_DERIVED));
        assertThat(derived.contains(stale, Node.ANY, Node.ANY)).as("the stale statement, removed").isFalse();
        assertThat(derived.isIsomorphicWith(expected)).as("%d triples on Virtuoso, %d on Fuseki", derived.size(),
                expected.size()).isTrue();
    }

    /**
     * The graph with its literals as Virtuoso keeps them, whoever wrote them: numbers by value (it
     * stores 38.0, an xsd:decimal, as the integer 38) and WKT geometry by its text without
     * spaces around brackets and commas (it stores a geo:wktLiteral as its own geometry type).
     */
    static Graph byValue(Graph g) {
        Graph out = GraphFactory.createDefaultGraph();
        g.find().forEachRemaining(t -> out.add(org.apache.jena.graph.Triple.create(t.getSubject(), t.getPredicate(),
                byValue(t.getObject()))));
        return out;
    }

    static Node byValue(Node n) {
        if (!n.isLiteral()) {
            return n;
        }
        String dt = n.getLiteralDatatypeURI();
        if (dt.equals("http://www.opengis.net/ont/geosparql#wktLiteral")
                || dt.equals("http://www.openlinksw.com/schemas/virtrdf#Geometry")) {
            return org.apache.jena.graph.NodeFactory.createLiteralString(
                    "wkt:" + n.getLiteralLexicalForm().replaceAll("\\s*([(),])\\s*", "$1"));
        }
        return NodeValue.makeNode(n).isNumber() ? org.apache.jena.graph.NodeFactory.createLiteralString(comparable(n)) : n;
    }

    /**
     * {@code doctor --endpoint} reaches Virtuoso (it asks by GET: a POST of type
     * application/sparql-query is never answered there) and reports a derivation a load owes.
     */
    @Test
    @Order(6)
    void doctorReachesVirtuosoAndReportsAnOwedDerivation() {
        Graph record = GraphFactory.createDefaultGraph();
        Node pending = CKG.GRAPH_DERIVE_PENDING;
        record.add(pending, CKG.derivePending, pending);
        try (HttpAuth auth = HttpAuth.register(VirtuosoProcess.LOADER, virtuoso.loaderPassword(), virtuoso.graphStoreUrl())) {
            GSP.service(virtuoso.graphStoreUrl()).graphName(pending).PUT(record);
            CliRun owed = CliRun.run("doctor", "--endpoint", virtuoso.sparqlUrl());
            assertThat(owed.exitCode()).as(owed.out() + owed.err()).isZero();
            assertThat(owed.out()).contains("warn server").contains("answers a query")
                    .contains("the timeline is behind its articles").contains("derive --endpoint " + virtuoso.sparqlUrl());

            GSP.service(virtuoso.graphStoreUrl()).graphName(pending).DELETE();
            CliRun ok = CliRun.run("doctor", "--endpoint", virtuoso.sparqlUrl());
            assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();
            assertThat(ok.out()).contains("ok   server").contains("answers a query").doesNotContain("behind");
        }
    }

    /**
     * With {@code --update} (Virtuoso's {@code /sparql-auth}), a load that changes an article
     * replaces it by SPARQL Update and brings the derived graph up to date on that article's places
     * only: a part of the derived graph no touched place owns stays, and the rest is again the
     * graph Fuseki's derivation wrote.
     */
    @Test
    @Order(7)
    void aLoadWithTheUpdateEndpointDerivesOnlyTheTouchedPlaces() throws IOException {
        Node marker = org.apache.jena.graph.NodeFactory.createURI(KG + "derived/test-marker");
        Graph mark = GraphFactory.createDefaultGraph();
        mark.add(marker, org.apache.jena.vocabulary.RDF.type.asNode(), CKG.Disagreement);
        try (HttpAuth auth = HttpAuth.register(VirtuosoProcess.LOADER, virtuoso.loaderPassword(), virtuoso.graphStoreUrl())) {
            GSP.service(virtuoso.graphStoreUrl()).graphName(CKG.GRAPH_DERIVED).POST(mark);
        }
        // The example with another title: a changed article, which the load replaces.
        com.fasterxml.jackson.databind.node.ObjectNode facts = (com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readString(Path.of(EXAMPLE)));
        ((com.fasterxml.jackson.databind.node.ObjectNode) facts.get("article")).put("title", "A changed title");
        Path changed = tmp.resolve("changed.facts.json");
        Files.writeString(changed, facts.toString());
        CliRun r = CliRun.run("load", changed.toString(), "--endpoint", virtuoso.graphStoreUrl(), "--sparql", virtuoso.sparqlUrl(),
                "--update", virtuoso.sparqlUrl() + "-auth", "--user", VirtuosoProcess.LOADER, "--password-file",
                virtuosoPassword.toString(), "--no-progress", "--retries", "2", "--timeout", "60");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out() + r.err()).contains("1 loaded");

        Graph derived = virtuosoGraph(CKG.GRAPH_DERIVED);
        assertThat(derived.contains(marker, org.apache.jena.vocabulary.RDF.type.asNode(), CKG.Disagreement))
                .as("the part no touched place owns (a full derivation deletes the graph first): %s", r.out() + r.err()).isTrue();
        derived.delete(marker, org.apache.jena.vocabulary.RDF.type.asNode(), CKG.Disagreement);
        Graph onVirtuoso = byValue(derived);
        Graph expected = byValue(fusekiGraph(CKG.GRAPH_DERIVED));
        assertThat(onVirtuoso.isIsomorphicWith(expected)).as("%d triples on Virtuoso, %d on Fuseki; only on Virtuoso: %s;"
                + " only on Fuseki: %s", onVirtuoso.size(), expected.size(),
                onVirtuoso.find().filterDrop(expected::contains).toList(),
                expected.find().filterDrop(onVirtuoso::contains).toList()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> virtuosoGraph(CKG.GRAPH_DERIVE_PENDING)).as("the record, deleted").hasMessageContaining("404");
    }

    /** A query too long for a GET answers: Virtuoso never answers a POST of type application/sparql-query. */
    @Test
    @Order(5)
    void aLongQueryAnswersWithinTheTimeout() {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            values.append(" <").append(KG).append("place/geonames/").append(100000 + i).append('>');
        }
        org.apache.jena.query.Query q = org.apache.jena.query.QueryFactory.create(
                "SELECT ?p ?t WHERE { VALUES ?p {" + values + " } ?p a ?t }");
        try (org.conflictkg.http.RemoteDataset remote = org.conflictkg.http.RemoteDataset.create(virtuoso.sparqlUrl(),
                virtuoso.graphStoreUrl()).timeout(java.time.Duration.ofSeconds(30)).build()) {
            assertThat(remote.select(q)).isEmpty();
        }
    }

    static CliRun run(String name, Map<String, String> params, String endpoint) {
        List<String> args = new ArrayList<>(List.of("query", name, "--endpoint", endpoint, "--format", "json"));
        params.forEach((k, v) -> args.addAll(List.of("--param", k + "=" + v)));
        return CliRun.run(args.toArray(String[]::new));
    }

    /** The rows of {@code query NAME --endpoint URL --format json}, each cell in a comparable form. */
    static List<List<String>> rows(String name, Map<String, String> params, String endpoint) {
        CliRun r = run(name, params, endpoint);
        assertThat(r.exitCode()).as("%s on %s: %s", name, endpoint, r.err()).isZero();
        return comparableRows(r.out());
    }

    /** The rows of SPARQL JSON results, each cell as {@code var=}{@link #comparable}. */
    static List<List<String>> comparableRows(String json) {
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_JSON);
        List<String> vars = rs.getResultVars();
        List<List<String>> rows = new ArrayList<>();
        rs.forEachRemaining(s -> {
            List<String> row = new ArrayList<>();
            for (String v : vars) {
                row.add(v + "=" + comparable(s.get(v) == null ? null : s.get(v).asNode()));
            }
            rows.add(row);
        });
        return rows;
    }

    /**
     * A cell as compared: IRIs as they are; numbers by value (38.0 = 38; doubles to 9 significant digits); dates,
     * booleans ("1" = "true") and other typed values in their canonical form; plain strings with
     * "; " or " | " (GROUP_CONCAT lists) as their sorted items; blank nodes as "_".
     */
    static String comparable(Node n) {
        if (n == null) {
            return "";
        }
        if (n.isURI()) {
            return "<" + n.getURI() + ">";
        }
        if (n.isBlank()) {
            return "_";
        }
        String dt = n.getLiteralDatatypeURI();
        NodeValue nv = NodeValue.makeNode(n);
        if (nv.isDouble() || nv.isFloat()) {
            // Computed in floating point by each store (distances): equal to 9 significant digits.
            return "n:" + new BigDecimal(nv.getDouble()).round(new java.math.MathContext(9)).stripTrailingZeros().toPlainString();
        }
        if (nv.isNumber()) {
            return "n:" + nv.getDecimal().stripTrailingZeros().toPlainString();
        }
        if (nv.isBoolean()) {
            return "b:" + nv.getBoolean();
        }
        if (nv.isDateTime() || nv.isDate() || nv.isGYear() || nv.isGYearMonth()) {
            return dt + ":" + nv.asNode().getLiteralValue();
        }
        String s = n.getLiteralLexicalForm();
        for (String sep : new String[] {"; ", " | "}) {
            if (s.contains(sep)) {
                List<String> items = new ArrayList<>(List.of(s.split(java.util.regex.Pattern.quote(sep))));
                items.sort(null);
                return "list:" + String.join(sep, items);
            }
        }
        return (XSDDatatype.XSDstring.getURI().equals(dt) ? "" : dt + ":") + s + (n.getLiteralLanguage().isEmpty() ? "" : "@" + n.getLiteralLanguage());
    }
}
