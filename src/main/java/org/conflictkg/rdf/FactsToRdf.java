package org.conflictkg.rdf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.conflictkg.facts.Actor;
import org.conflictkg.facts.ActorRegistry;
import org.conflictkg.facts.Article;
import org.conflictkg.facts.ArticleFacts;
import org.conflictkg.facts.ControlState;
import org.conflictkg.facts.DateSpec;
import org.conflictkg.facts.Event;
import org.conflictkg.facts.Evidence;
import org.conflictkg.facts.FactsEnum;
import org.conflictkg.facts.Figure;
import org.conflictkg.facts.Highway;
import org.conflictkg.facts.Place;
import org.conflictkg.facts.PlaceKind;
import org.conflictkg.facts.ReducedDate;
import org.conflictkg.names.NameFolding;

/**
 * Converts one validated facts document to quads, sent to a {@link StreamRDF}:
 * what the article says goes into its own graph ({@code graph/article/{id}}); the identity of
 * canonical places, actors and highways (types, registry names and sides, GeoNames ids) into
 * {@link CKG#GRAPH_REFERENCE}. The names, kinds and parents an article gives shared places,
 * actors, publishers and highways are said in its graph (provenance) and also stated in the
 * reference graph, where a place has one entry per distinct spelling rather than one per
 * mentioning article: queries look names up there, at a cost bounded by the names, not the
 * corpus (docs/ontology.md, "Names of shared nodes"). Output depends only on the input: converting the same facts twice
 * gives the same quads, in the same order: the reference graph's, then the article's. Each quad
 * is sent once per document; across documents the reference
 * quads repeat (a dataset keeps one; {@link RdfOutputLib#dedupReference} drops repeats in a stream).
 *
 * <p>Memory is bounded by one document: documents are converted one at a time.
 */
public final class FactsToRdf {

    private final ActorRegistry registry;
    private final boolean includeText;

    private FactsToRdf(Builder b) {
        this.registry = b.registry;
        this.includeText = b.includeText;
    }

    public static Builder create() {
        return new Builder();
    }

    /** Settings of the converter, with their defaults. */
    public static final class Builder {
        private ActorRegistry registry = ActorRegistry.bundled();
        private boolean includeText = true;

        /** The registry that resolves actors to canonical ones. Default: the bundled registry. */
        public Builder registry(ActorRegistry registry) {
            this.registry = Objects.requireNonNull(registry);
            return this;
        }

        /** Whether the article body goes into the graph ({@code nif:isString}). Default: true. */
        public Builder includeText(boolean includeText) {
            this.includeText = includeText;
            return this;
        }

        public FactsToRdf build() {
            return new FactsToRdf(this);
        }
    }

    /** The graph that holds what an article says. */
    public static Node articleGraph(ArticleFacts facts) {
        return IriLib.articleGraph(facts.article().id());
    }

    /** Converts one document; sends its quads to {@code out} (without start/finish). */
    public void convert(ArticleFacts facts, StreamRDF out) {
        new Conversion(facts, out).run();
    }

    /** The canonical IRI of each place of a document, by local id. */
    public static Map<String, Node> placeIris(ArticleFacts facts) {
        Map<String, Place> byId = new HashMap<>();
        facts.places().forEach(p -> byId.put(p.id(), p));
        Map<String, Node> iris = new HashMap<>();
        for (Place p : facts.places()) {
            iris.put(p.id(), placeIri(p, byId));
        }
        return iris;
    }

    private static Node placeIri(Place p, Map<String, Place> byId) {
        if (p.geonames() != null) {
            return IriLib.geonamesPlace(p.geonames());
        }
        if (p.kind() == PlaceKind.COUNTRY) {
            return IriLib.namedPlace(p.name(), null, null);
        }
        return IriLib.namedPlace(p.name(), kindGroup(p.kind()), countryKey(p, byId));
    }

    /** Kinds that name the same sort of thing: articles may call one place a town or a city. */
    static String kindGroup(PlaceKind kind) {
        if (kind == null) {
            return "area";
        }
        return switch (kind) {
            case CITY, TOWN, VILLAGE, NEIGHBOURHOOD -> "settlement";
            case MILITARY_SITE, LANDMARK -> "site";
            case COUNTRY, PROVINCE, DISTRICT, REGION -> "area";
        };
    }

