package org.conflictkg.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.conflictkg.facts.ArticleFacts;
import org.conflictkg.facts.ControlState;
import org.conflictkg.facts.Event;
import org.conflictkg.facts.Evidence;
import org.conflictkg.facts.FactsReader;
import org.conflictkg.facts.FactsWriter;
import org.conflictkg.facts.Figure;
import org.conflictkg.facts.Highway;
import org.conflictkg.rdf.FactsToRdf;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every fact extraction emits carries evidence whose quote is the body at its code point offsets,
 * and every output reads back valid and converts to RDF: over the example articles, the
 * development set (read from ../shared/eval/dev when present; it is not part of the repository)
 * and a text with characters outside the Basic Multilingual Plane.
 */
class ExtractedEvidenceTest {
    private static final Extractor EXTRACTOR = Extractor.builder().build();
    private static final Path EXAMPLES = Path.of("examples");
    private static final Path DEV = Path.of("..", "shared", "eval", "dev");
    private static final Path REAL = Path.of("..", "shared", "eval", "real");

    @Test
    void exampleArticles() throws IOException {
        List<Path> files = articles(EXAMPLES);
        assertThat(files).isNotEmpty();
        int facts = 0;
        for (Path f : files) {
            facts += checkAll(EXTRACTOR.extract(ArticleText.read(f)), f.toString());
        }
        assertThat(facts).as("facts checked").isGreaterThan(10);
    }

    @Test
    void developmentSet() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(DEV), "the development set is not beside the repository");
        List<Path> files = articles(DEV);
        assertThat(files).isNotEmpty();
        int facts = 0;
        for (Path f : files) {
            facts += checkAll(EXTRACTOR.extract(ArticleText.read(f)), f.toString());
        }
        assertThat(facts).isGreaterThan(files.size());
    }

    /**
     * Real reporting from many wars (third-party texts read from ../shared/eval/real when present,
     * never copied): every output validates, converts and conforms to the shapes, and every evidence
     * quote is the body at its offsets.
     */
    @Test
    void realArticles() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(REAL), "the real evaluation set is not beside the repository");
        List<Path> files = articles(REAL);
        assertThat(files).isNotEmpty();
        int facts = 0;
        for (Path f : files) {
            ArticleFacts extracted = EXTRACTOR.extract(ArticleText.read(f));
            facts += checkAll(extracted, f.toString());
            DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
            FactsToRdf.create().build().convert(extracted, StreamRDFLib.dataset(dsg));
            assertThat(org.conflictkg.rdf.ShapesLib.validate(dsg).conforms()).as("%s conforms to the shapes", f).isTrue();
            for (Event e : extracted.events()) {
                assertThat(e.confidence()).as("%s %s confidence", f, e.id()).isNotNull().isBetween(0.0, 1.0);
            }
        }
        assertThat(facts).isGreaterThan(files.size());
    }

    /** A sentence of thousands of words (no full stop) is read in bounded time and stack. */
    @Test
    void aVeryLongSentenceIsNoProblem() {
        StringBuilder b = new StringBuilder("Regime forces captured the town of Sarmin on Monday");
        for (int i = 0; i < 2500; i++) {
            b.append(i % 7 == 0 ? ", and " : " ").append(i % 3 == 0 ? "rebels" : "fighting").append(" near the front line");
        }
        b.append(", a military source said.\n");
        ArticleFacts f = EXTRACTOR.extract(new ArticleText("long", "t", "p", LocalDate.parse("2020-02-07"), null,
                "en", List.of(), b.toString()));
        assertThat(f.events()).isNotEmpty();
        checkAll(f, "long");
    }

    @Test
    void oneExtractorServesThreads() throws IOException {
        ArticleText a = ArticleText.read(articles(EXAMPLES).get(0));
        ArticleFacts once = Extractor.builder().build().extract(a);
        Extractor shared = Extractor.builder().build();
        List<ArticleFacts> many = java.util.stream.IntStream.range(0, 16).parallel()
                .mapToObj(i -> shared.extract(a)).toList();
        assertThat(many).allSatisfy(f -> assertThat(f).isEqualTo(once));
    }

    @Test
    void offsetsCountCodePoints() {
        // an emoji (two UTF-16 units) and a CJK supplement character before the facts
        String body = "\uD83D\uDCE2 Update \uD842\uDFB7: Regime forces captured the town of Sarmin on Monday, "
                + "killing 12 rebels, the Syrian Observatory for Human Rights said.\n";
        ArticleFacts f = EXTRACTOR.extract(new ArticleText("emoji", "t", "p", LocalDate.parse("2020-02-07"), null,
                "en", List.of(), body));
        assertThat(f.events()).hasSize(1);
        assertThat(f.figures()).hasSize(1);
        Evidence e = f.events().get(0).evidence().get(0);
        assertThat(e.start()).isEqualTo(body.codePointCount(0, body.indexOf("Regime")));
        assertThat(checkAll(f, "emoji")).isEqualTo(2);
    }

    /** Checks evidence, validity and conversion; returns the number of facts with evidence. */
    static int checkAll(ArticleFacts facts, String source) {
        String text = facts.article().text();
        int n = 0;
        for (Event e : facts.events()) {
            n += check(text, e.evidence(), source + " event " + e.id());
        }
        for (ControlState s : facts.controlStates()) {
            n += check(text, s.evidence(), source + " control state of " + s.place());
        }
        for (Figure g : facts.figures()) {
            n += check(text, g.evidence(), source + " figure " + g.id());
        }
        for (Highway h : facts.highways()) {
            n += check(text, h.evidence(), source + " highway " + h.id());
        }
        String json = FactsWriter.toJson(facts);
        ArticleFacts back = FactsReader.read(source, json);
        assertThat(back).isEqualTo(facts);
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        FactsToRdf.create().build().convert(back, StreamRDFLib.dataset(dsg));
        assertThat(dsg.isEmpty()).isFalse();
        return n;
    }

    private static int check(String text, List<Evidence> evidence, String what) {
        assertThat(evidence).as("%s has evidence", what).isNotEmpty();
        for (Evidence e : evidence) {
            int from = text.offsetByCodePoints(0, e.start());
            int to = text.offsetByCodePoints(0, e.end());
            assertThat(text.substring(from, to)).as("%s quote at %d..%d", what, e.start(), e.end()).isEqualTo(e.quote());
            assertThat(e.quote()).isNotBlank();
        }
        return 1;
    }

    static List<Path> articles(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(out::add);
        }
        return out;
    }
}
