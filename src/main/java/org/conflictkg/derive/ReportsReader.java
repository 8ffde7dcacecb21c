package org.conflictkg.derive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.conflictkg.facts.ActorRegistry;
import org.conflictkg.rdf.CKG;

/**
 * Reads reports from a dataset's union graph with fixed queries (no input is spliced into them).
 * Must run inside a read transaction when the dataset is transactional.
 */
final class ReportsReader {

    private static final String PREFIXES = """
            PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX schema: <https://schema.org/>
            """;

    /** Each actor's sides, from the reference graph and from the articles: distinct, not one row per article. */
    private static final Query SIDES = QueryFactory.create(PREFIXES + """
            SELECT DISTINCT ?actor ?side ?ref WHERE {
              { GRAPH <https://w3id.org/conflict-kg/graph/reference> { ?actor ckg:side ?side } BIND(true AS ?ref) }
              UNION
              { GRAPH ?g { ?actor ckg:side ?side } FILTER(?g != <https://w3id.org/conflict-kg/graph/reference>) BIND(false AS ?ref) }
            }""");

    private static final Query ARTICLE_SOURCES = QueryFactory.create(PREFIXES + """
            SELECT ?article ?published ?credit ?publisher WHERE {
              ?article a schema:NewsArticle .
              OPTIONAL { ?article schema:datePublished ?published }
              OPTIONAL { ?article schema:contributor ?credit }
              OPTIONAL { ?article schema:publisher ?publisher }
            }""");

    private static final Query ATTRIBUTION = QueryFactory.create(PREFIXES + """
            SELECT ?x ?source WHERE {
              ?x prov:wasAttributedTo ?source .
              ?x a ?type . VALUES ?type { ckg:ControlChange ckg:ControlPeriod ckg:Figure }
            }""");

    /**
     * The sources of the articles of the reports about given places ({@code ?place}): one query
     * for a page of places, however many reports and articles they have (a list of their
     * articles would need a query per thousand of them on a remote store).
     */
    private static final Query ARTICLE_SOURCES_ABOUT = QueryFactory.create(PREFIXES + """
            SELECT DISTINCT ?article ?published ?credit ?publisher WHERE {
              { ?x ckg:territory ?place } UNION { ?x ckg:aboutPlace ?place }
              ?x prov:wasDerivedFrom ?article .
              ?article a schema:NewsArticle .
              OPTIONAL { ?article schema:datePublished ?published }
              OPTIONAL { ?article schema:contributor ?credit }
              OPTIONAL { ?article schema:publisher ?publisher }
            }""");

    /** The attribution of the reports about given places ({@code ?place}), as {@link #ARTICLE_SOURCES_ABOUT}. */
    private static final Query ATTRIBUTION_ABOUT = QueryFactory.create(PREFIXES + """
            SELECT DISTINCT ?x ?source WHERE {
              { ?x ckg:territory ?place } UNION { ?x ckg:aboutPlace ?place }
              ?x prov:wasAttributedTo ?source .
              ?x a ?type . VALUES ?type { ckg:ControlChange ckg:ControlPeriod ckg:Figure }
            }""");

    private static final Query CHANGES = QueryFactory.create(PREFIXES + """
            PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
            SELECT ?e ?article ?place ?from ?to ?status ?earliest ?latest ?stamp ?begin WHERE {
              ?e a ckg:ControlChange ; ckg:territory ?place ; ckg:toActor ?to ; prov:wasDerivedFrom ?article .
              OPTIONAL { ?e sem:hasTimeStamp ?stamp }
              OPTIONAL { ?e sem:hasBeginTimeStamp ?begin }
              OPTIONAL { ?e ckg:fromActor ?from }
              OPTIONAL { ?e ckg:status ?status }
              OPTIONAL { ?e ckg:earliest ?earliest }
              OPTIONAL { ?e ckg:latest ?latest }
            }""");

