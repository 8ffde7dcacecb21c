package org.conflictkg.facts;

/** The values of {@code ActorKind} in facts@1, with their JSON spelling. */
public enum ActorKind implements FactsEnum {
    STATE_FORCE("state-force"),
    FOREIGN_STATE("foreign-state"),
    ARMED_GROUP("armed-group"),
    ALLIANCE("alliance"),
    MONITOR("monitor"),
    ORGANIZATION("organization"),
    NEWS_AGENCY("news-agency"),
    PUBLISHER("publisher"),
    PERSON("person"),
    GOVERNMENT_BODY("government-body");

    private final String code;

    ActorKind(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
