package org.conflictkg.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.conflictkg.rdf.CKG;
import org.conflictkg.rdf.OntologyLib;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one label lookup behind the table format and {@code --labels}. */
class LabelsTest {
    static final String EX = "https://example.org/";
    static final Node SCHEMA_HEADLINE = NodeFactory.createURI("https://schema.org/headline");
    static final Node RDFS_LABEL = NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label");
    static final int MANY = Labels.BATCH * 2 + 7;

    DatasetGraph dsg;
    AtomicInteger queries;
    QuerySource source;

    @BeforeEach
    void store() {
        dsg = DatasetGraphFactory.createTxnMem();
        Node g = Quad.defaultGraphIRI;
        for (int i = 0; i < MANY; i++) {
            dsg.add(g, iri("n" + i), CKG.skos_prefLabel, NodeFactory.createLiteralString("name " + i));
        }
        dsg.add(CKG.GRAPH_REFERENCE, iri("ref"), RDFS_LABEL, NodeFactory.createLiteralString("from reference"));
        dsg.add(g, iri("ref"), RDFS_LABEL, NodeFactory.createLiteralString("not from reference"));
        dsg.add(g, iri("article"), SCHEMA_HEADLINE, NodeFactory.createLiteralString("a headline"));
        dsg.add(g, iri("both"), SCHEMA_HEADLINE, NodeFactory.createLiteralString("headline loses"));
        dsg.add(g, iri("both"), CKG.skos_prefLabel, NodeFactory.createLiteralString("prefLabel wins"));
        dsg.add(g, iri("plain"), RDFS_LABEL, NodeFactory.createLiteralString("no rule applies"));
        QuerySource mem = QuerySources.dataset(dsg, "test");
        queries = new AtomicInteger();
        source = new QuerySource() {
            @Override
            public <T> T execute(Query query, Duration timeout, Function<QueryExec, T> action) {
                queries.incrementAndGet();
                return mem.execute(query, timeout, action);
            }

            @Override
            public String describe() {
                return mem.describe();
            }
        };
    }

    static Node iri(String local) {
        return NodeFactory.createURI(EX + local);
    }

    static Map.Entry<Node, String> vocabularyTerm() {
        var it = OntologyLib.ontology().find(Node.ANY, CKG.skos_prefLabel, Node.ANY);
        while (it.hasNext()) {
            var t = it.next();
            if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(CKG.VOCAB) && t.getObject().isLiteral()) {
                return Map.entry(t.getSubject(), t.getObject().getLiteralLexicalForm());
            }
        }
        throw new AssertionError("the ontology labels no vocabulary term");
    }

    @Test
    void eachRuleGivesTheLabelAndUnlabelledIrisAreLeftOut() {
        var term = vocabularyTerm();
        Map<Node, String> got = new Labels(source, Duration.ofSeconds(10)).labels(List.of(
                iri("n3"), iri("ref"), iri("article"), iri("both"), iri("plain"), iri("nothing"),
                term.getKey(), NodeFactory.createLiteralString("not an IRI")));
        assertThat(got).containsOnly(
                Map.entry(iri("n3"), "name 3"),
                Map.entry(iri("ref"), "from reference"),
                Map.entry(iri("article"), "a headline"),
                Map.entry(iri("both"), "prefLabel wins"),
                term);
    }

    @Test
    void vocabularyTermsAreLabelledFromTheOntologyWithoutAQuery() {
        var term = vocabularyTerm();
        assertThat(new Labels(source, Duration.ofSeconds(10)).labels(Set.of(term.getKey()))).containsExactly(term);
        assertThat(queries).hasValue(0);
    }

    @Test
    void manyIrisAreLookedUpInBatchesAndCached() {
        Labels labels = new Labels(source, Duration.ofSeconds(10));
        Set<Node> all = new LinkedHashSet<>();
        for (int i = 0; i < MANY; i++) {
            all.add(iri("n" + i));
        }
        Map<Node, String> got = labels.labels(all);
        assertThat(got).hasSize(MANY).containsEntry(iri("n" + (MANY - 1)), "name " + (MANY - 1));
        assertThat(queries).hasValue((MANY + Labels.BATCH - 1) / Labels.BATCH);
        assertThat(labels.labels(all)).isEqualTo(got);
        assertThat(labels.label(iri("nothing"))).isEqualTo(iri("nothing"));
        int afterMiss = queries.get();
        assertThat(labels.label(iri("nothing"))).isEqualTo(iri("nothing"));
        assertThat(queries).hasValue(afterMiss);
    }

    @Test
    void relabelReplacesIrisInAStreamOfRowsBatchByBatch() {
        Var node = Var.alloc("node");
        Var n = Var.alloc("n");
        List<Binding> in = new ArrayList<>();
        for (int i = 0; i < MANY; i++) {
            in.add(Binding.builder().add(node, iri("n" + i)).add(n, NodeFactory.createLiteralString("" + i)).build());
        }
        in.add(Binding.builder().add(node, iri("nothing")).build());
        RowSet out = new Labels(source, Duration.ofSeconds(10)).relabel(RowSetStream.create(List.of(node, n), in.iterator()));
        assertThat(out.getResultVars()).containsExactly(node, n);
        List<Binding> rows = new ArrayList<>();
        out.forEachRemaining(rows::add);
        assertThat(rows).hasSize(MANY + 1);
        for (int i = 0; i < MANY; i++) {
            assertThat(rows.get(i).get(node)).isEqualTo(NodeFactory.createLiteralString("name " + i));
            assertThat(rows.get(i).get(n)).isEqualTo(NodeFactory.createLiteralString("" + i));
        }
        assertThat(rows.get(MANY).get(node)).isEqualTo(iri("nothing"));
        assertThat(queries).hasValue((MANY + 1 + Labels.BATCH - 1) / Labels.BATCH);
    }
}
