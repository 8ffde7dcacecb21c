package org.conflictkg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.conflictkg.derive.Derivation;
import org.conflictkg.gazetteer.Gazetteer;
import org.conflictkg.link.LinkStage;
import org.conflictkg.rdf.CKG;
import org.conflictkg.server.KgServer;
import org.conflictkg.store.Converters;
import org.conflictkg.store.LoadReport;
import org.conflictkg.store.PasswordFixture;
import org.conflictkg.store.StoreLoader;
import org.conflictkg.store.TdbStores;
import org.conflictkg.store.TdbTarget;
import org.conflictkg.synth.CorpusGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code load}, {@code derive} and {@code link} against a store over HTTP (the embedded Fuseki
 * server) write the same derived and links graphs as the same stages on a local TDB2 store of
 * the same corpus: the example, the timeline fixture and a few hundred generated articles. The
 * remote runs read a batch of places (or articles) at a time; small batches make them page.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemoteStagesTest {
    static final int GENERATED = 200;
    static final String USER = "loader";
    static final String PASSWORD = "remote-stages-password";

    @TempDir
    static Path tmp;
    static List<Path> corpus;
    static Path passwords;
    static DatasetGraph local;
    static DatasetGraph served;
    static KgServer server;

    @BeforeAll
    static void loadBoth() throws IOException {
        corpus = new ArrayList<>();
        corpus.add(Path.of("examples/2020-01-31-newarab-saraqeb.facts.json"));
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/org/conflictkg/derive/saraqeb-2020"))) {
            s.sorted().forEach(corpus::add);
        }
        Path generated = tmp.resolve("generated.jsonl");
        try (Writer w = Files.newBufferedWriter(generated, StandardCharsets.UTF_8)) {
            CorpusGenerator.create().seed(18).build().write(w, 0, GENERATED);
        }
        corpus.add(generated);
        passwords = PasswordFixture.write(tmp.resolve("passwords"), USER + ": " + PASSWORD + "\n");

        local = TdbStores.createInMemory();
        LoadReport r = StoreLoader.create(new TdbTarget(local, 100_000), Converters.standardInputs())
                .derivation(Stages.derivation()).build().load(corpus);
        assertThat(r.ok()).isTrue();

        served = TdbStores.createInMemory();
        server = KgServer.create().dataset(served, null).ui(false).port(0).update(true).passwordFile(passwords)
                .build().start();
        List<String> args = new ArrayList<>(List.of("load"));
        corpus.forEach(p -> args.add(p.toString()));
        args.addAll(List.of("--endpoint", server.datasetUrl(), "--user", USER, "--password-file", passwords.toString(),
                "--no-progress", "--batch", "20000"));
        CliRun load = CliRun.run(args.toArray(String[]::new));
        assertThat(load.exitCode()).as(load.err()).isZero();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static Graph graph(DatasetGraph dsg, Node name) {
        return Txn.calculateRead(dsg, () -> {
            Graph g = GraphFactory.createDefaultGraph();
            dsg.find(name, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> g.add(q.asTriple()));
            return g;
        });
    }

    static void assertSameGraph(Node name) {
        Graph expected = graph(local, name);
        Graph actual = graph(served, name);
        assertThat(expected.size()).as("local " + name).isGreaterThan(100);
        assertThat(actual.size()).as(name.getURI()).isEqualTo(expected.size());
        assertThat(actual.isIsomorphicWith(expected)).as(name.getURI() + " isomorphic").isTrue();
    }

    String[] remote(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint", server.datasetUrl(), "--user", USER, "--password-file", passwords.toString(),
                "--no-progress"));
        return all.toArray(String[]::new);
    }

    @Test
    @Order(1)
    void anHttpLoadDerivesTheGraphALocalLoadDerives() {
        assertSameGraph(CKG.GRAPH_DERIVED);
    }

    @Test
    @Order(2)
    void deriveOverHttpInSmallBatchesEqualsLocalDerivation() {
        // Make the remote derived graph differ first, so that the command must rebuild it.
        Txn.executeWrite(served, () -> served.deleteAny(CKG.GRAPH_DERIVED, Node.ANY, Node.ANY, Node.ANY));
        CliRun r = CliRun.run(remote("derive", "--batch", "16", "--json"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        Derivation.Counts c = Txn.calculateRead(local, () -> Derivation.counts(local));
        assertThat(r.out()).contains("\"periods\":" + c.periods()).contains("\"changes\":" + c.changes())
                .contains("\"disagreements\":" + c.disagreements());
        assertSameGraph(CKG.GRAPH_DERIVED);
    }

    @Test
    @Order(3)
    void linkOverHttpEqualsLocalLinkingAndDerivesAgain() {
        LinkStage.Report expected = LinkStage.create(Gazetteer.bundled(), null).run(local);
        Derivation.create().build().runFull(local);
        CliRun r = CliRun.run(remote("link", "--no-wikidata", "--batch", "40", "--json"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"linked\":" + expected.linked()).contains("\"ambiguous\":" + expected.ambiguous())
                .contains("\"unlinked\":" + expected.unlinked());
        assertSameGraph(CKG.GRAPH_LINKS);
        assertSameGraph(CKG.GRAPH_DERIVED);
        // Linking gave the highways their geometry: the derived graph now has highway control.
        assertThat(Txn.calculateRead(local, () -> Derivation.counts(local)).highwayDays()).isPositive();
    }

    @Test
    @Order(4)
    void withoutCredentialsTheWriteIsRefusedInOneLine() {
        CliRun r = CliRun.run("derive", "--endpoint", server.datasetUrl(), "--no-progress", "--retries", "1");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines().toList()).as(r.err()).hasSize(1);
        assertThat(r.err()).contains(server.datasetUrl() + "/data").contains("HTTP 401")
                .contains("--user, --password-file");
    }

    @Test
    @Order(5)
    void aWrongDatasetOrADownServerFailsInOneLineNamingTheUrl() throws IOException {
        String wrong = server.datasetUrl() + "-none/data";
        CliRun r = CliRun.run("derive", "--endpoint", wrong, "--user", USER, "--password-file", passwords.toString(),
                "--no-progress", "--retries", "1");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.err().lines().toList()).as(r.err()).hasSize(1);
        assertThat(r.err()).contains(server.datasetUrl() + "-none/query").contains("HTTP 404");

        CliRun notFuseki = CliRun.run("derive", "--endpoint", server.datasetUrl() + "-none", "--no-progress");
        assertThat(notFuseki.exitCode()).isEqualTo(2);
        assertThat(notFuseki.err()).contains("--sparql");

        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String down = "http://127.0.0.1:" + port + "/kg";
        CliRun d = CliRun.run("link", "--endpoint", down, "--no-wikidata", "--no-progress", "--retries", "2");
        assertThat(d.exitCode()).as(d.err()).isEqualTo(1);
        assertThat(d.err().lines().toList()).as(d.err()).hasSize(1);
        assertThat(d.err()).contains(down).contains("2 attempt(s)");
    }

    @Test
    @Order(6)
    void progressCountsPlacesDerivedOfTheTotal() {
        long[] seen = {-2, 0, 0};
        org.conflictkg.Progress progress = new org.conflictkg.Progress() {
            @Override
            public void start(String unit, long total) {
                assertThat(unit).isEqualTo("places");
                seen[0] = total;
            }

            @Override
            public void advance(long n) {
                seen[1] += n;
            }

            @Override
            public void finish() {
                seen[2]++;
            }
        };
        org.conflictkg.http.RemoteDataset remote = org.conflictkg.http.RemoteDataset.create(server.datasetUrl() + "/query",
                server.datasetUrl() + "/data").basicAuth(USER, PASSWORD).build();
        Derivation.create().chunkPlaces(100).build().runRemote(remote, progress);
        long places = Txn.calculateRead(local, () -> {
            long[] n = {0};
            org.apache.jena.sparql.exec.QueryExec.dataset(local).query("""
                    PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
                    SELECT DISTINCT ?p WHERE { GRAPH ?g {
                      { ?e a ckg:ControlChange ; ckg:territory ?p } UNION { ?c a ckg:ControlPeriod ; ckg:territory ?p }
                      UNION { ?f a ckg:Figure ; ckg:aboutPlace ?p } } }""").select().forEachRemaining(b -> n[0]++);
            return n[0];
        });
        assertThat(places).isGreaterThan(100);
        assertThat(seen[0]).isEqualTo(places);
        assertThat(seen[1]).isEqualTo(places);
        assertThat(seen[2]).isEqualTo(1);
        assertSameGraph(CKG.GRAPH_DERIVED);
    }

    static Graph derivedIn(Path file) {
        DatasetGraph read = org.apache.jena.riot.RDFDataMgr.loadDatasetGraph(file.toString());
        assertThat(read.listGraphNodes()).toIterable().containsExactly(CKG.GRAPH_DERIVED);
        assertThat(read.getDefaultGraph().isEmpty()).isTrue();
        return read.getGraph(CKG.GRAPH_DERIVED);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"derived.nq", "derived.nq.gz"})
    @Order(7)
    void deriveOverHttpToAFileWritesTheDerivedGraphThereAndLeavesTheStoreUnchanged(String name) throws IOException {
        // Make the store's derived graph differ from the one derived, so that a write to it would show.
        Txn.executeWrite(served, () -> served.deleteAny(CKG.GRAPH_DERIVED, Node.ANY, CKG.territory, Node.ANY));
        Graph before = graph(served, CKG.GRAPH_DERIVED);
        Path file = tmp.resolve(name);
        CliRun r = CliRun.run(remote("derive", "--batch", "16", "-o", file.toString(), "--json"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(2);
            assertThat(head[0] == (byte) 0x1f && head[1] == (byte) 0x8b).as("gzip magic").isEqualTo(name.endsWith(".gz"));
        }
        Graph after = graph(served, CKG.GRAPH_DERIVED);
        assertThat(after.size()).as("the store is unchanged").isEqualTo(before.size());
        assertThat(after.isIsomorphicWith(before)).as("the store is unchanged").isTrue();
        Graph expected = graph(local, CKG.GRAPH_DERIVED);
        Graph written = derivedIn(file);
        assertThat(written.size()).isEqualTo(expected.size());
        assertThat(written.isIsomorphicWith(expected)).isTrue();
        Derivation.Counts c = Txn.calculateRead(local, () -> Derivation.counts(local));
        assertThat(c.highwayDays()).isPositive();
        assertThat(r.out()).contains("\"periods\":" + c.periods()).contains("\"changes\":" + c.changes())
                .contains("\"disagreements\":" + c.disagreements()).contains("\"highwayDays\":" + c.highwayDays())
                .contains(name);
        // Put the derived graph back as the file has it: what a bulk load of the file does.
        Txn.executeWrite(served, () -> written.find().forEachRemaining(t -> served.add(CKG.GRAPH_DERIVED,
                t.getSubject(), t.getPredicate(), t.getObject())));
        assertSameGraph(CKG.GRAPH_DERIVED);
    }

    @Test
    @Order(8)
    void deriveOfATdbStoreToAFileWritesItsDerivedGraphAsTrigAndRefusesATripleFormat() {
        Path db = tmp.resolve("db-out");
        CliRun load = CliRun.run("load", corpus.get(0).toString(), "--db", db.toString(), "--no-progress");
        assertThat(load.exitCode()).as(load.err()).isZero();
        DatasetGraph store = TdbStores.openExisting(db);
        DatasetGraph copy = TdbStores.createInMemory();
        Txn.executeRead(store, () -> Txn.executeWrite(copy, () -> store.find().forEachRemaining(copy::add)));
        Derivation.create().build().runFull(copy);
        // The store's derived graph removed: the command must derive from the articles, and must
        // not put it back.
        Txn.executeWrite(store, () -> store.deleteAny(CKG.GRAPH_DERIVED, Node.ANY, Node.ANY, Node.ANY));
        Path file = tmp.resolve("derived.trig");
        CliRun r = CliRun.run("derive", "--db", db.toString(), "-o", file.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("-> " + file).contains("the store is unchanged");
        assertThat(graph(store, CKG.GRAPH_DERIVED).isEmpty()).as("the store is unchanged").isTrue();
        Graph expected = graph(copy, CKG.GRAPH_DERIVED);
        assertThat(expected.size()).isGreaterThan(10);
        assertThat(derivedIn(file).isIsomorphicWith(expected)).isTrue();

        Path ttl = tmp.resolve("derived.ttl");
        CliRun bad = CliRun.run("derive", "--db", db.toString(), "-o", ttl.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--output " + ttl).contains(".nq or .trig");
        assertThat(ttl).doesNotExist();
    }
}
