package org.conflictkg.extract;

import org.conflictkg.facts.ActorKind;

/** An actor extraction knows: its id, name, kind and coarse side (null for sources such as monitors). */
public record ActorEntity(String id, String name, ActorKind kind, String side) {

    /** True for actors that fight and hold ground (not sources, organisations or persons). */
    public boolean fights() {
        return kind == ActorKind.STATE_FORCE || kind == ActorKind.FOREIGN_STATE || kind == ActorKind.ARMED_GROUP
                || kind == ActorKind.ALLIANCE;
    }
}
