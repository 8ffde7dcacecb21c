package org.conflictkg.synth;

import org.conflictkg.facts.PlaceKind;

/**
 * A place a synthetic article may name: a real name and GeoNames id (null when none is used),
 * its kind, and the places it lies within ({@code province} and {@code country}, either null).
 */
public record SynthPlace(String name, PlaceKind kind, String geonames, SynthPlace province, SynthPlace country) {

    /** A country: it lies within nothing. */
    public static SynthPlace country(String name, String geonames) {
        return new SynthPlace(name, PlaceKind.COUNTRY, geonames, null, null);
    }

    /** A province or region of {@code country}. */
    public static SynthPlace province(String name, PlaceKind kind, String geonames, SynthPlace country) {
        return new SynthPlace(name, kind, geonames, null, country);
    }

    /** A city, town or village in {@code province} (or directly in {@code country} when province is null). */
    public static SynthPlace settlement(String name, PlaceKind kind, String geonames, SynthPlace province,
                                        SynthPlace country) {
        return new SynthPlace(name, kind, geonames, province, country);
    }
}