    private static final Query STATES = QueryFactory.create(PREFIXES + """
            SELECT ?c ?article ?place ?controller ?status ?from ?to ?asOf ?startDate WHERE {
              ?c a ckg:ControlPeriod ; ckg:territory ?place ; ckg:controller ?controller ; prov:wasDerivedFrom ?article .
              OPTIONAL { ?c ckg:startDate ?startDate }
              OPTIONAL { ?c ckg:status ?status }
              OPTIONAL { ?c ckg:earliest ?from }
              OPTIONAL { ?c ckg:latest ?to }
              OPTIONAL { ?c ckg:asOf ?asOf }
            }""");

    private static final String FIGURE_PATTERN = """
              ?f a ckg:Figure ; ckg:measure ?measure ; prov:wasDerivedFrom ?article .
              OPTIONAL { ?f ckg:group ?group }
              OPTIONAL { ?f ckg:value ?value }
              OPTIONAL { ?f ckg:low ?low }
              OPTIONAL { ?f ckg:high ?high }
              OPTIONAL { ?f ckg:aboutPlace ?place }
              OPTIONAL { ?f ckg:earliest ?earliest }
              OPTIONAL { ?f ckg:latest ?latest }
              OPTIONAL { ?f ckg:asOf ?asOf }
            }""";
    private static final String FIGURE_SELECT =
            "SELECT ?f ?article ?measure ?group ?value ?low ?high ?place ?earliest ?latest ?asOf WHERE {\n";

    private static final Query FIGURES = QueryFactory.create(PREFIXES + FIGURE_SELECT + FIGURE_PATTERN);

    /** The figures about given places ({@code ?restrict}), with all their places. */
    private static final Query FIGURES_ABOUT = QueryFactory.create(PREFIXES + FIGURE_SELECT
            + "  ?f ckg:aboutPlace ?restrict .\n" + FIGURE_PATTERN);

    /** The figures about no place. */
    private static final Query FIGURES_ABOUT_NO_PLACE = QueryFactory.create(PREFIXES + FIGURE_SELECT
            + "  FILTER NOT EXISTS { ?f ckg:aboutPlace ?anyPlace }\n" + FIGURE_PATTERN);



    /** Where the reports are read. */
    private final Source source;
    /** Only reports about these places (null: all). */
    private final java.util.Collection<Node> only;
    /** With {@link #only}: also read the figures about no place. */
    private final boolean placelessFigures;
    private final ActorRegistry registry;
    private final Map<Node, String> sides = new HashMap<>();
    private final Map<Node, Set<Node>> attribution = new HashMap<>();
    private final Map<Node, ArticleInfo> articles = new HashMap<>();

    private record ArticleInfo(LocalDate published, Set<Node> credits, Node publisher) {
        Set<Node> defaultSources(Node article) {
            if (!credits.isEmpty()) {
                return credits;
            }
            return Set.of(publisher != null ? publisher : article);
        }
    }

    ReportsReader(DatasetGraph dsg, ActorRegistry registry) {
        this(Source.of(dsg), registry, null, false);
    }

    ReportsReader(DatasetGraph dsg, ActorRegistry registry, java.util.Collection<Node> places,
                  boolean placelessFigures) {
        this(Source.of(dsg), registry, places, placelessFigures);
    }

    /**
     * A reader of the reports about {@code places} only (null: all): their control changes and
     * states, and the figures about any of them; and, if {@code placelessFigures}, the figures
     * about no place too (else they are left out).
     */
    ReportsReader(Source source, ActorRegistry registry, java.util.Collection<Node> places,
                  boolean placelessFigures) {
        this.only = places;
        this.placelessFigures = placelessFigures;
        this.source = source;
        this.registry = registry;
    }

    private static final Query PLACES = QueryFactory.create(PREFIXES + """
            SELECT DISTINCT ?place WHERE {
              { ?e a ckg:ControlChange ; ckg:territory ?place }
              UNION { ?c a ckg:ControlPeriod ; ckg:territory ?place }
              UNION { ?f a ckg:Figure ; ckg:aboutPlace ?place }
            }""");

