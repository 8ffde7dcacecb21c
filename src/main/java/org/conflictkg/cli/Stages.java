package org.conflictkg.cli;

import java.util.Collection;
import java.util.Objects;
import java.util.function.Consumer;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.conflictkg.derive.Derivation;
import org.conflictkg.http.RemoteDataset;
import org.conflictkg.store.DerivedGraphUpdater;

/**
 * Composes stages that do not know each other: the store stage's hook for the derived graph,
 * served by the derive stage.
 */
public final class Stages {

    private Stages() {
    }

    /** The standard derivation, as the loader's derived-graph update. */
    public static DerivedGraphUpdater derivation() {
        return derivation(Derivation.create().build());
    }

    /** {@code derivation} as the loader's derived-graph update. */
    public static DerivedGraphUpdater derivation(Derivation derivation) {
        Objects.requireNonNull(derivation);
        return new DerivedGraphUpdater() {
            @Override
            public void updateAll(DatasetGraph dsg) {
                derivation.runFull(dsg);
            }

            @Override
            public void updatePlaces(DatasetGraph dsg, Collection<Node> places, boolean placelessFigures) {
                derivation.run(dsg, places, placelessFigures);
            }

            @Override
            public void updateRemote(RemoteDataset remote) {
                derivation.runRemote(remote, org.conflictkg.Progress.none());
            }

            @Override
            public void updateRemotePlaces(RemoteDataset remote, Collection<Node> places, boolean placelessFigures) {
                derivation.runRemote(remote, places, placelessFigures);
            }

            @Override
            public void derive(DatasetGraph all, Consumer<Quad> out) {
                Derivation.quads(derivation.derive(all), out);
            }
        };
    }
}
