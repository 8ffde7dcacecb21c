package org.conflictkg.export;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.conflictkg.query.NamedQueries;
import org.conflictkg.query.NamedQuery;
import org.conflictkg.query.QuerySource;
import org.conflictkg.rdf.CKG;
import org.conflictkg.geojson.GeoLib;
import org.locationtech.jts.geom.Geometry;

/**
 * Reads what exports need from a store, one place, article or highway at a time, so that an
 * export holds one unit's rows at once however large the store. Every query is parsed once;
 * the place, article graph, highway or day is substituted into the parsed query
 * ({@link QueryTransformOps#syntaxSubstitute}). The named queries are used where their rows are
 * what an export shows ({@code controller-at}, {@code timeline}); the others are below.
 */
public final class ExportReader {
    private static final String PREFIXES = """
            PREFIX ckg:    <https://w3id.org/conflict-kg/ontology#>
            PREFIX sem:    <http://semanticweb.cs.vu.nl/2009/11/sem/>
            PREFIX prov:   <http://www.w3.org/ns/prov#>
            PREFIX skos:   <http://www.w3.org/2004/02/skos/core#>
            PREFIX kg:     <https://w3id.org/conflict-kg/graph/>
            PREFIX rdfs:   <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX schema: <https://schema.org/>
            PREFIX nif:    <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
            PREFIX geo:    <http://www.opengis.net/ont/geosparql#>
            PREFIX xsd:    <http://www.w3.org/2001/XMLSchema#>
            """;

    private static final Query PLACES = parse("SELECT ?place WHERE { GRAPH kg:reference { ?place a ckg:Place } }");
    private static final Query PLACE_COUNT = parse("SELECT (COUNT(*) AS ?n) WHERE { GRAPH kg:reference { ?place a ckg:Place } }");
    private static final Query ARTICLES = parse("SELECT ?g WHERE { GRAPH ?g { ?g ckg:contentHash ?hash } }");
    private static final Query ARTICLE_COUNT = parse("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?g ckg:contentHash ?hash } }");
    private static final Query HIGHWAYS = parse("""
            SELECT ?highway (MIN(?name) AS ?label) WHERE { GRAPH kg:reference { ?highway a ckg:Highway OPTIONAL { ?highway rdfs:label ?name } } }
            GROUP BY ?highway ORDER BY ?label ?highway""");
    private static final Query LAST_DAY = parse("""
            SELECT (MAX(?day) AS ?last) WHERE {
              { ?period a ckg:TimelinePeriod ; ckg:since ?d } UNION { ?article schema:datePublished ?d }
              BIND (SUBSTR(STR(?d), 1, 10) AS ?day)
              FILTER (REGEX(?day, "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))
            }""");

    /** A place's names, ids and point. */
    private static final Query PLACE = parse("""
            SELECT (COALESCE(MIN(?pref), MIN(?name)) AS ?label) (MIN(?k) AS ?kind) (MIN(?gn) AS ?geonamesId)
                   (MIN(?wd) AS ?wikidataId) (MIN(?w) AS ?wkt)
            WHERE {
              GRAPH kg:reference { ?place a ckg:Place }
              OPTIONAL { GRAPH kg:reference { ?place ckg:placeKind ?k } }
              OPTIONAL { ?place skos:prefLabel ?pref }
              OPTIONAL { GRAPH kg:reference { ?place rdfs:label ?name } }
              OPTIONAL { GRAPH kg:reference { ?place ckg:geonamesId ?gn } }
              OPTIONAL { GRAPH kg:reference { ?place ckg:wikidataId ?wd } }
              OPTIONAL { GRAPH kg:links { ?place geo:hasGeometry/geo:asWKT ?w } FILTER (STRSTARTS(UCASE(REPLACE(STR(?w), "^\\\\s*<[^>]*>\\\\s*", "")), "POINT")) }
            }""");

    /** The places a place lies in, with their kinds (for admin1 and country). */
    private static final Query ANCESTORS = parse("""
            SELECT ?ancestor (MIN(?k) AS ?kind) (MIN(?name) AS ?label) WHERE {
              GRAPH kg:reference { ?place ckg:within+ ?ancestor OPTIONAL { ?ancestor ckg:placeKind ?k } OPTIONAL { ?ancestor rdfs:label ?name } }
            } GROUP BY ?ancestor""");

