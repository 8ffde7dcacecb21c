package org.conflictkg.derive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.conflictkg.Progress;
import org.conflictkg.facts.ActorRegistry;
import org.conflictkg.http.RemoteDataset;
import org.conflictkg.names.NameFolding;
import org.conflictkg.rdf.CKG;
import org.conflictkg.rdf.IriLib;

/**
 * Derives the control timeline from all reports in a dataset and writes it to the derived graph,
 * replacing what was there.
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>Reports of the same change (same place, same coarse gaining side, first days within
 *       {@link Builder#windowDays} of each other, chained) merge into one change. Its sources are
 *       the union of its reports' sources; it is completed if any report says so, from the first
 *       day of its earliest completed report.</li>
 *   <li>Completed changes flip control; partial, contested and imminent ones do not: they are
 *       context of the period they fall in. A completed change to the side already in control
 *       confirms it and starts no new period.</li>
 *   <li>The period before a place's first change belongs to the side that lost it, from the
 *       earliest start a control state of that side reports. A place with no completed change
 *       takes its periods from its control states.</li>
 *   <li>Disagreements: completed reports of one change whose dates cannot overlap ("date"); a
 *       completed and a contested report of one change from different sources ("status"); a
 *       control state whose side differs from the timeline's on its as-of day ("control"); figures
 *       of the same measure, group and places over overlapping periods, from different sources,
 *       whose values differ ("figure").</li>
 * </ol>
 */
public final class Derivation {

    private final int windowDays;
    private final ActorRegistry registry;
    private final int chunkPlaces;

    private Derivation(Builder b) {
        this.windowDays = b.windowDays;
        this.registry = b.registry;
        this.chunkPlaces = b.chunkPlaces;
    }

    public static Builder create() {
        return new Builder();
    }

    /** Settings, with their defaults. */
    public static final class Builder {
        private int windowDays = 7;
        private ActorRegistry registry = ActorRegistry.bundled();
        private int chunkPlaces = 64;

        /**
         * How far apart (in days) the first days of two reports of one change may be. Default 7:
         * wide enough for sources that date a capture 6 and 8 February, narrow enough to keep
         * apart a town's captures by one side a month apart with a loss in between.
         */
        public Builder windowDays(int days) {
            if (days < 0) {
                throw new IllegalArgumentException("window must not be negative");
            }
            this.windowDays = days;
            return this;
        }

        public Builder registry(ActorRegistry registry) {
            this.registry = Objects.requireNonNull(registry);
            return this;
        }

        /**
         * Places whose reports {@link #runFull} reads and derives at a time (default 64): the
         * larger, the fewer queries; the smaller, the less memory. The result does not depend on it.
         */
        public Builder chunkPlaces(int places) {
            if (places < 1) {
                throw new IllegalArgumentException("chunkPlaces must be at least 1");
            }
            this.chunkPlaces = places;
            return this;
        }

        public Derivation build() {
            return new Derivation(this);
        }
    }

    /** What a run wrote: the numbers of each kind of resource in the derived graph. */
    public record Counts(long changes, long periods, long disagreements, long highwayDays) {
    }

    /**
     * Full derivation in bounded memory: replaces the derived graph, in one write transaction,
     * with the same graph as {@link #run(DatasetGraph)}, but reads and derives the reports of
     * {@link Builder#chunkPlaces} places at a time (a place's changes, states, disagreements and
     * the figures about it depend on that place's reports only), then the disagreements between
     * figures about no place, then the control of each highway from the reports of its towns.
     * Memory grows with the reports of the largest chunk, not with the store.
     */
    public Counts runFull(DatasetGraph dsg) {
        return Txn.calculateWrite(dsg, () -> {
            writeFull(dsg);
            return counts(dsg);
        });
    }

    /** The body of {@link #runFull}, inside the caller's write transaction. */
    private void writeFull(DatasetGraph dsg) {
        dsg.deleteAny(CKG.GRAPH_DERIVED, Node.ANY, Node.ANY, Node.ANY);
        writeFull(Source.of(dsg), ReportsReader.places(dsg), dsg::add);
    }

    /**
     * The derived graph of the reports in {@code source} about {@code places}, passed to {@code out}
     * part by part: {@link Builder#chunkPlaces} places at a time, then the figures about no place,
     * then the highways.
     */
    void writeFull(Source source, List<Node> places, Consumer<Quad> out) {
        for (int i = 0; i < places.size(); i += chunkPlaces) {
            List<Node> chunk = places.subList(i, Math.min(places.size(), i + chunkPlaces));
            DerivedGraphWriter.write(derive(new ReportsReader(source, registry, chunk, false).read()), out);
        }
        DerivedGraphWriter.write(derive(new ReportsReader(source, registry, List.of(), true).read()), out);
        DerivedGraphWriter.write(highwaysOnly(deriveRouteTowns(source)), out);
    }

