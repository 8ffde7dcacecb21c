package org.conflictkg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.conflictkg.facts.FactsException;
import org.conflictkg.facts.FactsReader;
import org.conflictkg.rdf.FactsToRdf;
import org.conflictkg.rdf.RdfOutputLib;

/**
 * Loading into TDB2: ours (the {@code load --db} command when this build has it, else the
 * converter's quads in batched write transactions) and the baseline ({@code tdb2.tdbloader}'s
 * default, the phased loader, through its API on N-Quads).
 */
final class Stores {
    static final int BATCH_QUADS = 100_000;

    private Stores() {
    }

    /** How ours loads, for the table. */
    static String oursLoader() {
        return Cli.has("load") ? "load --db" : "own batched TDB2 transactions (no load command in this build)";
    }

    /**
     * Loads facts files into a new TDB2 database in {@code dir} the way conflict-kg does, without
     * the derived graph (loading only, as the load baselines do).
     */
    static void loadOurs(List<Path> files, Path dir) {
        loadOurs(files, dir, false);
    }

    /** As {@link #loadOurs(List, Path)}; {@code derive}: also compute the derived graph, as {@code load} does by default. */
    static void loadOurs(List<Path> files, Path dir, boolean derive) {
        if (Cli.has("load")) {
            Cli.run(derive ? Cli.args("load", "--db", dir, "--no-progress", files)
                    : Cli.args("load", "--db", dir, "--no-progress", "--no-derive", files));
            return;
        }
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
        try {
            FactsToRdf converter = FactsToRdf.create().build();
            List<Quad> batch = new ArrayList<>(BATCH_QUADS + 10_000);
            var sink = RdfOutputLib.dedupReference(new StreamRDFBase() {
                @Override
                public void quad(Quad q) {
                    batch.add(q);
                }
            });
            for (Path f : files) {
                FactsReader.readEach(f, p -> {
                    if (!p.ok()) {
                        throw new FactsException(p.problems());
                    }
                    converter.convert(p.facts(), sink);
                    if (batch.size() >= BATCH_QUADS) {
                        Txn.executeWrite(dsg, () -> batch.forEach(dsg::add));
                        batch.clear();
                    }
                });
            }
            Txn.executeWrite(dsg, () -> batch.forEach(dsg::add));
        } finally {
            TDBInternal.expel(dsg);
        }
    }

    /** The baseline: tdb2.tdbloader's default loader (phased) on an N-Quads file, into a new database. */
    static void tdbloader(Path nquads, Path dir) {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
        try {
            DataLoader loader = LoaderFactory.phasedLoader(dsg, (fmt, args) -> { });
            loader.startBulk();
            try {
                loader.load(nquads.toString());
                loader.finishBulk();
            } catch (RuntimeException e) {
                loader.finishException(e);
                throw e;
            }
        } finally {
            TDBInternal.expel(dsg);
        }
    }

    /** Quads in a database (all graphs). */
    static long count(Path dir) {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
        try {
            return Txn.calculateRead(dsg, () -> {
                long n = 0;
                for (var it = dsg.find(); it.hasNext(); it.next()) {
                    n++;
                }
                return n;
            });
        } finally {
            TDBInternal.expel(dsg);
        }
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        // Release the database if this JVM has it open (a cached connection would keep its files).
        TDBInternal.expel(DatabaseMgr.connectDatasetGraph(dir.toString()), true);
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static long diskSize(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return -1;
        }
    }
}