    /** Every place some report (control change, control state, figure) is about, in a fixed order. */
    static List<Node> places(DatasetGraph dsg) {
        List<Node> places = new ArrayList<>();
        Source.of(dsg).union(PLACES).forEach(b -> places.add(b.get("place")));
        places.sort(org.apache.jena.sparql.util.NodeCmp::compareRDFTerms);
        return places;
    }

    Reports read() {
        // The reports first; then what they need (sides of their actors, sources of their
        // articles), asked for only those when reading a few places' reports.
        List<Binding> changeRows = new ArrayList<>();
        selectUnion(CHANGES, "place", only, changeRows::add);
        List<Binding> stateRows = new ArrayList<>();
        selectUnion(STATES, "place", only, stateRows::add);
        Map<Node, FigureBuilder> figures = new LinkedHashMap<>();
        Consumer<Binding> figureRow = b -> {
            FigureBuilder fb = figures.computeIfAbsent(b.get("f"), k -> new FigureBuilder(k, b));
            if (b.get("place") != null) {
                fb.places.add(b.get("place"));
            }
        };
        if (only == null) {
            selectUnion(FIGURES, null, null, figureRow);
        } else {
            selectUnion(FIGURES_ABOUT, "restrict", only, figureRow);
        }
        if (only != null && placelessFigures) {
            selectUnion(FIGURES_ABOUT_NO_PLACE, null, null, figureRow);
        }

        Set<Node> actors = new LinkedHashSet<>();
        for (Binding b : changeRows) {
            actors.add(b.get("to"));
            if (b.get("from") != null) {
                actors.add(b.get("from"));
            }
        }
        for (Binding b : stateRows) {
            actors.add(b.get("controller"));
        }
        // The figures about no place, found by their own nodes; all other reports by their places.
        Set<Node> placelessArticles = new LinkedHashSet<>();
        Set<Node> placelessReports = new LinkedHashSet<>();
        figures.values().stream().filter(f -> f.places.isEmpty()).forEach(f -> {
            placelessArticles.add(f.first.get("article"));
            placelessReports.add(f.node);
        });
        boolean all = only == null;
        readSides(all ? null : actors);
        List<Binding> articleRows = all ? rows(ARTICLE_SOURCES, null, null, source::union)
                : concat(rows(ARTICLE_SOURCES_ABOUT, "place", only, source::union),
                        rows(ARTICLE_SOURCES, "article", placelessArticles, source::union));
        sorted(ARTICLE_SOURCES, articleRows).forEach(b -> {
            Node a = b.get("article");
            ArticleInfo prev = articles.get(a);
            Set<Node> credits = prev == null ? new LinkedHashSet<>() : prev.credits();
            if (b.get("credit") != null) {
                credits.add(b.get("credit"));
            }
            articles.put(a, new ArticleInfo(date(b.get("published")), credits,
                    b.get("publisher") != null ? b.get("publisher") : prev == null ? null : prev.publisher()));
        });
        List<Binding> attributionRows = all ? rows(ATTRIBUTION, null, null, source::union)
                : concat(rows(ATTRIBUTION_ABOUT, "place", only, source::union),
                        rows(ATTRIBUTION, "x", placelessReports, source::union));
        sorted(ATTRIBUTION, attributionRows).forEach(
                b -> attribution.computeIfAbsent(b.get("x"), k -> new LinkedHashSet<>()).add(b.get("source")));

        List<Reports.Change> changes = new ArrayList<>();
        Set<Node> seenReports = new java.util.HashSet<>();
        for (Binding b : changeRows) {
            if (!seenReports.add(b.get("e"))) {
                continue;  // one report per event: the first of its rows in canonical order
            }
            Node article = b.get("article");
            ArticleInfo info = articles.get(article);
            LocalDate earliest = date(b.get("earliest"));
            LocalDate latest = date(b.get("latest"));
            if (earliest == null && latest == null && info != null) {
                earliest = latest = info.published();
            }
            if (earliest == null) {
                earliest = latest;
            }
            if (latest == null) {
                latest = info != null && info.published() != null ? info.published() : earliest;
            }
            if (earliest == null) {
                continue;  // no date at all: cannot be placed on a timeline
            }
            Node from = b.get("from");
            changes.add(new Reports.Change(b.get("e"), article, b.get("place"), from, b.get("to"),
                    from == null ? null : side(from), side(b.get("to")), code(b.get("status")), earliest, latest,
                    sources(b.get("e"), article), b.get("stamp") != null ? b.get("stamp") : b.get("begin")));
        }

        List<Reports.State> states = new ArrayList<>();
        for (Binding b : stateRows) {
            if (!seenReports.add(b.get("c"))) {
                continue;
            }
            Node article = b.get("article");
            states.add(new Reports.State(b.get("c"), article, b.get("place"), b.get("controller"),
                    side(b.get("controller")), date(b.get("from")), date(b.get("to")), date(b.get("asOf")),
                    code(b.get("status")), sources(b.get("c"), article), b.get("startDate")));
        }

        List<Reports.FigureReport> figs = new ArrayList<>();
        figures.values().forEach(fb -> figs.add(fb.build()));
        return new Reports(changes, states, figs);
    }