    /**
     * The timeline of the towns on highway routes only, with the control of each route on its days
     * of interest (inside the caller's transaction, if any): what highway control needs, in
     * memory that grows with the route towns' reports.
     */
    public Timeline deriveRouteTowns(DatasetGraph dsg) {
        return deriveRouteTowns(Source.of(dsg));
    }

    /** As {@link #deriveRouteTowns(DatasetGraph)}, reading a remote store. */
    public Timeline deriveRouteTowns(RemoteDataset remote) {
        return deriveRouteTowns(Source.of(remote));
    }

    private Timeline deriveRouteTowns(Source source) {
        return deriveRouteTowns(source, HighwayControl.routes(source, null));
    }

    /** The highways of {@code routeTowns} alone (routes and control), without its towns' periods and changes. */
    private static Timeline highwaysOnly(Timeline routeTowns) {
        return new Timeline(List.of(), List.of(), List.of()).withHighways(routeTowns.routes(), routeTowns.highwayControl());
    }

    /** As {@link #deriveRouteTowns(Source)}, for the given routes only. */
    private Timeline deriveRouteTowns(Source source, List<HighwayControl.Route> routes) {
        Set<Node> towns = new LinkedHashSet<>();
        routes.forEach(r -> towns.addAll(r.places()));
        Timeline t = towns.isEmpty() ? new Timeline(List.of(), List.of(), List.of())
                : derive(new ReportsReader(source, registry, towns, false).read());
        return withHighwayControl(source, t, routes);
    }

    private static final Query PLACES_AFTER = QueryFactory.create("""
            PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
            SELECT DISTINCT ?place WHERE {
              { ?e a ckg:ControlChange ; ckg:territory ?place }
              UNION { ?c a ckg:ControlPeriod ; ckg:territory ?place }
              UNION { ?f a ckg:Figure ; ckg:aboutPlace ?place }
              FILTER(isIRI(?place) && STR(?place) > ?after)
            } ORDER BY STR(?place)""");

    /**
     * Places read per page of {@link #PLACES_AFTER} (at least): each page is a scan of all reports
     * (a few seconds at 100,000 articles on Virtuoso), so pages are larger than the batches
     * derived; a page holds IRIs only.
     */
    static final int PLACE_PAGE = 1000;

    private static final Query PLACE_COUNT = QueryFactory.create("""
            PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
            SELECT (COUNT(DISTINCT ?place) AS ?n) WHERE {
              { ?e a ckg:ControlChange ; ckg:territory ?place }
              UNION { ?c a ckg:ControlPeriod ; ckg:territory ?place }
              UNION { ?f a ckg:Figure ; ckg:aboutPlace ?place }
              FILTER(isIRI(?place))
            }""");

    /**
     * Full derivation against a remote store, in memory bounded by {@link Builder#chunkPlaces}:
     * writes the same derived graph as {@link #runFull} on the same articles. The places are
     * counted, the derived graph deleted (Graph Store Protocol DELETE); then the places some report is about are read
     * {@value #PLACE_PAGE} at a time (keyset paging: {@code ORDER BY STR(?place)}, {@code LIMIT},
     * the last place of the page substituted into the parsed query), and {@code chunkPlaces} of
     * them at a time have their reports read with parameterized SELECTs (values lists of at most
     * {@link Source#REMOTE_MAX_VALUES}) and derived, and each part added to the derived graph by Graph
     * Store Protocol POSTs of at most {@link RemoteDataset#DEFAULT_POST_TRIPLES} triples (a graph
     * is a set: a retried POST changes nothing); then the figures about no place, then the
     * highways. Every request is retried through the remote's {@link org.conflictkg.http.HttpRetry},
     * and fails once unanswered for the remote's timeout. Readers see a partial derived graph while it runs;
     * one that failed leaves it partial, and running it again rebuilds it whole.
     *
     * @param progress told of the places derived, of how many
     */
    public Counts runRemote(RemoteDataset remote, Progress progress) {
        deriveRemote(remote, progress, () -> remote.delete(CKG.GRAPH_DERIVED), t -> post(remote, t));
        return counts(remote);
    }

    private static final Query HAS_DERIVED = QueryFactory.create("""
            SELECT ?s WHERE { GRAPH <https://w3id.org/conflict-kg/graph/derived> { ?s ?p ?o } } LIMIT 1""");

