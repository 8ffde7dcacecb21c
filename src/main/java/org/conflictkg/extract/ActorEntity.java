package org.conflictkg.extract;

import org.conflictkg.facts.ActorKind;

/**
 * An actor extraction knows: id, name, kind, side (null for sources such as monitors), the coarse
 * side sides are compared by ("turkish-backed" is of "opposition"), its country (ISO code, or
 * null) and Wikidata id.
 */
public record ActorEntity(String id, String name, ActorKind kind, String side, String coarseSide, String country,
                          String wikidata) {

    /** True for actors that fight and hold ground (not sources, organisations or persons). */
    public boolean fights() {
        return kind == ActorKind.STATE_FORCE || kind == ActorKind.FOREIGN_STATE || kind == ActorKind.ARMED_GROUP
                || kind == ActorKind.ALLIANCE;
    }

    /** True when the actor is a state from outside {@code articleCountry}. */
    public boolean foreignTo(String articleCountry) {
        return kind == ActorKind.FOREIGN_STATE || country != null && articleCountry != null && !country.equals(articleCountry)
                && kind == ActorKind.STATE_FORCE;
    }

    static ActorEntity person(String id, String name) {
        return new ActorEntity(id, name, ActorKind.PERSON, null, null, null, null);
    }
}