    private final class FigureBuilder {
        final Node node;
        final Binding first;
        final Set<Node> places = new LinkedHashSet<>();

        FigureBuilder(Node node, Binding first) {
            this.node = node;
            this.first = first;
        }

        Reports.FigureReport build() {
            Node article = first.get("article");
            LocalDate earliest = date(first.get("earliest"));
            LocalDate latest = date(first.get("latest"));
            LocalDate asOf = date(first.get("asOf"));
            if (earliest == null && latest == null && asOf != null) {
                earliest = latest = asOf;
            }
            Node group = first.get("group");
            return new Reports.FigureReport(node, article, code(first.get("measure")),
                    group == null ? null : group.getLiteralLexicalForm(), number(first.get("value")),
                    number(first.get("low")), number(first.get("high")), Set.copyOf(places), earliest, latest,
                    sources(node, article));
        }
    }

    private void readSides(java.util.Collection<Node> actors) {
        Map<Node, String> fromArticles = new HashMap<>();
        selectNamed(SIDES, "actor", actors, b -> {
            String s = registry.coarseSide(code(b.get("side")));
            if (b.get("ref").getLiteralLexicalForm().equals("true")) {
                sides.putIfAbsent(b.get("actor"), s);
            } else {
                fromArticles.putIfAbsent(b.get("actor"), s);
            }
        });
        fromArticles.forEach(sides::putIfAbsent);
    }

    /** The coarse side of an actor; an actor of no known side is a side of its own. */
    private String side(Node actor) {
        String s = sides.get(actor);
        return s != null ? s : actor.getURI();
    }

    private Set<Node> sources(Node report, Node article) {
        Set<Node> attributed = attribution.get(report);
        if (attributed != null && !attributed.isEmpty()) {
            return Set.copyOf(attributed);
        }
        ArticleInfo info = articles.get(article);
        return info == null ? Set.of(article) : Set.copyOf(info.defaultSources(article));
    }

    /**
     * The query, limited to the given values of {@code var} (unchanged when null) by a VALUES
     * block placed first in its pattern, so that evaluation starts from those values.
     */
    static Query restrict(Query query, String var, java.util.Collection<Node> values) {
        return values == null ? query : org.conflictkg.rdf.SparqlLib.withValues(query, var, values);
    }

