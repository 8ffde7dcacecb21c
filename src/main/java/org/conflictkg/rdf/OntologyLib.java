package org.conflictkg.rdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.graph.GraphReadOnly;

/**
 * The bundled ontology ({@code ontology/conflict-kg.ttl}, on the classpath as
 * {@code /ontology/conflict-kg.ttl}): classes, properties and controlled-value concept schemes.
 * Stores load it as the graph {@link CKG#GRAPH_ONTOLOGY}.
 */
public final class OntologyLib {
    private OntologyLib() {
    }

    /** Classpath location of the ontology. */
    public static final String ONTOLOGY_RESOURCE = "/ontology/conflict-kg.ttl";

    private static volatile Graph ontology;

    /** The ontology, parsed once; read-only (adding or deleting throws). */
    public static Graph ontology() {
        Graph g = ontology;
        if (g == null) {
            g = new GraphReadOnly(parseResource(ONTOLOGY_RESOURCE));
            ontology = g;
        }
        return g;
    }

    /** Parses a bundled Turtle resource into a new graph; a missing or broken resource is a build fault. */
    static Graph parseResource(String resource) {
        try (InputStream in = OntologyLib.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled resource " + resource + " is missing from the classpath");
            }
            Graph g = GraphFactory.createDefaultGraph();
            RDFParser.source(in).lang(Lang.TURTLE).base("https://w3id.org/conflict-kg/").parse(g);
            return g;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled resource " + resource, e);
        }
    }
}
