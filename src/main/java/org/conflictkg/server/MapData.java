package org.conflictkg.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.system.Txn;
import org.conflictkg.store.TdbStores;
import org.conflictkg.names.NameFolding;
import org.conflictkg.query.KgQueryException;
import org.conflictkg.query.NamedQuery;
import org.conflictkg.query.QueryRunner;
import org.conflictkg.query.ParamResolver;
import org.conflictkg.query.QuerySource;
import org.conflictkg.query.QuerySources;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the map page shows, read from a store with the page's own parameterized queries
 * (classpath {@code org/conflictkg/server/*.rq}): one day's map, one place's panel, the time
 * range and code lists, place search, and labels for the IRIs of a named query's result.
 * Every user value is substituted into a parsed query ({@link NamedQuery#bind}); nothing here
 * writes.
 */
public final class MapData {
    /** Days before the chosen day in which a contested or imminent report marks a place contested. */
    public static final int CONTESTED_WINDOW_DAYS = 7;

    private static final Pattern POINT = Pattern.compile(
            "^\\s*(?:<[^>]*>\\s*)?POINT\\s*\\(\\s*([-+0-9.eE]+)\\s+([-+0-9.eE]+)\\s*\\)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final ObjectMapper MAPPER = new ObjectMapper();

    private final QuerySource source;
    private final QueryRunner runner;
    private final Duration timeout;
    /** The dataset whose periods {@link #periods} indexes by date; null: no index. */
    private final DatasetGraph indexed;
    /** Reads the date index: the server's own query, allowed {@link #INDEX_TIMEOUT} when the server's timeout is shorter. */
    private final QueryRunner indexRunner;
    private volatile IndexedData periods;

    /** The least time the date index's query is allowed (a store of millions of periods takes minutes under load). */
    static final Duration INDEX_TIMEOUT = Duration.ofMinutes(10);

    /** A date index and the state of the store it was read from ({@link TdbStores#dataVersion}). */
    private record IndexedData(Object version, PeriodIndex index) {}

    private MapData(QuerySource source, Duration timeout, DatasetGraph indexed) {
        this.source = source;
        this.timeout = timeout;
        this.runner = new QueryRunner(source, timeout);
        this.indexed = indexed;
        this.indexRunner = new QueryRunner(source, timeout.compareTo(INDEX_TIMEOUT) > 0 ? timeout : INDEX_TIMEOUT);
    }

    /**
     * Reads from an open dataset (its default graph the union of its named graphs). On a TDB2
     * dataset the day's map takes its periods from a date index ({@link PeriodIndex}), read
     * when first needed and again whenever the store's data has changed since.
     */
    public static MapData over(DatasetGraph dsg, Duration timeout) {
        return new MapData(QuerySources.dataset(dsg, "kg"), timeout, dsg);
    }

    /** As {@link #over}, without the date index: the day's query tests every period of the store itself. */
    static MapData scanning(DatasetGraph dsg, Duration timeout) {
        return new MapData(QuerySources.dataset(dsg, "kg"), timeout, null);
    }

    /** The runner the page's forms use for the named queries. */
    QueryRunner runner() {
        return runner;
    }

    /** A query of the page, by name ({@code map-day} reads {@code org/conflictkg/server/map-day.rq}). */
    static NamedQuery pageQuery(String name) {
        String path = "org/conflictkg/server/" + name + ".rq";
        try (InputStream in = MapData.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw KgQueryException.failure("missing page query " + path, null);
            }
            return NamedQuery.parse(name, path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static final NamedQuery MAP_DAY = pageQuery("map-day");
    private static final NamedQuery MAP_RANGE = pageQuery("map-range");
    private static final NamedQuery MAP_FACETS = pageQuery("map-facets");
    private static final NamedQuery PLACE_SEARCH = pageQuery("place-search");
    private static final NamedQuery PLACE_PANEL = pageQuery("place-panel");
    private static final NamedQuery PLACE_DISPUTES = pageQuery("place-disputes");
    private static final NamedQuery LABELS = pageQuery("labels");
    private static final NamedQuery PERIOD_DATES = pageQuery("period-dates");
    private static final Var PERIOD = Var.alloc("period");

    /**
     * One day's map, from one query: {@code places} (point, side, controller, status, contested,
     * disputed, country), {@code towns} (route towns no period covers that day) and
     * {@code highways} (legs between consecutive route towns, each half
     * coloured by the side holding the town at its end, as derivation splits them).
     */
    public ObjectNode day(String date) {
        LocalDate day = parseDate(date);
        ResultSetRewindable rs = dayRows(day);
        Map<String, ObjectNode> places = new TreeMap<>();
        Map<String, TreeMap<Integer, String>> routes = new TreeMap<>();
        Map<String, String> highwayLabels = new HashMap<>();
        Map<String, double[]> points = new HashMap<>();
        Map<String, String> townLabels = new TreeMap<>();
        while (rs.hasNext()) {
            QuerySolution s = rs.next();
            String place = iri(s, "place");
            double[] point = point(text(s, "wkt"));
            if (place == null || point == null) {
                continue;
            }
            points.put(place, point);
            if ("place".equals(text(s, "kind"))) {
                if (places.containsKey(place)) {
                    continue; // one row per place and day; the labels' grouping cannot add more
                }
                ObjectNode p = JSON.objectNode();
                p.put("iri", place);
                p.put("label", orLocalName(text(s, "placeLabel"), place));
                p.put("lat", point[1]);
                p.put("lon", point[0]);
                p.put("side", localName(iri(s, "side")));
                p.put("controller", iri(s, "controller"));
                p.put("controllerLabel", orLocalName(text(s, "controllerLabel"), iri(s, "controller")));
                p.put("status", localName(iri(s, "status")));
                p.put("contested", bool(s, "contested"));
                p.put("disputed", bool(s, "disputed"));
                p.put("country", iri(s, "country"));
                p.put("countryLabel", text(s, "countryLabel"));
                places.put(place, p);
            } else {
                String hw = iri(s, "highway");
                Integer pos = integer(s, "position");
                if (hw == null || pos == null) {
                    continue;
                }
                routes.computeIfAbsent(hw, k -> new TreeMap<>()).putIfAbsent(pos, place);
                townLabels.putIfAbsent(place, orLocalName(text(s, "placeLabel"), place));
                highwayLabels.put(hw, orLocalName(text(s, "highwayLabel"), hw));
            }
        }
        ObjectNode out = JSON.objectNode();
        out.put("date", day.toString());
        ArrayNode ps = out.putArray("places");
        places.values().forEach(ps::add);
        ArrayNode towns = out.putArray("towns");
        for (var t : townLabels.entrySet()) {
            if (!places.containsKey(t.getKey())) {
                double[] pt = points.get(t.getKey());
                towns.addObject().put("iri", t.getKey()).put("label", t.getValue()).put("lat", pt[1]).put("lon", pt[0]);
            }
        }
        ArrayNode hws = out.putArray("highways");
        for (var e : routes.entrySet()) {
            ObjectNode hw = hws.addObject();
            hw.put("iri", e.getKey());
            hw.put("label", highwayLabels.get(e.getKey()));
            ArrayNode segs = hw.putArray("segments");
            List<String> route = new ArrayList<>(e.getValue().values());
            for (int i = 0; i + 1 < route.size(); i++) {
                double[] a = points.get(route.get(i));
                double[] b = points.get(route.get(i + 1));
                double[] mid = {(a[0] + b[0]) / 2, (a[1] + b[1]) / 2};
                segment(segs, a, mid, places.get(route.get(i)));
                segment(segs, mid, b, places.get(route.get(i + 1)));
            }
        }
        return out;
    }

    /**
     * The rows of {@code map-day.rq} for the day. With a date index, its periods are those the
     * index gives for the day, and the index and the query read the same state of the store
     * (one read transaction).
     */
    private ResultSetRewindable dayRows(LocalDate day) {
        Query q = runner.bind(MAP_DAY,
                Map.of("date", day.toString(), "recent", day.minusDays(CONTESTED_WINDOW_DAYS).toString()));
        if (indexed == null) {
            return runner.select(MAP_DAY, q);
        }
        return Txn.calculateRead(indexed, () -> {
            Object version = TdbStores.dataVersion(indexed);
            return runner.select(MAP_DAY, version == null ? q : withPeriods(q, periodIndex(version).holding(day)));
        });
    }

    /** The date index of the store's state {@code version}, read with {@code period-dates.rq} if it is not at hand. */
    private PeriodIndex periodIndex(Object version) {
        IndexedData current = periods;
        if (current != null && current.version().equals(version)) {
            return current.index();
        }
        synchronized (this) {
            current = periods;
            if (current == null || !current.version().equals(version)) {
                ResultSetRewindable rs = indexRunner.select(PERIOD_DATES, Map.of());
                List<Binding> rows = new ArrayList<>();
                while (rs.hasNext()) {
                    rows.add(rs.nextBinding());
                }
                current = new IndexedData(version, PeriodIndex.of(rows));
                periods = current;
            }
            return current.index();
        }
    }

    /** {@code q} with the rows of its {@code VALUES ?period} block replaced by {@code chosen}. */
    static Query withPeriods(Query q, List<Node> chosen) {
        List<Binding> rows = new ArrayList<>(chosen.size());
        chosen.forEach(p -> rows.add(BindingFactory.binding(PERIOD, p)));
        int[] replaced = {0};
        Query out = QueryTransformOps.transform(q, new ElementTransformCopyBase() {
            @Override
            public Element transform(ElementData data) {
                if (!data.getVars().equals(List.of(PERIOD))) {
                    return data;
                }
                replaced[0]++;
                return new ElementData(List.of(PERIOD), rows);
            }
        });
        if (replaced[0] != 1) {
            throw KgQueryException.failure("query " + MAP_DAY.name() + ": expected one VALUES ?period block, found "
                    + replaced[0], null);
        }
        return out;
    }

    private static void segment(ArrayNode segs, double[] from, double[] to, ObjectNode town) {
        ObjectNode seg = segs.addObject();
        seg.putArray("from").add(from[1]).add(from[0]);
        seg.putArray("to").add(to[1]).add(to[0]);
        seg.put("side", town == null ? "unknown" : town.path("side").asText("unknown"));
    }

    /** The first and last day of the timeline, and the code lists of filters and forms. */
    public ObjectNode meta() {
        ObjectNode out = JSON.objectNode();
        ResultSetRewindable rs = runner.select(MAP_RANGE, Map.of());
        if (rs.hasNext()) {
            QuerySolution s = rs.next();
            out.put("first", dayOf(text(s, "first")));
            out.put("last", dayOf(text(s, "last")));
        }
        ObjectNode facets = out.putObject("facets");
        for (String f : List.of("side", "country", "highway", "measure")) {
            facets.putArray(f);
        }
        rs = runner.select(MAP_FACETS, Map.of());
        while (rs.hasNext()) {
            QuerySolution s = rs.next();
            String value = iri(s, "value");
            ObjectNode item = ((ArrayNode) facets.get(text(s, "facet"))).addObject();
            item.put("value", "side".equals(text(s, "facet")) ? localName(value) : value);
            item.put("label", orLocalName(text(s, "label"), value));
        }
        return out;
    }

    /**
     * The places the text names as {@code --param place=NAME} resolves it ({@link ParamResolver}:
     * any spelling the store or the bundled gazetteer knows, a GeoNames id, an IRI), then the
     * places one of whose names in the store contains the text (in any case, punctuation read as
     * spaces), at most 20.
     */
    public ArrayNode search(String text) {
        String t = text == null ? "" : text.strip();
        ArrayNode out = JSON.arrayNode();
        if (t.isEmpty()) {
            return out;
        }
        if (t.length() > 200) {
            throw KgQueryException.badInput("search text longer than 200 characters");
        }
        String lower = t.toLowerCase(Locale.ROOT);
        String folded = NameFolding.fold(t);
        ResultSetRewindable rs = runner.select(PLACE_SEARCH,
                Map.of("text", lower, "folded", folded.isEmpty() ? lower : folded));
        while (rs.hasNext()) {
            QuerySolution s = rs.next();
            ObjectNode p = out.addObject();
            String place = iri(s, "place");
            p.put("iri", place);
            p.put("label", orLocalName(text(s, "placeLabel"), place));
            p.put("matched", text(s, "matched"));
            double[] pt = point(text(s, "point"));
            if (pt != null) {
                p.put("lat", pt[1]);
                p.put("lon", pt[0]);
            }
        }
        // The places `--param place=NAME` resolves the text to (the same resolution: other
        // spellings, Arabic articles, GeoNames ids and the bundled gazetteer's names), kept when
        // the store holds them, then put first.
        Set<Node> candidates = new LinkedHashSet<>();
        try {
            for (ParamResolver.PlaceCandidate c : ParamResolver.create(source).placeCandidates(t)) {
                if (c.inStore() && candidates.size() < 20) {
                    candidates.add(c.place());
                }
            }
        } catch (KgQueryException ex) {
            // Not a name, an id or a valid IRI: the substring matches above are all there is.
        }
        if (!candidates.isEmpty()) {
            Labels known = labelsOf(candidates);
            ArrayNode resolved = JSON.arrayNode();
            for (Node n : candidates) {
                String label = known.labels().get(n.getURI());
                ObjectNode p = resolved.addObject();
                p.put("iri", n.getURI());
                p.put("label", label != null ? label : orLocalName(null, n.getURI()));
                p.put("matched", t);
                double[] pt = known.points().get(n.getURI());
                if (pt != null) {
                    p.put("lat", pt[1]);
                    p.put("lon", pt[0]);
                }
            }
            for (var item : out) {
                if (!candidates.contains(NodeFactory.createURI(item.get("iri").asText())) && resolved.size() < 20) {
                    resolved.add(item);
                }
            }
            return resolved;
        }
        return out;
    }

    /**
     * One place's panel: its timeline (each period with its reports: role, status, day, source,
     * quotes, article) and its disagreements (each with its versions side by side).
     */
    public ObjectNode place(String iri) {
        Map<String, String> param = Map.of("place", iri);
        ResultSetRewindable rs = runner.select(PLACE_PANEL, param);
        List<QuerySolution> rows = new ArrayList<>();
        Set<Node> iris = new LinkedHashSet<>();
        iris.add(NodeFactory.createURI(iri));
        while (rs.hasNext()) {
            QuerySolution s = rs.next();
            rows.add(s);
            collect(iris, s, "controller", "source", "publisher");
        }
        ResultSetRewindable ds = runner.select(PLACE_DISPUTES, param);
        List<QuerySolution> disputes = new ArrayList<>();
        while (ds.hasNext()) {
            QuerySolution s = ds.next();
            disputes.add(s);
            collect(iris, s, "actor", "source", "publisher");
        }
        Map<String, String> labels = labelsOf(iris).labels;

        ObjectNode out = JSON.objectNode();
        out.put("iri", iri);
        out.put("label", labels.getOrDefault(iri, localName(iri)));
        ArrayNode periods = out.putArray("periods");
        Map<String, ObjectNode> byPeriod = new LinkedHashMap<>();
        Map<String, ObjectNode> byReport = new HashMap<>();
        for (QuerySolution s : rows) {
            String pid = iri(s, "period");
            ObjectNode p = byPeriod.get(pid);
            if (p == null) {
                p = periods.addObject();
                byPeriod.put(pid, p);
                p.put("iri", pid);
                p.put("side", localName(iri(s, "side")));
                p.put("controller", iri(s, "controller"));
                p.put("controllerLabel", label(labels, iri(s, "controller")));
                p.put("since", text(s, "since"));
                p.put("sinceDay", text(s, "sinceDay"));
                p.put("until", text(s, "until"));
                p.put("status", localName(iri(s, "periodStatus")));
                p.put("disputed", bool(s, "disputed"));
                p.putArray("reports");
                p.putArray("sources");
            }
            String report = iri(s, "report");
            if (report == null || "period".equals(text(s, "role"))) {
                continue; // the period's own row
            }
            String key = pid + " " + text(s, "role") + " " + report;
            ObjectNode r = byReport.get(key);
            if (r == null) {
                r = ((ArrayNode) p.get("reports")).addObject();
                byReport.put(key, r);
                r.put("iri", report);
                r.put("role", text(s, "role"));
                r.put("status", localName(iri(s, "status")));
                r.put("day", text(s, "day"));
                r.put("source", label(labels, iri(s, "source")));
                r.set("article", article(s, labels));
                r.putArray("quotes");
                String src = label(labels, iri(s, "source"));
                if (src != null && !contains((ArrayNode) p.get("sources"), src)) {
                    ((ArrayNode) p.get("sources")).add(src);
                }
            }
            String quote = text(s, "quote");
            if (quote != null && !contains((ArrayNode) r.get("quotes"), quote)) {
                ((ArrayNode) r.get("quotes")).add(quote);
            }
        }
        ArrayNode dis = out.putArray("disputes");
        Map<String, ObjectNode> byDisagreement = new LinkedHashMap<>();
        Map<String, ObjectNode> byVersion = new HashMap<>();
        for (QuerySolution s : disputes) {
            String d = iri(s, "disagreement");
            ObjectNode dn = byDisagreement.computeIfAbsent(d, k -> {
                ObjectNode n = dis.addObject();
                n.put("iri", k);
                n.put("aspect", text(s, "aspect"));
                n.putArray("versions");
                return n;
            });
            String v = iri(s, "version");
            ObjectNode vn = byVersion.get(d + " " + v);
            if (vn == null) {
                vn = ((ArrayNode) dn.get("versions")).addObject();
                byVersion.put(d + " " + v, vn);
                vn.put("iri", v);
                vn.put("actor", label(labels, iri(s, "actor")));
                vn.put("status", localName(iri(s, "status")));
                vn.put("day", text(s, "day"));
                vn.put("asOf", text(s, "asOf"));
                vn.put("value", text(s, "value"));
                vn.put("source", label(labels, iri(s, "source")));
                vn.set("article", article(s, labels));
                vn.putArray("quotes");
            }
            String quote = text(s, "quote");
            if (quote != null && !contains((ArrayNode) vn.get("quotes"), quote)) {
                ((ArrayNode) vn.get("quotes")).add(quote);
            }
        }
        return out;
    }

    private static ObjectNode article(QuerySolution s, Map<String, String> labels) {
        ObjectNode a = JSON.objectNode();
        a.put("iri", iri(s, "article"));
        a.put("title", text(s, "headline"));
        a.put("publisher", label(labels, iri(s, "publisher")));
        a.put("date", text(s, "published"));
        String url = text(s, "url");
        // Only web addresses become links: the page never renders other schemes.
        a.put("url", url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : null);
        return a;
    }

    /** Labels (and points, where there are) of IRIs, from one query. */
    Labels labelsOf(Set<Node> iris) {
        Labels out = new Labels(new HashMap<>(), new HashMap<>());
        if (iris.isEmpty()) {
            return out;
        }
        Query q = LABELS.query().cloneQuery();
        Var v = Var.alloc("iri");
        List<Binding> rows = new ArrayList<>();
        iris.stream().filter(Node::isURI).forEach(n -> rows.add(BindingFactory.binding(v, n)));
        ElementData data = new ElementData(List.of(v), rows);
        ElementGroup where = new ElementGroup();
        where.addElement(data);
        ((ElementGroup) q.getQueryPattern()).getElements().forEach(where::addElement);
        q.setQueryPattern(where);
        source.execute(q, timeout, (QueryExec exec) -> {
            exec.select().forEachRemaining(b -> {
                Node iri = b.get(v);
                Node label = b.get(Var.alloc("label"));
                Node wkt = b.get(Var.alloc("point"));
                if (iri != null && label != null && label.isLiteral()) {
                    out.labels.put(iri.getURI(), label.getLiteralLexicalForm());
                }
                if (iri != null && wkt != null && wkt.isLiteral()) {
                    double[] p = point(wkt.getLiteralLexicalForm());
                    if (p != null) {
                        out.points.put(iri.getURI(), p);
                    }
                }
            });
            return null;
        });
        return out;
    }

    record Labels(Map<String, String> labels, Map<String, double[]> points) {}

    /** Adds the IRIs that {@code s} binds to {@code vars} to {@code iris}. */
    static void collect(Set<Node> iris, QuerySolution s, String... vars) {
        for (String var : vars) {
            RDFNode n = s.get(var);
            if (n != null && n.isURIResource()) {
                iris.add(n.asNode());
            }
        }
    }

    private static boolean contains(ArrayNode a, String s) {
        for (var n : a) {
            if (n.asText().equals(s)) {
                return true;
            }
        }
        return false;
    }

    static LocalDate parseDate(String date) {
        if (date == null || !date.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw KgQueryException.badInput("date: expected YYYY-MM-DD, got " + org.conflictkg.facts.Problem.quote(date));
        }
        try {
            return LocalDate.parse(date);
        } catch (java.time.format.DateTimeParseException ex) {
            throw KgQueryException.badInput("date: not a day of the calendar: " + date);
        }
    }

    /** Longitude and latitude of a WKT point, or null. */
    static double[] point(String wkt) {
        if (wkt == null) {
            return null;
        }
        Matcher m = POINT.matcher(wkt);
        if (!m.matches()) {
            return null;
        }
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
    }

    private static String dayOf(String d) {
        return d == null || d.length() < 10 ? d : d.substring(0, 10);
    }

    private static String label(Map<String, String> labels, String iri) {
        return iri == null ? null : labels.getOrDefault(iri, localName(iri));
    }

    static String orLocalName(String label, String iri) {
        return label != null ? label : localName(iri);
    }

    static String localName(String iri) {
        if (iri == null) {
            return null;
        }
        String s = iri.endsWith("/") ? iri.substring(0, iri.length() - 1) : iri;
        int i = Math.max(s.lastIndexOf('/'), s.lastIndexOf('#'));
        return i < 0 ? s : s.substring(i + 1);
    }

    static String iri(QuerySolution s, String var) {
        RDFNode n = s.get(var);
        return n != null && n.isURIResource() ? n.asResource().getURI() : null;
    }

    static String text(QuerySolution s, String var) {
        RDFNode n = s.get(var);
        if (n == null) {
            return null;
        }
        return n.isLiteral() ? n.asLiteral().getLexicalForm() : n.isURIResource() ? n.asResource().getURI() : null;
    }

    private static boolean bool(QuerySolution s, String var) {
        RDFNode n = s.get(var);
        return n != null && n.isLiteral() && "true".equals(n.asLiteral().getLexicalForm());
    }

    private static Integer integer(QuerySolution s, String var) {
        RDFNode n = s.get(var);
        try {
            return n != null && n.isLiteral() ? Integer.valueOf(n.asLiteral().getLexicalForm()) : null;
        } catch (NumberFormatException ex) {
            return null;
        }
    }
}
