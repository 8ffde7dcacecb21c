package org.conflictkg.gazetteer;

import java.util.List;

/**
 * One row of a GeoNames dump, reduced to the columns linking uses. {@code featureClass} is the
 * one-letter class (P, A, ...), {@code featureCode} the code within it (PPLA, ADM1, PCLI, ...);
 * {@code admin1} is the first-level admin code as GeoNames writes it ("12" for Idlib in SY).
 * Empty strings stand for absent codes; {@code population} is 0 when unknown.
 */
public record GeoNamesRecord(long id, String name, String asciiName, List<String> alternateNames,
                             double latitude, double longitude, String featureClass, String featureCode,
                             String countryCode, String admin1, String admin2, long population) {

    public GeoNamesRecord {
        alternateNames = List.copyOf(alternateNames);
    }

    /** {@code class.code}, e.g. {@code P.PPLA} or {@code A.ADM1}. */
    public String feature() {
        return featureClass + "." + featureCode;
    }

    /** True for first-level administrative divisions (A.ADM1). */
    public boolean isAdmin1() {
        return "A".equals(featureClass) && "ADM1".equals(featureCode);
    }

    /** True for independent political entities and similar country rows (A.PCL*). */
    public boolean isCountry() {
        return "A".equals(featureClass) && featureCode.startsWith("PCL");
    }

    /** The GeoNames linked-data IRI, {@code https://sws.geonames.org/{id}/}. */
    public String iri() {
        return "https://sws.geonames.org/" + id + "/";
    }
}
