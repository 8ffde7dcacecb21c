package org.conflictkg.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Finds actor mentions (not thread-safe: one finder per thread) in a body with an {@link ActorLexicon}: every entry that applies to the
 * article's country is matched; overlapping matches keep the longest (then the leftmost).
 */
public final class ActorFinder {
    private final ActorLexicon lexicon;

    public ActorFinder(ActorLexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** Actor mentions in {@code body}, in text order, not overlapping. */
    public List<Mention> find(String body, String country) {
        wordStarts = wordStarts(body);
        List<Mention> all = new ArrayList<>();
        List<ActorLexicon.Entry> later = new ArrayList<>();
        // the country's own words first: on equal spans the earlier mention wins
        for (ActorLexicon.Entry e : lexicon.entries()) {
            if (e.when().equals(country)) {
                scan(e, body, all);
            }
        }
        for (ActorLexicon.Entry e : lexicon.entries()) {
            String when = e.when();
            if (when.startsWith("+")) {
                later.add(e);
            } else if (when.equals("*")) {
                scan(e, body, all);
            }
        }
        if (!later.isEmpty()) {
            Set<String> seen = new HashSet<>();
            for (Mention m : all) {
                seen.add(m.ref());
            }
            for (ActorLexicon.Entry e : later) {
                if (seen.contains(e.when().substring(1))) {
                    scan(e, body, all);
                }
            }
        }
        return MentionLib.longestFirst(all);
    }

    /** Tries the entry at every word start (cheaper than a scan: most phrases fail on their first letter). */
    private void scan(ActorLexicon.Entry e, String body, List<Mention> out) {
        Matcher m = e.pattern().matcher(body);
        m.useTransparentBounds(true);
        java.util.Set<Character> first = e.firstChars();
        for (int pos : wordStarts) {
            if (first != null && !first.contains(Character.toLowerCase(body.charAt(pos)))) {
                continue;
            }
            m.region(pos, body.length());
            if (m.lookingAt() && m.end() > m.start()) {
                out.add(new Mention(new Span(m.start(), m.end()), m.group(), e.actor().id()));
            }
        }
    }

    private int[] wordStarts = new int[0];

    private static int[] wordStarts(String body) {
        int[] out = new int[Math.max(16, body.length() / 4)];
        int n = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (Character.isLetterOrDigit(c) && (i == 0 || !isWordChar(body.charAt(i - 1)))) {
                if (n == out.length) {
                    out = java.util.Arrays.copyOf(out, n * 2);
                }
                out[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '\'' || c == '-' || c == '\u2019';
    }
}