    /** The side of the timeline period holding a place on a day, and whether the change that began it is disputed. */
    private static final Query SIDE_ON = parse("""
            SELECT ?side ?disputed WHERE {
              ?period a ckg:TimelinePeriod ; ckg:territory ?place ; ckg:controllerSide ?side .
              OPTIONAL { ?period ckg:startedBy/ckg:disputed ?disputed }
              OPTIONAL { ?period ckg:since ?start }
              OPTIONAL { ?period ckg:until ?until }
              FILTER ((!BOUND(?start) || ?start <= ?date) && (!BOUND(?until) || ?date < ?until))
            }""");

    /** Events at a place, one row per event, with labels, sources and quotes. */
    private static final Query EVENTS = parse("""
            SELECT ?event ?type ?status ?date ?earliest ?latest ?article
                   (COALESCE(MIN(?fromPref), MIN(?fromName)) AS ?fromLabel)
                   (COALESCE(MIN(?toPref), MIN(?toName)) AS ?toLabel)
                   (GROUP_CONCAT(DISTINCT ?sourceLabel; SEPARATOR="; ") AS ?sources)
                   (GROUP_CONCAT(DISTINCT ?anchor; SEPARATOR=" | ") AS ?quote)
            WHERE {
              ?event a ckg:Event ; sem:hasPlace ?place ; prov:wasDerivedFrom ?article .
              OPTIONAL { ?event sem:eventType ?type }
              OPTIONAL { ?event ckg:status ?status }
              OPTIONAL { ?event sem:hasTimeStamp ?ts }
              OPTIONAL { ?event sem:hasBeginTimeStamp ?begin }
              BIND (COALESCE(?ts, ?begin) AS ?date)
              OPTIONAL { ?event ckg:earliest ?earliest }
              OPTIONAL { ?event ckg:latest ?latest }
              OPTIONAL { ?event ckg:fromActor ?from OPTIONAL { ?from skos:prefLabel ?fromPref } OPTIONAL { GRAPH kg:reference { ?from rdfs:label ?fromName } } }
              OPTIONAL { ?event ckg:toActor ?to OPTIONAL { ?to skos:prefLabel ?toPref } OPTIONAL { GRAPH kg:reference { ?to rdfs:label ?toName } } }
              OPTIONAL { ?event prov:wasAttributedTo ?attributed
                         OPTIONAL { ?attributed skos:prefLabel ?attPref } OPTIONAL { GRAPH kg:reference { ?attributed rdfs:label ?attName } } }
              OPTIONAL { ?article schema:publisher ?publisher
                         OPTIONAL { ?publisher skos:prefLabel ?pubPref } OPTIONAL { GRAPH kg:reference { ?publisher rdfs:label ?pubName } } }
              BIND (IF(BOUND(?attributed), COALESCE(?attPref, ?attName, STR(?attributed)),
                       COALESCE(?pubPref, ?pubName, STR(?publisher))) AS ?sourceLabel)
              OPTIONAL { ?event ckg:evidence/nif:anchorOf ?anchor }
            }
            GROUP BY ?event ?type ?status ?date ?earliest ?latest ?article
            ORDER BY ?date ?event""");

