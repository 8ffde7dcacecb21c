package org.conflictkg.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Finds actor mentions in a body with an {@link ActorLexicon}: every entry that applies to the
 * article's country is tried at each word start it can begin with; overlapping matches keep the
 * longest (then the leftmost; on equal spans, the country's own words win). Immutable and
 * thread-safe once built.
 */
public final class ActorFinder {
    /** How many characters of a match's start index the entries (see {@link RegexLiterals#prefixes}). */
    private static final int PREFIX = 6;

    private final ActorLexicon lexicon;
    /** The lexicon's entries by slot (their index in the lexicon). */
    private final ActorLexicon.Entry[] entries;
    /** Slots by the lower-case ASCII letter their matches can start with; [128] holds those that can start anywhere. */
    private final int[][] byFirst = new int[129][];
    /** Slots whose matches start with a known text, by that text: a position tries only those its text starts with. */
    private final Trie starts = new Trie();
    /** Slots whose start is not known: tried wherever their first letter allows. */
    private final boolean[] anyStart;

    public ActorFinder(ActorLexicon lexicon) {
        this.lexicon = lexicon;
        this.entries = lexicon.entries().toArray(new ActorLexicon.Entry[0]);
        this.anyStart = new boolean[entries.length];
        java.util.Map<ActorLexicon.Entry, Integer> slot = new java.util.IdentityHashMap<>();
        for (int i = 0; i < entries.length; i++) {
            slot.put(entries[i], i);
            Set<String> prefixes = RegexLiterals.prefixes(entries[i].pattern(), PREFIX);
            if (prefixes == null) {
                anyStart[i] = true;
            } else {
                for (String p : prefixes) {
                    starts.add(p, i);
                }
            }
        }
        List<List<Integer>> lists = new ArrayList<>();
        for (int i = 0; i <= 128; i++) {
            lists.add(new ArrayList<>());
        }
        // country-specific entries first, so that on equal spans they win
        List<ActorLexicon.Entry> ordered = new ArrayList<>();
        lexicon.entries().stream().filter(e -> !e.when().equals("*") && !e.when().startsWith("+")).forEach(ordered::add);
        lexicon.entries().stream().filter(e -> e.when().equals("*")).forEach(ordered::add);
        for (ActorLexicon.Entry e : ordered) {
            Set<Character> first = e.firstChars();
            if (first == null || first.stream().anyMatch(c -> c >= 128)) {
                lists.get(128).add(slot.get(e));
            } else {
                first.forEach(c -> lists.get(c).add(slot.get(e)));
            }
        }
        for (int i = 0; i <= 128; i++) {
            byFirst[i] = lists.get(i).stream().mapToInt(Integer::intValue).toArray();
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
        Matcher[] matchers = new Matcher[entries.length];
        // country-specific matches first, so that on equal spans they win
        // (a registry's generic aliases, "~XX", apply in their country, or where no country is known)
        List<Mention> all = matches(body, starts, country == null ? "~" : country);
        all.addAll(anyCountry);
        // entries that apply only where another actor is named ("the jihadists" where IS is)
        Set<String> seen = new HashSet<>();
        for (Mention m : all) {
            seen.add(m.ref());
        }
        Candidates candidates = null;
        for (int i = 0; i < entries.length; i++) {
            ActorLexicon.Entry e = entries[i];
            if (e.when().startsWith("+") && seen.contains(e.when().substring(1))) {
                if (candidates == null) {
                    candidates = new Candidates(entries.length);
                }
                for (int pos : starts) {
                    candidates.at(body, pos);
                    if (candidates.has(i)) {
                        tryOne(i, body, pos, matchers, all);
                    }
                    candidates.clear();
                }
            }
        }
        return MentionLib.longestFirst(all);
    }

    /** Raw matches of the entries whose "when" is exactly {@code when}, in text order. */
    private List<Mention> matches(String body, int[] starts, String when) {
        Matcher[] matchers = new Matcher[entries.length];
        boolean[] applies = new boolean[entries.length];
        String own = "~" + when;
        for (int i = 0; i < entries.length; i++) {
            String w = entries[i].when();
            applies[i] = w.equals(when) || w.equals(own) || when.equals("~") && w.startsWith("~");
        }
        Candidates candidates = new Candidates(entries.length);
        List<Mention> out = new ArrayList<>();
        for (int pos : starts) {
            Extractor.checkpoint();
            candidates.at(body, pos);
            char c = Character.toLowerCase(body.charAt(pos));
            if (c < 128) {
                tryAll(byFirst[c], body, pos, applies, candidates, matchers, out);
            }
            tryAll(byFirst[128], body, pos, applies, candidates, matchers, out);
            candidates.clear();
        }
        return out;
    }

    private void tryAll(int[] slots, String body, int pos, boolean[] applies, Candidates candidates,
                        Matcher[] matchers, List<Mention> out) {
        for (int i : slots) {
            if (applies[i] && candidates.has(i)) {
                tryOne(i, body, pos, matchers, out);
            }
        }
    }

    private void tryOne(int i, String body, int pos, Matcher[] matchers, List<Mention> out) {
        Matcher m = matchers[i];
        if (m == null) {
            m = entries[i].pattern().matcher(body).useTransparentBounds(true);
            matchers[i] = m;
        }
        m.region(pos, body.length());
        if (m.lookingAt() && m.end() > m.start()) {
            out.add(new Mention(new Span(m.start(), m.end()), m.group(), entries[i].actor().id()));
        }
    }

    /** The slots that may match at one position: those whose known start the text there begins with, and those of unknown start. */
    private final class Candidates {
        private final boolean[] marked;
        private final int[] touched;
        private int n;

        Candidates(int size) {
            marked = new boolean[size];
            touched = new int[size];
        }

        void at(String body, int pos) {
            Trie node = starts;
            for (int i = pos; i < body.length() && i < pos + PREFIX; i++) {
                node = node.child(RegexLiterals.lower(body.charAt(i)));
                if (node == null) {
                    return;
                }
                for (int s : node.slots) {
                    if (!marked[s]) {
                        marked[s] = true;
                        touched[n++] = s;
                    }
                }
            }
        }

        boolean has(int slot) {
            return anyStart[slot] || marked[slot];
        }

        void clear() {
            for (int i = 0; i < n; i++) {
                marked[touched[i]] = false;
            }
            n = 0;
        }
    }

    /** Lower-case starts of matches, character by character, with the slots of the entries that end a start there. */
    private static final class Trie {
        private final java.util.Map<Character, Trie> children = new java.util.HashMap<>();
        private int[] slots = new int[0];

        void add(String text, int slot) {
            Trie node = this;
            for (int i = 0; i < text.length(); i++) {
                node = node.children.computeIfAbsent(text.charAt(i), c -> new Trie());
            }
            if (Arrays.stream(node.slots).noneMatch(s -> s == slot)) {
                node.slots = Arrays.copyOf(node.slots, node.slots.length + 1);
                node.slots[node.slots.length - 1] = slot;
            }
        }

        Trie child(char c) {
            return children.get(c);
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
