package org.conflictkg.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.conflictkg.derive.Derivation;
import org.conflictkg.gazetteer.Gazetteer;
import org.conflictkg.link.LinkStage;
import org.conflictkg.store.BundledExamples;
import org.conflictkg.store.Converters;
import org.conflictkg.store.LoadReport;
import org.conflictkg.store.StoreLoader;
import org.conflictkg.store.TdbTarget;

/** The store {@code demo} serves: the bundled examples loaded, linked offline and derived. */
final class ExampleStore {
    static final String SARAQEB = "https://w3id.org/conflict-kg/place/geonames/164816";
    static final String MAARAT = "https://w3id.org/conflict-kg/place/geonames/167611";

    private ExampleStore() {}

    /** Builds it in {@code dir}/kg and returns the open dataset. */
    static DatasetGraph build(Path dir) throws Exception {
        Path work = Files.createDirectories(dir.resolve("examples"));
        return build(dir, BundledExamples.copyTo(work));
    }

    /** Loads {@code inputs} into a store in {@code dir}/kg, links it offline and derives it, as for the examples. */
    static DatasetGraph build(Path dir, List<Path> inputs) throws Exception {
        TdbTarget target = TdbTarget.open(dir.resolve("kg"));
        LoadReport report = StoreLoader.create(target, Converters.standardInputs()).build().load(inputs);
        if (!report.ok()) {
            throw new IllegalStateException(report.summary());
        }
        LinkStage.create(Gazetteer.bundled(), null).run(target.dataset());
        Derivation.create().build().runFull(target.dataset());
        return target.dataset();
    }
}
