package org.conflictkg.extract;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

import org.conflictkg.facts.Qualifier;

/**
 * Numbers as news writes them: digits with thousands separators ("300,000"), words ("nine",
 * "three million"), vague quantities ("dozens" = 24, "hundreds" = 200, "thousands" = 2000, each
 * "about") and qualifiers ("more than", "at least", "some", "nearly").
 */
public final class NumberParser {
    private static final Map<String, Integer> WORDS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("fifteen", 15), Map.entry("twenty", 20),
            Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60),
            Map.entry("seventy", 70), Map.entry("eighty", 80), Map.entry("ninety", 90), Map.entry("a hundred", 100),
            Map.entry("a thousand", 1000), Map.entry("a dozen", 12));
    private static final Map<String, Integer> VAGUE = Map.of("dozens", 24, "scores", 40, "hundreds", 200,
            "thousands", 2000, "tens of thousands", 20000, "hundreds of thousands", 200000);

    /**
     * One number: digits, a word or a vague quantity, with an optional multiplier. At most six
     * thousands separators (10^21): a bounded repetition, so that a run like "1,000,000,..." of
     * thousands of groups costs the same at every position a match may start.
     */
    public static final String NUMBER = "(?:\\d{1,3}(?:,\\d{3}){1,6}(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|tens of thousands|hundreds of thousands"
            + "|dozens|scores|hundreds|thousands|a dozen|a hundred|a thousand|one|two|three|four|five|six|seven|eight|nine|ten"
            + "|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?: (?:million|thousand|billion))?";
    public static final String QUALIFIER = "more than|over|at least|about|around|some|nearly|almost|up to|fewer than"
            + "|less than|roughly|approximately|an estimated|as many as|at most|no fewer than|just over|just under";

    private NumberParser() {
    }

    /** The value of one number as matched by {@link #NUMBER}, or null. */
    public static BigDecimal value(String text) {
        String t = text.toLowerCase(Locale.ROOT).strip();
        long mult = 1;
        if (t.endsWith(" million")) {
            mult = 1_000_000;
            t = t.substring(0, t.length() - 8);
        } else if (t.endsWith(" thousand")) {
            mult = 1000;
            t = t.substring(0, t.length() - 9);
        } else if (t.endsWith(" billion")) {
            mult = 1_000_000_000;
            t = t.substring(0, t.length() - 8);
        }
        BigDecimal v;
        if (Character.isDigit(t.charAt(0))) {
            v = new BigDecimal(t.replace(",", ""));
        } else if (WORDS.containsKey(t)) {
            v = BigDecimal.valueOf(WORDS.get(t));
        } else if (VAGUE.containsKey(t)) {
            v = BigDecimal.valueOf(VAGUE.get(t));
        } else {
            return null;
        }
        BigDecimal r = v.multiply(BigDecimal.valueOf(mult)).stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }

    /** True for vague quantities ("dozens"), which are read as "about". */
    public static boolean vague(String text) {
        String t = text.toLowerCase(Locale.ROOT).strip().replaceFirst(" (million|thousand|billion)$", "");
        return VAGUE.containsKey(t);
    }

    /** The qualifier a phrase such as "more than" stands for; {@code exact} for none. */
    public static Qualifier qualifier(String phrase) {
        if (phrase == null || phrase.isBlank()) {
            return Qualifier.EXACT;
        }
        return switch (phrase.toLowerCase(Locale.ROOT).strip()) {
            case "more than", "over", "just over" -> Qualifier.MORE_THAN;
            case "at least", "no fewer than" -> Qualifier.AT_LEAST;
            case "up to", "as many as" -> Qualifier.UP_TO;
            case "fewer than", "less than", "just under" -> Qualifier.LESS_THAN;
            case "at most" -> Qualifier.AT_MOST;
            default -> Qualifier.ABOUT;
        };
    }
}
