package org.conflictkg.store;

import java.nio.file.Path;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.http.DSP;
import org.apache.jena.sparql.exec.http.GSP;
import org.apache.jena.system.Txn;

/**
 * Reads a whole store or one article graph as a stream of quads, for export. A TDB2 database is
 * read in one read transaction (a consistent snapshot, while loads may go on); an endpoint with
 * Graph Store Protocol GETs. The quads include the loader's content-hash triples, so an export
 * loaded elsewhere keeps them.
 */
public final class StoreExport {
    private final DatasetGraph dsg;
    private final String endpoint;

    private StoreExport(DatasetGraph dsg, String endpoint) {
        this.dsg = dsg;
        this.endpoint = endpoint;
    }

    /** An existing TDB2 database. */
    public static StoreExport database(Path dir) {
        return new StoreExport(TdbStores.openExisting(dir), null);
    }

    /** An open dataset. */
    public static StoreExport dataset(DatasetGraph dsg) {
        return new StoreExport(dsg, null);
    }

    /** A Graph Store Protocol endpoint (for Fuseki, the dataset URL or its {@code /get}). */
    public static StoreExport endpoint(String url) {
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw StoreException.badInput("endpoint must be an http(s) URL: " + url);
        }
        return new StoreExport(null, url);
    }

    /** Runs {@code body} (which calls {@link #all} or {@link #article}) inside a read transaction if needed. */
    public void run(Runnable body) {
        if (dsg != null) {
            Txn.executeRead(dsg, body);
        } else {
            body.run();
        }
    }

    /**
     * Sends every quad of the store's named graphs. The stored default graph is left out, as
     * queries leave it out: conflict-kg keeps all data in named graphs, and a TDB2 store's own
     * default graph holds only bookkeeping ({@link TdbStores#STORE_FORMAT}, {@link StoreMarks}).
     */
    public void all(StreamRDF sink) {
        if (dsg != null) {
            dsg.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> {
                if (!q.isDefaultGraph()) {
                    sink.quad(q);
                }
            });
            return;
        }
        try {
            DSP.service(endpoint).GET().find().forEachRemaining(q -> {
                if (!q.isDefaultGraph()) {
                    sink.quad(q);
                }
            });
        } catch (HttpException ex) {
            throw StoreException.failure("cannot read the store at " + endpoint + ": " + ex.getMessage(), ex);
        }
    }

    /** Sends the quads of one article graph; the article is given by id or graph IRI. */
    public void article(String idOrIri, StreamRDF sink) {
        Node g = idOrIri.startsWith("http://") || idOrIri.startsWith("https://")
                ? NodeFactory.createURI(idOrIri) : StoreGraphs.articleGraph(idOrIri);
        if (dsg != null) {
            if (!dsg.containsGraph(g)) {
                throw StoreException.badInput("no article " + idOrIri + " in the store (graph " + g.getURI() + ")");
            }
            dsg.find(g, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(sink::quad);
            return;
        }
        Graph graph;
        try {
            graph = GSP.service(endpoint).graphName(g).GET();
        } catch (HttpException ex) {
            if (ex.getStatusCode() == 404) {
                throw StoreException.badInput("no article " + idOrIri + " at " + endpoint + " (graph " + g.getURI() + ")");
            }
            throw StoreException.failure("cannot read " + g.getURI() + " from " + endpoint + ": " + ex.getMessage(), ex);
        }
        graph.find().forEachRemaining(t -> sink.quad(Quad.create(g, t)));
    }
}
