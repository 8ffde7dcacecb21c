package org.conflictkg.review;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.conflictkg.extract.Countries;
import org.conflictkg.facts.ArticleFacts;
import org.conflictkg.facts.Place;
import org.conflictkg.facts.PlaceKind;
import org.conflictkg.gazetteer.Gazetteer;
import org.conflictkg.gazetteer.GeoNamesRecord;

/**
 * The war an article reports on: the country most of its places lie in. A place's country is,
 * in this order: the country its GeoNames id names, the country a place of kind country names,
 * the country of its GeoNames id in the gazetteer, or the country of the place it lies within.
 * A tie goes to the first country code in alphabetical order; an article with no place of a known
 * country is of the war {@link #UNKNOWN}.
 */
final class Wars {
    static final String UNKNOWN = "unknown";

    private final Countries countries;
    private final Supplier<Gazetteer> gazetteer;
    private final Map<String, String> countryByGeonames = new HashMap<>();

    /** {@code gazetteer} is asked for only when a place's GeoNames id is not a country's. */
    Wars(Countries countries, Supplier<Gazetteer> gazetteer) {
        this.countries = countries;
        this.gazetteer = gazetteer;
        for (String code : countries.codes()) {
            String id = countries.byCode(code).geonames();
            if (id != null) {
                countryByGeonames.put(id, code);
            }
        }
    }

    /** The war of {@code facts}: a label such as "Syria (SY)", or {@link #UNKNOWN}. */
    String of(ArticleFacts facts) {
        Map<String, Place> byId = new HashMap<>();
        facts.places().forEach(p -> byId.put(p.id(), p));
        Map<String, Integer> counts = new TreeMap<>();
        for (Place p : facts.places()) {
            String code = country(p, byId, new HashSet<>());
            if (code != null) {
                counts.merge(code, 1, Integer::sum);
            }
        }
        String best = null;
        for (var e : counts.entrySet()) {
            if (best == null || e.getValue() > counts.get(best)) {
                best = e.getKey();
            }
        }
        return best == null ? UNKNOWN : label(best);
    }

    private String label(String code) {
        Countries.Country c = countries.byCode(code);
        return c == null ? code : c.name() + " (" + code + ")";
    }

    private String country(Place p, Map<String, Place> byId, Set<String> seen) {
        if (!seen.add(p.id())) {
            return null;
        }
        if (p.geonames() != null && countryByGeonames.containsKey(p.geonames())) {
            return countryByGeonames.get(p.geonames());
        }
        if (p.kind() == PlaceKind.COUNTRY && countries.byName(p.name()) != null) {
            return countries.byName(p.name()).code();
        }
        if (p.geonames() != null) {
            String code = gazetteer.get().byId(Long.parseLong(p.geonames())).map(GeoNamesRecord::countryCode)
                    .filter(c -> !c.isEmpty()).orElse(null);
            if (code != null) {
                return code;
            }
        }
        Place within = p.within() == null ? null : byId.get(p.within());
        return within == null ? null : country(within, byId, seen);
    }
}