    /**
     * Incremental derivation against a remote store: what {@link #run(DatasetGraph, java.util.Collection, boolean)}
     * does in a local one. The derived graph's parts about {@code places} (and the control and geometry of
     * the highways through them, and when {@code placelessFigures} the disagreements between figures
     * about no place) are found by SELECTs and deleted by SPARQL Updates at the remote's
     * {@link RemoteDataset#updateUrl()}; then the places are derived again {@link Builder#chunkPlaces}
     * at a time, and the highways from the reports of all their towns, and each part is added by
     * Graph Store Protocol POSTs. Readers see the places' parts missing while it runs; a run that
     * failed leaves them partial (the loader's record of an owed derivation then makes the next load
     * derive in full). Without an update endpoint, or with no derived graph yet, runs in full
     * ({@link #runRemote(RemoteDataset, Progress)}).
     */
    public void runRemote(RemoteDataset remote, java.util.Collection<Node> places, boolean placelessFigures) {
        if (remote.updateUrl() == null || remote.select(HAS_DERIVED).isEmpty()) {
            runRemote(remote, Progress.none());
            return;
        }
        Source source = Source.of(remote);
        List<Node> touched = new ArrayList<>(new LinkedHashSet<>(places));
        List<HighwayControl.Route> routes = HighwayControl.routesThrough(source, touched);
        List<Node> highways = routes.stream().map(HighwayControl.Route::highway).distinct().toList();
        DerivedGraphWriter.deleteRemote(remote, touched, highways, placelessFigures);
        for (int i = 0; i < touched.size(); i += chunkPlaces) {
            List<Node> chunk = touched.subList(i, Math.min(touched.size(), i + chunkPlaces));
            post(remote, derive(new ReportsReader(source, registry, chunk, false).read()));
        }
        if (placelessFigures) {
            post(remote, derive(new ReportsReader(source, registry, List.of(), true).read()));
        }
        if (!routes.isEmpty()) {
            post(remote, highwaysOnly(deriveRouteTowns(source, routes)));
        }
    }

    /**
     * As {@link #runRemote(RemoteDataset, Progress)}, but the derived graph goes to {@code out}, quad
     * by quad as it is derived, instead of into the store, which is left unchanged: for a store's
     * own bulk loader, which loads a file far faster than Graph Store Protocol writes. A quad may
     * come more than once (a graph is a set; every store loads it as one).
     *
     * @return the numbers of each kind of resource written to {@code out}
     */
    public Counts runRemote(RemoteDataset remote, Progress progress, Consumer<Quad> out) {
        CountingSink counting = new CountingSink(out);
        deriveRemote(remote, progress, () -> { }, t -> DerivedGraphWriter.write(t, counting));
        return counting.counts();
    }

    /**
     * As {@link #runFull}, but the derived graph of {@code dsg}'s reports goes to {@code out}, in one
     * read transaction, and the store is left unchanged.
     *
     * @return the numbers of each kind of resource written to {@code out}
     */
    public Counts runFull(DatasetGraph dsg, Consumer<Quad> out) {
        CountingSink counting = new CountingSink(out);
        Txn.executeRead(dsg, () -> writeFull(Source.of(dsg), ReportsReader.places(dsg), counting));
        return counting.counts();
    }

    /** Counts the resources of each kind as their rdf:type quads pass on to the sink. */
    private static final class CountingSink implements Consumer<Quad> {
        private final Consumer<Quad> out;
        private final Map<Node, Long> types = new HashMap<>();

        CountingSink(Consumer<Quad> out) {
            this.out = out;
        }

        @Override
        public void accept(Quad q) {
            if (q.getPredicate().equals(org.apache.jena.vocabulary.RDF.type.asNode())) {
                types.merge(q.getObject(), 1L, Long::sum);
            }
            out.accept(q);
        }

        Counts counts() {
            return new Counts(types.getOrDefault(CKG.MergedControlChange, 0L), types.getOrDefault(CKG.TimelinePeriod, 0L),
                    types.getOrDefault(CKG.Disagreement, 0L), types.getOrDefault(CKG.HighwayControl, 0L));
        }
    }

