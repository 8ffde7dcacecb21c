package org.conflictkg.rdf;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The terms of the conflict-kg ontology ({@code ontology/conflict-kg.ttl}) and of the vocabularies
 * it aligns to, as Jena nodes. Every term used by the converter is here, so the ontology, the
 * SHACL shapes and the named queries can be checked against one list.
 */
public final class CKG {
    private CKG() {
    }

    /** Base of every IRI the project mints. */
    public static final String BASE = "https://w3id.org/conflict-kg/";
    /** Namespace of the ontology's own classes and properties. */
    public static final String NS = BASE + "ontology#";
    /** Base of the controlled values (status, qualifier, kinds, measures, event types, sides). */
    public static final String VOCAB = BASE + "vocab/";

    public static final String SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/";
    public static final String PROV = "http://www.w3.org/ns/prov#";
    public static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    public static final String SCHEMA = "https://schema.org/";
    public static final String GEO = "http://www.opengis.net/ont/geosparql#";
    public static final String GN = "http://www.geonames.org/ontology#";
    public static final String NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
    public static final String GEONAMES_FEATURE = "https://sws.geonames.org/";
    public static final String WIKIDATA_ENTITY = "http://www.wikidata.org/entity/";

    /** Graph names. */
    public static final String GRAPH = BASE + "graph/";
    public static final Node GRAPH_REFERENCE = iri(GRAPH + "reference");
    public static final Node GRAPH_LINKS = iri(GRAPH + "links");
    public static final Node GRAPH_DERIVED = iri(GRAPH + "derived");
    /**
     * In a store loaded over HTTP: present while the derived graph is behind the articles (written
     * before a load's first article, removed once the derived graph is rebuilt).
     */
    public static final Node GRAPH_DERIVE_PENDING = iri(GRAPH + "derive-pending");
    public static final Node GRAPH_ONTOLOGY = iri(GRAPH + "ontology");
    public static final Node GRAPH_META = iri(GRAPH + "meta");
    public static final String GRAPH_ARTICLE_PREFIX = GRAPH + "article/";

    // Classes
    public static final Node Actor = ckg("Actor");
    public static final Node Place = ckg("Place");
    public static final Node Highway = ckg("Highway");
    public static final Node RouteStop = ckg("RouteStop");
    public static final Node Event = ckg("Event");
    public static final Node ControlChange = ckg("ControlChange");
    public static final Node ControlPeriod = ckg("ControlPeriod");
    public static final Node Figure = ckg("Figure");
    public static final Node EvidenceSpan = ckg("EvidenceSpan");

    // Control
    public static final Node territory = ckg("territory");
    public static final Node fromActor = ckg("fromActor");
    public static final Node toActor = ckg("toActor");
    public static final Node controller = ckg("controller");
    public static final Node status = ckg("status");
    public static final Node startDate = ckg("startDate");
    public static final Node endDate = ckg("endDate");
    public static final Node asOf = ckg("asOf");

    // Events
    public static final Node against = ckg("against");
    public static final Node affectedGroup = ckg("affectedGroup");
    public static final Node distanceKm = ckg("distanceKm");
    public static final Node confidence = ckg("confidence");
    public static final Node dateText = ckg("dateText");
    public static final Node earliest = ckg("earliest");
    public static final Node latest = ckg("latest");
    public static final Node evidence = ckg("evidence");

    // Figures
    public static final Node measure = ckg("measure");
    public static final Node value = ckg("value");
    public static final Node low = ckg("low");
    public static final Node high = ckg("high");
    public static final Node qualifier = ckg("qualifier");
    public static final Node unit = ckg("unit");
    public static final Node group = ckg("group");
    public static final Node subject = ckg("subject");
    public static final Node aboutPlace = ckg("aboutPlace");
    public static final Node aboutHighway = ckg("aboutHighway");
    public static final Node periodStart = ckg("periodStart");
    public static final Node periodEnd = ckg("periodEnd");

    // Highways
    public static final Node routeStop = ckg("routeStop");
    public static final Node position = ckg("position");
    public static final Node stopPlace = ckg("stopPlace");
    public static final Node onHighway = ckg("onHighway");

    // Actors and places
    public static final Node actorKind = ckg("actorKind");
    public static final Node placeKind = ckg("placeKind");
    public static final Node side = ckg("side");
    public static final Node within = ckg("within");
    public static final Node alliedWith = ckg("alliedWith");
    public static final Node ledBy = ckg("ledBy");
    public static final Node memberOf = ckg("memberOf");
    public static final Node formerlyAffiliatedWith = ckg("formerlyAffiliatedWith");
    public static final Node basedIn = ckg("basedIn");
    public static final Node role = ckg("role");
    public static final Node geonamesId = ckg("geonamesId");
    public static final Node wikidataId = ckg("wikidataId");
    public static final Node localId = ckg("localId");

