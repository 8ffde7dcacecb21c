package org.conflictkg.extract;

/**
 * A stretch of text that names something: an actor ({@code ref} is the actor id), a place
 * ({@code ref} is the place key, see {@link PlaceEntity#key()}), or a highway.
 */
public record Mention(Span span, String text, String ref) {
    public int start() {
        return span.start();
    }

    public int end() {
        return span.end();
    }
}
