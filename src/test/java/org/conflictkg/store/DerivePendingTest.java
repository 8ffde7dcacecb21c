package org.conflictkg.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.conflictkg.cli.Stages;
import org.conflictkg.rdf.CKG;
import org.conflictkg.synth.CorpusGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The need to derive is kept in the store: a load whose articles were committed but whose
 * derivation never ran (killed between batches or during derivation; a load run without it)
 * is derived by the next load, even when that load writes nothing, for every place the earlier
 * writes touched, so the derived graph equals that of a clean load.
 */
class DerivePendingTest {

    @TempDir
    static Path tmp;
    static List<Path> files;
    static Graph clean;

    @BeforeAll
    static void cleanLoad() throws IOException {
        files = CorpusGenerator.create().seed(5).build().writeFiles(tmp.resolve("corpus"), "c", 40, 4);
        DatasetGraph dsg = TdbStores.createInMemory();
        load(dsg, files, true);
        clean = derived(dsg);
        assertThat(clean.size()).isPositive();
    }

    static LoadReport load(DatasetGraph dsg, List<Path> inputs, boolean derive) {
        return StoreLoader.create(new TdbTarget(dsg, 2_000), Converters.standardInputs())
                .derivation(derive ? Stages.derivation() : null).workers(1).build().load(inputs);
    }

    static Graph derived(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> {
            Graph g = GraphFactory.createDefaultGraph();
            dsg.find(CKG.GRAPH_DERIVED, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> g.add(q.asTriple()));
            return g;
        });
    }

    static long marks(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> dsg.stream(Quad.defaultGraphIRI, Node.ANY, CKG.derivePending, Node.ANY).count());
    }

    @Test
    void batchesCommittedWithoutDerivationAreDerivedByTheNextLoad() {
        DatasetGraph dsg = TdbStores.createInMemory();
        load(dsg, files.subList(0, 1), true);
        // What a load killed after its first batches leaves: articles in, their derivation not run.
        assertThat(load(dsg, files.subList(1, 3), false).loaded()).isEqualTo(20);
        assertThat(marks(dsg)).as("the places those batches touched, recorded with them").isPositive();
        LoadReport rerun = load(dsg, files, true);
        assertThat(rerun.unchanged()).isEqualTo(30);
        assertThat(rerun.loaded()).isEqualTo(10);
        assertThat(derived(dsg).isIsomorphicWith(clean)).isTrue();
        assertThat(marks(dsg)).isZero();
    }

    @Test
    void aLoadThatWritesNothingStillDerivesWhatIsOwed() {
        DatasetGraph dsg = TdbStores.createInMemory();
        load(dsg, files.subList(0, 1), true);
        load(dsg, files, false); // killed during derivation: everything written, nothing derived
        LoadReport rerun = load(dsg, files, true);
        assertThat(rerun.loaded()).isZero();
        assertThat(rerun.unchanged()).isEqualTo(40);
        assertThat(rerun.deriving()).as("it derived").isPositive();
        assertThat(derived(dsg).isIsomorphicWith(clean)).isTrue();
        assertThat(marks(dsg)).isZero();
        assertThat(load(dsg, files, true).deriving()).as("and only once").isZero();
    }

    @Test
    void aBulkLoadOwesAFullDerivationUntilItRuns() {
        DatasetGraph dsg = TdbStores.createInMemory();
        LoadReport bulk = StoreLoader.create(new TdbTarget(dsg, null, 2_000, TdbTarget.BulkLoader.BASIC),
                Converters.standardInputs()).workers(1).build().load(files);
        assertThat(bulk.loaded()).isEqualTo(40);
        assertThat(marks(dsg)).isEqualTo(1);
        LoadReport rerun = load(dsg, files, true);
        assertThat(rerun.loaded()).isZero();
        assertThat(derived(dsg).isIsomorphicWith(clean)).isTrue();
        assertThat(marks(dsg)).isZero();
    }
}
