package org.conflictkg.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;

import org.conflictkg.names.NameKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pipeline's stages, each alone. */
class StagesTest {

    @Test
    void sentencesKeepOffsetsAndSkipAbbreviations() {
        String body = "The talks began on Feb. 6 in Geneva. Col. Smith said the U.S. would attend!\n\nNew paragraph "
                + "without a stop\nAnd a line.";
        List<Sentence> s = SentenceSplitter.split(body);
        assertThat(s).extracting(Sentence::text).containsExactly("The talks began on Feb. 6 in Geneva.",
                "Col. Smith said the U.S. would attend!", "New paragraph without a stop", "And a line.");
        for (Sentence x : s) {
            assertThat(body.substring(x.start(), x.end())).isEqualTo(x.text());
        }
    }

    @Test
    void headerAndBody() {
        ArticleText a = ArticleText.parse("x", "TITLE: A title\nPUBLISHER: P\nDATE: 2020-01-31\nCREDITS: AFP, Reuters\n"
                + "NOTE: ignored\n\nFirst line.\n\nSecond.\n", "x.txt");
        assertThat(a.title()).isEqualTo("A title");
        assertThat(a.published()).isEqualTo(LocalDate.of(2020, 1, 31));
        assertThat(a.credits()).containsExactly("AFP", "Reuters");
        assertThat(a.body()).isEqualTo("First line.\n\nSecond.\n");
    }

    @Test
    void headerWithoutDateIsBadInput() {
        assertThatThrownBy(() -> ArticleText.parse("x", "TITLE: t\n\nBody\n", "x.txt"))
                .isInstanceOf(ExtractException.class).hasMessageContaining("x.txt:1").hasMessageContaining("DATE")
                .extracting(e -> ((ExtractException) e).exitCode()).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource({"Maarat al-Numan, Ma'arrat an-Nu'man", "Izium, Izyum", "Tal Abyad, Tall Abyad", "Kupiansk, Kupjansk",
            "Ras al-Ain, Ras el Ain"})
    void placeIdentityKeysMeetAcrossSpellings(String a, String b) {
        assertThat(NameKeys.variantKey(a)).isEqualTo(NameKeys.variantKey(b));
    }

    @Test
    void placesResolveNearExactNamesOnly() {
        LinkPlaceResolver g = LinkPlaceResolver.bundled();
        assertThat(g.resolve("Saraqeb", new LinkedHashSet<>(List.of("SY"))))
                .hasValueSatisfying(p -> assertThat(p.geonamesId()).isEqualTo("164816"));
        assertThat(g.resolve("Izium", new LinkedHashSet<>(List.of("UA", "SY"))))
                .hasValueSatisfying(p -> assertThat(p.geonamesId()).isEqualTo("707292"));
        // capitalised words that only look like place names
        assertThat(g.resolve("Both", new LinkedHashSet<>(List.of("SY")))).isEmpty();
        assertThat(g.resolve("Shelling", new LinkedHashSet<>(List.of("SY")))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"300000, '300,000'", "3000000, three million", "24, dozens", "9, nine", "2.5, 2.5"})
    void numbers(String value, String text) {
        assertThat(NumberParser.value(text)).isEqualByComparingTo(value);
    }

    @Test
    void actorMentionsPreferLongestMatch() {
        List<Mention> m = new ActorFinder(ActorLexicon.bundled())
                .find("Turkish-backed Syrian rebels and Syrian government troops clashed; IS said it is ready.", "SY");
        assertThat(m).extracting(Mention::text, Mention::ref).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Turkish-backed Syrian rebels", "turkish-backed-factions"),
                org.assertj.core.groups.Tuple.tuple("Syrian government troops", "syrian-government"),
                org.assertj.core.groups.Tuple.tuple("IS", "islamic-state"));
    }

    @Test
    void controlPatternGapRejectsCountsAndSections() {
        assertThat(ControlChangeFinder.gapOk(" the ancient desert city of ")).isTrue();
        assertThat(ControlChangeFinder.gapOk(" dozens of towns in ")).isFalse();
        assertThat(ControlChangeFinder.gapOk(" a section of the ")).isFalse();
        assertThat(ControlChangeFinder.gapOk(" 3,000 square kilometres of ")).isFalse();
    }
}
