package org.conflictkg.export;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.apache.jena.geosparql.implementation.GeometryWrapper;
import org.apache.jena.geosparql.implementation.datatype.WKTDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.engine.binding.Binding;
import org.conflictkg.derive.HighwayControl;
import org.conflictkg.geojson.GeoJsonWriter;
import org.locationtech.jts.geom.Coordinate;
import org.conflictkg.geojson.GeoLib;
import org.locationtech.jts.geom.Geometry;

import static org.conflictkg.export.ExportReader.local;
import static org.conflictkg.export.ExportReader.text;

/**
 * Writes one layer of a store as GeoJSON (RFC 7946), place by place (or highway by highway): the
 * features of one place are read, written and dropped before the next. Places without
 * coordinates are left out and counted ({@link Summary#withoutCoordinates}); no feature has a
 * null geometry.
 */
public final class GeoJsonExport {

    /** What an export wrote. */
    public record Summary(ExportLayer layer, String day, long features, long withoutCoordinates) {}

    private final ExportReader reader;
    private final ExportProgress progress;

    public GeoJsonExport(ExportReader reader, ExportProgress progress) {
        this.reader = reader;
        this.progress = progress;
    }

    /**
     * Writes {@code layer} to {@code out}. {@code day} (YYYY-MM-DD) is the day whose controllers
     * the places and highways layers show; null means the last day the store knows.
     */
    public Summary write(ExportLayer layer, String day, OutputStream out) {
        if (!layer.supports(ExportFormat.GEOJSON)) {
            throw new IllegalArgumentException("layer " + layer.code() + " is not a GeoJSON layer");
        }
        String d = day;
        if (d == null && (layer == ExportLayer.PLACES || layer == ExportLayer.HIGHWAYS)) {
            d = reader.lastDay();
        }
        long[] missing = {0};
        try (GeoJsonWriter w = GeoJsonWriter.start(out)) {
            if (layer == ExportLayer.HIGHWAYS) {
                highways(w, d, missing);
            } else {
                long total = reader.placeCount();
                long[] done = {0};
                String fd = d;
                reader.places(iri -> {
                    ExportReader.Place p = reader.place(iri);
                    if (p.point() == null) {
                        missing[0]++;
                    } else {
                        switch (layer) {
                            case PLACES -> place(w, p, fd);
                            case PERIODS -> periods(w, p);
                            case EVENTS -> events(w, p);
                            default -> throw new IllegalStateException(layer.name());
                        }
                    }
                    progress.progress("places", ++done[0], total);
                });
            }
            return new Summary(layer, d, w.features(), missing[0]);
        }
    }

    private void place(GeoJsonWriter w, ExportReader.Place p, String day) {
        Map<String, Object> props = placeProps(p);
        props.put("date", day);
        if (day != null) {
            List<Binding> rows = reader.controllerAt(p.iri(), day);
            if (!rows.isEmpty()) {
                // One row, unless the timeline has more than one period on the day: then all, joined.
                props.put("controller", joined(rows, b -> text(b.get("controllerLabel"))));
                props.put("controllerIri", joined(rows, b -> text(b.get("controller"))));
                ExportReader.Hold hold = reader.holdOn(p.iri(), day);
                props.put("side", hold == null ? null : hold.side());
                props.put("since", joined(rows, b -> text(b.get("since"))));
                props.put("sources", emptyToNull(joined(rows, b -> text(b.get("sources")))));
                String status = joined(rows, b -> local(b.get("status")));
                if (hold != null && hold.disputed()) {
                    status = status == null ? "disputed" : status + ", disputed";
                }
                props.put("status", emptyToNull(status));
            }
        }
        w.feature(p.iri().getURI(), p.point(), props);
    }

