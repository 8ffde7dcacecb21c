package org.conflictkg.cli;

import java.nio.file.Path;

import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.conflictkg.rdf.CKG;
import org.conflictkg.store.TdbStores;

/** Reads of a TDB2 store a command wrote, for tests that compare what commands leave. */
final class StoreReads {
    private StoreReads() {
    }

    /** A copy of the store's derived graph (empty when there is none). */
    static Graph derived(Path db) {
        DatasetGraph dsg = TdbStores.connectRaw(db);
        try {
            return Txn.calculateRead(dsg, () -> {
                Graph copy = GraphFactory.createDefaultGraph();
                dsg.getGraph(CKG.GRAPH_DERIVED).find().forEachRemaining(copy::add);
                return copy;
            });
        } finally {
            TdbStores.release(dsg);
        }
    }
}