    // Store bookkeeping (written by the loader, see org.conflictkg.store)
    public static final Node contentHash = ckg("contentHash");
    public static final Node storeFormat = ckg("storeFormat");
    public static final Node derivePending = ckg("derivePending");
    public static final Node compactPending = ckg("compactPending");

    // Derived graph: timeline, merged events, disagreements
    public static final Node TimelinePeriod = ckg("TimelinePeriod");
    public static final Node MergedControlChange = ckg("MergedControlChange");
    public static final Node Disagreement = ckg("Disagreement");
    public static final Node HighwayControl = ckg("HighwayControl");
    public static final Node controllerSide = ckg("controllerSide");
    public static final Node toSide = ckg("toSide");
    public static final Node since = ckg("since");
    public static final Node sinceAsReported = ckg("sinceAsReported");
    public static final Node until = ckg("until");
    public static final Node startedBy = ckg("startedBy");
    public static final Node endedBy = ckg("endedBy");
    public static final Node supportedBy = ckg("supportedBy");
    public static final Node context = ckg("context");
    public static final Node sourceCount = ckg("sourceCount");
    public static final Node reportCount = ckg("reportCount");
    public static final Node earliestReported = ckg("earliestReported");
    public static final Node latestReported = ckg("latestReported");
    public static final Node disputed = ckg("disputed");
    public static final Node aspect = ckg("aspect");
    public static final Node version = ckg("version");
    public static final Node concerns = ckg("concerns");
    public static final Node onDate = ckg("onDate");
    public static final Node lengthKm = ckg("lengthKm");
    public static final Node share = ckg("share");
    public static final Node stretch = ckg("stretch");

    // Links graph: how a place was linked to the gazetteer
    public static final Node linkConfidence = ckg("linkConfidence");
    public static final Node linkMethod = ckg("linkMethod");

    // Aligned vocabularies
    public static final Node sem_Event = sem("Event");
    public static final Node sem_Actor = sem("Actor");
    public static final Node sem_Place = sem("Place");
    public static final Node sem_hasActor = sem("hasActor");
    public static final Node sem_hasPlace = sem("hasPlace");
    public static final Node sem_eventType = sem("eventType");
    public static final Node sem_hasTimeStamp = sem("hasTimeStamp");
    public static final Node sem_hasBeginTimeStamp = sem("hasBeginTimeStamp");
    public static final Node sem_hasEndTimeStamp = sem("hasEndTimeStamp");

    public static final Node prov_wasDerivedFrom = iri(PROV + "wasDerivedFrom");
    public static final Node prov_wasAttributedTo = iri(PROV + "wasAttributedTo");

    public static final Node skos_prefLabel = iri(SKOS + "prefLabel");
    public static final Node skos_altLabel = iri(SKOS + "altLabel");
    public static final Node skos_exactMatch = iri(SKOS + "exactMatch");

    public static final Node schema_NewsArticle = iri(SCHEMA + "NewsArticle");
    public static final Node schema_headline = iri(SCHEMA + "headline");
    public static final Node schema_publisher = iri(SCHEMA + "publisher");
    public static final Node schema_datePublished = iri(SCHEMA + "datePublished");
    public static final Node schema_url = iri(SCHEMA + "url");
    public static final Node schema_inLanguage = iri(SCHEMA + "inLanguage");
    public static final Node schema_contributor = iri(SCHEMA + "contributor");
    public static final Node schema_identifier = iri(SCHEMA + "identifier");

    public static final Node nif_Context = iri(NIF + "Context");
    public static final Node nif_String = iri(NIF + "String");
    public static final Node nif_isString = iri(NIF + "isString");
    public static final Node nif_beginIndex = iri(NIF + "beginIndex");
    public static final Node nif_endIndex = iri(NIF + "endIndex");
    public static final Node nif_anchorOf = iri(NIF + "anchorOf");
    public static final Node nif_referenceContext = iri(NIF + "referenceContext");

    public static final Node geo_hasGeometry = iri(GEO + "hasGeometry");
    public static final Node geo_asWKT = iri(GEO + "asWKT");
    public static final Node geo_Geometry = iri(GEO + "Geometry");
    public static final String geo_wktLiteral = GEO + "wktLiteral";

    /** Controlled value schemes under {@link #VOCAB}. */
    public enum Scheme {
        STATUS("status"), QUALIFIER("qualifier"), PLACE_KIND("place-kind"), ACTOR_KIND("actor-kind"),
        EVENT_TYPE("event-type"), MEASURE("measure"), SIDE("side");

        public final String path;

        Scheme(String path) {
            this.path = path;
        }

        /** The concept for a value: {@code VOCAB + path + "/" + code}; codes are facts@1 terms. */
        public Node concept(String code) {
            return iri(VOCAB + path + "/" + code);
        }

        public String namespace() {
            return VOCAB + path + "/";
        }
    }

    private static Node ckg(String local) {
        return iri(NS + local);
    }

    private static Node sem(String local) {
        return iri(SEM + local);
    }

    private static Node iri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
