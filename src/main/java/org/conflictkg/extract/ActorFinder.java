package org.conflictkg.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Finds actor mentions in a body with an {@link ActorLexicon}: every entry that applies to the
 * article's country is tried at each word start it can begin with; overlapping matches keep the
 * longest (then the leftmost; on equal spans, the country's own words win). Immutable and
 * thread-safe once built.
 */
public final class ActorFinder {
    private final ActorLexicon lexicon;
    /** Entries by the lower-case ASCII letter their matches can start with; [128] holds those that can start anywhere. */
    private final List<List<ActorLexicon.Entry>> byFirst = new ArrayList<>();
    /** Each entry's slot in the per-call matcher array (by identity: entries hash slowly). */
    private final Map<ActorLexicon.Entry, Integer> slot = new java.util.IdentityHashMap<>();

    public ActorFinder(ActorLexicon lexicon) {
        this.lexicon = lexicon;
        for (ActorLexicon.Entry e : lexicon.entries()) {
            slot.put(e, slot.size());
        }
        for (int i = 0; i <= 128; i++) {
            byFirst.add(new ArrayList<>());
        }
        // country-specific entries first, so that on equal spans they win
        List<ActorLexicon.Entry> ordered = new ArrayList<>();
        lexicon.entries().stream().filter(e -> !e.when().equals("*") && !e.when().startsWith("+")).forEach(ordered::add);
        lexicon.entries().stream().filter(e -> e.when().equals("*")).forEach(ordered::add);
        for (ActorLexicon.Entry e : ordered) {
            Set<Character> first = e.firstChars();
            if (first == null || first.stream().anyMatch(c -> c >= 128)) {
                byFirst.get(128).add(e);
            } else {
                first.forEach(c -> byFirst.get(c).add(e));
            }
        }
    }

    /** Actor mentions in {@code body}, in text order, not overlapping. */
    public List<Mention> find(String body, String country) {
        return find(body, country, anyCountry(body));
    }

    /**
     * The raw matches of the entries that apply in every article ("*"), overlapping: what {@link
     * #find(String, String, List)} needs, computed once when the article's country is not yet known.
     */
    public List<Mention> anyCountry(String body) {
        return matches(body, wordStarts(body), "*");
    }

    /** Actor mentions in {@code body} for {@code country}, given the raw matches of {@link #anyCountry}. */
    public List<Mention> find(String body, String country, List<Mention> anyCountry) {
        int[] starts = wordStarts(body);
        Matcher[] matchers = new Matcher[slot.size()];
        // country-specific matches first, so that on equal spans they win
        // (a registry's generic aliases, "~XX", apply in their country, or where no country is known)
        List<Mention> all = matches(body, starts, country == null ? "~" : country);
        all.addAll(anyCountry);
        // entries that apply only where another actor is named ("the jihadists" where IS is)
        Set<String> seen = new HashSet<>();
        for (Mention m : all) {
            seen.add(m.ref());
        }
        for (ActorLexicon.Entry e : lexicon.entries()) {
            if (e.when().startsWith("+") && seen.contains(e.when().substring(1))) {
                for (int pos : starts) {
                    tryOne(e, body, pos, matchers, all);
                }
            }
        }
        return MentionLib.longestFirst(all);
    }

    /** Raw matches of the entries whose "when" is exactly {@code when}, in text order. */
    private List<Mention> matches(String body, int[] starts, String when) {
        Matcher[] matchers = new Matcher[slot.size()];
        List<Mention> out = new ArrayList<>();
        for (int pos : starts) {
            Extractor.checkpoint();
            char c = Character.toLowerCase(body.charAt(pos));
            if (c < 128) {
                tryAll(byFirst.get(c), body, pos, when, matchers, out);
            }
            tryAll(byFirst.get(128), body, pos, when, matchers, out);
        }
        return out;
    }

    private void tryAll(List<ActorLexicon.Entry> entries, String body, int pos, String when,
                               Matcher[] matchers, List<Mention> out) {
        for (ActorLexicon.Entry e : entries) {
            if (e.when().equals(when) || e.when().equals("~" + when) || when.equals("~") && e.when().startsWith("~")) {
                tryOne(e, body, pos, matchers, out);
            }
        }
    }

    private void tryOne(ActorLexicon.Entry e, String body, int pos, Matcher[] matchers, List<Mention> out) {
        int i = slot.get(e);
        Matcher m = matchers[i];
        if (m == null) {
            m = e.pattern().matcher(body).useTransparentBounds(true);
            matchers[i] = m;
        }
        m.region(pos, body.length());
        if (m.lookingAt() && m.end() > m.start()) {
            out.add(new Mention(new Span(m.start(), m.end()), m.group(), e.actor().id()));
        }
    }

    private static int[] wordStarts(String body) {
        int[] out = new int[Math.max(16, body.length() / 4)];
        int n = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (Character.isLetterOrDigit(c) && (i == 0 || !isWordChar(body.charAt(i - 1)))) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '\'' || c == '-' || c == '\u2019';
    }
}
