package org.conflictkg.store;

import org.conflictkg.server.KgServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.conflictkg.facts.FactsReader;
import org.conflictkg.cli.Stages;

/**
 * Loading benchmark, every number a ratio to a baseline measured in the same run:
 * <ol>
 *   <li>embedded {@code load} (read, validate, convert, write in batched transactions) against
 *       Jena's TDB2 bulk loader ({@code tdb2.tdbloader}'s default loader) reading the same quads
 *       from an N-Quads file, with and without the conversion time that file needed;</li>
 *   <li>a rerun of the embedded load (every article unchanged) against the first run;</li>
 *   <li>{@code load --endpoint} over HTTP into the embedded Fuseki against the embedded load, into
 *       a TDB2 folder (one commit per request) and into an in-memory TDB2 (protocol cost only).</li>
 * </ol>
 * The corpus is N copies of the bundled example with distinct article ids (same places and
 * actors, so the reference graph stays small, as in a corpus about one region).
 * Run with {@code scripts/bench-load.sh [N]}.
 */
public final class LoadBench {
    private LoadBench() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        Path work = Files.createTempDirectory("conflict-kg-bench");
        List<Path> corpus = corpus(work.resolve("corpus"), n);
        System.out.printf(Locale.ROOT, "corpus: %d articles%n", n);

        // warm-up on a small slice, so the JIT is not charged to the first measured run
        load(work.resolve("warm"), corpus.subList(0, Math.min(20, n)));

        long t0 = System.nanoTime();
        Path nq = work.resolve("corpus.nq");
        convertToNQuads(corpus, nq);
        long convertNanos = System.nanoTime() - t0;

        t0 = System.nanoTime();
        DatasetGraph bulk = DatabaseMgr.connectDatasetGraph(work.resolve("bulk").toString());
        DataLoader loader = LoaderFactory.createLoader(bulk, (fmt, a) -> { });
        loader.startBulk();
        loader.load(nq.toString());
        loader.finishBulk();
        long bulkNanos = System.nanoTime() - t0;

        LoadReport embedded = load(work.resolve("embedded"), corpus);
        LoadReport rerun = load(work.resolve("embedded"), corpus);
        LoadReport noShapes = StoreLoader.create(TdbTarget.open(work.resolve("no-shapes")),
                ArticleInputs.create().facts(Converters.standard()).checkShapes(false).build()).derivation(Stages.derivation()).build().load(corpus);

        LoadReport http;
        Path pw = PasswordFixture.write(work.resolve("pw"), "bench: bench\n");
        try (KgServer server = KgServer.create().database(work.resolve("served")).port(0).update(true)
                .passwordFile(pw).ui(false).build().start()) {
            GspTarget target = GspTarget.create(server.datasetUrl() + "/data").credentials("bench", "bench").build();
            http = StoreLoader.create(target, Converters.standardInputs()).derivation(Stages.derivation()).build().load(corpus);
        }
        // the same over HTTP into an in-memory TDB2: separates protocol cost from commit cost
        LoadReport httpMem;
        try (KgServer server = KgServer.create().dataset(TdbStores.createInMemory(), work.resolve("mem.fuseki"))
                .port(0).update(true).passwordFile(pw).ui(false).build().start()) {
            GspTarget target = GspTarget.create(server.datasetUrl() + "/data").credentials("bench", "bench").build();
            httpMem = StoreLoader.create(target, Converters.standardInputs()).derivation(Stages.derivation()).build().load(corpus);
        }
        if (!embedded.ok() || !http.ok() || !httpMem.ok() || rerun.unchanged() != n) {
            throw new IllegalStateException("a load failed: " + embedded.summary() + " / " + http.summary());
        }

        double bulkS = bulkNanos / 1e9;
        double convS = convertNanos / 1e9;
        double embS = secs(embedded.elapsed());
        System.out.printf(Locale.ROOT, "baseline tdb2 bulk loader (N-Quads file):   %7.2f s  (%d quads)%n", bulkS, embedded.quads());
        System.out.printf(Locale.ROOT, "baseline convert to N-Quads + bulk loader:  %7.2f s%n", convS + bulkS);
        System.out.printf(Locale.ROOT, "embedded load:                              %7.2f s  = %.2fx bulk loader, %.2fx convert+bulk%n",
                embS, embS / bulkS, embS / (convS + bulkS));
        System.out.printf(Locale.ROOT, "embedded load without the SHACL check:     %7.2f s  = %.2fx embedded load%n",
                secs(noShapes.elapsed()), secs(noShapes.elapsed()) / embS);
        System.out.printf(Locale.ROOT, "embedded rerun (all unchanged):             %7.2f s  = %.2fx first load%n",
                secs(rerun.elapsed()), secs(rerun.elapsed()) / embS);
        System.out.printf(Locale.ROOT, "HTTP load (Graph Store Protocol, loopback): %7.2f s  = %.2fx embedded load%n",
                secs(http.elapsed()), secs(http.elapsed()) / embS);
        System.out.printf(Locale.ROOT, "HTTP load into an in-memory TDB2:           %7.2f s  = %.2fx embedded load (per article: %.1f ms on disk, %.1f ms in memory)%n",
                secs(httpMem.elapsed()), secs(httpMem.elapsed()) / embS,
                secs(http.elapsed()) * 1000 / n, secs(httpMem.elapsed()) * 1000 / n);
    }

    private static double secs(Duration d) {
        return d.toNanos() / 1e9;
    }

    private static LoadReport load(Path db, List<Path> files) {
        return StoreLoader.create(TdbTarget.open(db), Converters.standardInputs()).derivation(Stages.derivation()).build().load(files);
    }

    private static List<Path> corpus(Path dir, int n) throws IOException {
        Files.createDirectories(dir);
        ObjectMapper json = new ObjectMapper();
        ObjectNode doc = (ObjectNode) json.readTree(Path.of("examples/2020-01-31-newarab-saraqeb.facts.json").toFile());
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ((ObjectNode) doc.get("article")).put("id", String.format(Locale.ROOT, "bench-%06d", i));
            Path p = dir.resolve(String.format(Locale.ROOT, "bench-%06d.facts.json", i));
            json.writeValue(p.toFile(), doc);
            files.add(p);
        }
        return files;
    }

    private static void convertToNQuads(List<Path> files, Path out) throws IOException {
        FactsConverter conv = Converters.standard();
        try (OutputStream os = Files.newOutputStream(out)) {
            StreamRDF w = StreamRDFWriter.getWriterStream(os, RDFFormat.NQUADS);
            w.start();
            for (Path f : files) {
                conv.convert(FactsReader.read(f), w);
            }
            w.finish();
        }
    }
}
