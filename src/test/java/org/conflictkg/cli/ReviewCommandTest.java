package org.conflictkg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.conflictkg.facts.ArticleFacts;
import org.conflictkg.facts.FactsReader;
import org.conflictkg.server.ReviewFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The review command run in-process: help, bad input, filling and resuming a folder, loading. */
class ReviewCommandTest {
    static final Path FIXTURE = Path.of("src/test/resources/org/conflictkg/server/review");

    @TempDir
    Path tmp;

    /** The fixture as a draft beside its article, {@code in/tel-qasr.json} and {@code in/tel-qasr.txt}. */
    Path drafts() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.copy(FIXTURE.resolve("tel-qasr.txt"), in.resolve("tel-qasr.txt"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(FIXTURE.resolve("tel-qasr.draft.json"), in.resolve("tel-qasr.json"), StandardCopyOption.REPLACE_EXISTING);
        return in;
    }

    @Test
    void helpSaysWhatItDoesAndItsExitCodes() {
        CliRun r = CliRun.run("review", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Reviews drafted facts on a local page against the article text.")
                .contains("--reviewer").contains("--db").contains("--endpoint").contains("--port")
                .contains("NAME.draft.json").contains("Exit 0 when stopped, 2 on bad usage or bad input");
        assertThat(CliRun.run("--help").out()).contains("review");
    }

    @Test
    void aMissingInputIsBadInputAndNothingIsWritten() {
        Path out = tmp.resolve("review");
        CliRun r = CliRun.run("review", tmp.resolve("nope.txt").toString(), "-o", out.toString(), "--no-serve");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1).first().asString().startsWith("error: ").contains("nope.txt");
        assertThat(out).doesNotExist();
    }

    @Test
    void aBadDraftIsBadInputNamingItsPlaceAndNothingIsWritten() throws IOException {
        Path in = drafts();
        Files.writeString(in.resolve("broken.json"), "{\"format\": \"conflict-kg/facts@1\",\n  \"article\": 3}\n");
        Path out = tmp.resolve("review");
        CliRun r = CliRun.run("review", in.toString(), "-o", out.toString(), "--no-serve");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("broken.json:2:").contains("/article");
        assertThat(out).doesNotExist();
    }

    @Test
    void aFactsFileInTheReviewFolderItselfIsNotTakenForADraft() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("review"));
        Files.copy(FIXTURE.resolve("tel-qasr.draft.json"), out.resolve("tel-qasr.json"));
        CliRun r = CliRun.run("review", out.toString(), "-o", out.toString(), "--no-serve");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("must be named tel-qasr.draft.json");
        assertThat(out.resolve("tel-qasr.draft.json")).doesNotExist();
    }

    @Test
    void nothingToReviewIsBadUsage() {
        CliRun r = CliRun.run("review", "-o", tmp.resolve("empty").toString(), "--no-serve");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("nothing to review");
    }

    @Test
    void credentialsNeedAnEndpoint() throws IOException {
        CliRun r = CliRun.run("review", drafts().toString(), "--db", tmp.resolve("kg").toString(), "--user", "u",
                "--no-serve");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--user and --password-file need --endpoint");
    }

    @Test
    void fillsTheFolderWithTheArticleAndItsDraftAndResumesIt() throws IOException {
        Path out = tmp.resolve("review");
        CliRun first = CliRun.run("review", drafts().toString(), "-o", out.toString(), "--no-serve");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("1 added, 0 of 1 reviewed");
        assertThat(Files.readString(out.resolve("tel-qasr.txt"))).isEqualTo(Files.readString(FIXTURE.resolve("tel-qasr.txt")));
        assertThat(Files.readString(out.resolve("tel-qasr.draft.json")))
                .isEqualTo(Files.readString(FIXTURE.resolve("tel-qasr.draft.json")));
        // A reviewed document found later is kept, and counted, when the same command runs again.
        Files.copy(FIXTURE.resolve("tel-qasr.draft.json"), out.resolve("tel-qasr.json"));
        CliRun again = CliRun.run("review", drafts().toString(), "-o", out.toString(), "--no-serve");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("0 added, 1 of 1 reviewed");
        CliRun resume = CliRun.run("review", "-o", out.toString(), "--no-serve");
        assertThat(resume.out()).contains("0 added, 1 of 1 reviewed");
    }

    @Test
    void anArticleAloneIsDraftedFirst() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("articles"));
        Files.copy(FIXTURE.resolve("tel-qasr.txt"), in.resolve("tel-qasr.txt"));
        Path out = tmp.resolve("review");
        CliRun r = CliRun.run("review", in.resolve("tel-qasr.txt").toString(), "-o", out.toString(), "--no-serve");
        assertThat(r.exitCode()).as(r.err()).isZero();
        ArticleFacts draft = FactsReader.read(out.resolve("tel-qasr.draft.json"));
        ArticleFacts fixture = FactsReader.read(FIXTURE.resolve("tel-qasr.draft.json"));
        assertThat(draft.article().text()).isEqualTo(fixture.article().text());
        assertThat(out.resolve("tel-qasr.txt")).exists();
    }

    @Test
    void aReviewedDocumentIsLoadedAsLoadWouldLoadIt() throws IOException {
        Path out = tmp.resolve("review");
        assertThat(CliRun.run("review", drafts().toString(), "-o", out.toString(), "--no-serve").exitCode()).isZero();
        StoreTarget store = new StoreTarget();
        store.where.db = tmp.resolve("kg");
        StringWriter err = new StringWriter();
        ReviewFolder folder = ReviewFolder.create(out).reviewer("desk").loader(ReviewCommand.loader(store, new PrintWriter(err)))
                .build();
        ObjectNode draft = (ObjectNode) new ObjectMapper().readTree(out.resolve("tel-qasr.draft.json").toFile());
        ObjectNode body = new ObjectMapper().createObjectNode();
        body.set("document", draft);
        ArrayNode items = body.putArray("items");
        items.addObject().put("kind", "figures").put("key", "figures/0").put("decision", "accepted");
        body.put("reviewed", true);
        ReviewFolder.Saved saved = folder.save("tel-qasr", body);
        assertThat(saved.loadError()).isNull();
        assertThat(saved.loaded()).startsWith("1 loaded");
        CliRun again = CliRun.run("load", out.toString(), "--db", tmp.resolve("kg").toString(), "--no-progress");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).startsWith("0 loaded, 1 unchanged");
        assertThat(ReviewCommand.loader(new StoreTarget(), new PrintWriter(err))).as("no store, no loading").isNull();
    }

    @Test
    void theReportPrintsThePrecisionAndRecallOfTheDraftsComputedByHand() throws IOException {
        Path dir = Path.of("src/test/resources/org/conflictkg/review/report");
        CliRun r = CliRun.run("review", "--report", dir.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> printed = r.out().lines().map(l -> l.strip().replaceAll("\\s+", " ")).toList();
        List<String> expected = Files.readAllLines(dir.resolve("expected.tsv")).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> String.join(" ", List.of(l.split("\t")).subList(1, 10))).toList();
        assertThat(expected).hasSizeGreaterThan(10);
        assertThat(printed).containsAll(expected);
        assertThat(r.out()).contains("not reviewed yet (c)");
    }

    @Test
    void theReportOfAMissingFolderIsBadInputAndTakesNoInputs() throws IOException {
        CliRun missing = CliRun.run("review", "--report", tmp.resolve("nope").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().lines()).hasSize(1);
        CliRun both = CliRun.run("review", drafts().toString(), "--report", tmp.toString());
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--report takes a review folder");
    }
}
