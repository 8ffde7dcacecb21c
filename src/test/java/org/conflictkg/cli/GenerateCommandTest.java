package org.conflictkg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

    @Test
    void writesAValidCorpusSplitIntoFiles(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.run("generate", "-n", "120", "--files", "2", "--seed", "5", "-o", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("wrote 120 articles in 2 files");
        Path a = dir.resolve("corpus-0001.jsonl");
        Path b = dir.resolve("corpus-0002.jsonl");
        assertThat(Files.readAllLines(a)).hasSize(60);
        assertThat(Files.readAllLines(b)).hasSize(60);
        CliRun validate = CliRun.run("validate", a.toString(), b.toString());
        assertThat(validate.exitCode()).as(validate.err()).isZero();
        assertThat(validate.out()).contains("120 documents valid");
    }

    @Test
    void countsTakeSuffixes() {
        assertThat(GenerateCommand.parseCount("10k", null)).isEqualTo(10_000);
        assertThat(GenerateCommand.parseCount("1M", null)).isEqualTo(1_000_000);
        assertThat(GenerateCommand.parseCount("250", null)).isEqualTo(250);
    }

    @Test
    void badUsageExitsTwoAndWritesNothing(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        for (String[] args : new String[][] {
                {"generate", "-n", "ten", "-o", out.toString()},
                {"generate", "-n", "0", "-o", out.toString()},
                {"generate", "-n", "5", "--files", "6", "-o", out.toString()},
                {"generate", "-n", "5", "--facts", "9..3", "-o", out.toString()},
                {"generate", "-n", "5", "--prefix", "../x", "-o", out.toString()},
                {"generate", "-n", "5"}}) {
            CliRun run = CliRun.run(args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err()).isNotBlank();
        }
        assertThat(Files.exists(out)).isFalse();
    }
}
