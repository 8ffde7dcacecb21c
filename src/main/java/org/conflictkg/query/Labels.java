package org.conflictkg.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.conflictkg.rdf.CKG;
import org.conflictkg.rdf.OntologyLib;

/**
 * Readable labels for IRIs in query results (the table format and {@code query --labels}): a
 * vocabulary term by its {@code skos:prefLabel} in the ontology, a node of the store by its
 * canonical name ({@code skos:prefLabel}, else the reference graph's {@code rdfs:label}, else an
 * article's headline); an IRI without a label has none. The IRIs are looked up in batches: they
 * are put into the parsed label query as a {@code VALUES} block, {@value #BATCH} per query, and
 * each answer is cached.
 */
public final class Labels {
    /** IRIs per label query, and rows per batch when relabelling a stream of rows. */
    static final int BATCH = 500;
    private static final int CACHE = 10_000;
    private static final Var S = Var.alloc("s");
    private static final Query LABELS = QueryFactory.create("""
            PREFIX skos:   <http://www.w3.org/2004/02/skos/core#>
            PREFIX rdfs:   <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX kg:     <https://w3id.org/conflict-kg/graph/>
            PREFIX schema: <https://schema.org/>
            SELECT ?s (COALESCE(MIN(?pref), MIN(?name), MIN(?headline)) AS ?label) WHERE {
              OPTIONAL { ?s skos:prefLabel ?pref }
              OPTIONAL { GRAPH kg:reference { ?s rdfs:label ?name } }
              OPTIONAL { ?s schema:headline ?headline }
            } GROUP BY ?s""");

    private final QuerySource source;
    private final Duration timeout;
    /** Answers so far; an empty value means "no label". */
    private final Map<Node, Optional<String>> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Node, Optional<String>> e) {
            return size() > CACHE;
        }
    };

    public Labels(QuerySource source, Duration timeout) {
        this.source = Objects.requireNonNull(source);
        this.timeout = Objects.requireNonNull(timeout);
    }

    /** The label of each IRI among {@code nodes} that has one (other nodes are skipped). */
    public Map<Node, String> labels(Collection<Node> nodes) {
        Map<Node, String> out = new HashMap<>();
        List<Node> ask = new ArrayList<>();
        for (Node n : new LinkedHashSet<>(nodes)) {
            if (n == null || !n.isURI()) {
                continue;
            }
            Optional<String> known = cache.get(n);
            if (known != null) {
                known.ifPresent(l -> out.put(n, l));
            } else if (n.getURI().startsWith(CKG.VOCAB)) {
                Optional<String> l = vocabularyLabel(n);
                cache.put(n, l);
                l.ifPresent(s -> out.put(n, s));
            } else {
                ask.add(n);
            }
        }
        for (int from = 0; from < ask.size(); from += BATCH) {
            List<Node> batch = ask.subList(from, Math.min(ask.size(), from + BATCH));
            Map<Node, String> found = lookUp(batch);
            for (Node n : batch) {
                String l = found.get(n);
                cache.put(n, Optional.ofNullable(l));
                if (l != null) {
                    out.put(n, l);
                }
            }
        }
        return out;
    }

    /** The label of {@code node} as a plain literal; the node itself if it is not an IRI or has no label. */
    public Node label(Node node) {
        return relabel(node, labels(node == null ? List.of() : List.of(node)));
    }

    /**
     * The rows with every IRI replaced by its label, streamed: rows are read {@value #BATCH} at a
     * time, and the IRIs of each batch are looked up together.
     */
    public RowSet relabel(RowSet rows) {
        List<Var> vars = new ArrayList<>(rows.getResultVars());
        Iterator<Binding> it = new Iterator<>() {
            private Iterator<Binding> batch = List.<Binding>of().iterator();

            @Override
            public boolean hasNext() {
                if (!batch.hasNext() && rows.hasNext()) {
                    batch = nextBatch();
                }
                return batch.hasNext();
            }

            @Override
            public Binding next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return batch.next();
            }

            private Iterator<Binding> nextBatch() {
                List<Binding> in = new ArrayList<>(BATCH);
                Set<Node> iris = new LinkedHashSet<>();
                while (in.size() < BATCH && rows.hasNext()) {
                    Binding b = rows.next();
                    in.add(b);
                    b.vars().forEachRemaining(v -> iris.add(b.get(v)));
                }
                Map<Node, String> known = labels(iris);
                List<Binding> out = new ArrayList<>(in.size());
                for (Binding b : in) {
                    BindingBuilder row = Binding.builder();
                    b.vars().forEachRemaining(v -> row.add(v, relabel(b.get(v), known)));
                    out.add(row.build());
                }
                return out.iterator();
            }
        };
        return RowSetStream.create(vars, it);
    }

    private static Node relabel(Node node, Map<Node, String> known) {
        String l = node == null ? null : known.get(node);
        return l == null ? node : NodeFactory.createLiteralString(l);
    }

    private static Optional<String> vocabularyLabel(Node term) {
        Graph onto = OntologyLib.ontology();
        var it = onto.find(term, NodeFactory.createURI(CKG.SKOS + "prefLabel"), Node.ANY);
        while (it.hasNext()) {
            Node o = it.next().getObject();
            if (o.isLiteral()) {
                return Optional.of(o.getLiteralLexicalForm());
            }
        }
        return Optional.empty();
    }

    private Map<Node, String> lookUp(List<Node> iris) {
        Query q = LABELS.cloneQuery();
        ElementData data = new ElementData();
        data.add(S);
        iris.forEach(n -> data.add(BindingFactory.binding(S, n)));
        ((ElementGroup) q.getQueryPattern()).getElements().add(0, data);
        Map<Node, String> out = new HashMap<>();
        source.execute(q, timeout, exec -> {
            exec.select().forEachRemaining(b -> {
                Node l = b.get("label");
                if (l != null && l.isLiteral()) {
                    out.put(b.get("s"), l.getLiteralLexicalForm());
                }
            });
            return null;
        });
        return out;
    }
}