    /**
     * The query with its pattern inside {@code GRAPH <urn:x-arq:UnionGraph>}: the union of the
     * named graphs, whatever the dataset's default graph is. TDB2 evaluates this natively, much
     * faster than a query over a wrapped union graph.
     */
    static Query inUnion(Query query) {
        Query q = query.cloneQuery();
        org.apache.jena.sparql.syntax.ElementGroup group = new org.apache.jena.sparql.syntax.ElementGroup();
        group.addElement(new org.apache.jena.sparql.syntax.ElementNamedGraph(
                org.apache.jena.sparql.core.Quad.unionGraph, q.getQueryPattern()));
        q.setQueryPattern(group);
        return q;
    }

    /**
     * Passes the rows of a query over the union of the named graphs to {@code row} in a
     * canonical order (by the values of its variables in order, as RDF terms), not in the order
     * the store happens to answer in: where a reader keeps the first or last of several rows, the
     * choice depends on the data only. With {@code var}, only the rows whose {@code var} is one of
     * {@code values} (null: all), asked {@link Source#maxValues} values at a time.
     */
    private void selectUnion(Query query, String var, java.util.Collection<Node> values, Consumer<Binding> row) {
        sorted(query, rows(query, var, values, source::union)).forEach(row);
    }

    /** As {@link #selectUnion}, for a query that names its graphs itself. */
    private void selectNamed(Query query, String var, java.util.Collection<Node> values, Consumer<Binding> row) {
        sorted(query, rows(query, var, values, source::named)).forEach(row);
    }

    private static List<Binding> concat(List<Binding> a, List<Binding> b) {
        a.addAll(b);
        return a;
    }

    /** The rows of {@code query} restricted to {@code values} of {@code var}, in as many queries as the source needs. */
    private List<Binding> rows(Query query, String var, java.util.Collection<Node> values,
                               java.util.function.Function<Query, List<Binding>> select) {
        return rows(query, var, values, source.maxValues(), select);
    }

    /**
     * The rows of {@code query} restricted to {@code values} of {@code var} (null: all), asked
     * {@code step} values at a time through {@code select}.
     */
    static List<Binding> rows(Query query, String var, java.util.Collection<Node> values, int step,
                              java.util.function.Function<Query, List<Binding>> select) {
        if (values == null) {
            return new ArrayList<>(select.apply(query));
        }
        List<Node> all = List.copyOf(values);
        List<Binding> rows = new ArrayList<>();
        for (int i = 0; i < all.size(); i += step) {
            rows.addAll(select.apply(restrict(query, var, all.subList(i, Math.min(all.size(), i + step)))));
        }
        return rows;
    }

    /** The rows, in the canonical order of {@link #selectUnion}. */
    static List<Binding> sorted(Query query, List<Binding> rows) {
        List<org.apache.jena.sparql.core.Var> vars = query.getProjectVars();
        rows.sort((a, b) -> {
            for (org.apache.jena.sparql.core.Var v : vars) {
                int c = compareTerms(a.get(v), b.get(v));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        });
        return rows;
    }

    /** A total order of RDF terms (absent first), the same whatever store they come from. */
    static int compareTerms(Node a, Node b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return org.apache.jena.sparql.util.NodeCmp.compareRDFTerms(a, b);
    }

    /** The local code of a controlled value ({@code .../status/completed} gives {@code completed}). */
    static String code(Node n) {
        if (n == null) {
            return null;
        }
        String s = n.isURI() ? n.getURI() : n.getLiteralLexicalForm();
        return s.substring(s.lastIndexOf('/') + 1);
    }

    static LocalDate date(Node n) {
        if (n == null || !n.isLiteral()) {
            return null;
        }
        String lex = n.getLiteralLexicalForm();
        try {
            return switch (lex.length()) {
                case 4 -> LocalDate.of(Integer.parseInt(lex), 1, 1);
                case 7 -> LocalDate.parse(lex + "-01");
                default -> LocalDate.parse(lex.substring(0, 10));
            };
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static BigDecimal number(Node n) {
        if (n == null || !n.isLiteral()) {
            return null;
        }
        try {
            return new BigDecimal(n.getLiteralLexicalForm());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static boolean isReference(Node g) {
        return CKG.GRAPH_REFERENCE.equals(g);
    }
}
