package org.conflictkg.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.jena.sparql.core.DatasetGraph;
import org.conflictkg.synth.CorpusGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk: {@code load} (bulk and transactional) and {@code generate} on a small tmpfs
 * fail with one line and exit code 1, leave nothing half-built, and leave the store as it was.
 *
 * <p>Mounting a tmpfs needs root (as in CI); the test is skipped when not root or when the
 * mount fails (a container without the capability).
 */
class DiskFullTest {

    @TempDir
    static Path tmp;
    static Path mnt;
    static boolean mounted;
    static Path corpus;

    @BeforeAll
    static void mountSmallDisk() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
        mnt = Files.createDirectories(tmp.resolve("disk"));
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=128m", "tmpfs", mnt.toString())
                .redirectErrorStream(true).start();
        mounted = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        assumeTrue(mounted, "cannot mount a tmpfs here");
        corpus = tmp.resolve("corpus");
        CorpusGenerator.create().seed(3).build().writeFiles(corpus, "c", 300, 1);
    }

    @AfterAll
    static void unmount() throws Exception {
        if (mounted) {
            new ProcessBuilder("umount", "-l", mnt.toString()).start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Fills the disk until {@code leave} bytes are free (in one file, deleted by {@link #unfill}). */
    static Path fill(long leave) throws IOException {
        Path filler = mnt.resolve("filler");
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (Files.getFileStore(mnt).getUsableSpace() > leave + block.length) {
                out.write(block);
            }
        } catch (IOException ex) {
            // full
        }
        return filler;
    }

    static void unfill() throws IOException {
        Files.deleteIfExists(mnt.resolve("filler"));
    }

    record Child(int exit, String err) {
        List<String> lines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    static Child cli(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Path err = tmp.resolve("stderr.txt");
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("the command ends (no hang on a full disk)").isTrue();
        } finally {
            p.destroyForcibly();
        }
        return new Child(p.exitValue(), Files.readString(err));
    }

    static List<String> names(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void generateOnAFullDiskLeavesNoPartFile() throws Exception {
        fill(256 * 1024);
        try {
            Child c = cli("generate", "-n", "2000", "-o", mnt.resolve("gen").toString());
            assertThat(c.exit).as(c.err).isEqualTo(1);
            assertThat(c.lines()).as(c.err).hasSize(1);
            assertThat(c.err).startsWith("error: cannot write corpus to").contains("No space left on device");
            assertThat(names(mnt.resolve("gen"))).isEmpty();
        } finally {
            unfill();
        }
    }

    @Test
    void aBulkLoadThatWouldNotFitIsRefusedBeforeItStarts() throws Exception {
        fill(12L << 20);
        try {
            Path db = Files.createDirectories(mnt.resolve("refused")).resolve("kg");
            Child c = cli("load", corpus.toString(), "--db", db.toString(), "--skip-shapes", "--no-progress");
            assertThat(c.exit).as(c.err).isEqualTo(1);
            assertThat(c.lines()).as(c.err).hasSize(1);
            assertThat(c.err).startsWith("error: not enough disk space to bulk load into");
            assertThat(names(db.getParent())).containsOnly("kg");
            assertThat(names(db.resolve("Data-0001"))).isNotEmpty(); // the new store, empty, as before
        } finally {
            unfill();
        }
    }

    @Test
    void aDiskThatFillsDuringABulkLoadStopsItCleanly() throws Exception {
        Path db = Files.createDirectories(mnt.resolve("bulk")).resolve("kg");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "load", corpus.toString(), "--db", db.toString(), "--skip-shapes", "--no-progress"));
        Path err = tmp.resolve("bulk-stderr.txt");
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            // Once the bulk load has started (its folder exists beside the store), another
            // process fills the disk.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (p.isAlive() && System.nanoTime() < deadline
                    && names(db.getParent()).stream().noneMatch(n -> n.startsWith(".kg.loading-"))) {
                Thread.sleep(2);
            }
            fill(0);
            assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("the load ends (no hang on a full disk)").isTrue();
        } finally {
            p.destroyForcibly();
            unfill();
        }
        String text = Files.readString(err);
        assertThat(p.exitValue()).as(text).isEqualTo(1);
        assertThat(text.lines().filter(l -> !l.isBlank()).toList()).as(text).hasSize(1);
        assertThat(text).startsWith("error: bulk load failed: no space left on the disk");
        assertThat(names(db.getParent())).as("no half-built folder left").containsOnly("kg");
        DatasetGraph dsg = org.conflictkg.store.TdbStores.openExisting(db);
        try {
            assertThat(org.conflictkg.store.TdbStores.storedHashes(dsg)).as("the store is as it was: empty").isEmpty();
        } finally {
            org.conflictkg.store.TdbStores.release(dsg);
        }
    }

    @Test
    void aTransactionalLoadOnAFullDiskLeavesTheStoreAsItWas() throws Exception {
        Path db = Files.createDirectories(mnt.resolve("txn")).resolve("kg");
        Path some = tmp.resolve("some.jsonl");
        Files.write(some, Files.readAllLines(corpus.resolve("c-0001.jsonl")).subList(0, 20));
        Child first = cli("load", some.toString(), "--db", db.toString(), "--skip-shapes", "--no-progress");
        assertThat(first.exit).as(first.err).isZero();
        DatasetGraph before = CrashRecoveryTest.dump(db);
        fill(0);
        try {
            Child c = cli("load", corpus.toString(), "--db", db.toString(), "--skip-shapes", "--no-progress");
            assertThat(c.exit).as(c.err).isEqualTo(1);
            assertThat(c.lines()).as(c.err).hasSize(1);
            assertThat(c.err).startsWith("error: cannot write to").contains("no space left on the disk");
        } finally {
            unfill();
        }
        assertThat(names(db.getParent())).containsOnly("kg");
        CrashRecoveryTest.assertSameStore(CrashRecoveryTest.dump(db), before);
    }
}