    /**
     * The control changes of a place, one row per change and source: the rows of the named query
     * control-changes for that place, with the change, the receiving actor's side, the kind of
     * date, and the deaths a figure of the same article reports for the place.
     */
    private static final Query CHANGES = parse("""
            SELECT ?change ?article ?place (COALESCE(MIN(?placePref), MIN(?placeName)) AS ?placeLabel)
                   ?fromActor (COALESCE(MIN(?fromPref), MIN(?fromName)) AS ?fromLabel)
                   ?toActor (COALESCE(MIN(?toPref), MIN(?toName)) AS ?toLabel) (MIN(?side) AS ?toSide)
                   ?status ?date ?range ?source
                   (MIN(IF(BOUND(?attributed), COALESCE(?attPref, ?attName), COALESCE(?pubPref, ?pubName))) AS ?sourceLabel)
                   (GROUP_CONCAT(DISTINCT ?anchor; SEPARATOR=" | ") AS ?quote)
            WHERE {
              ?change a ckg:ControlChange ; ckg:territory ?place ; prov:wasDerivedFrom ?article .
              # Names are looked up inside the OPTIONAL that binds their node: outside, a node left
              # unbound (no source, no fromActor) would match every named node, one row each.
              OPTIONAL { ?change ckg:fromActor ?fromActor
                         OPTIONAL { ?fromActor skos:prefLabel ?fromPref }
                         OPTIONAL { GRAPH kg:reference { ?fromActor rdfs:label ?fromName } } }
              OPTIONAL { ?change ckg:toActor ?toActor OPTIONAL { GRAPH kg:reference { ?toActor ckg:side ?side } }
                         OPTIONAL { ?toActor skos:prefLabel ?toPref }
                         OPTIONAL { GRAPH kg:reference { ?toActor rdfs:label ?toName } } }
              OPTIONAL { ?change ckg:status ?status }
              OPTIONAL { ?change sem:hasTimeStamp ?ts }
              OPTIONAL { ?change sem:hasBeginTimeStamp ?begin }
              BIND (COALESCE(?ts, ?begin) AS ?date)
              BIND (!BOUND(?ts) && BOUND(?begin) AS ?range)
              OPTIONAL { ?change prov:wasAttributedTo ?attributed
                         OPTIONAL { ?attributed skos:prefLabel ?attPref }
                         OPTIONAL { GRAPH kg:reference { ?attributed rdfs:label ?attName } } }
              OPTIONAL { ?article schema:publisher ?publisher
                         OPTIONAL { ?publisher skos:prefLabel ?pubPref }
                         OPTIONAL { GRAPH kg:reference { ?publisher rdfs:label ?pubName } } }
              BIND (COALESCE(?attributed, ?publisher) AS ?source)
              OPTIONAL { ?place skos:prefLabel ?placePref }
              OPTIONAL { GRAPH kg:reference { ?place rdfs:label ?placeName } }
              OPTIONAL { ?change ckg:evidence/nif:anchorOf ?anchor }
            }
            GROUP BY ?change ?article ?place ?fromActor ?toActor ?status ?date ?range ?source
            ORDER BY ?date ?change ?source""");

    /**
     * Deaths reported for a place, per article graph: the most its figures of measure killed
     * about the place give (each figure's value, else its low bound), within that graph.
     */
    private static final Query FATALITIES = parse("""
            SELECT ?g (MAX(COALESCE(?value, ?low)) AS ?killed) WHERE {
              GRAPH ?g { ?figure ckg:aboutPlace ?place ; ckg:measure <https://w3id.org/conflict-kg/vocab/measure/killed> .
                         OPTIONAL { ?figure ckg:value ?value }
                         OPTIONAL { ?figure ckg:low ?low } }
            } GROUP BY ?g""");

    /** The figures of one article graph, one row per figure and source, with labels and the place's point. */
    private static final Query FIGURES = parse("""
            SELECT ?figure ?article ?measure ?value ?low ?high ?qualifier ?unit ?group ?place
                   (COALESCE(MIN(?placePref), MIN(?placeName)) AS ?placeLabel) (MIN(?w) AS ?wkt)
                   (MIN(IF(BOUND(?attributed), COALESCE(?attPref, ?attName), COALESCE(?pubPref, ?pubName))) AS ?sourceLabel)
                   ?periodStart ?periodEnd ?asOf
                   (GROUP_CONCAT(DISTINCT ?anchor; SEPARATOR=" | ") AS ?quote)
            WHERE {
              GRAPH ?g { ?figure a ckg:Figure ; ckg:measure ?measure ; prov:wasDerivedFrom ?article .
                OPTIONAL { ?figure ckg:value ?value }
                OPTIONAL { ?figure ckg:low ?low }
                OPTIONAL { ?figure ckg:high ?high }
                OPTIONAL { ?figure ckg:qualifier ?qualifier }
                OPTIONAL { ?figure ckg:unit ?unit }
                OPTIONAL { ?figure ckg:group ?group }
                OPTIONAL { ?figure ckg:periodStart ?periodStart }
                OPTIONAL { ?figure ckg:periodEnd ?periodEnd }
                OPTIONAL { ?figure ckg:asOf ?asOf }
                OPTIONAL { ?figure ckg:evidence/nif:anchorOf ?anchor }
              }
              # Names are looked up only where the figure has a source or names a place: outside, an
              # unbound ?source or ?place would match any node.
              OPTIONAL { GRAPH ?g { ?figure prov:wasAttributedTo ?attributed }
                         OPTIONAL { ?attributed skos:prefLabel ?attPref }
                         OPTIONAL { GRAPH kg:reference { ?attributed rdfs:label ?attName } } }
              OPTIONAL { GRAPH ?g { ?article schema:publisher ?publisher }
                         OPTIONAL { ?publisher skos:prefLabel ?pubPref }
                         OPTIONAL { GRAPH kg:reference { ?publisher rdfs:label ?pubName } } }
              BIND (COALESCE(?attributed, ?publisher) AS ?source)
              OPTIONAL { GRAPH ?g { ?figure ckg:aboutPlace ?place }
                         OPTIONAL { ?place skos:prefLabel ?placePref }
                         OPTIONAL { GRAPH kg:reference { ?place rdfs:label ?placeName } }
                         OPTIONAL { GRAPH kg:links { ?place geo:hasGeometry/geo:asWKT ?w } } }
            }
            GROUP BY ?figure ?article ?measure ?value ?low ?high ?qualifier ?unit ?group ?place ?source ?periodStart ?periodEnd ?asOf
            ORDER BY ?figure ?source""");

