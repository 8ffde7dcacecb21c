package org.conflictkg.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.IsoMatcher;
import org.apache.jena.system.Txn;
import org.conflictkg.cli.CliRun;
import org.conflictkg.rdf.CKG;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bulk loading a database without articles against loading it through transactions: the same
 * dataset (articles, hash triples, reference graph, derived graph), the same handling of bad
 * documents, and a database the transactional path then updates as usual.
 */
class BulkLoadTest {
    @TempDir
    static Path tmp;
    /** A generated corpus (JSON Lines) of articles with control changes, so the derived graph has content. */
    static Path corpus;
    static final int ARTICLES = 40;

    @BeforeAll
    static void generate() {
        corpus = tmp.resolve("corpus");
        CliRun r = CliRun.run("generate", "-n", "" + ARTICLES, "--files", "2", "-o", corpus.toString(), "--seed", "7");
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    static CliRun load(Path db, String loader, Path... inputs) {
        return load(db, loader, List.of(), inputs);
    }

    static CliRun load(Path db, String loader, List<String> options, Path... inputs) {
        List<String> args = new ArrayList<>(List.of("load", "--db", db.toString(), "--bulk-loader", loader, "--no-progress"));
        args.addAll(options);
        for (Path p : inputs) {
            args.add(p.toString());
        }
        return CliRun.run(args.toArray(String[]::new));
    }

    static long diskBytes(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    @Test
    void aTransactionalLoadThatRewroteTheDatabaseIsCompacted() throws IOException {
        Path compacted = tmp.resolve("tx-compacted");
        Path plain = tmp.resolve("tx-plain");
        List<String> small = List.of("--batch", "3000");
        CliRun a = load(compacted, "none", small, corpus);
        CliRun b = load(plain, "none", List.of("--batch", "3000", "--no-compact"), corpus);
        assertThat(a.exitCode()).as(a.err()).isZero();
        assertThat(b.exitCode()).as(b.err()).isZero();
        assertThat(compacted.resolve("Data-0001")).doesNotExist();
        assertThat(compacted.resolve("Data-0002")).isDirectory();
        assertThat(plain.resolve("Data-0002")).doesNotExist();
        DatasetGraph dc = TdbStores.openExisting(compacted);
        DatasetGraph dp = TdbStores.openExisting(plain);
        boolean same = Txn.calculateRead(dc, () -> Txn.calculateRead(dp, () -> IsoMatcher.isomorphic(dc, dp)));
        assertThat(same).isTrue();
        TdbStores.release(dc);
        TdbStores.release(dp);
        assertThat(diskBytes(compacted)).isLessThan(diskBytes(plain));

        // A small update of a large database is not worth a compaction.
        Path one = Files.createDirectories(tmp.resolve("one-more")).resolve("one.jsonl");
        String line = Files.readAllLines(corpus.resolve("corpus-0001.jsonl"), StandardCharsets.UTF_8).get(1);
        Files.writeString(one, line.replaceFirst("\"title\":\"", "\"title\":\"Updated: ") + "\n", StandardCharsets.UTF_8);
        assertThat(load(compacted, "none", small, one).exitCode()).isZero();
        assertThat(compacted.resolve("Data-0003")).doesNotExist();
    }

    static long count(DatasetGraph dsg, Node g) {
        return Txn.calculateRead(dsg, () -> dsg.stream(g, Node.ANY, Node.ANY, Node.ANY).count());
    }

    @ParameterizedTest
    @EnumSource(value = TdbTarget.BulkLoader.class, names = {"PHASED", "PARALLEL", "BASIC"})
    void aBulkLoadGivesTheSameDatasetAsTransactions(TdbTarget.BulkLoader kind) {
        Path tx = tmp.resolve("tx-" + kind);
        Path bulk = tmp.resolve("bulk-" + kind);
        CliRun a = load(tx, "none", corpus);
        CliRun b = load(bulk, kind.name().toLowerCase(java.util.Locale.ROOT), corpus);
        assertThat(a.exitCode()).as(a.err()).isZero();
        assertThat(b.exitCode()).as(b.err()).isZero();
        assertThat(b.out()).startsWith(ARTICLES + " loaded, 0 unchanged, 0 failed");

        DatasetGraph dtx = TdbStores.openExisting(tx);
        DatasetGraph dbulk = TdbStores.openExisting(bulk);
        assertThat(count(dbulk, CKG.GRAPH_DERIVED)).isPositive();
        assertThat(count(dbulk, StoreGraphs.REFERENCE_GRAPH)).isPositive();
        assertThat(TdbStores.storedHashes(dbulk)).hasSize(ARTICLES).isEqualTo(TdbStores.storedHashes(dtx));
        assertThat(TdbStores.quadCount(dbulk)).isEqualTo(TdbStores.quadCount(dtx));
        boolean same = Txn.calculateRead(dtx, () -> Txn.calculateRead(dbulk, () -> IsoMatcher.isomorphic(dtx, dbulk)));
        assertThat(same).as("bulk and transactional datasets isomorphic").isTrue();
        // the temporary folder the bulk load was built in is gone
        assertThat(siblings(bulk)).isEmpty();
    }

    static List<Path> siblings(Path db) {
        try (Stream<Path> s = Files.list(db.getParent())) {
            return s.filter(p -> p.getFileName().toString().startsWith("." + db.getFileName() + ".")).toList();
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    @Test
    void aBadDocumentInABulkLoadIsSkippedAndNothingOfItLoaded() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("bad-input"));
        Path src = corpus.resolve("corpus-0001.jsonl");
        List<String> lines = Files.readAllLines(src, StandardCharsets.UTF_8);
        int broken = 3;
        String badId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines.get(broken))
                .get("article").get("id").asText();
        lines.set(broken, lines.get(broken).replace("\"title\":", "\"titel\":"));
        Path bad = dir.resolve("mixed.jsonl");
        Files.write(bad, lines, StandardCharsets.UTF_8);

        Path db = tmp.resolve("bulk-bad");
        CliRun r = load(db, "phased", bad);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("titel");
        assertThat(r.out()).startsWith((lines.size() - 1) + " loaded, 0 unchanged, 1 failed");
        DatasetGraph dsg = TdbStores.openExisting(db);
        Map<Node, String> hashes = TdbStores.storedHashes(dsg);
        assertThat(hashes).hasSize(lines.size() - 1).doesNotContainKey(StoreGraphs.articleGraph(badId));
        Node g = StoreGraphs.articleGraph(badId);
        assertThat(Txn.calculateRead(dsg, () -> dsg.stream(Node.ANY, g, Node.ANY, Node.ANY).findAny().isPresent()
                || dsg.containsGraph(g))).isFalse();
    }

    @Test
    void onlyBadDocumentsLeaveTheDatabaseAsItWas() throws IOException {
        Path bad = Files.createDirectories(tmp.resolve("all-bad")).resolve("bad.jsonl");
        String line = Files.readAllLines(corpus.resolve("corpus-0001.jsonl"), StandardCharsets.UTF_8).get(0);
        Files.writeString(bad, line.replace("\"title\":", "\"titel\":") + "\n", StandardCharsets.UTF_8);
        Path db = tmp.resolve("bulk-all-bad");
        CliRun r = load(db, "phased", bad);
        assertThat(r.exitCode()).isEqualTo(2);
        DatasetGraph dsg = TdbStores.openExisting(db);
        assertThat(TdbStores.quadCount(dsg)).isZero();
        assertThat(Txn.calculateRead(dsg, () -> dsg.contains(TdbStores.STORE_FORMAT))).isTrue();
        assertThat(siblings(db)).isEmpty();
    }

    @Test
    void reloadingAfterABulkLoadSkipsUnchangedArticlesAndReplacesChangedOnes() throws IOException {
        Path db = tmp.resolve("bulk-then-tx");
        assertThat(load(db, "phased", corpus).exitCode()).isZero();
        DatasetGraph dsg = TdbStores.openExisting(db);
        long quads = TdbStores.quadCount(dsg);

        CliRun again = load(db, "phased", corpus);
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).startsWith("0 loaded, " + ARTICLES + " unchanged, 0 failed");
        assertThat(TdbStores.quadCount(TdbStores.openExisting(db))).isEqualTo(quads);

        // One changed article goes through the transactional path and replaces its graph.
        Path changed = Files.createDirectories(tmp.resolve("changed")).resolve("one.jsonl");
        String line = Files.readAllLines(corpus.resolve("corpus-0001.jsonl"), StandardCharsets.UTF_8).get(0);
        String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line).get("article").get("id").asText();
        Files.writeString(changed, line.replaceFirst("\"title\":\"", "\"title\":\"Corrected: ") + "\n", StandardCharsets.UTF_8);
        CliRun update = load(db, "phased", changed);
        assertThat(update.exitCode()).as(update.err()).isZero();
        assertThat(update.out()).startsWith("1 loaded, 0 unchanged, 0 failed");
        DatasetGraph after = TdbStores.openExisting(db);
        Node g = StoreGraphs.articleGraph(id);
        assertThat(Txn.calculateRead(after, () -> after.stream(g, Node.ANY, Node.ANY, Node.ANY)
                .anyMatch(q -> q.getObject().isLiteral() && q.getObject().getLiteralLexicalForm().startsWith("Corrected: "))))
                .isTrue();
        assertThat(TdbStores.storedHashes(after)).hasSize(ARTICLES);
    }

    @Test
    void killMinus9DuringABulkLoadLeavesTheDatabaseAsItWasAndARerunLoadsAll() throws Exception {
        Path db = tmp.resolve("bulk-killed");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.conflictkg.cli.Main",
                "load", "--db", db.toString(), "--no-progress", corpus.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("bulk-child.log").toFile()).start();
        // Kill it while the bulk loader writes its folder beside the database.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        boolean seen = false;
        while (p.isAlive() && !seen && System.nanoTime() < deadline) {
            seen = siblings(db).stream().anyMatch(s -> Files.exists(s.resolve("Data-0001").resolve("nodes.dat")));
            Thread.sleep(2);
        }
        p.destroyForcibly();  // SIGKILL
        p.waitFor(30, TimeUnit.SECONDS);

        DatasetGraph dsg = TdbStores.openOrCreate(db);
        int before = TdbStores.storedHashes(dsg).size();
        System.err.println("kill -9 during a bulk load left " + before + " of " + ARTICLES + " articles");
        // All or nothing: the database is replaced only once the bulk load is complete.
        assertThat(before).isIn(0, ARTICLES);
        CliRun rerun = load(db, "phased", corpus);
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(TdbStores.storedHashes(TdbStores.openExisting(db))).hasSize(ARTICLES);
    }
}
