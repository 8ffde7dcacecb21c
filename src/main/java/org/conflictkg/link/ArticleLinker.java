package org.conflictkg.link;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.conflictkg.facts.ArticleFacts;
import org.conflictkg.facts.Place;
import org.conflictkg.gazetteer.GeoNamesRecord;
import org.conflictkg.gazetteer.GeoPoint;
import org.conflictkg.gazetteer.LinkResult;
import org.conflictkg.gazetteer.PlaceMatcher;
import org.conflictkg.gazetteer.PlaceQuery;

/**
 * Links every place of one facts document. Places are linked parents first along their
 * {@code within} chains, so that each place is matched in the context of its linked ancestors: the
 * country of the nearest linked ancestor, and the admin1 code of the nearest linked ancestor below
 * country level (a province, or a city for a district within it). A place that already carries a
 * GeoNames id known to the gazetteer is taken as curated (confidence 1) unless
 * {@link #ignoreCurated()} is set. Places not linked in that first pass are tried again with the
 * positions of the article's linked towns and cities as spatial context (not those within the
 * place itself); a second-pass link to a record another place of the article already has is
 * reported as ambiguous instead.
 */
public final class ArticleLinker {
    private final PlaceMatcher matcher;
    private final boolean useCurated;

    public ArticleLinker(PlaceMatcher matcher) {
        this(matcher, true);
    }

    private ArticleLinker(PlaceMatcher matcher, boolean useCurated) {
        this.matcher = matcher;
        this.useCurated = useCurated;
    }

    /** A linker that matches every place by name, even when the facts give its GeoNames id. */
    public ArticleLinker ignoreCurated() {
        return new ArticleLinker(matcher, false);
    }

    /** The link result of each place, by place id, in document order. */
    public Map<String, LinkResult> link(ArticleFacts facts) {
        List<Place> places = facts.places() == null ? List.of() : facts.places();
        Map<String, Place> byId = new HashMap<>();
        for (Place p : places) {
            byId.put(p.id(), p);
        }
        Map<String, LinkResult> results = new HashMap<>();
        for (Place p : parentsFirst(places, byId)) {
            results.put(p.id(), linkOne(p, byId, results, List.of()));
        }
        // Second pass: spatial context from the towns and cities linked in the first.
        for (Place p : parentsFirst(places, byId)) {
            LinkResult r = results.get(p.id());
            if (r.isLinked()) {
                continue;
            }
            List<GeoPoint> near = new ArrayList<>();
            Set<Long> taken = new HashSet<>();
            for (Map.Entry<String, LinkResult> e : results.entrySet()) {
                LinkResult other = e.getValue();
                if (e.getKey().equals(p.id()) || !other.isLinked()) {
                    continue;
                }
                taken.add(other.best().record().id());
                // a place's own parts (a town in a region) say where it is, not which record it is
                if ("P".equals(other.best().record().featureClass()) && !isWithin(byId.get(e.getKey()), p.id(), byId)) {
                    other.point().ifPresent(near::add);
                }
            }
            if (!near.isEmpty()) {
                LinkResult again = linkOne(p, byId, results, near);
                // two places of one article are two places: never link both to one record
                if (again.isLinked() && taken.contains(again.best().record().id())) {
                    again = new LinkResult(again.query(), LinkResult.Status.AMBIGUOUS, again.best(),
                            again.confidence(), again.candidates(), again.method(), again.province(), again.country());
                }
                results.put(p.id(), again);
            }
        }
        Map<String, LinkResult> ordered = new LinkedHashMap<>();
        for (Place p : places) {
            ordered.put(p.id(), results.get(p.id()));
        }
        return ordered;
    }

    private LinkResult linkOne(Place p, Map<String, Place> byId, Map<String, LinkResult> done, List<GeoPoint> near) {
        String country = null;
        String admin1 = null;
        Set<String> seen = new HashSet<>();
        for (String up = p.within(); up != null && seen.add(up); ) {
            Place a = byId.get(up);
            if (a == null) {
                break;
            }
            LinkResult r = done.get(a.id());
            if (r != null && r.isLinked()) {
                GeoNamesRecord rec = r.best().record();
                if (country == null && !rec.countryCode().isEmpty()) {
                    country = rec.countryCode();
                }
                if (admin1 == null && !rec.isCountry() && !rec.admin1().isEmpty()) {
                    admin1 = rec.admin1();
                }
            }
            up = a.within();
        }
        PlaceQuery query = PlaceQuery.builder(p.name()).kind(p.kind()).country(country).admin1(admin1)
                .mentions(p.mentions()).near(near).build();
        if (useCurated && p.geonames() != null && !p.geonames().isBlank()) {
            try {
                var rec = matcher.gazetteer().byId(Long.parseLong(p.geonames().strip()));
                if (rec.isPresent()) {
                    return matcher.curated(query, rec.get());
                }
            } catch (NumberFormatException e) {
                // not a numeric id: match by name instead
            }
        }
        return matcher.link(query);
    }

    /** True when {@code p} lies, directly or not, within the place {@code ancestorId}. */
    private static boolean isWithin(Place p, String ancestorId, Map<String, Place> byId) {
        Set<String> seen = new HashSet<>();
        for (String up = p == null ? null : p.within(); up != null && seen.add(up); ) {
            if (up.equals(ancestorId)) {
                return true;
            }
            Place a = byId.get(up);
            up = a == null ? null : a.within();
        }
        return false;
    }

    /** Places ordered so that each comes after the places it is within (cycles broken). */
    static List<Place> parentsFirst(List<Place> places, Map<String, Place> byId) {
        List<Place> out = new ArrayList<>(places.size());
        Set<String> placed = new HashSet<>();
        Set<String> visiting = new HashSet<>();
        for (Place p : places) {
            visit(p, byId, placed, visiting, out);
        }
        return out;
    }

    private static void visit(Place p, Map<String, Place> byId, Set<String> placed, Set<String> visiting,
                              List<Place> out) {
        if (placed.contains(p.id()) || !visiting.add(p.id())) {
            return;
        }
        Place parent = p.within() == null ? null : byId.get(p.within());
        if (parent != null) {
            visit(parent, byId, placed, visiting, out);
        }
        visiting.remove(p.id());
        if (placed.add(p.id())) {
            out.add(p);
        }
    }
}
