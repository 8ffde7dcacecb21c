package org.conflictkg.facts;

import java.util.List;

/** Someone who acts, fights, reports or is quoted. References are ids of other actors. */
public record Actor(String id, String name, ActorKind kind, String side, List<String> mentions,
                    List<String> alliedWith, String ledBy, String memberOf, List<String> formerlyAffiliatedWith,
                    String basedIn, String role, String wikidata) {
}