    /** The country a place is in, by GeoNames id or folded name; null if its chain names none. */
    static String countryKey(Place p, Map<String, Place> byId) {
        Set<String> seen = new HashSet<>();
        for (Place cur = p; cur != null && seen.add(cur.id()); cur = cur.within() == null ? null : byId.get(cur.within())) {
            if (cur.kind() == PlaceKind.COUNTRY) {
                return cur.geonames() != null ? cur.geonames() : NameFolding.slug(cur.name());
            }
        }
        return null;
    }

    private final class Conversion {
        private final ArticleFacts f;
        private final StreamRDF out;
        private final Set<Quad> sent = new LinkedHashSet<>(1024);
        private final String aid;
        private final Node graph;
        private final Node article;
        private final Map<String, Node> actors = new HashMap<>();
        private final Map<String, Node> places;
        private final Map<String, Node> highways = new HashMap<>();

        Conversion(ArticleFacts f, StreamRDF out) {
            this.f = f;
            this.out = out;
            this.aid = f.article().id();
            this.graph = IriLib.articleGraph(aid);
            this.article = IriLib.article(aid);
            this.places = placeIris(f);
        }

        void run() {
            actors();
            places();
            articleNode();
            highways();
            f.events().forEach(this::event);
            f.controlStates().forEach(this::controlState);
            f.figures().forEach(this::figure);
            // Reference quads first, then the article's: writers then print one block per graph.
            sent.stream().filter(q -> q.getGraph().equals(CKG.GRAPH_REFERENCE)).forEach(out::quad);
            sent.stream().filter(q -> !q.getGraph().equals(CKG.GRAPH_REFERENCE)).forEach(out::quad);
        }

        // -------------------------------------------------------------- emit

        private void quad(Node g, Node s, Node p, Node o) {
            if (o == null) {
                return;
            }
            sent.add(Quad.create(g, s, p, o));
        }

        private void say(Node s, Node p, Node o) {
            quad(graph, s, p, o);
        }

        private void ref(Node s, Node p, Node o) {
            quad(CKG.GRAPH_REFERENCE, s, p, o);
        }

        private void sayText(Node s, Node p, String text) {
            if (text != null) {
                say(s, p, NodeFactory.createLiteralString(text));
            }
        }

        /** Says it in the article's graph and states it in the reference graph. */
        private void sayShared(Node s, Node p, Node o) {
            say(s, p, o);
            ref(s, p, o);
        }

        private void sayTextShared(Node s, Node p, String text) {
            if (text != null) {
                sayShared(s, p, NodeFactory.createLiteralString(text));
            }
        }

        private void sayAll(Node s, Node p, List<String> ids, Map<String, Node> iris) {
            for (String id : ids) {
                say(s, p, iris.get(id));
            }
        }

        // -------------------------------------------------------------- identity

        private void actors() {
            for (Actor a : f.actors()) {
                Optional<ActorRegistry.Entry> entry = registry.resolve(a);
                Node iri = entry.map(e -> IriLib.registryActor(e.id())).orElseGet(() -> IriLib.namedActor(a.name()));
                actors.put(a.id(), iri);
                referenceActor(iri, entry);
            }
            for (Actor a : f.actors()) {
                Node s = actors.get(a.id());
                sayTextShared(s, RDFS.label.asNode(), a.name());
                say(s, CKG.actorKind, concept(CKG.Scheme.ACTOR_KIND, a.kind()));
                if (a.side() != null) {
                    say(s, CKG.side, CKG.Scheme.SIDE.concept(a.side()));
                }
                a.mentions().forEach(m -> sayText(s, CKG.skos_altLabel, m));
                sayAll(s, CKG.alliedWith, a.alliedWith(), actors);
                say(s, CKG.ledBy, a.ledBy() == null ? null : actors.get(a.ledBy()));
                say(s, CKG.memberOf, a.memberOf() == null ? null : actors.get(a.memberOf()));
                sayAll(s, CKG.formerlyAffiliatedWith, a.formerlyAffiliatedWith(), actors);
                sayText(s, CKG.basedIn, a.basedIn());
                sayText(s, CKG.role, a.role());
                wikidata(s, a.wikidata(), this::say);
            }
        }