    /** The stops of every route listing of a highway, with their points. */
    private static final Query ROUTE = parse("""
            SELECT ?g ?pos ?place ?w WHERE {
              GRAPH ?g { ?highway ckg:routeStop ?stop . ?stop ckg:position ?pos ; ckg:stopPlace ?place }
              OPTIONAL { GRAPH kg:links { ?place geo:hasGeometry/geo:asWKT ?w } }
            } ORDER BY ?g ?pos""");

    /** A place: its IRI, labels, ids, and point (null without coordinates). */
    public record Place(Node iri, String label, String kind, String geonamesId, String wikidataId, Geometry point,
                        String admin1, String country) {}

    private final QuerySource source;
    private final Duration timeout;
    private final NamedQuery controllerAt = NamedQueries.named("controller-at");
    private final NamedQuery timeline = NamedQueries.named("timeline");

    public ExportReader(QuerySource source, Duration timeout) {
        this.source = source;
        this.timeout = timeout;
    }

    static Query parse(String body) {
        return QueryFactory.create(PREFIXES + body);
    }

    /** Runs {@code q} with these variables bound, handing each row to {@code row}. */
    void select(Query q, Map<String, Node> bind, Consumer<Binding> row) {
        select(q, bind, timeout, row);
    }

    /**
     * Streams the units of an export (places, article graphs): the query stays open while each
     * unit is exported, so it has no timeout of its own; each unit's queries have theirs.
     */
    private void stream(Query q, Consumer<Binding> row) {
        select(q, Map.of(), UNITS_TIMEOUT, row);
    }

    private static final Duration UNITS_TIMEOUT = Duration.ofDays(7);

    private void select(Query q, Map<String, Node> bind, Duration limit, Consumer<Binding> row) {
        Query bound = bind.isEmpty() ? q : QueryTransformOps.syntaxSubstitute(q, vars(bind));
        source.execute(bound, limit, exec -> {
            exec.select().forEachRemaining(row);
            return null;
        });
    }

    List<Binding> rows(Query q, Map<String, Node> bind) {
        List<Binding> out = new ArrayList<>();
        select(q, bind, out::add);
        return out;
    }

    private static Map<Var, Node> vars(Map<String, Node> bind) {
        Map<Var, Node> m = new HashMap<>();
        bind.forEach((k, v) -> m.put(Var.alloc(k), v));
        return m;
    }

    /** Every place, streamed. */
    public void places(Consumer<Node> each) {
        stream(PLACES, b -> each.accept(b.get("place")));
    }

    public long placeCount() {
        return count(PLACE_COUNT);
    }

    /** Every article graph, streamed. */
    public void articleGraphs(Consumer<Node> each) {
        stream(ARTICLES, b -> each.accept(b.get("g")));
    }

    public long articleCount() {
        return count(ARTICLE_COUNT);
    }

    private long count(Query q) {
        long[] n = {0};
        select(q, Map.of(), b -> n[0] = Long.parseLong(b.get("n").getLiteralLexicalForm()));
        return n[0];
    }

    /** The latest day the store knows (a timeline period's start or an article's publication), or null. */
    public String lastDay() {
        String[] day = {null};
        select(LAST_DAY, Map.of(), b -> day[0] = b.get("last") == null ? null : b.get("last").getLiteralLexicalForm());
        return day[0];
    }

    /** One place with its names, ids, point, province and country. */
    public Place place(Node iri) {
        List<Binding> rows = rows(PLACE, Map.of("place", iri));
        Binding b = rows.isEmpty() ? null : rows.get(0);
        String admin1 = null;
        String country = null;
        for (Binding a : rows(ANCESTORS, Map.of("place", iri))) {
            String kind = local(a.get("kind"));
            if ("province".equals(kind) && admin1 == null) {
                admin1 = text(a.get("label"));
            } else if ("country".equals(kind) && country == null) {
                country = text(a.get("label"));
            }
        }
        String kind = b == null ? null : local(b.get("kind"));
        if ("country".equals(kind)) {
            country = b == null ? null : text(b.get("label"));
        }
        return new Place(iri, b == null ? null : text(b.get("label")), kind,
                b == null ? null : text(b.get("geonamesId")), b == null ? null : text(b.get("wikidataId")),
                b == null ? null : GeoLib.wkt(b.get("wkt")), admin1, country);
    }

