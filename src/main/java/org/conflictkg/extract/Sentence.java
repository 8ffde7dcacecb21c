package org.conflictkg.extract;

/** One sentence of the body: its span and its text ({@code text} equals the body over the span). */
public record Sentence(int index, Span span, String text) {
    public int start() {
        return span.start();
    }

    public int end() {
        return span.end();
    }

    /** The body offset of a position in this sentence's text. */
    public int abs(int local) {
        return span.start() + local;
    }

    /** The text of a body span inside this sentence. */
    public String text(Span s) {
        return text.substring(s.start() - span.start(), s.end() - span.start());
    }
}
