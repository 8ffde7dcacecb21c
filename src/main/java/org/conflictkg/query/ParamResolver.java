package org.conflictkg.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIs;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.vocabulary.RDF;
import org.conflictkg.gazetteer.Gazetteer;
import org.conflictkg.names.NameKeys;
import org.conflictkg.rdf.CKG;
import org.conflictkg.rdf.IriLib;
import org.conflictkg.rdf.OntologyLib;

/**
 * Turns query parameters given by name into the IRIs the queries bind: a {@code place} by any
 * spelling the store or the gazetteer knows, a GeoNames id or an IRI; {@code measure},
 * {@code status}, {@code side} and {@code kind} by their short codes ({@code killed},
 * {@code completed}, {@code government}, {@code town}). The values only ever become RDF terms
 * that are substituted into parsed queries; the store is searched with one fixed query.
 *
 * <p>An unknown name or code, and a name that fits more than one place, is bad input
 * ({@link KgQueryException}, exit 2) with a one-line message; for an ambiguous place the
 * message lists the candidates ({@link #placeCandidates} gives them as data).
 */
public final class ParamResolver {

    /** A place a name may stand for. */
    public record PlaceCandidate(Node place, String label, String kind, String geonamesId, boolean inStore) {
        /** One line: {@code Aleppo (city, GeoNames 170063) <IRI>}. */
        public String describe() {
            List<String> what = new ArrayList<>();
            if (kind != null) {
                what.add(kind);
            }
            if (geonamesId != null) {
                what.add("GeoNames " + geonamesId);
            }
            if (!inStore) {
                what.add("not in the store");
            }
            return label + (what.isEmpty() ? "" : " (" + String.join(", ", what) + ")") + " <" + place.getURI() + ">";
        }
    }

    /** Parameter names resolved as places. */
    public static final Set<String> PLACE_PARAMS = Set.of("place", "town", "territory");

    private static final Map<String, List<CKG.Scheme>> VOCAB_PARAMS = Map.of(
            "measure", List.of(CKG.Scheme.MEASURE),
            "status", List.of(CKG.Scheme.STATUS),
            "side", List.of(CKG.Scheme.SIDE),
            "qualifier", List.of(CKG.Scheme.QUALIFIER),
            "kind", List.of(CKG.Scheme.PLACE_KIND, CKG.Scheme.EVENT_TYPE, CKG.Scheme.ACTOR_KIND));

    private static final Query PLACE_NAMES = QueryFactory.create("""
            PREFIX ckg:  <https://w3id.org/conflict-kg/ontology#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX kg:   <https://w3id.org/conflict-kg/graph/>
            SELECT DISTINCT ?place ?label ?kind ?gn WHERE {
              GRAPH kg:reference { ?place a ckg:Place .
                                   OPTIONAL { ?place ckg:placeKind ?kind } OPTIONAL { ?place ckg:geonamesId ?gn } }
              { GRAPH kg:reference { ?place rdfs:label ?label } } UNION { ?place skos:prefLabel ?label }
            }""");

    private final QuerySource source;
    private final Supplier<Gazetteer> gazetteer;
    private final Duration timeout;
    private List<PlaceCandidate> storeNames;

    private ParamResolver(QuerySource source, Supplier<Gazetteer> gazetteer, Duration timeout) {
        this.source = source;
        this.gazetteer = gazetteer;
        this.timeout = timeout;
    }

    /** Resolves against a store, falling back to the bundled gazetteer for names the store lacks. */
    public static ParamResolver create(QuerySource source) {
        return create(source, Gazetteer::bundled);
    }

    /** Resolves against a store and a gazetteer (null: no gazetteer). */
    public static ParamResolver create(QuerySource source, Supplier<Gazetteer> gazetteer) {
        return new ParamResolver(Objects.requireNonNull(source), gazetteer, QueryRunner.DEFAULT_TIMEOUT);
    }

    /**
     * The parameters with every place name and short code replaced by its IRI; other values as
     * given. Only parameters the query takes as IRIs are touched (all of them, for a query that
     * declares no parameters).
     */
    public Map<String, String> resolve(NamedQuery query, Map<String, String> params) {
        Map<String, String> out = new LinkedHashMap<>();
        params.forEach((k, v) -> out.put(k, takesIri(query, k) ? resolve(k, v) : v));
        return out;
    }

