package org.conflictkg.extract;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Spans added one by one, answering whether a span overlaps any of them ({@link Span#overlaps}) in
 * logarithmic time while the spans are short: what a scan of a list of mentions answers in linear
 * time, which made a long article's stages quadratic.
 */
final class SpanIndex {
    /** The largest end of the spans added at each start. */
    private final NavigableMap<Integer, Integer> endByStart = new TreeMap<>();
    private int maxLength;

    void add(Span s) {
        endByStart.merge(s.start(), s.end(), Math::max);
        maxLength = Math.max(maxLength, s.length());
    }

    /** True when some span added overlaps {@code q}: it starts before {@code q} ends and ends after {@code q} starts. */
    boolean overlaps(Span q) {
        // a span that ends after q.start() starts after q.start() - maxLength
        for (Map.Entry<Integer, Integer> e : endByStart.subMap(q.start() - maxLength, false, q.end(), false).entrySet()) {
            if (e.getValue() > q.start()) {
                return true;
            }
        }
        return false;
    }
}
