package org.conflictkg.link;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDFS;
import org.conflictkg.facts.Article;
import org.conflictkg.http.RemoteDataset;
import org.conflictkg.facts.ArticleFacts;
import org.conflictkg.facts.FactsEnum;
import org.conflictkg.facts.Place;
import org.conflictkg.facts.PlaceKind;
import org.conflictkg.rdf.CKG;
import org.conflictkg.rdf.IriLib;
import org.conflictkg.gazetteer.Candidate;
import org.conflictkg.gazetteer.Gazetteer;
import org.conflictkg.gazetteer.LinkResult;
import org.conflictkg.gazetteer.PlaceMatcher;

/**
 * The {@code link} stage over a store: links the places of every article graph to the gazetteer
 * (each article's places in the context of its own {@code within} chains), optionally joins
 * Wikidata items by GeoNames id, and replaces the links graph with the result. A place named in
 * several articles keeps its most confident link.
 */
public final class LinkStage {

    /** What linking found: counts, and each place left ambiguous or unlinked with its candidates. */
    public record Report(int linked, int ambiguous, int unlinked, int wikidata, List<Entry> notLinked) {
    }

    /** A place that was not linked: its IRI, name, status and top candidates. */
    public record Entry(String place, String name, LinkResult.Status status, List<Candidate> candidates) {
    }

    private static final Query PLACES = QueryFactory.create("""
            PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?g ?place ?label ?kind ?within ?gn WHERE {
              GRAPH ?g { ?place ckg:placeKind ?kind ; rdfs:label ?label . OPTIONAL { ?place ckg:within ?within } }
              OPTIONAL { GRAPH <https://w3id.org/conflict-kg/graph/reference> { ?place ckg:geonamesId ?gn } }
              FILTER(STRSTARTS(STR(?g), "https://w3id.org/conflict-kg/graph/article/"))
            } ORDER BY ?g ?place ?label ?kind ?within ?gn""");

    private final ArticleLinker linker;
    private final WikidataClient wikidata;

    private LinkStage(ArticleLinker linker, WikidataClient wikidata) {
        this.linker = linker;
        this.wikidata = wikidata;
    }

    /** A stage over a gazetteer; {@code wikidata} may be null to skip Wikidata. */
    public static LinkStage create(Gazetteer gazetteer, WikidataClient wikidata) {
        return new LinkStage(new ArticleLinker(new PlaceMatcher(Objects.requireNonNull(gazetteer))), wikidata);
    }

    /** Links every place in the store and replaces the links graph. */
    public Report run(DatasetGraph dsg) {
        return run(dsg, org.conflictkg.Progress.none());
    }

    /** As {@link #run(DatasetGraph)}, telling {@code progress} of each article whose places are linked. */
    public Report run(DatasetGraph dsg, org.conflictkg.Progress progress) {
        Map<String, ArticleFacts> articles = Txn.calculateRead(dsg, () -> {
            List<Binding> rows = new ArrayList<>();
            try (QueryExec qe = QueryExec.dataset(dsg).query(PLACES).build()) {
                qe.select().forEachRemaining(rows::add);
            }
            return readArticles(rows);
        });
        Linking linking = new Linking();
        progress.start("articles", articles.size());
        try {
            for (ArticleFacts f : articles.values()) {
                linking.add(f);
                progress.advance(1);
            }
        } finally {
            progress.finish();
        }
        Map<String, WikidataClient.Item> items = linking.wikidataItems();
        List<Quad> quads = new ArrayList<>();
        linking.quads(linking.best, items, quads::add);
        Txn.executeWrite(dsg, () -> {
            dsg.deleteAny(CKG.GRAPH_LINKS, Node.ANY, Node.ANY, Node.ANY);
            quads.forEach(dsg::add);
        });
        return linking.report();
    }

    private static final Query ARTICLE_COUNT = QueryFactory.create("""
            PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
            SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE {
              GRAPH ?g { ?place ckg:placeKind ?kind }
              FILTER(STRSTARTS(STR(?g), "https://w3id.org/conflict-kg/graph/article/"))
            }""");

    private static final Query ARTICLES_AFTER = QueryFactory.create("""
            PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
            SELECT DISTINCT ?g WHERE {
              GRAPH ?g { ?place ckg:placeKind ?kind }
              FILTER(STRSTARTS(STR(?g), "https://w3id.org/conflict-kg/graph/article/") && STR(?g) > ?after)
            } ORDER BY STR(?g)""");

