package org.conflictkg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import org.conflictkg.Progress;
import org.conflictkg.extract.ArticleText;
import org.conflictkg.extract.Extractor;
import org.conflictkg.extract.HostileTexts;
import org.conflictkg.extract.PlaceResolver;
import org.conflictkg.facts.ArticleFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code extract --time-budget}: an article over the budget is stopped and skipped; the others are drafted. */
class ExtractTimeBudgetTest {
    @TempDir
    Path tmp;

    /** A gazetteer that never answers about "Blockville" until its thread is interrupted. */
    private static final class Blocking implements PlaceResolver {
        final CountDownLatch never = new CountDownLatch(1);
        volatile boolean interrupted;

        @Override
        public Optional<ResolvedPlace> resolve(String name, Set<String> countries) {
            if (name.contains("Blockville")) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    interrupted = true;
                    Thread.currentThread().interrupt();
                }
            }
            return Optional.empty();
        }
    }

    private static ArticleText article(String name, String body) {
        return new ArticleText(name, name, null, LocalDate.of(2020, 1, 31), null, null, List.of(), body);
    }

    @Test
    void anArticleOverTheBudgetIsInterruptedAndSkippedAndTheOthersAreDrafted() throws InterruptedException {
        Blocking places = new Blocking();
        Extractor x = Extractor.builder().places(places).build();
        List<ArticleText> articles = List.of(article("first", "Rebels captured Karamel on Monday.\n"),
                article("stuck", "Rebels captured Blockville on Monday.\n"),
                article("last", "Rebels captured Dunsha on Monday.\n"));
        List<String> skipped = new ArrayList<>();
        List<ArticleFacts> facts = ExtractCommand.extractAll(x, articles, Progress.none(), Duration.ofMillis(300),
                a -> skipped.add(a.name()));
        assertThat(skipped).containsExactly("stuck");
        assertThat(facts).hasSize(3);
        assertThat(facts.get(0).article().title()).isEqualTo("first");
        assertThat(facts.get(1)).isNull();
        assertThat(facts.get(2).article().title()).isEqualTo("last");
        for (int i = 0; i < 100 && !places.interrupted; i++) {
            Thread.sleep(20); // the stuck article's thread is told to stop
        }
        assertThat(places.interrupted).isTrue();
    }

    @Test
    void aBatchSkipsAnArticleOverTheBudgetWithAWarning() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("in"));
        Files.copy(Path.of("examples", "2020-01-31-newarab-saraqeb.txt"), dir.resolve("a.txt"));
        Files.writeString(dir.resolve("b.txt"), HostileTexts.article(
                HostileTexts.shapes(1).get("news-phrases-without-full-stop").text(2 << 20, 1)));
        Path out = tmp.resolve("out");
        CliRun run = CliRun.run("extract", dir.toString(), "-o", out.toString(), "--time-budget", "0.5s", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("warning: b: skipped, extraction took longer than 500 ms (--time-budget)");
        assertThat(out.resolve("b.json")).doesNotExist();
        // the example fits half a second on any machine but a very busy one: written, or skipped with a warning
        boolean aSkipped = run.err().contains("warning: a: skipped");
        assertThat(Files.exists(out.resolve("a.json"))).isNotEqualTo(aSkipped);
        assertThat(run.out()).contains("\"articles\":" + (aSkipped ? 0 : 1)).contains("\"skipped\":" + (aSkipped ? 2 : 1));
    }

    @Test
    void oneArticleOverTheBudgetIsAnErrorAndNothingIsWritten() throws IOException {
        Path in = tmp.resolve("big.txt");
        Files.writeString(in, HostileTexts.article(HostileTexts.shapes(1).get("news-phrases-without-full-stop").text(2 << 20, 1)));
        Path out = tmp.resolve("big.json");
        CliRun run = CliRun.run("extract", in.toString(), "-o", out.toString(), "--time-budget", "200ms", "--quiet");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip().lines().filter(l -> l.startsWith("error:")))
                .containsExactly("error: big: extraction stopped after 200 ms (--time-budget); nothing written");
        assertThat(out).doesNotExist();
    }

    @Test
    void aBudgetThatIsNoDurationIsBadUsage() {
        for (String bad : List.of("ten", "10", "-1s", "1h")) {
            CliRun run = CliRun.run("extract", "examples/2020-01-31-newarab-saraqeb.txt", "--time-budget", bad);
            assertThat(run.exitCode()).as(bad).isEqualTo(2);
            assertThat(run.err()).as(bad).contains("expected a duration such as 10s, 500ms or 2m");
        }
    }

    @Test
    void noBudgetMeansNoLimit() {
        CliRun run = CliRun.run("extract", "examples/2020-01-31-newarab-saraqeb.txt", "--time-budget", "0");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(new ExtractCommand.BudgetConverter().convert("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(new ExtractCommand.BudgetConverter().convert("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(new ExtractCommand.BudgetConverter().convert("0")).isZero();
    }
}
