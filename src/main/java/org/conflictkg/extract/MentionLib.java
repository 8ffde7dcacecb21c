package org.conflictkg.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Static helpers over lists of mentions. */
public final class MentionLib {
    private MentionLib() {
    }

    /** Removes overlaps, keeping longer mentions over shorter ones and earlier over later; sorted by start. */
    public static List<Mention> longestFirst(List<Mention> mentions) {
        List<Mention> sorted = new ArrayList<>(mentions);
        sorted.sort(Comparator.comparingInt((Mention m) -> -m.span().length()).thenComparingInt(Mention::start));
        List<Mention> kept = new ArrayList<>();
        SpanIndex index = new SpanIndex();
        for (Mention m : sorted) {
            if (!index.overlaps(m.span())) {
                kept.add(m);
                index.add(m.span());
            }
        }
        kept.sort(Comparator.comparingInt(Mention::start));
        return new SortedMentions(kept);
    }

    /** Mentions lying inside {@code span}, in order. */
    public static List<Mention> within(List<Mention> mentions, Span span) {
        List<Mention> out = new ArrayList<>();
        if (mentions instanceof SortedMentions sm && sm.isSorted()) {
            for (int i = sm.firstStartingAtOrAfter(span.start()); i < sm.size() && sm.get(i).start() <= span.end(); i++) {
                if (span.contains(sm.get(i).span())) {
                    out.add(sm.get(i));
                }
            }
            return out;
        }
        for (Mention m : mentions) {
            if (span.contains(m.span())) {
                out.add(m);
            }
        }
        return out;
    }

    /**
     * Where a forward walk over {@code mentions} for the first one at or after {@code pos} may start:
     * the first mention that starts there or later when the list is in text order, else the first.
     */
    public static int firstStartingAtOrAfter(List<Mention> mentions, int pos) {
        return mentions instanceof SortedMentions sm && sm.isSorted() ? sm.firstStartingAtOrAfter(pos) : 0;
    }

    /**
     * Where a backward walk over {@code mentions} for those before {@code pos} may start: the last
     * mention that starts at or before it when the list is in text order, else the last one.
     */
    public static int lastStartingAtOrBefore(List<Mention> mentions, int pos) {
        if (mentions instanceof SortedMentions sm && sm.isSorted()) {
            return pos == Integer.MAX_VALUE ? sm.size() - 1 : sm.firstStartingAtOrAfter(pos + 1) - 1;
        }
        return mentions.size() - 1;
    }

    /** True when some mention overlaps {@code span}. */
    public static boolean overlapsAny(List<Mention> mentions, Span span) {
        if (mentions instanceof SortedMentions sm && sm.isSorted()) {
            // a mention that ends after span.start() starts after span.start() - the longest length
            for (int i = sm.firstStartingAtOrAfter(span.end()) - 1; i >= 0 && sm.get(i).start() >= span.start() - sm.maxLength(); i--) {
                if (sm.get(i).span().overlaps(span)) {
                    return true;
                }
            }
            return false;
        }
        for (Mention m : mentions) {
            if (m.span().overlaps(span)) {
                return true;
            }
        }
        return false;
    }
}
