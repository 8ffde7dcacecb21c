package org.conflictkg.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.conflictkg.rdf.CKG;
import org.conflictkg.rdf.OntologyLib;

/**
 * Readable labels for IRIs in query results ({@code query --labels}): a vocabulary term by its
 * {@code skos:prefLabel} in the ontology, a node of the store by its canonical name
 * ({@code skos:prefLabel}, else the reference graph's {@code rdfs:label}, else an article's
 * headline); an IRI without a label stays as it is. Labels are looked up once per IRI (cached).
 */
public final class Labels {
    private static final Query LABEL = QueryFactory.create("""
            PREFIX skos:   <http://www.w3.org/2004/02/skos/core#>
            PREFIX rdfs:   <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX kg:     <https://w3id.org/conflict-kg/graph/>
            PREFIX schema: <https://schema.org/>
            SELECT (COALESCE(MIN(?pref), MIN(?name), MIN(?headline)) AS ?label) WHERE {
              OPTIONAL { ?node skos:prefLabel ?pref }
              OPTIONAL { GRAPH kg:reference { ?node rdfs:label ?name } }
              OPTIONAL { ?node schema:headline ?headline }
            }""");
    private static final int CACHE = 10_000;

    private final QuerySource source;
    private final Duration timeout;
    private final Map<Node, Node> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Node, Node> e) {
            return size() > CACHE;
        }
    };

    public Labels(QuerySource source, Duration timeout) {
        this.source = source;
        this.timeout = timeout;
    }

    /** The label of {@code node} as a plain literal; the node itself if it is not an IRI or has no label. */
    public Node label(Node node) {
        if (node == null || !node.isURI()) {
            return node;
        }
        return cache.computeIfAbsent(node, this::lookUp);
    }

    private Node lookUp(Node iri) {
        if (iri.getURI().startsWith(CKG.VOCAB)) {
            Graph onto = OntologyLib.ontology();
            Node pref = NodeFactory.createURI(CKG.SKOS + "prefLabel");
            var it = onto.find(iri, pref, Node.ANY);
            if (it.hasNext()) {
                return NodeFactory.createLiteralString(it.next().getObject().getLiteralLexicalForm());
            }
            return iri;
        }
        Query q = QueryTransformOps.syntaxSubstitute(LABEL, Map.of(Var.alloc("node"), iri));
        return source.execute(q, timeout, exec -> {
            RowSet rows = exec.select();
            Node label = rows.hasNext() ? rows.next().get("label") : null;
            return label == null ? iri : NodeFactory.createLiteralString(label.getLiteralLexicalForm());
        });
    }

    /** The rows with every IRI replaced by its label, streamed. */
    public RowSet relabel(RowSet rows) {
        List<Var> vars = new ArrayList<>(rows.getResultVars());
        Iterator<Binding> it = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Binding next() {
                Binding b = rows.next();
                BindingBuilder out = Binding.builder();
                b.vars().forEachRemaining(v -> out.add(v, label(b.get(v))));
                return out.build();
            }
        };
        return RowSetStream.create(vars, it);
    }
}
