package org.conflictkg.extract;

import org.conflictkg.facts.PlaceKind;

/**
 * A place extraction found. {@code key} identifies it within an article: the GeoNames id when
 * known, else the folded name (so "the town of Lyman" and "Lyman" are one place).
 */
public record PlaceEntity(String key, String name, PlaceKind kind, String geonames, String country) {

    public static PlaceEntity of(String name, PlaceKind kind, String geonames, String country) {
        String key = geonames != null ? "gn:" + geonames : "name:" + PlaceKeys.keyAscii(name);
        return new PlaceEntity(key, name, kind, geonames, country);
    }

    /** Cities, towns and villages: what "the city" or "the town" can refer back to. */
    public boolean settlement() {
        return kind == PlaceKind.CITY || kind == PlaceKind.TOWN || kind == PlaceKind.VILLAGE;
    }
}