        private void referenceActor(Node iri, Optional<ActorRegistry.Entry> entry) {
            ref(iri, RDF.type.asNode(), CKG.Actor);
            ref(iri, RDF.type.asNode(), CKG.sem_Actor);
            entry.ifPresent(e -> {
                ref(iri, CKG.skos_prefLabel, NodeFactory.createLiteralString(e.name()));
                ref(iri, CKG.actorKind, CKG.Scheme.ACTOR_KIND.concept(e.kind().code()));
                if (e.side() != null) {
                    ref(iri, CKG.side, CKG.Scheme.SIDE.concept(e.side()));
                }
                wikidata(iri, e.wikidata(), this::ref);
            });
        }

        private interface Sink {
            void emit(Node s, Node p, Node o);
        }

        private void wikidata(Node s, String qid, Sink sink) {
            if (qid != null) {
                sink.emit(s, CKG.wikidataId, NodeFactory.createLiteralString(qid));
                sink.emit(s, CKG.skos_exactMatch, IriLib.wikidataEntity(qid));
            }
        }

        private void places() {
            for (Place p : f.places()) {
                Node s = places.get(p.id());
                ref(s, RDF.type.asNode(), CKG.Place);
                ref(s, RDF.type.asNode(), CKG.sem_Place);
                if (p.geonames() != null) {
                    ref(s, CKG.geonamesId, NodeFactory.createLiteralString(p.geonames()));
                    ref(s, CKG.skos_exactMatch, IriLib.geonamesFeature(p.geonames()));
                }
                sayTextShared(s, RDFS.label.asNode(), p.name());
                sayShared(s, CKG.placeKind, concept(CKG.Scheme.PLACE_KIND, p.kind()));
                sayShared(s, CKG.within, p.within() == null ? null : places.get(p.within()));
                p.mentions().forEach(m -> sayText(s, CKG.skos_altLabel, m));
                wikidata(s, p.wikidata(), this::sayShared);
            }
        }

        private void articleNode() {
            Article a = f.article();
            say(article, RDF.type.asNode(), CKG.schema_NewsArticle);
            sayText(article, CKG.schema_identifier, a.id());
            sayText(article, CKG.schema_headline, a.title());
            if (a.publisher() != null) {
                Optional<ActorRegistry.Entry> entry = registry.byName(a.publisher());
                Node pub = entry.map(e -> IriLib.registryActor(e.id())).orElseGet(() -> IriLib.namedActor(a.publisher()));
                referenceActor(pub, entry);
                if (entry.isEmpty()) {
                    ref(pub, CKG.actorKind, CKG.Scheme.ACTOR_KIND.concept("publisher"));
                }
                say(article, CKG.schema_publisher, pub);
                sayTextShared(pub, RDFS.label.asNode(), a.publisher());
            }
            say(article, CKG.schema_datePublished, date(a.published()));
            if (a.url() != null) {
                say(article, CKG.schema_url, NodeFactory.createLiteralDT(a.url(), XSDDatatype.XSDanyURI));
            }
            sayText(article, CKG.schema_inLanguage, a.language());
            sayAll(article, CKG.schema_contributor, a.credits(), actors);
            if (a.text() != null && includeText) {
                say(article, RDF.type.asNode(), CKG.nif_Context);
                sayText(article, CKG.nif_isString, a.text());
            }
        }

        private void highways() {
            Map<String, Place> byId = new HashMap<>();
            f.places().forEach(p -> byId.put(p.id(), p));
            for (Highway h : f.highways()) {
                String country = h.route().stream().map(byId::get).filter(Objects::nonNull)
                        .map(p -> countryKey(p, byId)).filter(Objects::nonNull).findFirst().orElse(null);
                Node s = IriLib.highway(h.name(), country);
                highways.put(h.id(), s);
                ref(s, RDF.type.asNode(), CKG.Highway);
                ref(s, RDF.type.asNode(), CKG.sem_Place);
                sayTextShared(s, RDFS.label.asNode(), h.name());
                for (int i = 0; i < h.route().size(); i++) {
                    Node stop = IriLib.routeStop(aid, h.id(), i + 1);
                    say(s, CKG.routeStop, stop);
                    say(stop, RDF.type.asNode(), CKG.RouteStop);
                    say(stop, CKG.onHighway, s);
                    say(stop, CKG.position, integer(i + 1));
                    say(stop, CKG.stopPlace, places.get(h.route().get(i)));
                }
                evidence(s, h.evidence());
            }
        }