    private static Map<String, Object> placeProps(ExportReader.Place p) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("place", p.iri().getURI());
        props.put("label", p.label());
        props.put("kind", p.kind());
        props.put("geonamesId", p.geonamesId());
        props.put("wikidataId", p.wikidataId());
        props.put("admin1", p.admin1());
        props.put("country", p.country());
        return props;
    }

    /** A feature property: its name and how it is read from a place and one row of the layer's query. */
    private record Column(String property, BiFunction<ExportReader.Place, Binding, Object> value) {
        static Column text(String property, String var) {
            return new Column(property, (p, b) -> ExportReader.text(b.get(var)));
        }

        static Column local(String property, String var) {
            return new Column(property, (p, b) -> ExportReader.local(b.get(var)));
        }
    }

    private static final Column PLACE = new Column("place", (p, b) -> p.iri().getURI());
    private static final Column PLACE_LABEL = new Column("placeLabel", (p, b) -> p.label());

    private static final List<Column> PERIOD = List.of(PLACE, PLACE_LABEL,
            Column.text("controller", "controllerLabel"), Column.text("controllerIri", "controller"),
            Column.local("side", "side"), Column.text("start", "sinceDay"), Column.text("end", "until"),
            Column.text("sinceAsReported", "since"),
            new Column("startReports", (p, b) -> number(b.get("startReports"))),
            new Column("startSources", (p, b) -> number(b.get("startSources"))));

    private static final List<Column> EVENT = List.of(Column.text("event", "event"), PLACE, PLACE_LABEL,
            Column.text("date", "date"), Column.text("earliest", "earliest"), Column.text("latest", "latest"),
            Column.local("type", "type"), Column.local("status", "status"),
            Column.text("from", "fromLabel"), Column.text("to", "toLabel"),
            new Column("sources", (p, b) -> emptyToNull(text(b.get("sources")))),
            new Column("quote", (p, b) -> emptyToNull(text(b.get("quote")))),
            Column.text("article", "article"));

    private static Map<String, Object> properties(List<Column> columns, ExportReader.Place p, Binding b) {
        Map<String, Object> props = new LinkedHashMap<>();
        columns.forEach(c -> props.put(c.property(), c.value().apply(p, b)));
        return props;
    }

    private void periods(GeoJsonWriter w, ExportReader.Place p) {
        for (Binding b : reader.periods(p.iri())) {
            w.feature(text(b.get("period")), p.point(), properties(PERIOD, p, b));
        }
    }

    private void events(GeoJsonWriter w, ExportReader.Place p) {
        reader.events(p.iri(), b -> w.feature(text(b.get("event")) + "@" + p.iri().getURI(), p.point(),
                properties(EVENT, p, b)));
    }

    /**
     * One LineString per town of a highway's route: from halfway to the previous town, through the
     * town, to halfway to the next, held by the town's controller on the day (the method of
     * {@code derive}'s highway control, where each leg is split at its midpoint).
     */
    private void highways(GeoJsonWriter w, String day, long[] missing) {
        List<Binding> highways = reader.highways();
        long done = 0;
        for (Binding h : highways) {
            Node highway = h.get("highway");
            List<Node[]> stops = reader.route(highway);
            List<Coordinate> points = new ArrayList<>();
            List<GeometryWrapper> wrappers = new ArrayList<>();
            for (Node[] s : stops) {
                Geometry g = GeoLib.wkt(s[1]);
                points.add(g.getCoordinate());
                wrappers.add(WKTDatatype.INSTANCE.parse(s[1].getLiteralLexicalForm()));
            }
            if (points.size() < 2) {
                missing[0]++;
                progress.progress("highways", ++done, highways.size());
                continue;
            }
            for (int i = 0; i < points.size(); i++) {
                List<Coordinate> line = new ArrayList<>();
                double km = 0;
                if (i > 0) {
                    line.add(GeoLib.midpoint(points.get(i - 1), points.get(i)));
                    km += HighwayControl.distanceKm(wrappers.get(i - 1), wrappers.get(i)) / 2;
                }
                line.add(points.get(i));
                if (i + 1 < points.size()) {
                    line.add(GeoLib.midpoint(points.get(i), points.get(i + 1)));
                    km += HighwayControl.distanceKm(wrappers.get(i), wrappers.get(i + 1)) / 2;
                }
                Node town = stops.get(i)[0];
                ExportReader.Place p = reader.place(town);
                Map<String, Object> props = new LinkedHashMap<>();
                props.put("highway", highway.getURI());
                props.put("highwayLabel", text(h.get("label")));
                props.put("position", i + 1);
                props.put("town", town.getURI());
                props.put("townLabel", p.label());
                props.put("date", day);
                props.put("km", Math.round(km * 10) / 10.0);
                String side = null;
                if (day != null) {
                    List<Binding> rows = reader.controllerAt(town, day);
                    if (rows.size() == 1) {
                        props.put("controller", text(rows.get(0).get("controllerLabel")));
                        props.put("controllerIri", text(rows.get(0).get("controller")));
                        props.put("status", local(rows.get(0).get("status")));
                    }
                    ExportReader.Hold hold = reader.holdOn(town, day);
                    // As derive's highway control: a town with more than one side on the day is unknown.
                    side = hold == null || hold.side().contains(" / ") ? null : hold.side();
                }
                props.put("side", side != null ? side : HighwayControl.UNKNOWN);
                w.feature(highway.getURI() + "#" + (i + 1), GeoLib.WGS84.createLineString(line.toArray(new Coordinate[0])), props);
            }
            progress.progress("highways", ++done, highways.size());
        }
    }

    private static Object number(Node n) {
        if (n == null || !n.isLiteral()) {
            return null;
        }
        try {
            return Long.parseLong(n.getLiteralLexicalForm());
        } catch (NumberFormatException e) {
            return n.getLiteralLexicalForm();
        }
    }

    /** The distinct non-empty values of the rows, sorted, joined with " / "; null if none. */
    private static String joined(List<Binding> rows, java.util.function.Function<Binding, String> value) {
        java.util.TreeSet<String> values = new java.util.TreeSet<>();
        rows.forEach(b -> {
            String v = value.apply(b);
            if (v != null && !v.isEmpty()) {
                values.add(v);
            }
        });
        return values.isEmpty() ? null : String.join(" / ", values);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
