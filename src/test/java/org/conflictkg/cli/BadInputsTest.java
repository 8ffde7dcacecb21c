package org.conflictkg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of bad inputs in {@code bad-inputs/}: each file, converted, must fail with exit code 2,
 * name its position (line:column and JSON pointer) with the expected message, and leave no output.
 * {@code cases.tsv} lists file, position, pointer and message fragment.
 */
class BadInputsTest {

    static final Path DIR = Path.of("src/test/resources/org/conflictkg/cli/bad-inputs");

    static Stream<Arguments> cases() throws IOException {
        return Files.readAllLines(DIR.resolve("cases.tsv")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\t"))
                .map(c -> Arguments.of(c[0], c[1], c[2], c[3]));
    }

    @Test
    void corpusIsLargeAndComplete() throws IOException {
        long files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.filter(p -> p.getFileName().toString().matches("\\d\\d-.*\\.jsonl?")).count();
        }
        assertThat(cases().count()).isGreaterThanOrEqualTo(25).isEqualTo(files);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void convertRejectsWithPositionAndWritesNothing(String file, String position, String pointer, String fragment,
                                                    @TempDir Path out) throws IOException {
        Path input = DIR.resolve(file);
        Path target = out.resolve("out.trig");
        CliRun run = CliRun.run("convert", input.toString(), "-o", target.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        String where = input + (position.equals("-") ? "" : ":" + position) + ": "
                + (pointer.equals("-") ? "" : pointer + ": ");
        assertThat(run.err().lines().filter(l -> l.startsWith(where) && l.contains(fragment)))
                .as("a line starting %s containing %s in:%n%s", where, fragment, run.err()).isNotEmpty();
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left).as("files left behind").isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void validateRejectsToo(String file, String position, String pointer, String fragment) {
        CliRun run = CliRun.run("validate", DIR.resolve(file).toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(fragment);
    }

    @Test
    void theBaseOfTheCorpusIsValid() {
        CliRun run = CliRun.run("validate", DIR.resolveSibling("valid-base.json").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void oneBadFileAmongGoodOnesStopsTheWholeConversion(@TempDir Path out) {
        Path target = out.resolve("all.trig");
        CliRun run = CliRun.run("convert", DIR.resolveSibling("valid-base.json").toString(),
                DIR.resolve("13-dangling-to.json").toString(), "-o", target.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("1 of 2 documents are invalid; nothing written");
        assertThat(target).doesNotExist();
    }
}