    /** Reads a remote store a page of places at a time and hands each derived part to {@code part}. */
    private void deriveRemote(RemoteDataset remote, Progress progress, Runnable beforeFirst, Consumer<Timeline> part) {
        Source source = Source.of(remote);
        List<org.apache.jena.sparql.engine.binding.Binding> n = remote.select(PLACE_COUNT);
        Node total = n.isEmpty() ? null : n.get(0).get("n");
        beforeFirst.run();
        progress.start("places", total == null ? Progress.UNKNOWN : Long.parseLong(total.getLiteralLexicalForm()));
        try {
            String after = "";
            while (true) {
                Query page = QueryTransformOps.syntaxSubstitute(PLACES_AFTER,
                        Map.of(Var.alloc("after"), NodeFactory.createLiteralString(after)));
                int limit = Math.max(chunkPlaces, PLACE_PAGE);
                page.setLimit(limit);
                List<Node> places = new ArrayList<>();
                remote.select(page).forEach(b -> places.add(b.get("place")));
                if (places.isEmpty()) {
                    break;
                }
                for (int i = 0; i < places.size(); i += chunkPlaces) {
                    List<Node> chunk = places.subList(i, Math.min(places.size(), i + chunkPlaces));
                    part.accept(derive(new ReportsReader(source, registry, chunk, false).read()));
                    progress.advance(chunk.size());
                }
                after = places.get(places.size() - 1).getURI();
                if (places.size() < limit) {
                    break;
                }
            }
            part.accept(derive(new ReportsReader(source, registry, List.of(), true).read()));
            part.accept(highwaysOnly(deriveRouteTowns(source)));
        } finally {
            progress.finish();
        }
    }

    /**
     * Adds a part of the derived graph to the remote store, {@link RemoteDataset#DEFAULT_POST_TRIPLES}
     * triples per POST as they are written, so that memory holds one request's triples, not the part's.
     */
    private static void post(RemoteDataset remote, Timeline t) {
        Graph[] part = {GraphFactory.createDefaultGraph()};
        DerivedGraphWriter.write(t, q -> {
            part[0].add(q.asTriple());
            if (part[0].size() >= RemoteDataset.DEFAULT_POST_TRIPLES) {
                remote.post(CKG.GRAPH_DERIVED, part[0]);
                part[0] = GraphFactory.createDefaultGraph();
            }
        });
        if (!part[0].isEmpty()) {
            remote.post(CKG.GRAPH_DERIVED, part[0]);
        }
    }

    private static final Query TYPE_COUNTS = QueryFactory.create("""
            SELECT ?type (COUNT(DISTINCT ?x) AS ?n) WHERE {
              GRAPH <https://w3id.org/conflict-kg/graph/derived> { ?x a ?type }
            } GROUP BY ?type""");

    /** The numbers of merged changes, periods, disagreements and highway days in a remote store's derived graph. */
    public static Counts counts(RemoteDataset remote) {
        Map<Node, Long> n = new HashMap<>();
        remote.select(TYPE_COUNTS).forEach(b -> n.put(b.get("type"),
                Long.parseLong(b.get("n").getLiteralLexicalForm())));
        return new Counts(n.getOrDefault(CKG.MergedControlChange, 0L), n.getOrDefault(CKG.TimelinePeriod, 0L),
                n.getOrDefault(CKG.Disagreement, 0L), n.getOrDefault(CKG.HighwayControl, 0L));
    }

    /** The numbers of merged changes, periods, disagreements and highway days in the derived graph. */
    public static Counts counts(DatasetGraph dsg) {
        return new Counts(count(dsg, CKG.MergedControlChange), count(dsg, CKG.TimelinePeriod),
                count(dsg, CKG.Disagreement), count(dsg, CKG.HighwayControl));
    }

    private static long count(DatasetGraph dsg, Node type) {
        long n = 0;
        var it = dsg.find(CKG.GRAPH_DERIVED, Node.ANY, org.apache.jena.vocabulary.RDF.type.asNode(), type);
        while (it.hasNext()) {
            it.next();
            n++;
        }
        return n;
    }

    /**
     * Reads the reports, derives, and replaces the derived graph, in one write transaction,
     * returning the whole timeline (held in memory: for large stores, {@link #runFull} writes the
     * same graph in bounded memory).
     */
    public Timeline run(DatasetGraph dsg) {
        return Txn.calculateWrite(dsg, () -> {
            Timeline t = derive(dsg);
            dsg.deleteAny(CKG.GRAPH_DERIVED, Node.ANY, Node.ANY, Node.ANY);
            DerivedGraphWriter.write(t, q -> dsg.add(q));
            return t;
        });
    }

    /**
     * Incremental derivation: recomputes what concerns {@code places} (the places a load added,
     * changed or removed reports about), and the highways through them with all their towns,
     * replacing those parts of the derived graph and leaving the rest; the disagreements between
     * figures about no place (which no place leads to) are recomputed each time. Results equal a
     * full run. With no derived graph yet, runs in full, in bounded memory (as {@link #runFull}).
     */
    public void run(DatasetGraph dsg, java.util.Collection<Node> places) {
        run(dsg, places, true);
    }

