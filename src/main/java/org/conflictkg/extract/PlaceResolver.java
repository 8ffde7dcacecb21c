package org.conflictkg.extract;

import java.util.Optional;
import java.util.Set;

import org.conflictkg.facts.PlaceKind;

/**
 * Resolves a place name as written in an article to a gazetteer entry. Implementations must be
 * offline and thread-safe; they return nothing rather than a guess when a name is ambiguous
 * beyond what {@code countries} settles.
 */
public interface PlaceResolver {

    /**
     * A gazetteer entry: GeoNames id (null when the name is surely a place but which one is
     * ambiguous), preferred name, kind, first-level admin code and ISO country code.
     */
    record ResolvedPlace(String geonamesId, String name, PlaceKind kind, String admin1, String country) {
    }

    /**
     * The best entry for {@code name}, or empty.
     *
     * @param countries ISO country codes the article is about, most likely first; may be empty
     */
    Optional<ResolvedPlace> resolve(String name, Set<String> countries);

    /**
     * The first-level division (province, governorate, oblast) named {@code name}, or empty.
     * The default knows none.
     */
    default Optional<ResolvedPlace> resolveProvince(String name, Set<String> countries) {
        return Optional.empty();
    }

    /**
     * For a name that text already says is a place ("the town of X"): the entry whose name is
     * the same written another way ({@link org.conflictkg.names.NameKeys#sameVariant}), or empty.
     * The default knows none.
     */
    default Optional<ResolvedPlace> resolveVariant(String name, Set<String> countries) {
        return Optional.empty();
    }

    /** A resolver that knows no place. */
    static PlaceResolver none() {
        return (name, countries) -> Optional.empty();
    }
}
