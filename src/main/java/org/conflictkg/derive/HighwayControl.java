package org.conflictkg.derive;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.geosparql.implementation.GeometryWrapper;
import org.apache.jena.geosparql.implementation.datatype.WKTDatatype;
import org.apache.jena.geosparql.implementation.vocabulary.Unit_URI;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.conflictkg.http.RemoteDataset;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTWriter;

/**
 * Who held how much of a highway on a day, from its route, the coordinates of its towns (the
 * links graph) and the control timeline.
 *
 * <p>Method: the route is the ordered towns of the longest route any article gives. Each leg
 * between consecutive towns is measured on the great circle and split at its midpoint; each half
 * goes to the side holding the town at its end on that day, or to {@link #UNKNOWN} when the
 * timeline has no single controller for it. Towns without coordinates are skipped.
 */
public final class HighwayControl {

    /** The side of a stretch whose town has no known controller on the day. */
    public static final String UNKNOWN = "unknown";
    private static final GeometryFactory GEOMETRIES = new GeometryFactory();

    /** One highway's route: its stops in order, with their points. */
    public record Route(Node highway, String label, List<Node> places, List<GeometryWrapper> points) {
        /** The route as a WKT LineString (lon lat pairs), or null with fewer than two points. */
        public String wkt() {
            if (points.size() < 2) {
                return null;
            }
            Coordinate[] line = points.stream().map(p -> p.getXYGeometry().getCoordinate()).toArray(Coordinate[]::new);
            return new WKTWriter().write(GEOMETRIES.createLineString(line));
        }
    }

    /** Kilometres held by each side (and {@link #UNKNOWN}) on {@code day}, in route order of first appearance. */
    public record Result(Node highway, String label, LocalDate day, double totalKm, Map<String, Double> kmBySide) {
        public double share(String side) {
            return totalKm == 0 ? 0 : kmBySide.getOrDefault(side, 0.0) / totalKm;
        }

        /** Kilometres not held by {@code side}, unknown stretches included. */
        public double kmOutside(String side) {
            return totalKm - kmBySide.getOrDefault(side, 0.0);
        }
    }

    private static final Query ROUTES = QueryFactory.create("""
            PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX geo: <http://www.opengis.net/ont/geosparql#>
            SELECT ?h ?g ?pos ?place ?wkt ?label WHERE {
              GRAPH ?g { ?h ckg:routeStop ?s . ?s ckg:position ?pos ; ckg:stopPlace ?place . OPTIONAL { ?h rdfs:label ?label } }
              OPTIONAL { GRAPH ?lg { ?place geo:hasGeometry/geo:asWKT ?wkt } }
            } ORDER BY ?h ?g ?pos ?wkt ?label""");

    private static final Query FIGURE_DAYS = QueryFactory.create("""
            PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX schema: <https://schema.org/>
            SELECT DISTINCT ?h ?latest ?asOf ?published WHERE {
              ?f ckg:aboutHighway ?h ; prov:wasDerivedFrom ?a .
              OPTIONAL { ?f ckg:latest ?latest }
              OPTIONAL { ?f ckg:asOf ?asOf }
              OPTIONAL { ?a schema:datePublished ?published }
            }""");

    private HighwayControl() {
    }

    /**
     * The days worth computing for each highway: each day a town of its route changes hands, and
     * each day a figure about the highway refers to (its as-of day, the end of its period, else its
     * article's publication day), so that a computed length can be set beside a reported one.
     */
    static Map<Node, java.util.Set<LocalDate>> daysOfInterest(Source source, List<Route> routes, Timeline t) {
        Map<Node, java.util.Set<LocalDate>> days = new HashMap<>();
        for (Route r : routes) {
            java.util.Set<LocalDate> ds = days.computeIfAbsent(r.highway(), k -> new java.util.TreeSet<>());
            t.periods().stream().filter(p -> r.places().contains(p.place()) && p.since() != null)
                    .forEach(p -> ds.add(p.since()));
        }
        source.union(FIGURE_DAYS).forEach(b -> {
                LocalDate d = ReportsReader.date(b.get("asOf"));
                if (d == null) {
                    d = ReportsReader.date(b.get("latest"));
                }
                if (d == null) {
                    d = ReportsReader.date(b.get("published"));
                }
                if (d != null) {
                    days.computeIfAbsent(b.get("h"), k -> new java.util.TreeSet<>()).add(d);
                }
            });
        return days;
    }