        // -------------------------------------------------------------- facts

        private void event(Event e) {
            Node s = IriLib.event(aid, e.id());
            say(s, RDF.type.asNode(), CKG.Event);
            say(s, RDF.type.asNode(), CKG.sem_Event);
            say(s, CKG.sem_eventType, CKG.Scheme.EVENT_TYPE.concept(e.type()));
            sayText(s, CKG.localId, e.id());
            sayText(s, RDFS.label.asNode(), e.name());
            Node place = e.place() == null ? null : places.get(e.place());
            Node highway = e.highway() == null ? null : highways.get(e.highway());
            if (e.isControlChange()) {
                say(s, RDF.type.asNode(), CKG.ControlChange);
                say(s, CKG.territory, place != null ? place : highway);
            }
            say(s, CKG.sem_hasPlace, place);
            say(s, CKG.sem_hasPlace, highway);
            sayAll(s, CKG.sem_hasPlace, e.places(), places);
            if (e.from() != null) {
                say(s, CKG.fromActor, actors.get(e.from()));
                say(s, CKG.sem_hasActor, actors.get(e.from()));
            }
            if (e.to() != null) {
                say(s, CKG.toActor, actors.get(e.to()));
                say(s, CKG.sem_hasActor, actors.get(e.to()));
            }
            sayAll(s, CKG.sem_hasActor, e.actors(), actors);
            sayAll(s, CKG.against, e.against(), actors);
            sayAll(s, CKG.sem_hasActor, e.against(), actors);
            say(s, CKG.status, concept(CKG.Scheme.STATUS, e.status()));
            sayText(s, CKG.affectedGroup, e.group());
            say(s, CKG.distanceKm, decimal(e.distanceKm()));
            dates(s, e.date(), CKG.sem_hasTimeStamp, CKG.sem_hasBeginTimeStamp, CKG.sem_hasEndTimeStamp);
            sayText(s, CKG.dateText, e.dateText());
            say(s, CKG.confidence, confidence(e.confidence()));
            provenance(s, e.according(), e.evidence());
        }

        private void controlState(ControlState c) {
            String key = String.join("|", c.place(), c.controller(), String.valueOf(c.from()), String.valueOf(c.to()),
                    String.valueOf(c.asOf()), c.status() == null ? "" : c.status().code());
            Node s = IriLib.controlPeriod(aid, key);
            say(s, RDF.type.asNode(), CKG.ControlPeriod);
            say(s, CKG.territory, places.get(c.place()));
            say(s, CKG.controller, actors.get(c.controller()));
            say(s, CKG.startDate, date(c.from()));
            say(s, CKG.endDate, date(c.to()));
            say(s, CKG.asOf, date(c.asOf()));
            if (c.from() != null) {
                say(s, CKG.earliest, day(c.from().firstDay()));
            }
            if (c.to() != null) {
                say(s, CKG.latest, day(c.to().lastDay()));
            }
            say(s, CKG.status, concept(CKG.Scheme.STATUS, c.status()));
            provenance(s, List.of(), c.evidence());
        }

        private void figure(Figure fg) {
            Node s = IriLib.figure(aid, fg.id());
            say(s, RDF.type.asNode(), CKG.Figure);
            sayText(s, CKG.localId, fg.id());
            say(s, CKG.measure, CKG.Scheme.MEASURE.concept(fg.measure()));
            say(s, CKG.value, decimal(fg.value()));
            say(s, CKG.low, decimal(fg.low()));
            say(s, CKG.high, decimal(fg.high()));
            say(s, CKG.qualifier, concept(CKG.Scheme.QUALIFIER, fg.qualifier()));
            sayText(s, CKG.unit, fg.unit());
            sayText(s, CKG.group, fg.group());
            say(s, CKG.subject, fg.subject() == null ? null : actors.get(fg.subject()));
            say(s, CKG.aboutPlace, fg.place() == null ? null : places.get(fg.place()));
            sayAll(s, CKG.aboutPlace, fg.places(), places);
            say(s, CKG.aboutHighway, fg.highway() == null ? null : highways.get(fg.highway()));
            dates(s, fg.period(), CKG.periodStart, CKG.periodStart, CKG.periodEnd);
            if (fg.period() != null && !fg.period().interval()) {
                say(s, CKG.periodEnd, date(fg.period().to()));
            }
            say(s, CKG.asOf, date(fg.asOf()));
            sayText(s, CKG.dateText, fg.dateText());
            say(s, CKG.confidence, confidence(fg.confidence()));
            provenance(s, fg.according(), fg.evidence());
        }

