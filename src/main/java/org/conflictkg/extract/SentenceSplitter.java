package org.conflictkg.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a body into sentences with offsets. Paragraph breaks always end a sentence; '.', '!'
 * and '?' end one when followed by space and an upper-case letter, a digit or a quote, unless
 * the word before is a known abbreviation ("Feb.", "Col.") or a single initial. A sentence longer
 * than {@link #MAX_LENGTH} characters (text without punctuation) is cut into pieces of at most that
 * length at word breaks, so that the work of the pattern stages per sentence stays bounded.
 */
public final class SentenceSplitter {
    private static final Set<String> ABBREVIATIONS = Set.of("jan", "feb", "mar", "apr", "jun", "jul", "aug",
            "sep", "sept", "oct", "nov", "dec", "mr", "mrs", "ms", "dr", "gen", "col", "lt", "maj", "capt", "sgt",
            "st", "no", "vs", "prof", "sen", "rep", "gov", "u.s", "u.n", "u.k", "e.g", "i.e");

    private SentenceSplitter() {
    }

    /** The most characters (UTF-16 units) of one sentence; news sentences run to a few hundred. */
    public static final int MAX_LENGTH = 2000;

    public static List<Sentence> split(String body) {
        return split(body, MAX_LENGTH, span -> { });
    }

    /**
     * Sentences of at most {@code maxLength} characters; {@code overLong} hears of each sentence
     * that had to be cut (its whole span), in text order.
     */
    public static List<Sentence> split(String body, int maxLength, java.util.function.Consumer<Span> overLong) {
        if (maxLength < 2) {
            throw new IllegalArgumentException("maxLength " + maxLength);
        }
        List<Sentence> out = new ArrayList<>();
        int n = body.length();
        int start = 0;
        int i = 0;
        while (i < n) {
            char c = body.charAt(i);
            boolean end = false;
            int next = i + 1;
            if (c == '\n') {
                end = true;
            } else if ((c == '.' || c == '!' || c == '?') && endsSentence(body, i)) {
                end = true;
                // keep closing quotes and brackets with the sentence
                while (next < n && "'\"\u2019\u201d)".indexOf(body.charAt(next)) >= 0) {
                    next++;
                }
            }
            if (end) {
                add(out, body, start, c == '\n' ? i : next, maxLength, overLong);
                start = next;
                i = next;
            } else {
                i++;
            }
        }
        add(out, body, start, n, maxLength, overLong);
        return out;
    }

    private static boolean endsSentence(String body, int i) {
        int n = body.length();
        int j = i + 1;
        while (j < n && "'\"\u2019\u201d)".indexOf(body.charAt(j)) >= 0) {
            j++;
        }
        if (j >= n) {
            return true;
        }
        if (body.charAt(j) != ' ' && body.charAt(j) != '\n') {
            return false;
        }
        while (j < n && body.charAt(j) == ' ') {
            j++;
        }
        if (j < n && body.charAt(i) == '.') {
            char f = body.charAt(j);
            if (!(Character.isUpperCase(f) || Character.isDigit(f) || f == '"' || f == '\u201c' || f == '\n')) {
                return false;
            }
            int w = i;
            while (w > 0 && (Character.isLetter(body.charAt(w - 1)) || body.charAt(w - 1) == '.')) {
                w--;
            }
            String word = body.substring(w, i).toLowerCase(java.util.Locale.ROOT);
            if (ABBREVIATIONS.contains(word) || (word.length() == 1 && Character.isUpperCase(body.charAt(w)))) {
                return false;
            }
        }
        return true;
    }

    private static void add(List<Sentence> out, String body, int s, int e, int maxLength,
                            java.util.function.Consumer<Span> overLong) {
        while (s < e && Character.isWhitespace(body.charAt(s))) {
            s++;
        }
        while (e > s && Character.isWhitespace(body.charAt(e - 1))) {
            e--;
        }
        if (e - s > maxLength) {
            overLong.accept(new Span(s, e));
            while (e - s > maxLength) {
                int cut = cut(body, s, s + maxLength);
                add(out, body, s, cut, maxLength, overLong);
                s = cut;
            }
            add(out, body, s, e, maxLength, overLong);
        } else if (e > s) {
            out.add(new Sentence(out.size(), new Span(s, e), body.substring(s, e)));
        }
    }

    /**
     * Where to cut an over-long sentence that starts at {@code s}, at most at {@code limit}: after the
     * last whitespace in its second half, else at the limit (never inside a surrogate pair).
     */
    private static int cut(String body, int s, int limit) {
        for (int i = limit; i > s + (limit - s) / 2; i--) {
            if (Character.isWhitespace(body.charAt(i - 1))) {
                return i;
            }
        }
        return Character.isHighSurrogate(body.charAt(limit - 1)) ? limit - 1 : limit;
    }
}