    /**
     * As {@link #run(DatasetGraph, java.util.Collection)}; {@code placelessFigures} false says
     * that no figure about no place was added, changed or removed since the last run, so their
     * disagreements are left as they are (saving a read of all such figures).
     */
    public void run(DatasetGraph dsg, java.util.Collection<Node> places, boolean placelessFigures) {
        Txn.executeWrite(dsg, () -> {
            if (!dsg.containsGraph(CKG.GRAPH_DERIVED)) {
                writeFull(dsg);
                return;
            }
            List<HighwayControl.Route> routes = HighwayControl.routesThrough(dsg, places);
            Set<Node> affected = new LinkedHashSet<>(places);
            Map<Node, Set<Node>> highways = new LinkedHashMap<>();
            routes.forEach(r -> highways.put(r.highway(), new LinkedHashSet<>(r.places())));
            highways.values().forEach(affected::addAll);
            Timeline t = derive(new ReportsReader(dsg, registry, affected, placelessFigures).read());
            Timeline full = withHighwayControl(Source.of(dsg), t, routes);
            DerivedGraphWriter.delete(dsg, affected, highways.keySet());
            if (placelessFigures) {
                DerivedGraphWriter.deletePlacelessFigureDisagreements(dsg);
            }
            DerivedGraphWriter.write(full, q -> dsg.add(q));
        });
    }

    /**
     * After the links graph changed: re-derives the highways and their towns, leaving the rest of
     * the derived graph (as {@link #run(DatasetGraph, java.util.Collection, boolean)} with every
     * route town). Of the derived graph, only a highway's geometry and its control by distance
     * depend on links (the coordinates of its towns); periods, changes and disagreements come from
     * the reports alone. With no derived graph yet, runs in full. Returns the number of route
     * towns derived again.
     */
    public int runHighways(DatasetGraph dsg) {
        return Txn.calculateWrite(dsg, () -> {
            Set<Node> towns = new LinkedHashSet<>();
            HighwayControl.routes(dsg).forEach(r -> towns.addAll(r.places()));
            run(dsg, towns, false);
            return towns.size();
        });
    }

    /** The quads of the derived graph for a timeline. */
    public static void quads(Timeline t, Consumer<Quad> out) {
        DerivedGraphWriter.write(t, out);
    }

    /** Reads the reports of a dataset (inside the caller's transaction, if any) and derives. */
    public Timeline derive(DatasetGraph dsg) {
        Timeline t = derive(new ReportsReader(dsg, registry).read());
        return withHighwayControl(Source.of(dsg), t, HighwayControl.routes(dsg));
    }

    /** The timeline with the control of each route (of two or more located towns) on its days of interest. */
    private static Timeline withHighwayControl(Source source, Timeline t, List<HighwayControl.Route> routes) {
        Map<Node, Set<LocalDate>> days = HighwayControl.daysOfInterest(source, routes, t);
        List<HighwayControl.Result> results = new ArrayList<>();
        for (HighwayControl.Route r : routes) {
            if (r.points().size() >= 2) {
                days.getOrDefault(r.highway(), Set.of()).forEach(d -> results.add(HighwayControl.on(r, t, d)));
            }
        }
        return t.withHighways(routes, results);
    }

    public Timeline derive(Reports reports) {
        List<Timeline.MergedChange> merged = new ArrayList<>();
        List<Timeline.Period> periods = new ArrayList<>();
        List<Timeline.Disagreement> disagreements = new ArrayList<>();

        Map<Node, List<Reports.Change>> changesByPlace = group(reports.changes(), Reports.Change::place);
        Map<Node, List<Reports.State>> statesByPlace = group(reports.states(), Reports.State::place);
        Set<Node> places = new LinkedHashSet<>(changesByPlace.keySet());
        places.addAll(statesByPlace.keySet());
        for (Node place : sorted(places)) {
            List<Reports.Change> changes = changesByPlace.getOrDefault(place, List.of());
            List<Reports.State> states = statesByPlace.getOrDefault(place, List.of());
            List<Timeline.MergedChange> placeChanges = merge(place, changes);
            merged.addAll(placeChanges);
            placeChanges.forEach(m -> disagreements.addAll(changeDisagreements(m)));
            List<Timeline.Period> placePeriods = periods(place, placeChanges, states);
            periods.addAll(placePeriods);
            disagreements.addAll(controlDisagreements(place, placePeriods, states));
        }
        disagreements.addAll(figureDisagreements(reports.figures()));
        return new Timeline(merged, periods, disagreements);
    }

    // ------------------------------------------------------------------ merging