        /** A single date as {@code single}; an interval's ends as {@code begin}/{@code end}; plus day bounds. */
        private void dates(Node s, DateSpec d, Node single, Node begin, Node end) {
            if (d == null) {
                return;
            }
            if (d.interval()) {
                say(s, begin, date(d.from()));
                say(s, end, date(d.to()));
            } else {
                say(s, single, date(d.from()));
            }
            LocalDate first = d.earliest();
            LocalDate last = d.latest();
            if (first != null) {
                say(s, CKG.earliest, day(first));
            }
            if (last != null) {
                say(s, CKG.latest, day(last));
            }
        }

        private void provenance(Node s, List<String> according, List<Evidence> evidence) {
            say(s, CKG.prov_wasDerivedFrom, article);
            sayAll(s, CKG.prov_wasAttributedTo, according, actors);
            evidence(s, evidence);
        }

        private void evidence(Node s, List<Evidence> evidence) {
            for (Evidence ev : evidence) {
                Node span = IriLib.evidence(aid, ev.start(), ev.end());
                say(s, CKG.evidence, span);
                say(span, RDF.type.asNode(), CKG.EvidenceSpan);
                say(span, RDF.type.asNode(), CKG.nif_String);
                say(span, CKG.nif_beginIndex, nonNegative(ev.start()));
                say(span, CKG.nif_endIndex, nonNegative(ev.end()));
                sayText(span, CKG.nif_anchorOf, ev.quote());
                say(span, CKG.nif_referenceContext, article);
            }
        }
    }

    // ------------------------------------------------------------------ literals

    static Node concept(CKG.Scheme scheme, FactsEnum value) {
        return value == null ? null : scheme.concept(value.code());
    }

    /**
     * Date literals repeat across a corpus (a few thousand days) and Jena validates each literal
     * it makes: they are made once. Bounded, like {@code NameFolding}'s cache; nodes are immutable,
     * so sharing them between threads and documents changes nothing in the output.
     */
    private static final ConcurrentHashMap<Object, Node> DATES = new ConcurrentHashMap<>();
    private static final int DATES_MAX = 50_000;

    private static Node cachedDate(Object key, java.util.function.Supplier<Node> make) {
        Node n = DATES.get(key);
        if (n == null) {
            n = make.get();
            if (DATES.size() < DATES_MAX) {
                DATES.put(key, n);
            }
        }
        return n;
    }

    /** A reduced-precision date as xsd:gYear, xsd:gYearMonth or xsd:date. */
    public static Node date(ReducedDate d) {
        if (d == null) {
            return null;
        }
        return cachedDate(d, () -> makeDate(d));
    }

    private static Node makeDate(ReducedDate d) {
        XSDDatatype type = switch (d.precision()) {
            case YEAR -> XSDDatatype.XSDgYear;
            case MONTH -> XSDDatatype.XSDgYearMonth;
            case DAY -> XSDDatatype.XSDdate;
        };
        return NodeFactory.createLiteralDT(d.toString(), type);
    }

    static Node day(LocalDate d) {
        return cachedDate(d, () -> NodeFactory.createLiteralDT(d.toString(), XSDDatatype.XSDdate));
    }

    static Node integer(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }

    static Node nonNegative(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDnonNegativeInteger);
    }

    /** xsd:integer when the number is whole, else xsd:decimal. */
    /** A confidence as xsd:decimal (always decimal, so that 1 and 0 keep the datatype of 0.85). */
    static Node confidence(Double c) {
        return c == null ? null
                : NodeFactory.createLiteralDT(BigDecimal.valueOf(c).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString(),
                        XSDDatatype.XSDdecimal);
    }

    static Node decimal(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = v.stripTrailingZeros();
        if (s.scale() <= 0) {
            return NodeFactory.createLiteralDT(s.toBigIntegerExact().toString(), XSDDatatype.XSDinteger);
        }
        return NodeFactory.createLiteralDT(s.toPlainString(), XSDDatatype.XSDdecimal);
    }
}
