package org.conflictkg.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.conflictkg.cli.Stages;

/**
 * Loads interrupted by kill -9, and queries while a load runs: the store only ever holds whole
 * articles, each with its hash, and a rerun completes what was missing.
 */
class LoadReliabilityTest {
    static final Path EXAMPLE = Path.of("examples/2020-01-31-newarab-saraqeb.facts.json");

    @TempDir
    static Path tmp;
    static List<Path> corpus;
    /** Quads of one article graph (with its hash triple) and of the shared reference graph. */
    static long perArticle;
    static long reference;

    @BeforeAll
    static void makeCorpus() throws IOException {
        corpus = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        ObjectNode doc = (ObjectNode) json.readTree(EXAMPLE.toFile());
        Path dir = Files.createDirectories(tmp.resolve("corpus"));
        for (int i = 0; i < 60; i++) {
            ((ObjectNode) doc.get("article")).put("id", String.format(Locale.ROOT, "a-%04d", i));
            Path p = dir.resolve(String.format(Locale.ROOT, "a-%04d.facts.json", i));
            json.writeValue(p.toFile(), doc);
            corpus.add(p);
        }
        DatasetGraph one = TdbStores.createInMemory();
        StoreLoader.create(new TdbTarget(one, 1000), Converters.standardInputs()).derivation(Stages.derivation()).build().load(corpus.subList(0, 1));
        Node g = StoreGraphs.articleGraph("a-0000");
        perArticle = Txn.calculateRead(one, () -> one.stream(g, Node.ANY, Node.ANY, Node.ANY).count());
        reference = Txn.calculateRead(one, () -> one.stream(StoreGraphs.REFERENCE_GRAPH, Node.ANY, Node.ANY, Node.ANY).count());
    }

    /** Every article graph in the store is complete and carries its hash; returns how many there are. */
    static int assertOnlyWholeArticles(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> {
            Map<Node, String> hashes = TdbStores.storedHashes(dsg);
            List<Node> graphs = new ArrayList<>();
            dsg.listGraphNodes().forEachRemaining(graphs::add);
            int articles = 0;
            for (Node g : graphs) {
                if (StoreGraphs.isArticleGraph(g)) {
                    articles++;
                    assertThat(hashes).containsKey(g);
                    assertThat(dsg.stream(g, Node.ANY, Node.ANY, Node.ANY).count()).as(g.getURI()).isEqualTo(perArticle);
                }
            }
            return articles;
        });
    }

    @Test
    void killMinus9DuringALoadLeavesWholeArticlesAndARerunCompletesIt() throws Exception {
        Path db = tmp.resolve("killed");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.conflictkg.cli.Main",
                "load", "--db", db.toString(), "--bulk-loader", "none", "--batch", "700", "--no-progress", tmp.resolve("corpus").toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        // Kill it while it writes: after the first commit of the load itself. The database folder
        // appears once created; each commit then rewrites the index state files (*.bpt).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (p.isAlive() && !TdbStores.looksLikeTdb2(db) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Path state = db.resolve("Data-0001").resolve("GSPO.bpt");
        long created = Files.exists(state) ? Files.getLastModifiedTime(state).toMillis() : 0;
        while (p.isAlive() && Files.getLastModifiedTime(state).toMillis() == created && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        p.destroyForcibly();  // SIGKILL
        p.waitFor(30, TimeUnit.SECONDS);

        DatasetGraph dsg = TdbStores.openOrCreate(db);
        int before = assertOnlyWholeArticles(dsg);
        System.err.println("kill -9 left " + before + " of " + corpus.size() + " articles");
        assertThat(before).isLessThanOrEqualTo(corpus.size());

        LoadReport rerun = StoreLoader.create(new TdbTarget(dsg, 1500), Converters.standardInputs()).derivation(Stages.derivation()).build().load(corpus);
        assertThat(rerun.ok()).isTrue();
        assertThat(rerun.unchanged()).isEqualTo(before);
        assertThat(rerun.loaded()).isEqualTo(corpus.size() - before);
        assertThat(assertOnlyWholeArticles(dsg)).isEqualTo(corpus.size());
        long derived = org.apache.jena.system.Txn.calculateRead(dsg,
                () -> dsg.stream(org.conflictkg.rdf.CKG.GRAPH_DERIVED, Node.ANY, Node.ANY, Node.ANY).count());
        assertThat(TdbStores.quadCount(dsg) - derived).isEqualTo(perArticle * corpus.size() + reference);
    }

    @Test
    void queriesDuringALoadSeeOnlyWholeArticles() throws Exception {
        DatasetGraph dsg = TdbStores.openOrCreate(tmp.resolve("concurrent"));
        CompletableFuture<LoadReport> load = CompletableFuture.supplyAsync(() ->
                StoreLoader.create(new TdbTarget(dsg, 1500), Converters.standardInputs()).derivation(Stages.derivation()).build().load(corpus));
        int observations = 0;
        while (!load.isDone()) {
            assertOnlyWholeArticles(dsg);
            observations++;
            Thread.sleep(50);
        }
        assertThat(load.get().ok()).isTrue();
        assertThat(observations).isPositive();
        assertThat(assertOnlyWholeArticles(dsg)).isEqualTo(corpus.size());
    }
}