    private static final Query HIGHWAYS_THROUGH = QueryFactory.create("""
            PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
            SELECT DISTINCT ?h WHERE { GRAPH ?g { ?h ckg:routeStop ?s . ?s ckg:stopPlace ?place } }""");

    /** The routes of the highways that pass through any of {@code places}. */
    public static List<Route> routesThrough(DatasetGraph dsg, java.util.Collection<Node> places) {
        return routesThrough(Source.of(dsg), places);
    }

    /** As {@link #routesThrough(DatasetGraph, java.util.Collection)}, asking at most {@link Source#maxValues()} places at a time. */
    static List<Route> routesThrough(Source source, java.util.Collection<Node> places) {
        java.util.Set<Node> highways = new java.util.LinkedHashSet<>();
        ReportsReader.rows(HIGHWAYS_THROUGH, "place", places, source.maxValues(), source::named)
                .forEach(b -> highways.add(b.get("h")));
        return highways.isEmpty() ? List.of() : routes(source, new ArrayList<>(highways));
    }

    /** The routes in a dataset (read inside the caller's transaction, if any), one per highway. */
    public static List<Route> routes(DatasetGraph dsg) {
        return routes(Source.of(dsg), null);
    }

    /** The routes in a remote store, one per highway. */
    public static List<Route> routes(RemoteDataset remote) {
        return routes(Source.of(remote), null);
    }

    static List<Route> routes(Source source, java.util.Collection<Node> only) {
        // highway -> graph -> stops
        Map<Node, Map<Node, List<Node[]>>> byHighway = new LinkedHashMap<>();
        Map<Node, String> labels = new HashMap<>();
        source.named(ReportsReader.restrict(ROUTES, "h", only)).forEach(b -> {
                List<Node[]> stops = byHighway.computeIfAbsent(b.get("h"), k -> new TreeMap<>(Comparator.comparing(Node::getURI)))
                        .computeIfAbsent(b.get("g"), k -> new ArrayList<>());
                Node place = b.get("place");
                if (stops.isEmpty() || !stops.get(stops.size() - 1)[0].equals(place)) {
                    stops.add(new Node[] {place, b.get("wkt")});
                }
                if (b.get("label") != null) {
                    labels.putIfAbsent(b.get("h"), b.get("label").getLiteralLexicalForm());
                }
            });
        List<Route> routes = new ArrayList<>();
        byHighway.forEach((h, graphs) -> {
            List<Node[]> longest = graphs.values().stream().max(Comparator.comparingInt(List::size)).orElse(List.of());
            List<Node> places = new ArrayList<>();
            List<GeometryWrapper> points = new ArrayList<>();
            for (Node[] stop : longest) {
                if (stop[1] != null) {
                    places.add(stop[0]);
                    points.add(WKTDatatype.INSTANCE.parse(stop[1].getLiteralLexicalForm()));
                }
            }
            routes.add(new Route(h, labels.getOrDefault(h, h.getURI()), places, points));
        });
        return routes;
    }

    /** The control of a route on a day, by the periods of a timeline. */
    public static Result on(Route route, Timeline timeline, LocalDate day) {
        Map<String, Double> km = new LinkedHashMap<>();
        double total = 0;
        for (int i = 0; i + 1 < route.points().size(); i++) {
            double leg = distanceKm(route.points().get(i), route.points().get(i + 1));
            total += leg;
            km.merge(sideOf(timeline, route.places().get(i), day), leg / 2, Double::sum);
            km.merge(sideOf(timeline, route.places().get(i + 1), day), leg / 2, Double::sum);
        }
        return new Result(route.highway(), route.label(), day, total, km);
    }

    /** Great-circle distance in kilometres. */
    public static double distanceKm(GeometryWrapper a, GeometryWrapper b) {
        try {
            return a.distance(b, Unit_URI.KILOMETER_URL);
        } catch (Exception e) {
            throw new IllegalStateException("cannot measure distance: " + e.getMessage(), e);
        }
    }

    private static String sideOf(Timeline t, Node place, LocalDate day) {
        List<String> sides = t.periods().stream().filter(p -> p.place().equals(place) && p.covers(day))
                .map(Timeline.Period::side).distinct().toList();
        return sides.size() == 1 ? sides.get(0) : UNKNOWN;
    }

    static Node wktLiteral(String wkt) {
        return NodeFactory.createLiteralDT(wkt, WKTDatatype.INSTANCE);
    }

}