    private List<Timeline.MergedChange> merge(Node place, List<Reports.Change> changes) {
        List<Timeline.MergedChange> out = new ArrayList<>();
        Map<String, List<Reports.Change>> bySide = group(changes, Reports.Change::side);
        for (String side : new TreeSet<>(bySide.keySet())) {
            List<Reports.Change> list = new ArrayList<>(bySide.get(side));
            list.sort(Comparator.comparing(Reports.Change::earliest).thenComparing(c -> c.event().getURI()));
            List<Reports.Change> cluster = new ArrayList<>();
            LocalDate last = null;
            for (Reports.Change c : list) {
                if (last != null && ChronoUnit.DAYS.between(last, c.earliest()) > windowDays) {
                    out.add(mergedChange(place, side, cluster));
                    cluster = new ArrayList<>();
                }
                cluster.add(c);
                last = c.earliest();
            }
            if (!cluster.isEmpty()) {
                out.add(mergedChange(place, side, cluster));
            }
        }
        out.sort(Comparator.comparing((Timeline.MergedChange m) -> m.earliestReported()).thenComparing(m -> m.side()));
        return out;
    }

    private Timeline.MergedChange mergedChange(Node place, String side, List<Reports.Change> reports) {
        LocalDate since = reports.stream().filter(Reports.Change::completed).map(Reports.Change::earliest)
                .min(Comparator.naturalOrder()).orElse(null);
        LocalDate first = reports.stream().map(Reports.Change::earliest).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate lastDay = reports.stream().map(Reports.Change::latest).max(Comparator.naturalOrder()).orElseThrow();
        Set<Node> sources = new LinkedHashSet<>();
        reports.forEach(r -> sources.addAll(r.sources()));
        Node iri = IriLib.mint("derived", "change", IriLib.hash(place.getURI() + "|" + side + "|" + first));
        return new Timeline.MergedChange(iri, place, side, List.copyOf(reports), since, first, lastDay, sources);
    }

    private List<Timeline.Disagreement> changeDisagreements(Timeline.MergedChange m) {
        List<Timeline.Disagreement> out = new ArrayList<>();
        List<Reports.Change> completed = m.reports().stream().filter(Reports.Change::completed).toList();
        // Date: two completed reports whose possible days do not overlap.
        boolean datesDiffer = false;
        for (int i = 0; i < completed.size() && !datesDiffer; i++) {
            for (int j = i + 1; j < completed.size(); j++) {
                Reports.Change a = completed.get(i);
                Reports.Change b = completed.get(j);
                if (a.latest().isBefore(b.earliest()) || b.latest().isBefore(a.earliest())) {
                    datesDiffer = true;
                    break;
                }
            }
        }
        if (datesDiffer) {
            out.add(disagreement("date", m.iri(), completed.stream().map(Reports.Change::event).toList()));
        }
        // Status: completed against contested, from different sources.
        List<Reports.Change> contested = m.reports().stream().filter(r -> "contested".equals(r.status())).toList();
        List<Node> versions = new ArrayList<>();
        for (Reports.Change c : contested) {
            for (Reports.Change d : completed) {
                if (!c.sources().equals(d.sources()) && !disjoint(c, d)) {
                    if (!versions.contains(d.event())) {
                        versions.add(d.event());
                    }
                    if (!versions.contains(c.event())) {
                        versions.add(c.event());
                    }
                }
            }
        }
        if (!versions.isEmpty()) {
            out.add(disagreement("status", m.iri(), versions));
        }
        return out;
    }

    private boolean disjoint(Reports.Change a, Reports.Change b) {
        return a.latest().plusDays(windowDays).isBefore(b.earliest()) || b.latest().plusDays(windowDays).isBefore(a.earliest());
    }

    // ------------------------------------------------------------------ periods

