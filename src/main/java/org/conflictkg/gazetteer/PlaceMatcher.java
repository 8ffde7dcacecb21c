package org.conflictkg.gazetteer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.conflictkg.facts.PlaceKind;
import org.conflictkg.names.NameKeys;

/**
 * Links a {@link PlaceQuery} to a gazetteer record, with a confidence.
 *
 * <p>Candidates are the records whose names match the query ({@link Gazetteer#lookup}). Each gets a
 * score in [0,1], a weighted sum of four signals:
 * <ul>
 * <li>name similarity (weight {@value #W_NAME}),</li>
 * <li>feature fit (weight {@value #W_FEATURE}): town/city/village want P.PPL*, province A.ADM1,
 * district ADM2/ADM3, country A.PCL*, neighbourhood P.PPLX,</li>
 * <li>context (weight {@value #W_CONTEXT}): agreement with the province the article names (admin1
 * code) and nearness to the article's other places; 0.5 when neither is known,</li>
 * <li>population (weight {@value #W_POPULATION}), a weak prior: log10(population) / 7.</li>
 * </ul>
 * A candidate in another country than the query's is kept but its score is multiplied by
 * {@value #COUNTRY_MISMATCH}.
 *
 * <p>The confidence of the best candidate is its share of a softmax over all candidates' scores
 * (temperature {@value #TEMPERATURE}: two candidates scoring alike share it, so neither is
 * linked) times its absolute quality ({@code (score - 0.45) / 0.4}, capped to [0,1]: a weak name
 * match is not trusted even if alone). At or above the threshold (default
 * {@value #DEFAULT_THRESHOLD}) the place is LINKED; below it AMBIGUOUS if the best candidate is
 * plausible (quality at least {@value #PLAUSIBLE}), else UNLINKED (with whatever weak candidates
 * there were). Mentions are tried as names only when the name finds nothing, and only those that
 * look like proper names ("Palmyra", not "the city"). Immutable and thread-safe.
 */
public final class PlaceMatcher {
    public static final double DEFAULT_THRESHOLD = 0.6;
    public static final int DEFAULT_CANDIDATES = 5;

    static final double W_NAME = 0.45;
    static final double W_FEATURE = 0.25;
    static final double W_CONTEXT = 0.20;
    static final double W_POPULATION = 0.10;
    static final double COUNTRY_MISMATCH = 0.4;
    /** Quality below which the best candidate is not even plausible: the place is UNLINKED. */
    static final double PLAUSIBLE = 0.25;
    static final double TEMPERATURE = 0.03;
    /** Distance (km) over which the nearness signal falls to 1/e. */
    static final double DISTANCE_SCALE_KM = 100;

    private final Gazetteer gazetteer;
    private final double threshold;
    private final int maxCandidates;

    public PlaceMatcher(Gazetteer gazetteer) {
        this(gazetteer, DEFAULT_THRESHOLD, DEFAULT_CANDIDATES);
    }

    private PlaceMatcher(Gazetteer gazetteer, double threshold, int maxCandidates) {
        this.gazetteer = gazetteer;
        this.threshold = threshold;
        this.maxCandidates = maxCandidates;
    }

