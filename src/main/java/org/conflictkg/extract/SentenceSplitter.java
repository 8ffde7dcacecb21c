package org.conflictkg.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a body into sentences with offsets. Paragraph breaks always end a sentence; '.', '!'
 * and '?' end one when followed by space and an upper-case letter, a digit or a quote, unless
 * the word before is a known abbreviation ("Feb.", "Col.") or a single initial.
 */
public final class SentenceSplitter {
    private static final Set<String> ABBREVIATIONS = Set.of("jan", "feb", "mar", "apr", "jun", "jul", "aug",
            "sep", "sept", "oct", "nov", "dec", "mr", "mrs", "ms", "dr", "gen", "col", "lt", "maj", "capt", "sgt",
            "st", "no", "vs", "prof", "sen", "rep", "gov", "u.s", "u.n", "u.k", "e.g", "i.e");

    private SentenceSplitter() {
    }

    public static List<Sentence> split(String body) {
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
                add(out, body, start, c == '\n' ? i : next);
                start = next;
                i = next;
            } else {
                i++;
            }
        }
        add(out, body, start, n);
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

    private static void add(List<Sentence> out, String body, int s, int e) {
        while (s < e && Character.isWhitespace(body.charAt(s))) {
            s++;
        }
        while (e > s && Character.isWhitespace(body.charAt(e - 1))) {
            e--;
        }
        if (e > s) {
            out.add(new Sentence(out.size(), new Span(s, e), body.substring(s, e)));
        }
    }
}
