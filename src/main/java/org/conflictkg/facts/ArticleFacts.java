package org.conflictkg.facts;

import java.util.List;

/**
 * One {@code conflict-kg/facts@1} document: what one article says. Immutable. {@code review} is
 * null unless the document records who reviewed it (a reviewed draft).
 */
public record ArticleFacts(Article article, List<Actor> actors, List<Place> places, List<Highway> highways,
                           List<Event> events, List<ControlState> controlStates, List<Figure> figures,
                           Review review) {

    /** The value of the {@code format} member of every document of this version. */
    public static final String FORMAT = "conflict-kg/facts@1";

    /** A document without a review record. */
    public ArticleFacts(Article article, List<Actor> actors, List<Place> places, List<Highway> highways,
                        List<Event> events, List<ControlState> controlStates, List<Figure> figures) {
        this(article, actors, places, highways, events, controlStates, figures, null);
    }

    /** This document with {@code review} as its review record (null: none). */
    public ArticleFacts withReview(Review review) {
        return new ArticleFacts(article, actors, places, highways, events, controlStates, figures, review);
    }
}
