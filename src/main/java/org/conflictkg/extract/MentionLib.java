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
        return kept;
    }

    /** Mentions lying inside {@code span}, in order. */
    public static List<Mention> within(List<Mention> mentions, Span span) {
        List<Mention> out = new ArrayList<>();
        for (Mention m : mentions) {
            if (span.contains(m.span())) {
                out.add(m);
            }
        }
        return out;
    }

    /** True when some mention overlaps {@code span}. */
    public static boolean overlapsAny(List<Mention> mentions, Span span) {
        for (Mention m : mentions) {
            if (m.span().overlaps(span)) {
                return true;
            }
        }
        return false;
    }
}
