package org.conflictkg.extract;

import org.conflictkg.facts.PlaceKind;
import org.conflictkg.names.NameKeys;

/**
 * A place extraction found. {@code key} identifies it within an article: the GeoNames id when
 * known, else the name's {@link NameKeys#variantKey} (so "the town of Lyman" and "Lyman", or two
 * spellings of one village, are one place).
 */
public record PlaceEntity(String key, String name, PlaceKind kind, String geonames, String country, String admin1) {

    public static PlaceEntity of(String name, PlaceKind kind, String geonames, String country) {
        return of(name, kind, geonames, country, null);
    }

    /** A place; {@code admin1} is its first-level division's GeoNames code within {@code country}, or null. */
    public static PlaceEntity of(String name, PlaceKind kind, String geonames, String country, String admin1) {
        String key = geonames != null ? "gn:" + geonames : "name:" + NameKeys.variantKey(name);
        return new PlaceEntity(key, name, kind, geonames, country, admin1 == null || admin1.isEmpty() ? null : admin1);
    }

    /** Cities, towns and villages: what "the city" or "the town" can refer back to. */
    public boolean settlement() {
        return kind == PlaceKind.CITY || kind == PlaceKind.TOWN || kind == PlaceKind.VILLAGE;
    }
}
