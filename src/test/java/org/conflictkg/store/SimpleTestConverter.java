package org.conflictkg.store;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDFS;
import org.conflictkg.facts.ArticleFacts;
import org.conflictkg.facts.Event;
import org.conflictkg.facts.Place;

/**
 * A deliberately small facts-to-RDF mapping for loader tests, independent of the real converter:
 * the article's title and events go to its article graph, places to the reference graph.
 * If {@code failOn} matches an article id, it throws after emitting some quads.
 */
final class SimpleTestConverter implements FactsConverter {
    static final String NS = "https://example.org/test/";
    private final String version;
    private final String failOn;

    SimpleTestConverter(String version, String failOn) {
        this.version = version;
        this.failOn = failOn;
    }

    SimpleTestConverter() {
        this("test/1", null);
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public void convert(ArticleFacts facts, StreamRDF out) {
        String id = facts.article().id();
        Node g = StoreGraphs.articleGraph(id);
        Node article = NodeFactory.createURI(NS + "article/" + id);
        out.quad(Quad.create(g, article, RDFS.label.asNode(), NodeFactory.createLiteralString(facts.article().title())));
        for (Event e : facts.events()) {
            Node ev = NodeFactory.createURI(NS + "event/" + id + "/" + e.id());
            out.quad(Quad.create(g, ev, NodeFactory.createURI(NS + "type"), NodeFactory.createLiteralString(e.type())));
            if (failOn != null && failOn.equals(id)) {
                throw new IllegalStateException("converter failure for the test");
            }
        }
        for (Place p : facts.places()) {
            Node place = NodeFactory.createURI(NS + "place/" + p.id());
            out.quad(Quad.create(StoreGraphs.REFERENCE_GRAPH, place, RDFS.label.asNode(), NodeFactory.createLiteralString(p.name())));
        }
    }
}
