package org.conflictkg.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The hostile texts that crashed or stalled extraction: a sentence of thousands of capitalised words
 * (stack overflow in the regex engine), a number of thousands of digit groups (quadratic matching),
 * sentences of tens of kilobytes (work per sentence growing with its square). Each is checked by
 * what it does (no error, steps counted, sentences cut), never by a timing.
 */
class HostileTextRegressionTest {
    /** Knows no place: the cases are about matching, not the gazetteer. */
    private static final PlaceResolver NO_PLACES = PlaceResolver.none();

    private static ArticleText article(String body) {
        return new ArticleText("hostile", "Hostile", null, LocalDate.of(2020, 1, 31), null, null, List.of(), body);
    }

    @Test
    void aSentenceOfThousandsOfCapitalisedWordsDoesNotOverflowTheStack() {
        StringBuilder b = new StringBuilder("Fighters of the ");
        java.util.Random r = new java.util.Random(5);
        for (int i = 0; i < 3000; i++) {
            b.append(HostileTexts.name(r)).append(i % 7 == 0 ? "-" : " ");
        }
        b.append("province said they captured the town");
        List<String> warnings = new ArrayList<>();
        Extractor x = Extractor.builder().places(NO_PLACES).warnings(warnings::add).build();
        assertThat(x.extract(article(b.toString())).article().title()).isEqualTo("Hostile");
        assertThat(warnings).anyMatch(w -> w.contains("longer than 2000 characters cut at word breaks"));
    }

    @Test
    void aNumberOfThousandsOfDigitGroupsIsMatchedInLinearSteps() throws Exception {
        String text = "1" + ",000".repeat(4000);
        for (Pattern p : figurePatterns()) {
            long reads = LinearMatchingTest.steps(p, text);
            // linear: a bounded number of reads per character; the quadratic search read it thousands of times
            assertThat(reads).as(p.pattern()).isLessThan(200L * text.length());
        }
        Extractor x = Extractor.builder().places(NO_PLACES).build();
        assertThat(x.extract(article("Fighting killed " + text + " people.")).figures()).isNotNull();
    }

    @Test
    void aSentenceOfTensOfKilobytesIsCutAtWordBreaks() {
        String body = HostileTexts.words(64 * 1024, 3, " ", 0.1);
        int[] overLong = {0};
        List<Sentence> sentences = SentenceSplitter.split(body, SentenceSplitter.MAX_LENGTH, s -> overLong[0]++);
        assertThat(overLong[0]).isEqualTo(1);
        assertThat(sentences).hasSizeGreaterThan(32);
        int at = 0;
        for (Sentence s : sentences) {
            assertThat(s.text().length()).isLessThanOrEqualTo(SentenceSplitter.MAX_LENGTH);
            assertThat(body.substring(s.start(), s.span().end())).isEqualTo(s.text());
            assertThat(body.substring(at, s.start())).isBlank(); // nothing lost between the pieces
            assertThat(s.text()).doesNotStartWith(" ").doesNotEndWith(" ");
            at = s.span().end();
            // cut between words, never inside one
            if (at < body.length()) {
                assertThat(Character.isWhitespace(body.charAt(at))).as("cut at %d", at).isTrue();
            }
        }
        assertThat(body.substring(at)).isBlank();
    }

    @Test
    void aSentenceOfTheLimitIsNotCut() {
        String sentence = "A" + "a".repeat(SentenceSplitter.MAX_LENGTH - 2) + ".";
        int[] overLong = {0};
        List<Sentence> sentences = SentenceSplitter.split(sentence + " " + sentence, SentenceSplitter.MAX_LENGTH,
                s -> overLong[0]++);
        assertThat(overLong[0]).isZero();
        assertThat(sentences).extracting(Sentence::text).containsExactly(sentence, sentence);
    }

    @Test
    void aWordLongerThanTheLimitIsCutAtTheLimitButNeverInsideASurrogatePair() {
        String body = "\uD83D\uDE00".repeat(SentenceSplitter.MAX_LENGTH);
        List<Sentence> sentences = SentenceSplitter.split(body);
        assertThat(sentences).hasSizeGreaterThan(1);
        for (Sentence s : sentences) {
            assertThat(Character.isLowSurrogate(s.text().charAt(0))).isFalse();
            assertThat(Character.isHighSurrogate(s.text().charAt(s.text().length() - 1))).isFalse();
        }
    }

    @Test
    void anInterruptedExtractionStopsWithAnExtractException() {
        Extractor x = Extractor.builder().places(NO_PLACES).build();
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> x.extract(article("Rebels captured the town on Monday.")))
                    .isInstanceOf(ExtractException.class).hasMessageContaining("interrupted");
        } finally {
            Thread.interrupted(); // clear the flag for the tests after
        }
    }

    @Test
    void anArticleWithoutATitleIsNamedByItsFile() {
        ArticleText a = new ArticleText("no-title", null, null, LocalDate.of(2020, 1, 31), null, null, List.of(),
                "Rebels captured the town on Monday.\n");
        assertThat(Extractor.builder().places(NO_PLACES).build().extract(a).article().title()).isEqualTo("no-title");
    }

    static List<Pattern> figurePatterns() throws Exception {
        Field rules = FigureFinder.class.getDeclaredField("rules");
        rules.setAccessible(true);
        List<Pattern> out = new ArrayList<>();
        for (Object r : (List<?>) rules.get(FigureFinder.bundled())) {
            Method pattern = r.getClass().getDeclaredMethod("pattern");
            pattern.setAccessible(true);
            out.add((Pattern) pattern.invoke(r));
        }
        return out;
    }
}
