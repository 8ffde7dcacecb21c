package org.conflictkg.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code -o} on a device or a FIFO writes to it and never replaces it with a regular file (the
 * atomic temporary-file-and-rename would). Devices are reached through a link to
 * {@code /dev/null}, so that even a broken build run as root cannot replace the real one.
 */
@DisabledOnOs(OS.WINDOWS)
class SpecialOutputTest {
    static final String FACTS = "examples/2020-01-31-newarab-saraqeb.facts.json";
    static final String TEXT = "examples/2020-01-31-newarab-saraqeb.txt";

    @TempDir
    static Path tmp;
    static Path db;

    @BeforeAll
    static void loadTheExample() {
        db = tmp.resolve("kg");
        CliRun r = CliRun.run("load", FACTS, "--db", db.toString(), "--no-progress");
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    /** Each command writing to {@code -o TARGET}, with TARGET as the last argument. */
    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of("convert", List.of("convert", FACTS, "--format", "nquads", "-o")),
                Arguments.of("extract", List.of("extract", TEXT, "--no-progress", "-o")),
                Arguments.of("export rdf", List.of("export", "--db", "DB", "--format", "nquads", "-o")),
                Arguments.of("export csv", List.of("export", "--db", "DB", "--format", "csv", "--no-progress", "-o")));
    }

    static CliRun run(List<String> args, Path target) {
        List<String> all = new ArrayList<>();
        args.forEach(a -> all.add(a.equals("DB") ? db.toString() : a));
        all.add(target.toString());
        return CliRun.run(all.toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void aLinkToTheNullDeviceStaysALink(String name, List<String> args) throws Exception {
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull) && !Files.isRegularFile(devNull), "no /dev/null device");
        Path link = Files.createSymbolicLink(tmp.resolve(name.replace(' ', '-') + ".null"), devNull);
        CliRun r = run(args, link);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).as("still a link").isTrue();
        assertThat(Files.isRegularFile(link)).as("still the device").isFalse();
        assertNoLeftovers();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void aFifoIsWrittenToAndStaysAFifo(String name, List<String> args) throws Exception {
        Path fifo = tmp.resolve(name.replace(' ', '-') + ".fifo");
        assumeTrue(mkfifo(fifo), "mkfifo is not available");
        // The reader opens the FIFO as the command does; a daemon thread, since a reader whose
        // writer never comes would block forever.
        CompletableFuture<byte[]> read = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                read.complete(in.readAllBytes());
            } catch (Exception ex) {
                read.completeExceptionally(ex);
            }
        }, "fifo-reader");
        reader.setDaemon(true);
        reader.start();
        CliRun r = run(args, fifo);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readAttributes(fifo, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther())
                .as("still a FIFO").isTrue();
        assertThat(read.get(60, TimeUnit.SECONDS)).as("what the reader got").isNotEmpty();
        assertNoLeftovers();
    }

    static boolean mkfifo(Path fifo) {
        try {
            Process p = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception ex) {
            return false;
        }
    }

    static void assertNoLeftovers() throws Exception {
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }
}
