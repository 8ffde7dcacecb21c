package org.conflictkg.extract;

import org.conflictkg.facts.PlaceKind;

/**
 * A place extraction found. {@code key} identifies it within an article: the GeoNames id when
 * known, else the folded name (so "the town of Lyman" and "Lyman" are one place).
 */
public record PlaceEntity(String key, String name, PlaceKind kind, String geonames, String country, String admin1) {

    public static PlaceEntity of(String name, PlaceKind kind, String geonames, String country) {
        return of(name, kind, geonames, country, null);
    }

    /** A place; {@code admin1} is its first-level division's GeoNames code within {@code country}, or null. */
    public static PlaceEntity of(String name, PlaceKind kind, String geonames, String country, String admin1) {
        String key = geonames != null ? "gn:" + geonames : "name:" + PlaceKeys.keyAscii(name);
        return new PlaceEntity(key, name, kind, geonames, country, admin1 == null || admin1.isEmpty() ? null : admin1);
    }

    /** Cities, towns and villages: what "the city" or "the town" can refer back to. */
    public boolean settlement() {
        return kind == PlaceKind.CITY || kind == PlaceKind.TOWN || kind == PlaceKind.VILLAGE;
    }
}
