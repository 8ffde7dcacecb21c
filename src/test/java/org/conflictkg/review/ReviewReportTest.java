package org.conflictkg.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.conflictkg.ConflictKgException;
import org.conflictkg.facts.FactsException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The review report on a fixture folder of drafts and reviewed documents (README.md there): the
 * scores per kind, per war and per confidence band are those of expected.tsv, computed by hand,
 * both as numbers and as printed.
 */
class ReviewReportTest {

    static final Path FIXTURE = Path.of("src/test/resources/org/conflictkg/review/report");

    static ReviewReport report;
    static String printed;

    @BeforeAll
    static void read() {
        report = ReviewReport.of(FIXTURE);
        printed = print(report);
    }

    private static String print(ReviewReport r) {
        StringWriter w = new StringWriter();
        r.print(new PrintWriter(w));
        return w.toString();
    }

    record Expected(String table, String row, int draft, int reviewed, int kept, int rejected, int edited, int added,
                    String precision, String recall) {
        @Override
        public String toString() {
            return table + ": " + row;
        }
    }

    static Stream<Expected> expected() throws IOException {
        return Files.readAllLines(FIXTURE.resolve("expected.tsv")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\t"))
                .map(c -> new Expected(c[0], c[1], Integer.parseInt(c[2]), Integer.parseInt(c[3]),
                        Integer.parseInt(c[4]), Integer.parseInt(c[5]), Integer.parseInt(c[6]), Integer.parseInt(c[7]),
                        c[8], c[9]));
    }

    private static ReviewReport.Score scoreOf(Expected e) {
        Map<String, ReviewReport.Score> rows = new LinkedHashMap<>();
        switch (e.table()) {
            case "kind" -> {
                report.byKind().forEach((k, s) -> rows.put(k.label(), s));
                rows.put("all", report.total());
            }
            case "war" -> rows.putAll(report.byWar());
            case "confidence" -> report.byBand().forEach((b, s) -> rows.put(b.label(), s));
            default -> throw new IllegalArgumentException(e.table());
        }
        assertThat(rows).as("rows of %s", e.table()).containsKey(e.row());
        return rows.get(e.row());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expected")
    void scoresAreTheHandComputedOnes(Expected e) {
        ReviewReport.Score s = scoreOf(e);
        assertThat(List.of(s.draft(), s.reviewed(), s.kept(), s.rejected(), s.edited(), s.added()))
                .containsExactly(e.draft(), e.reviewed(), e.kept(), e.rejected(), e.edited(), e.added());
        assertThat(s.precision()).isCloseTo(Double.parseDouble(e.precision()), within(0.005));
        assertThat(s.recall()).isCloseTo(Double.parseDouble(e.recall()), within(0.005));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expected")
    void scoresArePrinted(Expected e) {
        String columns = String.join(" ", String.valueOf(e.draft()), String.valueOf(e.reviewed()),
                String.valueOf(e.kept()), String.valueOf(e.rejected()), String.valueOf(e.edited()),
                String.valueOf(e.added()), e.precision(), e.recall());
        assertThat(printed.lines()
                .filter(l -> l.startsWith(e.row() + " "))
                .map(l -> l.substring(e.row().length()).trim().replaceAll(" +", " ")))
                .as(printed).contains(columns);
    }

    @Test
    void everyRowOfEveryTableIsExpected() throws IOException {
        List<Expected> all = expected().toList();
        assertThat(all).filteredOn(e -> e.table().equals("kind")).hasSize(ReviewReport.Kind.values().length + 1);
        assertThat(all).filteredOn(e -> e.table().equals("war")).extracting(Expected::row)
                .containsExactlyElementsOf(report.byWar().keySet());
        assertThat(all).filteredOn(e -> e.table().equals("confidence")).hasSize(ReviewReport.Band.values().length);
    }

    @Test
    void unreviewedDraftsAreListedNotScored() {
        assertThat(report.articles()).extracting(ReviewReport.Article::name, ReviewReport.Article::id,
                        ReviewReport.Article::reviewed)
                .containsExactly(tuple("a", "review-a", true), tuple("b", "review-b", true),
                        tuple("c", "review-c", false));
        assertThat(report.facts()).extracting(ReviewReport.Fact::article).doesNotContain("c");
        assertThat(printed).contains("articles: 3 drafted, 2 reviewed, 1 not reviewed yet (c)");
    }

    @Test
    void editedAndAddedFactsAreNamed() {
        assertThat(report.facts()).filteredOn(f -> f.outcome() == ReviewReport.Outcome.EDITED)
                .extracting(ReviewReport.Fact::id)
                .containsExactlyInAnyOrder("cc-tal-sample", "displaced-tal-sample", "rsf");
        assertThat(report.facts()).filteredOn(f -> f.outcome() == ReviewReport.Outcome.ADDED)
                .extracting(ReviewReport.Fact::id).containsExactly("wounded");
    }

    @Test
    void anEmptyFolderHasNoScores(@TempDir Path dir) {
        ReviewReport empty = ReviewReport.of(dir);
        assertThat(empty.articles()).isEmpty();
        assertThat(empty.total().precision()).isNaN();
        assertThat(print(empty)).contains("articles: 0 drafted, 0 reviewed, 0 not reviewed yet")
                .containsPattern("(?m)^all +0 +0 +0 +0 +0 +0 +- +-$");
    }

    @Test
    void aPairOfTwoArticlesIsBadInput(@TempDir Path dir) throws IOException {
        Files.copy(FIXTURE.resolve("a.draft.json"), dir.resolve("a.draft.json"));
        Files.copy(FIXTURE.resolve("b.json"), dir.resolve("a.json"));
        assertThatThrownBy(() -> ReviewReport.of(dir)).isInstanceOfSatisfying(ReviewException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ConflictKgException.BAD_INPUT);
            assertThat(e.getMessage()).startsWith(dir.resolve("a.json") + ": article id \"review-b\"")
                    .contains("a.draft.json");
        });
    }

    @Test
    void anInvalidDocumentIsBadInputAtItsPosition(@TempDir Path dir) throws IOException {
        Files.copy(FIXTURE.resolve("a.draft.json"), dir.resolve("a.draft.json"));
        Files.writeString(dir.resolve("a.json"), Files.readString(FIXTURE.resolve("a.json"))
                .replace("\"reviewer\": \"desk\"", "\"reviewer\": \"\""));
        assertThatThrownBy(() -> ReviewReport.of(dir)).isInstanceOfSatisfying(FactsException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ConflictKgException.BAD_INPUT);
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.source()).isEqualTo(dir.resolve("a.json").toString());
                assertThat(p.pointer()).isEqualTo("/review/reviewer");
                assertThat(p.line()).isEqualTo(4);
            });
        });
    }

    @Test
    void notAFolderIsBadInput(@TempDir Path dir) {
        Path missing = dir.resolve("nothing");
        assertThatThrownBy(() -> ReviewReport.of(missing)).isInstanceOfSatisfying(ReviewException.class,
                e -> assertThat(e.getMessage()).startsWith(missing + ": not a folder"));
    }
}