    private List<Timeline.Period> periods(Node place, List<Timeline.MergedChange> changes, List<Reports.State> states) {
        List<Timeline.MergedChange> flips = new ArrayList<>();
        String current = null;
        List<Timeline.MergedChange> completed = changes.stream().filter(Timeline.MergedChange::completed)
                .sorted(Comparator.comparing(Timeline.MergedChange::since)).toList();
        for (Timeline.MergedChange m : completed) {
            if (!m.side().equals(current)) {
                flips.add(m);
                current = m.side();
            }
        }
        List<Timeline.Period> out = new ArrayList<>();
        if (flips.isEmpty()) {
            Map<String, List<Reports.State>> bySide = group(states, Reports.State::side);
            for (String side : new TreeSet<>(bySide.keySet())) {
                List<Reports.State> ss = bySide.get(side);
                LocalDate since = ss.stream().map(Reports.State::from).filter(Objects::nonNull)
                        .min(Comparator.naturalOrder()).orElse(null);
                LocalDate until = ss.stream().allMatch(s -> s.to() != null)
                        ? ss.stream().map(Reports.State::to).max(Comparator.naturalOrder()).orElseThrow().plusDays(1)
                        : null;
                out.add(period(place, side, controller(null, ss), since, until, null, null, ss, List.of()));
            }
        } else {
            Timeline.MergedChange first = flips.get(0);
            String before = first.reports().stream().filter(Reports.Change::completed).map(Reports.Change::fromSide)
                    .filter(Objects::nonNull).findFirst().orElse(null);
            if (before != null && !before.equals(first.side())) {
                List<Reports.State> ss = states.stream().filter(s -> s.side().equals(before)).toList();
                LocalDate since = ss.stream().map(Reports.State::from).filter(Objects::nonNull)
                        .filter(d -> d.isBefore(first.since())).min(Comparator.naturalOrder()).orElse(null);
                Node controller = first.reports().stream().filter(Reports.Change::completed)
                        .map(Reports.Change::fromActor).filter(Objects::nonNull).findFirst().orElse(null);
                out.add(period(place, before, controller(controller, ss), since, first.since(), null, first, ss,
                        List.of()));
            }
            for (int i = 0; i < flips.size(); i++) {
                Timeline.MergedChange m = flips.get(i);
                Timeline.MergedChange next = i + 1 < flips.size() ? flips.get(i + 1) : null;
                LocalDate until = next == null ? null : next.since();
                List<Reports.State> ss = states.stream().filter(s -> s.side().equals(m.side()))
                        .filter(s -> overlaps(s, m.since(), until)).toList();
                out.add(period(place, m.side(), mostCommon(m.reports().stream().filter(Reports.Change::completed)
                        .map(Reports.Change::toActor).toList()), m.since(), until, m, next, ss, List.of()));
            }
        }
        // Reports that do not flip control are context of the period they fall in.
        List<Timeline.Period> withContext = new ArrayList<>();
        for (Timeline.Period p : out) {
            List<Reports.Change> context = changes.stream().flatMap(m -> m.reports().stream())
                    .filter(r -> !r.completed()).filter(r -> p.covers(r.earliest())).toList();
            withContext.add(new Timeline.Period(p.iri(), p.place(), p.side(), p.controller(), p.since(), p.until(),
                    p.startedBy(), p.endedBy(), p.support(), context, p.sinceAsReported()));
        }
        return withContext;
    }

    private static boolean overlaps(Reports.State s, LocalDate since, LocalDate until) {
        LocalDate from = s.from() != null ? s.from() : s.asOf();
        LocalDate to = s.to() != null ? s.to() : s.asOf();
        boolean startsBeforeEnd = from == null || until == null || from.isBefore(until);
        boolean endsAfterStart = to == null || since == null || !to.isBefore(since);
        return startsBeforeEnd && endsAfterStart;
    }

    private Timeline.Period period(Node place, String side, Node controller, LocalDate since, LocalDate until,
                                   Timeline.MergedChange startedBy, Timeline.MergedChange endedBy,
                                   List<Reports.State> support, List<Reports.Change> context) {
        Node iri = IriLib.mint("derived", "period", IriLib.hash(place.getURI() + "|" + side + "|" + since + "|" + until));
        return new Timeline.Period(iri, place, side, controller, since, until, startedBy, endedBy, List.copyOf(support),
                context, asReported(since, startedBy, support));
    }

