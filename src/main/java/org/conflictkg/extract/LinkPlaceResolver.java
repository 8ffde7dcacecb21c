package org.conflictkg.extract;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.conflictkg.facts.PlaceKind;
import org.conflictkg.gazetteer.Candidate;
import org.conflictkg.gazetteer.Gazetteer;
import org.conflictkg.gazetteer.GeoNamesRecord;
import org.conflictkg.gazetteer.LinkResult;
import org.conflictkg.gazetteer.PlaceMatcher;
import org.conflictkg.gazetteer.PlaceQuery;
import org.conflictkg.names.NameKeys;

/**
 * A {@link PlaceResolver} over the project's gazetteer ({@link Gazetteer}, {@link PlaceMatcher}):
 * a name resolves when the matcher links it in the article's main country with a near-exact name
 * (extraction asks about every capitalised phrase, so a loose match would turn words into places).
 * A name the matcher finds ambiguous but near-exact is a place without a GeoNames id: reported,
 * not guessed. Answers are cached by (name, country). Thread-safe.
 */
public final class LinkPlaceResolver implements PlaceResolver {
    /** Lowest name similarity accepted: spelling variants pass ("Saraqeb", "Sarāqib"), other words do not. */
    static final double MIN_NAME_SCORE = 0.9;
    private static final int CACHE_LIMIT = 100_000;

    private final PlaceMatcher matcher;
    private final Gazetteer gazetteer;
    private final Map<String, Optional<ResolvedPlace>> cache = new ConcurrentHashMap<>();
    /** Gazetteer hits by name, whatever the article's countries (the costly part of a lookup). */
    private final Map<String, List<Gazetteer.NameHit>> hitsByName = new ConcurrentHashMap<>();
    /**
     * The hits by key alone ({@link Gazetteer#lookupExact}): a name that has none can only match
     * keys one edit away, whose similarity (at most 0.7) is below {@link #MIN_NAME_SCORE}, so most
     * capitalised phrases are ruled out without the fuzzy search.
     */
    private final Map<String, List<Gazetteer.NameHit>> exactByName = new ConcurrentHashMap<>();

    public LinkPlaceResolver(Gazetteer gazetteer) {
        this.matcher = new PlaceMatcher(gazetteer);
        this.gazetteer = gazetteer;
    }

    /** Over the bundled gazetteer (GeoNames cities1000 extract and first-level regions, CC BY 4.0). */
    public static LinkPlaceResolver bundled() {
        return new LinkPlaceResolver(Gazetteer.bundled());
    }