    /**
     * One parameter: a place name to its place IRI, a short code to its concept IRI; IRIs and
     * anything else unchanged.
     */
    public String resolve(String param, String value) {
        if (PLACE_PARAMS.contains(param)) {
            return place(value).getURI();
        }
        String code = vocabulary(param, value);
        return code != null ? code : value;
    }

    /** Resolves the short codes of a query's parameters, which needs no store (for early checks). */
    public static Map<String, String> resolveCodes(NamedQuery query, Map<String, String> params) {
        Map<String, String> out = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            String code = takesIri(query, k) ? vocabulary(k, v) : null;
            out.put(k, code != null ? code : v);
        });
        return out;
    }

    /**
     * Checks what can be checked without a store: parameter names, required parameters, short
     * codes and the form of every value but place names (which only a store can resolve).
     */
    public static void check(NamedQuery query, Map<String, String> params) {
        Map<String, String> early = resolveCodes(query, params);
        early.replaceAll((k, v) -> {
            if (!PLACE_PARAMS.contains(k) || !takesIri(query, k)) {
                return v;
            }
            Node direct = direct(v.strip());
            return direct != null ? direct.getURI() : CKG.BASE + "place/";
        });
        query.bind(early);
    }

    /** The place a name, GeoNames id or IRI stands for; bad input if unknown or ambiguous. */
    public Node place(String value) {
        String v = value.strip();
        Node direct = direct(v);
        if (direct != null) {
            return direct;
        }
        List<PlaceCandidate> found = placeCandidates(v);
        if (found.isEmpty()) {
            throw KgQueryException.badInput("place \"" + v + "\": no place of that name in the store or the gazetteer"
                    + " (give a name, a GeoNames id or an IRI; query places lists them)");
        }
        if (found.size() > 1) {
            throw KgQueryException.badInput("place \"" + v + "\" is ambiguous; give the GeoNames id or the IRI of one of: "
                    + found.stream().map(PlaceCandidate::describe).collect(Collectors.joining("; ")));
        }
        return found.get(0).place();
    }

    /**
     * The places a name may stand for, best first: places of the store whose name is the same
     * once folded (case, accents, Arabic articles, "province"), else whose consonant skeleton is
     * the same (Saraqeb, Saraqib); when the store has none, the best matches of the gazetteer.
     * A GeoNames id or an IRI gives its one place.
     */
    public List<PlaceCandidate> placeCandidates(String value) {
        String v = value.strip();
        Node direct = direct(v);
        if (direct != null) {
            return List.of(storePlaces().stream().filter(c -> c.place().equals(direct)).findFirst()
                    .orElse(new PlaceCandidate(direct, direct.getURI(), null, null, false)));
        }
        String qn = NameKeys.normalize(v);
        String qk = NameKeys.key(v);
        if (qk.isEmpty() && qn.isEmpty()) {
            return List.of();
        }
        Map<Node, PlaceCandidate> exact = new LinkedHashMap<>();
        Map<Node, PlaceCandidate> similar = new LinkedHashMap<>();
        for (PlaceCandidate c : storePlaces()) {
            if (NameKeys.normalize(c.label()).equals(qn)) {
                exact.putIfAbsent(c.place(), c);
            } else if (!qk.isEmpty() && NameKeys.key(c.label()).equals(qk)) {
                similar.putIfAbsent(c.place(), c);
            }
        }
        // A place matched exactly by one name is not also a "similar" candidate by another.
        exact.keySet().forEach(similar::remove);
        if (!exact.isEmpty()) {
            return List.copyOf(exact.values());
        }
        if (!similar.isEmpty()) {
            return List.copyOf(similar.values());
        }
        return gazetteerCandidates(v);
    }

    private List<PlaceCandidate> gazetteerCandidates(String v) {
        if (gazetteer == null) {
            return List.of();
        }
        // Only names with the same key: the gazetteer's near misses (one edit away) are other places.
        String qk = NameKeys.key(v);
        List<Gazetteer.NameHit> hits = gazetteer.get().lookup(v).stream()
                .filter(h -> NameKeys.key(h.matchedName()).equals(qk)).toList();
        if (hits.isEmpty()) {
            return List.of();
        }
        double best = hits.get(0).similarity();
        Map<Node, PlaceCandidate> byIri = new LinkedHashMap<>();
        Map<Node, PlaceCandidate> stored = new LinkedHashMap<>();
        storePlaces().forEach(c -> stored.putIfAbsent(c.place(), c));
        for (Gazetteer.NameHit h : hits) {
            if (h.similarity() < best) {
                break;
            }
            Node iri = IriLib.geonamesPlace(Long.toString(h.record().id()));
            PlaceCandidate inStore = stored.get(iri);
            byIri.putIfAbsent(iri, inStore != null ? inStore
                    : new PlaceCandidate(iri, h.record().name() + ", " + h.record().countryCode(),
                            h.record().feature(), Long.toString(h.record().id()), false));
        }
        List<PlaceCandidate> inStore = byIri.values().stream().filter(PlaceCandidate::inStore).toList();
        return inStore.isEmpty() ? List.copyOf(byIri.values()) : inStore;
    }

    /** An IRI (angle brackets optional) or a GeoNames id; null for a name. */
    private static Node direct(String v) {
        String s = v.startsWith("<") && v.endsWith(">") ? v.substring(1, v.length() - 1) : v;
        if (s.startsWith("http://") || s.startsWith("https://") || s.startsWith("urn:")) {
            try {
                IRIs.checkEx(s);
            } catch (RuntimeException ex) {
                throw KgQueryException.badInput("place \"" + v + "\": not a valid IRI: " + ex.getMessage());
            }
            return NodeFactory.createURI(s);
        }
        if (s.matches("\\d{1,12}")) {
            return IriLib.geonamesPlace(s);
        }
        return null;
    }

    private synchronized List<PlaceCandidate> storePlaces() {
        if (storeNames == null) {
            List<PlaceCandidate> names = new ArrayList<>();
            source.execute(PLACE_NAMES, timeout, exec -> {
                RowSet rows = exec.select();
                rows.forEachRemaining(b -> {
                    Node kind = b.get("kind");
                    Node gn = b.get("gn");
                    names.add(new PlaceCandidate(b.get("place"), b.get("label").getLiteralLexicalForm(),
                            kind == null ? null : kind.getURI().replaceFirst("^.*/", ""),
                            gn == null ? null : gn.getLiteralLexicalForm(), true));
                });
                return null;
            });
            names.sort(Comparator.comparing((PlaceCandidate c) -> c.label()).thenComparing(c -> c.place().getURI()));
            storeNames = names;
        }
        return storeNames;
    }

    /**
     * The concept IRI of a short code for a vocabulary parameter ({@code measure=killed}); null
     * when the parameter is not one or the value is already an IRI. An unknown code is bad input.
     */
    public static String vocabulary(String param, String value) {
        List<CKG.Scheme> schemes = VOCAB_PARAMS.get(param);
        String v = value.strip();
        if (schemes == null || v.startsWith("<") || v.startsWith("http://") || v.startsWith("https://")) {
            return null;
        }
        Map<String, Node> codes = codes(schemes);
        Node hit = codes.get(v.toLowerCase(Locale.ROOT).replace(' ', '-').replace('_', '-'));
        if (hit == null) {
            throw KgQueryException.badInput("parameter " + param + "=" + value + ": unknown code (expected an IRI or one of "
                    + String.join(", ", codes.keySet()) + ")");
        }
        return hit.getURI();
    }

    /** The codes of the concepts in these schemes, by notation and lower-cased label; sorted. */
    static Map<String, Node> codes(List<CKG.Scheme> schemes) {
        Graph onto = OntologyLib.ontology();
        Node notation = NodeFactory.createURI(CKG.SKOS + "notation");
        Node concept = NodeFactory.createURI(CKG.SKOS + "Concept");
        Map<String, Node> codes = new TreeMap<>();
        onto.find(Node.ANY, RDF.type.asNode(), concept).forEachRemaining(t -> {
            Node c = t.getSubject();
            for (CKG.Scheme s : schemes) {
                if (c.isURI() && c.getURI().startsWith(s.namespace())) {
                    codes.putIfAbsent(c.getURI().substring(s.namespace().length()), c);
                    onto.find(c, notation, Node.ANY).forEachRemaining(
                            n -> codes.putIfAbsent(n.getObject().getLiteralLexicalForm().toLowerCase(Locale.ROOT), c));
                }
            }
        });
        return codes;
    }

    private static boolean takesIri(NamedQuery query, String param) {
        if (query.params().isEmpty()) {
            return PLACE_PARAMS.contains(param) || VOCAB_PARAMS.containsKey(param);
        }
        return query.params().stream().anyMatch(p -> p.name().equals(param) && p.type() == ParamType.IRI);
    }
}