    /** A matcher linking only at or above {@code threshold} (in [0,1]). */
    public PlaceMatcher withThreshold(double threshold) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in [0,1]: " + threshold);
        }
        return new PlaceMatcher(gazetteer, threshold, maxCandidates);
    }

    /** A matcher reporting at most {@code n} candidates per result. */
    public PlaceMatcher withMaxCandidates(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("need at least one candidate: " + n);
        }
        return new PlaceMatcher(gazetteer, threshold, n);
    }

    public Gazetteer gazetteer() {
        return gazetteer;
    }

    public double threshold() {
        return threshold;
    }

    /** Links one place. */
    public LinkResult link(PlaceQuery query) {
        return link(query, null);
    }

    /**
     * Links one place whose name the caller has already looked up: {@code hits} are
     * {@code gazetteer().lookup(query.name())} (for instance cached by name), or null to look it up here.
     * Same result as {@link #link(PlaceQuery)}.
     */
    public LinkResult link(PlaceQuery query, List<Gazetteer.NameHit> hits) {
        query = resolveProvince(query);
        List<Candidate> ranked = rank(query, hits);
        if (ranked.isEmpty()) {
            return new LinkResult(query, LinkResult.Status.UNLINKED, null, 0, List.of(), LinkResult.METHOD_MATCH,
                    null, null);
        }
        Candidate best = ranked.get(0);
        double confidence = confidence(ranked);
        LinkResult.Status status = confidence >= threshold ? LinkResult.Status.LINKED
                : quality(best.score()) >= PLAUSIBLE ? LinkResult.Status.AMBIGUOUS : LinkResult.Status.UNLINKED;
        List<Candidate> top = ranked.subList(0, Math.min(maxCandidates, ranked.size()));
        return result(query, status, best, confidence, top, LinkResult.METHOD_MATCH);
    }

    /** A LINKED result for a record chosen by someone else (a curated id), with confidence 1. */
    public LinkResult curated(PlaceQuery query, GeoNamesRecord record) {
        Candidate c = new Candidate(record, record.name(), 1, 1, featureFit(query.kind(), record), 0.5,
                populationPrior(record), Double.NaN);
        return result(query, LinkResult.Status.LINKED, c, 1.0, List.of(c), LinkResult.METHOD_CURATED);
    }

    private LinkResult result(PlaceQuery query, LinkResult.Status status, Candidate best, double confidence,
                              List<Candidate> top, String method) {
        GeoNamesRecord r = best.record();
        GeoNamesRecord province = r.isAdmin1() || r.isCountry() ? null
                : gazetteer.admin1(r.countryCode(), r.admin1()).orElse(null);
        GeoNamesRecord country = r.isCountry() ? null : gazetteer.country(r.countryCode()).orElse(null);
        return new LinkResult(query, status, best, confidence, top, method, province, country);
    }

    /**
     * The query with its province hint as an admin1 code: a hint that is not an admin1 code of
     * the query's country is taken as a province name and linked (kind province); if that links,
     * its code (and, when the query has none, its country) replace the hint, else the hint is
     * dropped. "Idlib" and "Idleb governorate" become admin1 "12" in SY.
     */
    public PlaceQuery resolveProvince(PlaceQuery query) {
        String hint = query.admin1();
        if (hint == null) {
            return query;
        }
        if (query.countryCode() != null && gazetteer.admin1(query.countryCode(), hint).isPresent()) {
            return query;
        }
        LinkResult province = link(PlaceQuery.builder(hint).kind(PlaceKind.PROVINCE).country(query.countryCode())
                .build());
        String code = null;
        String country = query.countryCode();
        if (province.isLinked() && province.best().record().isAdmin1()) {
            code = province.best().record().admin1();
            country = province.best().record().countryCode();
        }
        return new PlaceQuery(query.name(), query.mentions(), query.kind(), country, code, query.near());
    }

    /** All candidates for {@code query}, best first. */
    public List<Candidate> rank(PlaceQuery query) {
        return rank(query, null);
    }

    private List<Candidate> rank(PlaceQuery query, List<Gazetteer.NameHit> known) {
        query = resolveProvince(query);
        List<Gazetteer.NameHit> hits = known != null ? known : gazetteer.lookup(query.name());
        if (hits.isEmpty()) {
            for (String m : query.mentions()) {
                if (!looksLikeName(m)) {
                    continue;
                }
                hits = gazetteer.lookup(m);
                if (!hits.isEmpty()) {
                    break;
                }
            }
        }
        List<Candidate> out = new ArrayList<>(hits.size());
        for (Gazetteer.NameHit h : hits) {
            out.add(score(query, h));
        }
        out.sort(Comparator.comparingDouble(Candidate::score).reversed()
                .thenComparing(c -> -c.record().population())
                .thenComparingLong(c -> c.record().id()));
        return out;
    }

    private Candidate score(PlaceQuery q, Gazetteer.NameHit h) {
        GeoNamesRecord r = h.record();
        double feature = featureFit(q.kind(), r);
        double distance = Double.NaN;
        double contextSum = 0;
        int contextParts = 0;
        if (q.admin1() != null && q.countryCode() != null) {
            contextSum += q.admin1().equals(r.admin1()) && q.countryCode().equals(r.countryCode()) ? 1.0 : 0.15;
            contextParts++;
        }
        if (!q.near().isEmpty() && !Double.isNaN(r.latitude())) {
            distance = Double.POSITIVE_INFINITY;
            for (GeoPoint p : q.near()) {
                distance = Math.min(distance, GeoPoint.distanceKm(p.latitude(), p.longitude(), r.latitude(),
                        r.longitude()));
            }
            contextSum += Math.exp(-distance / DISTANCE_SCALE_KM);
            contextParts++;
        }
        double context = contextParts == 0 ? 0.5 : contextSum / contextParts;
        double population = populationPrior(r);
        double score = W_NAME * h.similarity() + W_FEATURE * feature + W_CONTEXT * context + W_POPULATION * population;
        if (q.countryCode() != null && !q.countryCode().equals(r.countryCode())) {
            score *= COUNTRY_MISMATCH;
        }
        return new Candidate(r, h.matchedName(), score, h.similarity(), feature, context, population, distance);
    }

    /**
     * True when every word of {@code phrase} is capitalised (or in another script), or is an
     * Arabic article or a designator: "Ras al-Ain", "Idlib province", not "the east".
     */
    static boolean looksLikeName(String phrase) {
        String[] words = phrase.strip().split("[\\s-]+");
        if (words.length == 0 || words[0].isEmpty()) {
            return false;
        }
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (w.isEmpty()) {
                continue;
            }
            int cp = w.codePointAt(0);
            String lower = w.toLowerCase(java.util.Locale.ROOT);
            boolean ok = Character.isUpperCase(cp) || Character.isDigit(cp)
                    || (Character.isLetter(cp) && !Character.isLowerCase(cp))
                    || NameKeys.ARTICLES.contains(lower) || (NameKeys.DESIGNATORS.contains(lower) && i > 0);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Softmax share of the best candidate times its absolute quality; see the class comment. */
    static double confidence(List<Candidate> ranked) {
        double best = ranked.get(0).score();
        double sum = 0;
        for (Candidate c : ranked) {
            sum += Math.exp((c.score() - best) / TEMPERATURE);
        }
        return quality(best) / sum;
    }

    /** Absolute quality of a score: (score - 0.45) / 0.4, capped to [0,1]. */
    static double quality(double score) {
        return Math.max(0, Math.min(1, (score - 0.45) / 0.4));
    }

    /** Population prior for populated places: log10(population + 1) / 7, capped at 1; 0.5 for others. */
    static double populationPrior(GeoNamesRecord r) {
        if (!"P".equals(r.featureClass())) {
            return 0.5;
        }
        return Math.min(1.0, Math.log10(r.population() + 1.0) / 7.0);
    }

    /** How well a record's feature class and code fit a place kind, in [0,1]. */
    static double featureFit(PlaceKind kind, GeoNamesRecord r) {
        String fc = r.featureClass();
        String code = r.featureCode();
        boolean populated = "P".equals(fc);
        boolean admin = "A".equals(fc);
        boolean country = r.isCountry();
        if (kind == null) {
            return populated || admin ? 0.7 : 0.5;
        }
        switch (kind) {
            case CITY, TOWN, VILLAGE -> {
                if (populated) {
                    return switch (code) {
                        case "PPLX" -> 0.5;
                        case "PPLH", "PPLQ", "PPLW" -> 0.4;
                        default -> 1.0;
                    };
                }
                return country ? 0.05 : admin ? 0.25 : 0.3;
            }
            case PROVINCE -> {
                if (admin) {
                    return switch (code) {
                        case "ADM1" -> 1.0;
                        case "ADM2" -> 0.6;
                        default -> country ? 0.1 : 0.4;
                    };
                }
                return populated && "PPLA".equals(code) ? 0.35 : 0.2;
            }
            case DISTRICT -> {
                if (admin) {
                    return switch (code) {
                        case "ADM2" -> 1.0;
                        case "ADM3" -> 0.9;
                        case "ADM1" -> 0.4;
                        default -> country ? 0.1 : 0.5;
                    };
                }
                return populated ? ("PPLX".equals(code) ? 0.7 : 0.35) : 0.3;
            }
            case COUNTRY -> {
                return country ? 1.0 : admin ? 0.2 : 0.05;
            }
            case REGION -> {
                // a region named after its town is not the town
                return country ? 0.3 : admin ? 0.7 : populated ? 0.1 : 0.5;
            }
            case NEIGHBOURHOOD -> {
                return populated ? ("PPLX".equals(code) ? 1.0 : 0.4) : 0.2;
            }
            default -> {
                return 0.3; // military sites and landmarks: not in a populated-places gazetteer
            }
        }
    }
}
