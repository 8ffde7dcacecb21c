package org.conflictkg.derive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.conflictkg.rdf.CKG;
import org.conflictkg.store.Converters;
import org.conflictkg.store.LoadReport;
import org.conflictkg.store.StoreLoader;
import org.conflictkg.store.TdbStores;
import org.conflictkg.store.TdbTarget;
import org.junit.jupiter.api.Test;
import org.conflictkg.cli.Stages;

/** Loading articles one at a time, deriving incrementally, gives the derived graph of one full run. */
class IncrementalDerivationTest {

    static List<Path> inputs() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(Path.of("examples/2020-01-31-newarab-saraqeb.facts.json"));
        try (Stream<Path> s = Files.list(DerivationTest.FIXTURE)) {
            s.sorted().forEach(files::add);
        }
        return files;
    }

    static Graph derived(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> {
            Graph g = GraphFactory.createDefaultGraph();
            dsg.find(CKG.GRAPH_DERIVED, null, null, null).forEachRemaining(q -> g.add(q.asTriple()));
            return g;
        });
    }

    @Test
    void oneArticleAtATimeEqualsAllAtOnce() throws IOException {
        List<Path> files = inputs();

        DatasetGraph stepwise = TdbStores.createInMemory();
        TdbTarget target = new TdbTarget(stepwise, 1000);
        for (Path f : files) {
            LoadReport r = StoreLoader.create(target, Converters.standardInputs()).derivation(Stages.derivation()).build().load(List.of(f));
            assertThat(r.ok()).isTrue();
        }
        DatasetGraph full = TdbStores.createInMemory();
        StoreLoader.create(new TdbTarget(full, 1000), Converters.standardInputs()).derivation(Stages.derivation()).build().load(files);
        Derivation.create().build().run(full);

        Graph a = derived(stepwise);
        Graph b = derived(full);
        assertThat(a.size()).isPositive();
        assertThat(a.isIsomorphicWith(b)).as("incremental %d triples, full %d", a.size(), b.size()).isTrue();
    }

    @Test
    void reloadingAChangedArticleRecomputesWhatItSaidBefore(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        List<Path> files = inputs();
        DatasetGraph store = TdbStores.createInMemory();
        TdbTarget target = new TdbTarget(store, 1000);
        StoreLoader.create(target, Converters.standardInputs()).derivation(Stages.derivation()).build().load(files);
        assertThat(Txn.calculateRead(store, () -> Derivation.create().build().derive(store)).disagreements())
                .extracting(Timeline.Disagreement::aspect).contains("date");

        // State television's report now dates the capture the same day as the monitor: no more
        // date disagreement, once the changed article is reloaded.
        Path changed = tmp.resolve("t3-captured-other-date.facts.json");
        Files.writeString(changed, Files.readString(DerivationTest.FIXTURE.resolve("t3-captured-other-date.facts.json"))
                .replace("\"date\": \"2020-02-08\"", "\"date\": \"2020-02-06\""));
        assertThat(StoreLoader.create(target, Converters.standardInputs()).derivation(Stages.derivation()).build().load(List.of(changed)).loaded()).isEqualTo(1);

        DatasetGraph full = TdbStores.createInMemory();
        List<Path> now = new ArrayList<>(files.stream().filter(f -> !f.getFileName().equals(changed.getFileName())).toList());
        now.add(changed);
        StoreLoader.create(new TdbTarget(full, 1000), Converters.standardInputs()).derivation(Stages.derivation()).build().load(now);
        Derivation.create().build().run(full);
        assertThat(derived(store).isIsomorphicWith(derived(full))).isTrue();
        assertThat(Txn.calculateRead(store, () -> Derivation.create().build().derive(store)).disagreements())
                .extracting(Timeline.Disagreement::aspect).doesNotContain("date");
    }
}
