package org.conflictkg.facts;

import java.util.List;

/** One {@code conflict-kg/facts@1} document: what one article says. Immutable. */
public record ArticleFacts(Article article, List<Actor> actors, List<Place> places, List<Highway> highways,
                           List<Event> events, List<ControlState> controlStates, List<Figure> figures) {

    /** The value of the {@code format} member of every document of this version. */
    public static final String FORMAT = "conflict-kg/facts@1";
}