    /**
     * Links every place of a remote store and replaces its links graph, in memory bounded by
     * {@code batch} articles plus one result per distinct place (not per article): the article
     * graphs that name places are read {@code batch} at a time (keyset paging on the graph IRI,
     * {@code ORDER BY} and {@code LIMIT}, the last IRI of a page substituted into the parsed
     * query), with their places (a {@code VALUES} block of the page's graphs); each article is
     * linked as {@link #run(DatasetGraph)} links it. Then the links graph is deleted (Graph Store
     * Protocol DELETE) and the links are added {@code batch} places per POST (a graph is a set: a
     * retried POST changes nothing). The links are those {@link #run(DatasetGraph)} writes for the
     * same articles. Readers see a partial links graph while it is written.
     *
     * @param progress told of the articles linked, of how many
     */
    public Report run(RemoteDataset remote, int batch, org.conflictkg.Progress progress) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1");
        }
        List<Binding> n = remote.select(ARTICLE_COUNT);
        Node total = n.isEmpty() ? null : n.get(0).get("n");
        Linking linking = new Linking();
        progress.start("articles", total == null ? org.conflictkg.Progress.UNKNOWN
                : Long.parseLong(total.getLiteralLexicalForm()));
        try {
            String after = "";
            while (true) {
                Query page = QueryTransformOps.syntaxSubstitute(ARTICLES_AFTER,
                        Map.of(Var.alloc("after"), NodeFactory.createLiteralString(after)));
                page.setLimit(batch);
                List<Node> graphs = new ArrayList<>();
                remote.select(page).forEach(b -> graphs.add(b.get("g")));
                if (graphs.isEmpty()) {
                    break;
                }
                for (ArticleFacts f : readArticles(remote.select(valuesFirst(PLACES, "g", graphs))).values()) {
                    linking.add(f);
                    progress.advance(1);
                }
                after = graphs.get(graphs.size() - 1).getURI();
                if (graphs.size() < batch) {
                    break;
                }
            }
        } finally {
            progress.finish();
        }
        Map<String, WikidataClient.Item> items = linking.wikidataItems();
        remote.delete(CKG.GRAPH_LINKS);
        Map<String, LinkResult> part = new LinkedHashMap<>();
        for (Map.Entry<String, LinkResult> e : linking.best.entrySet()) {
            part.put(e.getKey(), e.getValue());
            if (part.size() == batch) {
                post(remote, linking, part, items);
                part.clear();
            }
        }
        post(remote, linking, part, items);
        return linking.report();
    }

    private static void post(RemoteDataset remote, Linking linking, Map<String, LinkResult> part,
                             Map<String, WikidataClient.Item> items) {
        org.apache.jena.graph.Graph g = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        linking.quads(part, items, q -> g.add(q.asTriple()));
        if (!g.isEmpty()) {
            remote.post(CKG.GRAPH_LINKS, g);
        }
    }

    /** The query, limited to the given values of {@code var} by a VALUES block placed first in its pattern. */
    private static Query valuesFirst(Query query, String var, java.util.Collection<Node> values) {
        return org.conflictkg.rdf.SparqlLib.withValues(query, var, values);
    }

    /** What linking has found so far: the best result and first name of each place. */
    private final class Linking {
        final Map<String, LinkResult> best = new LinkedHashMap<>();
        final Map<String, String> names = new LinkedHashMap<>();
        Map<String, WikidataClient.Item> items = Map.of();

        void add(ArticleFacts f) {
            linker.link(f).forEach((iri, r) -> best.merge(iri, r, LinkStage::better));
            f.places().forEach(p -> names.putIfAbsent(p.id(), p.name()));
        }

        Map<String, WikidataClient.Item> wikidataItems() {
            if (wikidata == null) {
                return Map.of();
            }
            List<String> ids = best.values().stream().filter(LinkResult::isLinked)
                    .map(r -> Long.toString(r.geonamesId().getAsLong())).distinct().toList();
            items = wikidata.lookup(ids);
            return items;
        }

        /** The quads of the links graph for {@code results}, Wikidata items included. */
        void quads(Map<String, LinkResult> results, Map<String, WikidataClient.Item> found,
                   java.util.function.Consumer<Quad> out) {
            StreamRDF sink = new org.apache.jena.riot.system.StreamRDFBase() {
                @Override
                public void quad(Quad quad) {
                    out.accept(quad);
                }
            };
            GeoNamesLinksWriter.write(sink, results);
            results.forEach((iri, r) -> {
                if (!r.isLinked()) {
                    return;
                }
                WikidataClient.Item item = found.get(Long.toString(r.geonamesId().getAsLong()));
                if (item != null) {
                    Node place = NodeFactory.createURI(iri);
                    out.accept(Quad.create(CKG.GRAPH_LINKS, place, CKG.skos_exactMatch, IriLib.wikidataEntity(item.qid())));
                    out.accept(Quad.create(CKG.GRAPH_LINKS, place, CKG.wikidataId, NodeFactory.createLiteralString(item.qid())));
                    if (item.label() != null) {
                        out.accept(Quad.create(CKG.GRAPH_LINKS, place, RDFS.label.asNode(),
                                NodeFactory.createLiteralLang(item.label(), "en")));
                    }
                }
            });
        }

        Report report() {
            int linked = 0;
            int ambiguous = 0;
            int unlinked = 0;
            int wd = 0;
            List<Entry> notLinked = new ArrayList<>();
            for (Map.Entry<String, LinkResult> e : best.entrySet()) {
                LinkResult r = e.getValue();
                switch (r.status()) {
                    case LINKED -> linked++;
                    case AMBIGUOUS -> ambiguous++;
                    case UNLINKED -> unlinked++;
                }
                if (r.isLinked() && items.containsKey(Long.toString(r.geonamesId().getAsLong()))) {
                    wd++;
                }
                if (!r.isLinked()) {
                    notLinked.add(new Entry(e.getKey(), names.get(e.getKey()), r.status(), r.candidates()));
                }
            }
            notLinked.sort(Comparator.comparing(Entry::status).thenComparing(Entry::place));
            return new Report(linked, ambiguous, unlinked, wd, notLinked);
        }
    }

    private static LinkResult better(LinkResult a, LinkResult b) {
        if (a.isLinked() != b.isLinked()) {
            return a.isLinked() ? a : b;
        }
        if (a.status() != b.status()) {
            return a.status() == LinkResult.Status.AMBIGUOUS ? a : b;
        }
        return b.confidence() > a.confidence() ? b : a;
    }

    /** The places of each article graph, as a facts document of places only (ids are place IRIs). */
    private static Map<String, ArticleFacts> readArticles(List<Binding> rows) {
        Map<String, List<Place>> byGraph = new LinkedHashMap<>();
        Map<String, String> seen = new LinkedHashMap<>();
        {
            rows.forEach(b -> {
                String g = b.get("g").getURI();
                String iri = b.get("place").getURI();
                if (seen.put(g + " " + iri, iri) != null) {
                    return;  // one label per place and article is enough
                }
                String kindCode = b.get("kind").getURI().substring(b.get("kind").getURI().lastIndexOf('/') + 1);
                PlaceKind kind = FactsEnum.fromCode(PlaceKind.class, kindCode);
                Node within = b.get("within");
                Node gn = b.get("gn");
                byGraph.computeIfAbsent(g, k -> new ArrayList<>()).add(new Place(iri,
                        b.get("label").getLiteralLexicalForm(), kind, within == null ? null : within.getURI(),
                        gn == null ? null : gn.getLiteralLexicalForm(), null, List.of()));
            });
        }
        Map<String, ArticleFacts> out = new LinkedHashMap<>();
        byGraph.forEach((g, places) -> {
            // within must name a place of the same document; drop references to places this graph lacks
            List<String> ids = places.stream().map(Place::id).toList();
            List<Place> fixed = places.stream().map(p -> p.within() == null || ids.contains(p.within()) ? p
                    : new Place(p.id(), p.name(), p.kind(), null, p.geonames(), p.wikidata(), p.mentions())).toList();
            out.put(g, new ArticleFacts(new Article(g, null, null, null, null, null, List.of(), null),
                    List.of(), fixed, List.of(), List.of(), List.of(), List.of()));
        });
        return out;
    }
}
