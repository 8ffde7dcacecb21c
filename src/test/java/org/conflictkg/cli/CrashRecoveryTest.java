package org.conflictkg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.conflictkg.CrashPoints;
import org.conflictkg.rdf.CKG;
import org.conflictkg.store.TdbStores;
import org.conflictkg.synth.CorpusGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Crash recovery as a property: a {@code load} killed at any point (a child process halted at a
 * named crash point, as {@code kill -9} would stop it), then run again with the same arguments,
 * leaves the store exactly as an uninterrupted load does: every named graph, the derived graph
 * included, and the hidden default graph (no work left recorded as owed), compared by
 * isomorphism; nothing left beside the store; and the rerun says what it cleaned up.
 *
 * <p>Two loads: {@code first} bulk loads a new store (conversion, bulk load into a folder beside
 * it, the swap, derivation in full); {@code second} adds articles in several transactions
 * (conversion, commits, incremental derivation, compaction).
 */
@DisabledOnOs(OS.WINDOWS)
class CrashRecoveryTest {

    @TempDir
    static Path tmp;
    static Path a;
    static Path b1;
    static Path b2;
    /** The store after the first load, and after both, uninterrupted. */
    static Path afterFirst;
    static DatasetGraph expectedFirst;
    static DatasetGraph expectedSecond;

    @BeforeAll
    static void referenceLoads() throws IOException {
        List<Path> files = CorpusGenerator.create().seed(17).build().writeFiles(tmp.resolve("corpus"), "c", 24, 3);
        a = files.get(0);
        b1 = files.get(1);
        b2 = files.get(2);
        afterFirst = tmp.resolve("reference");
        assertThat(CliRun.run(first(afterFirst)).exitCode()).isZero();
        expectedFirst = dump(afterFirst);
        Path both = tmp.resolve("reference-both");
        copyTree(afterFirst, both);
        CliRun second = CliRun.run(second(both));
        assertThat(second.exitCode()).as(second.err()).isZero();
        expectedSecond = dump(both);
        assertThat(Files.list(both).filter(p -> p.getFileName().toString().startsWith("Data-")).toList())
                .as("the second load compacted the store").extracting(p -> p.getFileName().toString()).containsExactly("Data-0002");
    }

    static String[] first(Path db) {
        return new String[] {"load", a.toString(), "--db", db.toString(), "--skip-shapes", "--no-progress"};
    }

    static String[] second(Path db) {
        return new String[] {"load", a.toString(), b1.toString(), b2.toString(), "--db", db.toString(), "--skip-shapes",
                "--no-progress", "--batch", "1200"};
    }

    @ParameterizedTest(name = "{0} load killed at {1}")
    @CsvSource({
            // the first load: a new store, bulk loaded beside it and swapped in
            "first, create:1, removed .kg.creating-",
            "first, convert:3, ''",
            "first, bulk:2, removed .kg.loading-",
            "first, bulk-done:1, removed .kg.loading-",
            "first, swap:1, resumed an interrupted load",
            "first, swap:2, removed .kg.old-",
            "first, derive:1, ''",
            // the second load: transactions into the store, then derivation and compaction
            "second, commit:2, ''",
            "second, write:2, ''",
            "second, derive:1, ''",
            "second, compact:1, ''",
            "second, compact-copy:1, ''",
            "second, compact:2, ''",
    })
    void aRerunAfterAKillLeavesTheStoreOfAnUninterruptedLoad(String load, String point, String note) throws Exception {
        Path db = tmp.resolve(load + "-" + point.replace(':', '-')).resolve("kg");
        Files.createDirectories(db.getParent());
        boolean isFirst = load.equals("first");
        if (!isFirst) {
            copyTree(afterFirst, db);
        }
        String[] args = isFirst ? first(db) : second(db);

        Child crashed = runChild(db.getParent(), point, args);
        assertThat(crashed.exit).as(crashed.err).isEqualTo(CrashPoints.HALT_STATUS);
        assertThat(crashed.err).contains("crash point " + point + " reached");

        CliRun rerun = CliRun.run(args);
        release(db);
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        if (!note.isEmpty()) {
            assertThat(rerun.err()).as("the rerun says what it put right").contains("note: " + note);
        }
        assertThat(leftovers(db)).as("nothing left beside or in the store").isEmpty();
        assertSameStore(dump(db), isFirst ? expectedFirst : expectedSecond);
    }

    /** Every graph of {@code actual} is isomorphic to the same graph of {@code expected}, and no graph is missing. */
    static void assertSameStore(DatasetGraph actual, DatasetGraph expected) {
        assertThat(graphNames(actual)).isEqualTo(graphNames(expected));
        assertThat(graphNames(expected)).contains(CKG.GRAPH_DERIVED.getURI());
        for (String g : graphNames(expected)) {
            Node n = org.apache.jena.graph.NodeFactory.createURI(g);
            Graph x = actual.getGraph(n);
            Graph y = expected.getGraph(n);
            assertThat(x.isIsomorphicWith(y)).as("graph " + g + ": " + x.size() + " vs " + y.size() + " triples").isTrue();
        }
        assertThat(actual.getDefaultGraph().isIsomorphicWith(expected.getDefaultGraph()))
                .as("the store's bookkeeping (default graph): " + actual.getDefaultGraph()).isTrue();
    }

    static Set<String> graphNames(DatasetGraph dsg) {
        Set<String> names = new TreeSet<>();
        dsg.listGraphNodes().forEachRemaining(n -> names.add(n.getURI()));
        return names;
    }

    /** The store's quads, every named graph and the stored default graph, in memory. */
    static DatasetGraph dump(Path db) {
        DatasetGraph copy = DatasetGraphFactory.create();
        DatasetGraph dsg = TdbStores.openExisting(db);
        try {
            Txn.executeRead(dsg, () -> {
                dsg.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(copy::add);
                dsg.find(Quad.defaultGraphIRI, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(copy::add);
            });
        } finally {
            TdbStores.release(dsg);
        }
        return copy;
    }

    /** Lets go of a store the in-process run opened, so that another process can open it. */
    static void release(Path db) {
        if (TdbStores.looksLikeTdb2(db)) {
            TdbStores.release(TdbStores.openExisting(db));
        }
    }

    /** Temporary folders beside the store, and store generations beyond the one in use. */
    static List<String> leftovers(Path db) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(db.getParent())) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".kg.")).forEach(out::add);
        }
        try (Stream<Path> s = Files.list(db)) {
            List<String> gens = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("Data-")).toList();
            if (gens.size() != 1) {
                out.addAll(gens);
            }
        }
        return out;
    }

    record Child(int exit, String err) {
    }

    static Child runChild(Path dir, String point, String... args) throws Exception {
        // A short-lived JVM: quick start rather than peak speed.
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        cmd.addAll(List.of(args));
        Path err = dir.resolve("child-" + point.replace(':', '-') + ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(err.toFile());
        pb.environment().put("CONFLICT_KG_CRASH_AT", point);
        Process p = pb.start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
        } finally {
            p.destroyForcibly();
        }
        return new Child(p.exitValue(), Files.readString(err));
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else if (!p.getFileName().toString().equals("tdb.lock")) {
                    Files.copy(p, t);
                }
            }
        }
    }
}