    @Override
    public Optional<ResolvedPlace> resolve(String name, Set<String> countries) {
        String key = String.join(",", countries) + "|" + name;
        Optional<ResolvedPlace> hit = cache.get(key);
        if (hit == null) {
            hit = lookup(name, countries.isEmpty() ? null : countries.iterator().next(), countries);
            if (cache.size() > CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(key, hit);
        }
        return hit;
    }

    @Override
    public Optional<ResolvedPlace> resolveProvince(String name, Set<String> countries) {
        List<Gazetteer.NameHit> hits = exactHits(name);
        if (hits.isEmpty()) {
            return Optional.empty(); // fuzzy hits only: none reaches MIN_NAME_SCORE
        }
        for (String c : countries) {
            LinkResult r = matcher.link(PlaceQuery.builder(name).kind(PlaceKind.PROVINCE).country(c).build(), hits);
            if (r.isLinked() && r.best().record().isAdmin1() && r.best().nameScore() >= MIN_NAME_SCORE) {
                GeoNamesRecord rec = r.best().record();
                return Optional.of(new ResolvedPlace(String.valueOf(rec.id()), rec.name(), PlaceKind.PROVINCE,
                        rec.admin1(), rec.countryCode()));
            }
        }
        return Optional.empty();
    }

    /** One name lookup; then the matcher ranks in the first of the article's countries that has such a name. */
    private Optional<ResolvedPlace> lookup(String name, String country, Set<String> countries) {
        List<Gazetteer.NameHit> hits = exactHits(name);
        if (hits.isEmpty()) {
            return Optional.empty(); // fuzzy hits only: none reaches MIN_NAME_SCORE
        }
        for (String c : countries) {
            for (Gazetteer.NameHit h : hits) {
                if (c.equals(h.record().countryCode())) {
                    return link(name, c, countries, hits);
                }
            }
        }
        return countries.isEmpty() ? link(name, null, countries, hits) : Optional.empty();
    }

    /** {@link Gazetteer#lookupExact}, cached by name. */
    private List<Gazetteer.NameHit> exactHits(String name) {
        if (exactByName.size() > CACHE_LIMIT) {
            exactByName.clear();
        }
        return exactByName.computeIfAbsent(name, gazetteer::lookupExact);
    }

    /** {@link Gazetteer#lookup}, cached by name: the hits by key when there are any, else the fuzzy ones. */
    private List<Gazetteer.NameHit> allHits(String name) {
        if (hitsByName.size() > CACHE_LIMIT) {
            hitsByName.clear();
        }
        return hitsByName.computeIfAbsent(name, n -> {
            List<Gazetteer.NameHit> exact = exactHits(n);
            return exact.isEmpty() ? gazetteer.lookup(n) : exact;
        });
    }

    @Override
    public Optional<ResolvedPlace> resolveVariant(String name, Set<String> countries) {
        List<Gazetteer.NameHit> hits = allHits(name);
        for (String c : countries) {
            Optional<ResolvedPlace> r = variant(name, c, hits);
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }

    /**
     * A spelling the matcher scores too far from the gazetteer's ("Hajeen" for "Hajin", "Hamidieh"
     * for "Al Hamidiyah") that is the same name by the general variant rules
     * ({@link NameKeys#sameVariant}): the one such place in the article's country, or a place without
     * an id when there are several.
     */
    private Optional<ResolvedPlace> variant(String name, String country, List<Gazetteer.NameHit> hits) {
        GeoNamesRecord found = null;
        for (Gazetteer.NameHit h : hits) {
            GeoNamesRecord rec = h.record();
            if (country.equals(rec.countryCode()) && NameKeys.sameVariant(name, h.matchedName())) {
                if (found != null && found.id() != rec.id()) {
                    return Optional.of(new ResolvedPlace(null, found.name(), kindOf(found), null, country));
                }
                found = rec;
            }
        }
        return found == null ? Optional.empty()
                : Optional.of(new ResolvedPlace(String.valueOf(found.id()), found.name(), kindOf(found), found.admin1(), country));
    }

    private Optional<ResolvedPlace> link(String name, String country, Set<String> countries,
                                         List<Gazetteer.NameHit> hits) {
        LinkResult result = matcher.link(PlaceQuery.builder(name).country(country).build(), hits);
        if (result.status() == LinkResult.Status.UNLINKED || result.best() == null) {
            return Optional.empty();
        }
        Candidate best = result.best();
        GeoNamesRecord rec = best.record();
        if (best.nameScore() < MIN_NAME_SCORE || !countries.isEmpty() && !countries.contains(rec.countryCode())) {
            return Optional.empty();
        }
        String id = result.isLinked() ? String.valueOf(rec.id()) : null;
        return Optional.of(new ResolvedPlace(id, rec.name(), kindOf(rec), rec.admin1(), rec.countryCode()));
    }

    static PlaceKind kindOf(GeoNamesRecord r) {
        if (r.isCountry()) {
            return PlaceKind.COUNTRY;
        }
        if (r.isAdmin1()) {
            return PlaceKind.PROVINCE;
        }
        if (!"P".equals(r.featureClass())) {
            return PlaceKind.REGION;
        }
        String code = r.featureCode();
        if (code.equals("PPLC") || code.equals("PPLA") || r.population() >= 100_000) {
            return PlaceKind.CITY;
        }
        if (r.population() >= 5_000 || code.startsWith("PPLA")) {
            return PlaceKind.TOWN;
        }
        return PlaceKind.VILLAGE;
    }
}
