package org.conflictkg.extract;

import org.conflictkg.facts.Evidence;

/** Converts UTF-16 offsets of a text to code point offsets, and makes evidence spans. */
public final class OffsetMap {
    private final String text;
    private final boolean bmpOnly;

    public OffsetMap(String text) {
        this.text = text;
        this.bmpOnly = text.codePoints().allMatch(Character::isBmpCodePoint);
    }

    /** The code point offset of UTF-16 index {@code index}. */
    public int codePoint(int index) {
        return bmpOnly ? index : text.codePointCount(0, index);
    }

    /** Evidence for {@code span} trimmed of surrounding spaces and trailing commas. */
    public Evidence evidence(Span span) {
        int s = span.start();
        int e = span.end();
        while (s < e && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        while (e > s && (Character.isWhitespace(text.charAt(e - 1)) || text.charAt(e - 1) == ',')) {
            e--;
        }
        return new Evidence(text.substring(s, e), codePoint(s), codePoint(e));
    }
}
