package org.conflictkg.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.http.DSP;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.conflictkg.facts.FactsException;
import org.conflictkg.facts.FactsReader;
import org.conflictkg.rdf.FactsToRdf;
import org.conflictkg.rdf.RdfOutputLib;

/**
 * Ratios 3 and 4. Embedded loading (ours, from facts files: read, validate, convert, load)
 * against {@code tdb2.tdbloader}'s default loader on the same data as N-Quads (made beforehand,
 * untimed: the baseline gets conversion for free). Both sides load the same quads: ours runs with
 * {@code --no-derive}, and the derivation that {@code load} otherwise runs after it (the control
 * timeline, which the baseline does not compute) is timed on its own and reported in the note. HTTP loading into a local Fuseki over the
 * Graph Store Protocol against embedded loading, both ours, both into new TDB2 databases.
 */
final class LoadBench {
    private LoadBench() {
    }

    /** What one run measured, shared by ratios 3 and 4. */
    static final class Timings {
        long quads;
        long ours = -1;
        long tdbloader = -1;
        long http = -1;
        long oursQuads;
        long baseQuads;
        long httpQuads;
        List<Path> files;
    }

    static Result embedded(List<Path> files, Path work, Timings t, PrintStream log) {
        Path nq = work.resolve("load.nq");
        Cli.run(Cli.args("convert", files, "--format", "nquads", "-o", nq));
        Path ours = work.resolve("db-ours");
        Path base = work.resolve("db-tdbloader");
        Stores.delete(ours);
        Stores.delete(base);
        t.tdbloader = Stopwatch.nanos(() -> Stores.tdbloader(nq, base));
        log.println("  tdbloader (phased): " + Stopwatch.seconds(t.tdbloader));
        t.ours = Stopwatch.nanos(() -> Stores.loadOurs(files, ours));
        t.files = files;
        log.println("  ours (" + Stores.oursLoader() + "): " + Stopwatch.seconds(t.ours));
        t.oursQuads = Stores.count(ours);
        t.baseQuads = Stores.count(base);
        long oursMb = Stores.diskSize(ours) >> 20;
        long derive = Cli.has("derive") ? Stopwatch.nanos(() -> Cli.run(Cli.args("derive", "--db", ours))) : -1;
        if (derive >= 0) {
            log.println("  then derive (not in the ratio): " + Stopwatch.seconds(derive));
        }
        String note = String.format(Locale.ROOT, "%d articles; ours %s: %d quads, %d MB on disk%s; tdbloader (phased) "
                        + "from N-Quads: %d quads, %d MB", countDocs(files), Stores.oursLoader(), t.oursQuads, oursMb,
                derive < 0 ? "" : ", then derive " + Stopwatch.seconds(derive) + " (not in the ratio)",
                t.baseQuads, Stores.diskSize(base) >> 20);
        Stores.delete(base);
        Stores.delete(ours);
        java.io.File f = nq.toFile();
        f.delete();
        return new Result("tdb2-load-vs-tdbloader", Stopwatch.rate(t.oursQuads, t.ours, "quads"),
                Stopwatch.rate(t.baseQuads, t.tdbloader, "quads"), (double) t.tdbloader / t.ours, true, 0.8, note);
    }

    /**
     * Ratio 4 on {@code files}; embedded loading is measured again unless ratio 3 ran on the same
     * files (HTTP loading runs on a smaller corpus).
     */
    static Result http(List<Path> files, Path work, Timings t, PrintStream log) {
        // Each side first loads part of the corpus, untimed, so that neither is timed in a JVM that
        // has not run its code yet (a cold embedded load took twice as long as a warm one).
        List<Path> warmUp = files.size() > 1 ? files.subList(0, 1) : files;
        if (t.ours < 0 || !files.equals(t.files)) {
            Path ours = work.resolve("db-ours");
            Stores.delete(ours);
            Stores.loadOurs(warmUp, ours);
            Stores.delete(ours);
            t.ours = Stopwatch.nanos(() -> Stores.loadOurs(files, ours));
            log.println("  embedded (" + Stores.oursLoader() + "): " + Stopwatch.seconds(t.ours));
            t.oursQuads = Stores.count(ours);
            t.files = files;
            Stores.delete(ours);
        }
        Path dir = work.resolve("db-http");
        loadHttpInto(warmUp, dir);
        t.http = loadHttpInto(files, dir);
        String how = Cli.has("load") ? "load --endpoint" : "own GSP POSTs of 100k-quad batches (no load command in this build)";
        log.println("  http (" + how + "): " + Stopwatch.seconds(t.http));
        t.httpQuads = Stores.count(dir);
        Stores.delete(dir);
        return new Result("http-load-vs-embedded", Stopwatch.rate(t.httpQuads, t.http, "quads"),
                Stopwatch.rate(t.oursQuads, t.ours, "quads"), (double) t.ours / t.http, true, 0.5,
                String.format(Locale.ROOT, "%d articles into a local Fuseki over TDB2 (%s): %d quads; "
                        + "embedded: %d quads", countDocs(files), how, t.httpQuads, t.oursQuads));
    }

    /**
     * Loads {@code files} over HTTP into a local Fuseki over a new TDB2 database in {@code dir};
     * returns the nanoseconds the load took. The database stays in {@code dir} (counted and
     * deleted by the caller).
     */
    static long loadHttpInto(List<Path> files, Path dir) {
        Stores.delete(dir);
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
        FusekiServer server = FusekiServer.create().loopback(true).port(0).add("/kg", dsg, true).build().start();
        try {
            String url = "http://127.0.0.1:" + server.getHttpPort() + "/kg";
            return Stopwatch.nanos(() -> loadHttp(files, url));
        } finally {
            server.stop();
            TDBInternal.expel(dsg);
        }
    }

    static void loadHttp(List<Path> files, String url) {
        if (Cli.has("load")) {
            // The dataset's Graph Store Protocol endpoint; the loader reads stored hashes from /query.
            Cli.run(Cli.args("load", "--endpoint", url + "/data", "--no-progress", "--no-derive", files));
            return;
        }
        // Without the load command: the converter's quads POSTed to the dataset in batches of
        // about BATCH_QUADS (Graph Store Protocol, dataset form), each batch one request and one
        // transaction on the server. Into a new database, adding is what replacing would be.
        FactsToRdf converter = FactsToRdf.create().build();
        DatasetGraph[] batch = {DatasetGraphFactory.create()};
        long[] size = {0};
        var sink = RdfOutputLib.dedupReference(new StreamRDFBase() {
            @Override
            public void quad(Quad q) {
                batch[0].add(q);
                size[0]++;
            }
        });
        for (Path f : files) {
            FactsReader.readEach(f, p -> {
                if (!p.ok()) {
                    throw new FactsException(p.problems());
                }
                converter.convert(p.facts(), sink);
                if (size[0] >= Stores.BATCH_QUADS) {
                    DSP.service(url).POST(batch[0]);
                    batch[0] = DatasetGraphFactory.create();
                    size[0] = 0;
                }
            });
        }
        if (size[0] > 0) {
            DSP.service(url).POST(batch[0]);
        }
    }

    static long countDocs(List<Path> files) {
        long n = 0;
        for (Path f : files) {
            try {
                n += ConversionBench.lines(f);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return n;
    }
}
