package org.conflictkg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.conflictkg.Progress;
import org.conflictkg.gazetteer.Gazetteer;
import org.conflictkg.link.LinkStage;
import org.conflictkg.store.Converters;
import org.conflictkg.store.StoreLoader;
import org.conflictkg.store.TdbStores;
import org.conflictkg.store.TdbTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress is counted in articles, whatever the files that hold them; the bar draws from those counts. */
class ProgressTest {

    /** Records what a stage reports. */
    static final class Recording implements Progress {
        final List<String> events = new ArrayList<>();
        long total;
        long done;

        @Override
        public void start(String unit, long total) {
            this.total = total;
            events.add("start " + total + " " + unit);
        }

        @Override
        public void advance(long n) {
            done += n;
        }

        @Override
        public void finish() {
            events.add("finish " + done);
        }
    }

    static Path corpus(Path dir, int articles) throws IOException {
        StringWriter w = new StringWriter();
        org.conflictkg.synth.CorpusGenerator.create().seed(3).build().write(w, 0, articles);
        return Files.writeString(dir.resolve("corpus.jsonl"), w.toString(), StandardCharsets.UTF_8);
    }

    @Test
    void loadAndLinkCountArticlesNotFiles(@TempDir Path tmp) throws IOException {
        Path jsonl = corpus(tmp, 12);
        Path single = Path.of("examples/2020-01-31-newarab-saraqeb.facts.json");
        DatasetGraph dsg = TdbStores.createInMemory();
        Recording load = new Recording();
        var report = StoreLoader.create(new TdbTarget(dsg, 5_000), Converters.standardInputs()).progress(load)
                .derivation(null).build().load(List.of(jsonl, single));
        assertThat(report.loaded()).isEqualTo(13);
        assertThat(load.events).containsExactly("start 13 articles", "finish 13");

        Recording link = new Recording();
        LinkStage.create(Gazetteer.bundled(), null).run(dsg, link);
        assertThat(link.events).containsExactly("start 13 articles", "finish 13");
    }

    @Test
    void extractCountsArticles() {
        var article = org.conflictkg.extract.ArticleText.read(Path.of("examples/2020-01-31-newarab-saraqeb.txt"));
        Recording extract = new Recording();
        var facts = ExtractCommand.extractAll(org.conflictkg.extract.Extractor.builder()
                .places(org.conflictkg.extract.LinkPlaceResolver.bundled()).build(), List.of(article, article), extract);
        assertThat(facts).hasSize(2);
        assertThat(extract.events).containsExactly("start 2 articles", "finish 2");
    }

    @Test
    void theBarShowsArticlesDoneOfTheTotalAndEndsWithANewline() {
        StringWriter sw = new StringWriter();
        long[] now = {0};
        ProgressBar bar = ProgressBar.on(new PrintWriter(sw), () -> now[0]);
        bar.start("articles", 300);
        now[0] = 1_000_000_000L;
        bar.advance(100);
        assertThat(bar.line()).contains("100/300 articles").contains("100.0/s").contains("ETA 0:02")
                .contains("[" + "#".repeat(10) + " ".repeat(20) + "]");
        now[0] = 3_000_000_000L;
        bar.advance(200);
        bar.finish();
        String last = sw.toString().substring(sw.toString().lastIndexOf('\r') + 1);
        assertThat(last).contains("300/300 articles").contains("ETA 0:00").contains("[" + "#".repeat(30) + "]");
        assertThat(sw.toString()).endsWith("\n");
    }

    @Test
    void withoutATotalTheBarCountsAndAnOverrunTotalGrows() {
        long[] now = {0};
        ProgressBar open = ProgressBar.on(new PrintWriter(new StringWriter()), () -> now[0]);
        open.start("articles", Progress.UNKNOWN);
        now[0] = 2_000_000_000L;
        open.advance(10);
        assertThat(open.line()).isEqualTo("10 articles, 5.0/s");

        ProgressBar over = ProgressBar.on(new PrintWriter(new StringWriter()), () -> now[0]);
        over.start("articles", 2);
        over.advance(3);
        assertThat(over.line()).contains("3/3 articles");
    }

    @Test
    void nothingIsDrawnForAStageThatDidNothing() {
        StringWriter sw = new StringWriter();
        ProgressBar bar = ProgressBar.on(new PrintWriter(sw), () -> 0L);
        bar.start("articles", 0);
        bar.finish();
        assertThat(sw.toString()).isEmpty();
    }
}
