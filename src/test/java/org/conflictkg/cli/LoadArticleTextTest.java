package org.conflictkg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** load takes article text directly: extract, convert and load in one step. */
class LoadArticleTextTest {

    @Test
    void articleTextLoadsAndAnswersQueries(@TempDir Path tmp) {
        Path db = tmp.resolve("kg");
        CliRun load = CliRun.run("load", "examples/2020-01-31-newarab-saraqeb.txt", "--db", db.toString(), "--no-progress");
        assertThat(load.exitCode()).as(load.err()).isZero();
        assertThat(load.out()).startsWith("1 loaded");
        CliRun q = CliRun.run("query", "controller-at", "--db", db.toString(), "--param", "date=2020-01-30",
                "--format", "csv");
        assertThat(q.exitCode()).as(q.err()).isZero();
        assertThat(q.out()).contains("Maarat al-Numan").contains("Syrian government forces");
        // Loading it again changes nothing.
        assertThat(CliRun.run("load", "examples/2020-01-31-newarab-saraqeb.txt", "--db", db.toString(), "--no-progress")
                .out()).startsWith("0 loaded, 1 unchanged");
    }

    @Test
    void anArticleWithoutItsHeaderIsReportedAndSkipped(@TempDir Path tmp) throws IOException {
        Path bad = tmp.resolve("no-header.txt");
        Files.writeString(bad, "Rebels captured the town on Monday.\n");
        CliRun load = CliRun.run("load", bad.toString(), "examples/2020-01-31-newarab-saraqeb.facts.json",
                "--db", tmp.resolve("kg").toString(), "--no-progress");
        assertThat(load.exitCode()).isEqualTo(2);
        assertThat(load.out()).startsWith("1 loaded, 0 unchanged, 1 failed");
        assertThat(load.err()).contains("no-header.txt");
    }

    @Test
    void aFolderWithTheFactsAndTheTextOfOneArticleLoadsTheFactsWithANote(@TempDir Path tmp) throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("examples"));
        for (String name : new String[] {"2020-01-31-newarab-saraqeb.facts.json", "2020-01-31-newarab-saraqeb.txt"}) {
            Files.copy(Path.of("examples", name), folder.resolve(name));
        }
        CliRun load = CliRun.run("load", folder.toString(), "--db", tmp.resolve("kg").toString(), "--no-progress");
        assertThat(load.exitCode()).as(load.err()).isZero();
        assertThat(load.out()).startsWith("1 loaded, 0 unchanged, 0 failed");
        assertThat(load.err().strip()).startsWith("note: ").contains("2020-01-31-newarab-saraqeb.txt: skipped")
                .doesNotContain("\n");
        // With --quiet, no note.
        CliRun again = CliRun.run("load", folder.toString(), "--db", tmp.resolve("kg").toString(), "--quiet");
        assertThat(again.exitCode()).isZero();
        assertThat(again.err()).isEmpty();
        assertThat(again.out()).isEmpty();
        // With --json, one object on standard output.
        CliRun json = CliRun.run("load", folder.toString(), "--db", tmp.resolve("kg").toString(), "--json");
        assertThat(json.out().strip()).startsWith("{\"command\":\"load\",\"loaded\":0,\"unchanged\":1,\"failed\":0,")
                .endsWith("\"target\":\"" + tmp.resolve("kg") + "\"}");
    }

    @Test
    void aReviewFolderLoadsTheReviewedDocumentsNotTheDraftsNorTheArticlesInReview(@TempDir Path tmp) throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("review"));
        String facts = Files.readString(Path.of("examples/2020-01-31-newarab-saraqeb.facts.json"));
        Path text = Path.of("examples/2020-01-31-newarab-saraqeb.txt");
        // Reviewed: article, draft and reviewed document (the draft has the same article id: loading both would fail).
        Files.copy(text, folder.resolve("a.txt"));
        Files.writeString(folder.resolve("a.draft.json"), facts);
        Files.writeString(folder.resolve("a.json"), facts.replaceFirst("\\{",
                "{\"review\": {\"reviewer\": \"desk\", \"reviewedAt\": \"2026-12-04T23:10:00Z\", \"draft\": \"a.draft.json\"},"));
        // In review: article and draft only.
        Files.copy(text, folder.resolve("b.txt"));
        Files.writeString(folder.resolve("b.draft.json"), facts.replace("2020-01-31-newarab-saraqeb", "b"));
        CliRun load = CliRun.run("load", folder.toString(), "--db", tmp.resolve("kg").toString(), "--no-progress");
        assertThat(load.exitCode()).as(load.err()).isZero();
        assertThat(load.out()).startsWith("1 loaded, 0 unchanged, 0 failed");
        assertThat(load.err().lines()).hasSize(2).allMatch(l -> l.startsWith("note: "));
        assertThat(load.err()).contains("a.txt: skipped, the facts document")
                .contains("b.txt: skipped, its draft b.draft.json is not reviewed yet");
    }
}