    /** The start as the reports give it: the starting report's date, else the state's start. */
    private static Node asReported(LocalDate since, Timeline.MergedChange startedBy, List<Reports.State> support) {
        if (since == null) {
            return null;
        }
        if (startedBy != null) {
            return startedBy.reports().stream().filter(r -> r.completed() && since.equals(r.earliest()))
                    .map(Reports.Change::dateAsReported).filter(Objects::nonNull).findFirst().orElse(null);
        }
        return support.stream().filter(s -> since.equals(s.from())).map(Reports.State::fromAsReported)
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static Node controller(Node preferred, List<Reports.State> states) {
        if (preferred != null) {
            return preferred;
        }
        return mostCommon(states.stream().map(Reports.State::controller).toList());
    }

    private static Node mostCommon(List<Node> nodes) {
        Map<Node, Long> counts = nodes.stream().filter(Objects::nonNull)
                .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream().max(Map.Entry.<Node, Long>comparingByValue()
                .thenComparing(e -> e.getKey().getURI(), Comparator.reverseOrder())).map(Map.Entry::getKey).orElse(null);
    }

    // ------------------------------------------------------------------ disagreements

    private List<Timeline.Disagreement> controlDisagreements(Node place, List<Timeline.Period> periods,
                                                             List<Reports.State> states) {
        List<Timeline.Disagreement> out = new ArrayList<>();
        for (Reports.State s : states) {
            if (s.asOf() == null || s.from() != null || s.to() != null) {
                continue;
            }
            for (Timeline.Period p : periods) {
                if (p.covers(s.asOf()) && !p.side().equals(s.side()) && p.startedBy() != null) {
                    List<Node> versions = new ArrayList<>();
                    p.startedBy().reports().stream().filter(Reports.Change::completed).map(Reports.Change::event)
                            .forEach(versions::add);
                    versions.add(s.node());
                    out.add(disagreement("control", place, versions));
                }
            }
        }
        return out;
    }

    /**
     * One disagreement per set of figures that disagree: within a group (same measure, group and
     * places), two figures disagree when they come from different sources, cover overlapping
     * periods and their values differ; figures linked by such pairs, directly or through others,
     * are the versions of one disagreement. A pair alone gives the same disagreement as before
     * (same versions, same IRI); many reports of one number give one disagreement with all their
     * versions, not one per pair, so the derived graph grows with the figures, not with their
     * square (at a million articles a busy place has thousands of figures of one measure).
     */
    private List<Timeline.Disagreement> figureDisagreements(List<Reports.FigureReport> figures) {
        List<Timeline.Disagreement> out = new ArrayList<>();
        Map<String, List<Reports.FigureReport>> groups = group(figures, f -> f.measure() + "|"
                + NameFolding.fold(f.group()) + "|" + sorted(f.places()));
        for (List<Reports.FigureReport> g : groups.values()) {
            int[] parent = new int[g.size()];
            boolean[] disputed = new boolean[g.size()];
            for (int i = 0; i < parent.length; i++) {
                parent[i] = i;
            }
            for (int i = 0; i < g.size(); i++) {
                for (int j = i + 1; j < g.size(); j++) {
                    Reports.FigureReport a = g.get(i);
                    Reports.FigureReport b = g.get(j);
                    if (!a.sources().equals(b.sources()) && periodsOverlap(a, b) && valuesDiffer(a, b)) {
                        disputed[i] = true;
                        disputed[j] = true;
                        parent[root(parent, i)] = root(parent, j);
                    }
                }
            }
            Map<Integer, List<Node>> sets = new java.util.TreeMap<>();
            for (int i = 0; i < g.size(); i++) {
                if (disputed[i]) {
                    sets.computeIfAbsent(root(parent, i), k -> new ArrayList<>()).add(g.get(i).node());
                }
            }
            for (List<Node> versions : sets.values()) {
                versions.sort(Comparator.comparing(Node::getURI));
                List<Node> places = sorted(g.get(0).places());
                // About no place: the disagreement concerns the first version, not whichever the
                // store happened to return first.
                out.add(disagreement("figure", places.isEmpty() ? versions.get(0) : places.get(0), versions));
            }
        }
        return out;
    }

    /** The root of {@code i}'s set (union-find, with path halving). */
    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static boolean periodsOverlap(Reports.FigureReport a, Reports.FigureReport b) {
        if (a.earliest() == null || b.earliest() == null || a.latest() == null || b.latest() == null) {
            return a.earliest() == null && b.earliest() == null;
        }
        return !a.latest().isBefore(b.earliest()) && !b.latest().isBefore(a.earliest());
    }

    private static boolean valuesDiffer(Reports.FigureReport a, Reports.FigureReport b) {
        BigDecimal aLow = a.value() != null ? a.value() : a.low();
        BigDecimal aHigh = a.value() != null ? a.value() : a.high();
        BigDecimal bLow = b.value() != null ? b.value() : b.low();
        BigDecimal bHigh = b.value() != null ? b.value() : b.high();
        if (aLow == null || aHigh == null || bLow == null || bHigh == null) {
            return false;
        }
        return aHigh.compareTo(bLow) < 0 || bHigh.compareTo(aLow) < 0;
    }

    private static Timeline.Disagreement disagreement(String aspect, Node concerns, List<Node> versions) {
        List<Node> v = versions.stream().distinct().sorted(Comparator.comparing(Node::getURI)).toList();
        Node iri = IriLib.mint("derived", "disagreement", IriLib.hash(aspect + "|" + concerns.getURI() + "|"
                + v.stream().map(Node::getURI).collect(Collectors.joining("|"))));
        return new Timeline.Disagreement(iri, aspect, concerns, v);
    }

    // ------------------------------------------------------------------ helpers

    private static <K, T> Map<K, List<T>> group(List<T> items, Function<T, K> key) {
        Map<K, List<T>> out = new HashMap<>();
        for (T t : items) {
            out.computeIfAbsent(key.apply(t), k -> new ArrayList<>()).add(t);
        }
        return out;
    }

    private static List<Node> sorted(Set<Node> nodes) {
        return nodes.stream().sorted(Comparator.comparing(Node::toString)).toList();
    }
}
