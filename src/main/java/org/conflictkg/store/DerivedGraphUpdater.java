package org.conflictkg.store;

import java.util.Collection;
import java.util.function.Consumer;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.conflictkg.http.RemoteDataset;

/**
 * Brings a store's derived graph (control timeline, merged changes, disagreements) up to date
 * after a load. The store stage only says when and over what; the derive stage says how, and
 * the command line composes the two ({@link StoreLoader.Builder#derivation}).
 */
public interface DerivedGraphUpdater {

    /** Recomputes the whole derived graph of {@code dsg}, in bounded memory; manages its own transactions. */
    void updateAll(DatasetGraph dsg);

    /**
     * Recomputes what the derived graph of {@code dsg} says about {@code places} (and, when
     * {@code placelessFigures}, the figures that name no place); manages its own transactions.
     */
    void updatePlaces(DatasetGraph dsg, Collection<Node> places, boolean placelessFigures);

    /**
     * Recomputes the whole derived graph of a remote store through SPARQL queries and the Graph
     * Store Protocol, a batch of places at a time, in memory bounded by the batch.
     */
    void updateRemote(RemoteDataset remote);

    /**
     * Recomputes what the derived graph of a remote store says about {@code places} (and, when
     * {@code placelessFigures}, the figures that name no place), deleting the old parts through the
     * remote's SPARQL Update endpoint. Default: the whole derived graph ({@link #updateRemote}).
     */
    default void updateRemotePlaces(RemoteDataset remote, Collection<Node> places, boolean placelessFigures) {
        updateRemote(remote);
    }

    /** Derives from {@code all} (read in memory) and sends the derived graph's triples to {@code out} as quads. */
    void derive(DatasetGraph all, Consumer<Quad> out);
}
