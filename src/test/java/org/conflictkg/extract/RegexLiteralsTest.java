package org.conflictkg.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The literals and prefixes read from a regex ({@link RegexLiterals}) never rule out a match: over
 * every pattern extraction runs and a corpus of news-like text, each match holds one of its
 * pattern's required literals and starts with one of its prefixes. And case by case, what a few
 * regexes give.
 */
class RegexLiteralsTest {

    /** regex | required literals ("-" for none) | prefixes of at most 4 characters ("-" for none); "_" is a space. */
    static Stream<Arguments> cases() {
        return Stream.of("""
                the (?:fall|capture) of                 | the_capture_of,the_fall_of       | the_
                (?:re)?captur(?:ed|ing)                 | captur                           | capt,reca
                seiz(?:ed|ing)|took|taken               | seized,seizing,taken,took        | seiz,take,took
                \\bkilled\\b                            | killed                           | kill
                (?<![\\w-])(?:fell to)(?![\\w-])          | fell_to                          | fell
                \\QU.N.\\E-backed                       | u.n.-backed                      | u.n.
                (?-i:IS)|Islamic State                  | is                               | is,isla
                [A-Z][a-z]+ province                    | _province                        | -
                (?:[a-z]+ )?town of                     | town_of                          | -
                a?b                                     | b                                | ab,b
                x*                                      | -                                | -
                .+ said                                 | _said                            | -
                (?:city|town)s? of                      | city_of,citys_of,town_of,towns_of  | city,town
                \\d+ (?:killed|dead)                    | _dead,_killed                    | -
                M\\d{1,2}                               | m                                | m
                """.strip().split("\n")).map(l -> {
            String[] c = l.split("\\s{2,}\\|\\s+"); // a column ends in two spaces or more and a bar
            return Arguments.of(c[0].strip(), c[1].strip(), c[2].strip());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsLiteralsAndPrefixes(String regex, String required, String prefixes) {
        Pattern p = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        List<String> r = RegexLiterals.required(p);
        Set<String> pre = RegexLiterals.prefixes(p, 4);
        assertThat(r == null ? "-" : String.join(",", new TreeSet<>(r)).replace(' ', '_')).isEqualTo(required);
        assertThat(pre == null ? "-" : String.join(",", new TreeSet<>(pre)).replace(' ', '_')).isEqualTo(prefixes);
    }

    @Test
    void flagsThatChangeReadingGiveNothing() {
        assertThat(RegexLiterals.required(Pattern.compile("a b", Pattern.COMMENTS))).isNull();
        assertThat(RegexLiterals.required(Pattern.compile("stra\u00dfe", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)))
                .isNull();
        assertThat(RegexLiterals.prefixes(Pattern.compile("(?x) a b"), 3)).isNull();
    }

    @Test
    void neverRulesOutAMatchOfAnExtractionPattern() throws Exception {
        List<String> texts = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                RegexLiteralsTest.class.getResourceAsStream("cases.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    texts.add(line.split("\t", -1)[2]);
                }
            }
        }
        for (String article : ExtractBenchmark.corpus(40, 24, new Random(5))) {
            texts.add(ArticleText.parse("a", article, "test").body());
        }
        texts.add(HostileTexts.phrases(4000, 3));
        texts.add(HostileTexts.words(4000, 4, " ", 0.5));
        int matches = 0;
        List<String> missed = new ArrayList<>();
        for (Map.Entry<String, Pattern> e : LinearMatchingTest.patterns().entrySet()) {
            Pattern p = e.getValue();
            List<String> required = RegexLiterals.required(p);
            Set<String> prefixes = RegexLiterals.prefixes(p, 6);
            for (String text : texts) {
                String lower = RegexLiterals.lower(text);
                Matcher m = p.matcher(text);
                while (m.find()) {
                    if (m.end() == m.start()) {
                        continue;
                    }
                    matches++;
                    String match = lower.substring(m.start(), m.end());
                    if (!RegexLiterals.containsAny(match, required)) {
                        missed.add(e.getKey() + ": \"" + m.group() + "\" holds none of " + required);
                    }
                    if (prefixes != null && prefixes.stream().noneMatch(x -> lower.startsWith(x, m.start()))) {
                        missed.add(e.getKey() + ": \"" + m.group() + "\" starts with none of " + prefixes);
                    }
                }
            }
        }
        assertThat(matches).as("matches checked").isGreaterThan(5000);
        assertThat(missed).isEmpty();
    }
}
