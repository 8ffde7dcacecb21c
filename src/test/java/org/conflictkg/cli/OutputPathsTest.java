package org.conflictkg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.conflictkg.store.TdbStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every output option given a path of the wrong kind (a folder where a file is written, a file
 * where a folder is, a file on the way to either), over the cases in {@code output-paths.tsv}:
 * exit code 2, one error line naming the option, the path and what was expected, nothing on
 * standard output, and nothing written.
 */
class OutputPathsTest {
    static final Path CASES = Path.of("src/test/resources/org/conflictkg/cli/output-paths.tsv");
    static final String FACTS = "examples/2020-01-31-newarab-saraqeb.facts.json";
    static final String TEXT = "examples/2020-01-31-newarab-saraqeb.txt";

    @TempDir
    static Path tmp;
    static Path db;
    static Path work;

    @BeforeAll
    static void setUp() throws IOException {
        db = tmp.resolve("kg");
        CliRun load = CliRun.run("load", FACTS, "--db", db.toString(), "-q", "--no-derive");
        assertThat(load.exitCode()).as(load.err()).isZero();
        work = Files.createDirectories(tmp.resolve("work"));
        Files.createDirectories(work.resolve("a-folder"));
        Files.writeString(work.resolve("a-file"), "not a folder\n");
    }

    @AfterAll
    static void release() {
        TdbStores.release(TdbStores.openExisting(db));
    }

    static Stream<Arguments> cases() throws IOException {
        return Files.readAllLines(CASES).stream().filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("\t")).map(f -> Arguments.of(f[0], f[1]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aPathOfTheWrongKindIsBadInputAndNothingIsWritten(String commandLine, String expected) throws IOException {
        Map<String, Long> before = snapshot();
        String[] args = commandLine.split(" ");
        for (int i = 0; i < args.length; i++) {
            args[i] = fill(args[i]);
        }
        CliRun r = CliRun.run(args);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").isEqualTo("error: " + fill(expected));
        assertThat(r.out()).isEmpty();
        assertThat(snapshot()).isEqualTo(before);
    }

    private static String fill(String s) {
        return s.replace("{facts}", FACTS).replace("{text}", TEXT).replace("{db}", db.toString())
                .replace("{dir}", work.resolve("a-folder").toString()).replace("{file}", work.resolve("a-file").toString());
    }

    /** Every path under the work folder with its size (-1 for a folder). */
    private static Map<String, Long> snapshot() throws IOException {
        Map<String, Long> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(work)) {
            for (Path p : s.toList()) {
                m.put(work.relativize(p).toString(), Files.isDirectory(p) ? -1L : Files.size(p));
            }
        }
        return m;
    }
}
