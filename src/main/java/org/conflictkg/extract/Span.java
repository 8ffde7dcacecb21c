package org.conflictkg.extract;

/**
 * A stretch of the article body in UTF-16 char indexes (Java string offsets), end exclusive.
 * Evidence in facts uses code points; {@link OffsetMap} converts.
 */
public record Span(int start, int end) implements Comparable<Span> {
    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    public boolean contains(Span o) {
        return start <= o.start && o.end <= end;
    }

    public boolean overlaps(Span o) {
        return start < o.end && o.start < end;
    }

    public Span union(Span o) {
        return new Span(Math.min(start, o.start), Math.max(end, o.end));
    }

    public int length() {
        return end - start;
    }

    @Override
    public int compareTo(Span o) {
        return start != o.start ? Integer.compare(start, o.start) : Integer.compare(o.end, end);
    }
}