    /** The rows of {@code controller-at} for one place and day (at most one, from the timeline). */
    public List<Binding> controllerAt(Node place, String day) {
        return rows(controllerAt.bind(Map.of("date", day, "place", place.getURI())), Map.of());
    }

    /** Who holds a place on a day, by the timeline: the side's code, and whether a source disputes the change that began it. */
    public record Hold(String side, boolean disputed) {}

    /**
     * The timeline's side for a place on a day; null if none. Where the timeline has more than one
     * period on the day, their sides are joined with {@code " / "}.
     */
    public Hold holdOn(Node place, String day) {
        List<Binding> rows = rows(SIDE_ON, Map.of("place", place, "date", NodeFactory.createLiteralDT(day, XSDDatatype.XSDdate)));
        if (rows.isEmpty()) {
            return null;
        }
        java.util.TreeSet<String> sides = new java.util.TreeSet<>();
        boolean disputed = false;
        for (Binding b : rows) {
            sides.add(local(b.get("side")));
            Node d = b.get("disputed");
            disputed |= d != null && "true".equals(d.getLiteralLexicalForm());
        }
        return new Hold(String.join(" / ", sides), disputed);
    }

    /** The rows of the named query {@code timeline} for one place. */
    public List<Binding> periods(Node place) {
        return rows(timeline.bind(Map.of("place", place.getURI())), Map.of());
    }

    /** The events at one place. */
    public void events(Node place, Consumer<Binding> each) {
        select(EVENTS, Map.of("place", place), each);
    }

    /** The control changes of one place, one row per change and source (read before they are handed on). */
    public List<Binding> changes(Node place) {
        return rows(CHANGES, Map.of("place", place));
    }

    /**
     * The most deaths the figures of each article report for {@code place}, by article (only
     * articles with such a figure), from one query for the place: a figure counts only in its
     * own article's graph.
     */
    public Map<Node, String> fatalities(Node place) {
        Map<Node, String> out = new HashMap<>();
        String prefix = CKG.BASE + "article/";
        select(FATALITIES, Map.of("place", place), b -> {
            Node g = b.get("g");
            String killed = text(b.get("killed"));
            if (g != null && g.isURI() && killed != null && g.getURI().startsWith(CKG.GRAPH_ARTICLE_PREFIX)) {
                out.put(NodeFactory.createURI(prefix + g.getURI().substring(CKG.GRAPH_ARTICLE_PREFIX.length())), killed);
            }
        });
        return out;
    }

    /** The figures of one article graph. */
    public void figures(Node articleGraph, Consumer<Binding> each) {
        select(FIGURES, Map.of("g", articleGraph), each);
    }

    /** The highways, with their labels. */
    public List<Binding> highways() {
        return rows(HIGHWAYS, Map.of());
    }

    /**
     * A highway's route: the stops of its longest listing (as {@code derive} takes it) that have
     * coordinates, in order.
     */
    public List<Node[]> route(Node highway) {
        Map<Node, List<Node[]>> byGraph = new HashMap<>();
        select(ROUTE, Map.of("highway", highway), b -> {
            List<Node[]> stops = byGraph.computeIfAbsent(b.get("g"), k -> new ArrayList<>());
            Node place = b.get("place");
            if (stops.isEmpty() || !stops.get(stops.size() - 1)[0].equals(place)) {
                stops.add(new Node[] {place, b.get("w")});
            }
        });
        List<Node[]> longest = byGraph.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(Node::getURI)))
                .map(Map.Entry::getValue)
                .max(java.util.Comparator.comparingInt(List::size)).orElse(List.of());
        return longest.stream().filter(s -> s[1] != null).toList();
    }

    /** The lexical form of a literal, the IRI of an IRI; null for null. */
    static String text(Node n) {
        if (n == null) {
            return null;
        }
        return n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : n.toString();
    }

    /** The last path segment of a vocabulary IRI ({@code .../status/partial} gives {@code partial}). */
    static String local(Node n) {
        if (n == null) {
            return null;
        }
        String s = text(n);
        return s.substring(s.lastIndexOf('/') + 1);
    }
}
