package org.conflictkg.facts;

import java.util.List;

/** A place the article names. {@code within} is the id of the enclosing place. */
public record Place(String id, String name, PlaceKind kind, String within, String geonames, String wikidata,
                    List<String> mentions) {
}
