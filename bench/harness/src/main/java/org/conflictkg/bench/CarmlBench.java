package org.conflictkg.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.conflictkg.facts.FactsFiles;
import org.conflictkg.rdf.FactsPipeline;
import org.conflictkg.rdf.FactsToRdf;
import org.conflictkg.rdf.RdfOutputLib;

/**
 * Ratio 2: conversion against a peer mapping engine. CARML runs the RML mapping of the subset
 * ({@link RmlSubset}) in its own JVM on its own classpath, on the same documents as one JSON
 * array; ours reads and validates the whole of the JSON Lines files, as always (the pipeline of
 * {@code convert}: worker threads, output in order), then converts
 * only the parts of each document the subset covers (article, actors, places) and keeps the
 * subset's triples. Both write N-Triples to a
 * file, after two untimed warm-up runs each on the same input; the JVM start and the mapping load are
 * outside both timings. The outputs must be the same graph.
 */
final class CarmlBench {
    private static final Pattern REPORT = Pattern.compile("carml triples=(\\d+) millis=(\\d+)");

    private CarmlBench() {
    }

    record Setup(Path carmlDir, Path mapping, String javaHeap) {
    }

    static Result run(List<Path> files, Path work, Setup setup, PrintStream log) throws Exception {
        Path array = Corpora.asJsonArray(files, work.resolve("carml-input.json"));
        Path oursOut = work.resolve("carml-ours.nt");
        Path carmlOut = work.resolve("carml-peer.nt");

        for (int i = 0; i < 2; i++) {
            convertSubset(files, oursOut);  // warm-up, as many runs as CARML's
        }
        long ours = Long.MAX_VALUE;
        for (int i = 0; i < 2; i++) {
            ours = Math.min(ours, Stopwatch.nanos(() -> convertSubset(files, oursOut)));
        }
        long[] carml = runCarml(setup, array, carmlOut, log);

        Graph a = RDFDataMgr.loadGraph(oursOut.toString());
        Graph b = RDFDataMgr.loadGraph(carmlOut.toString());
        boolean same = a.isIsomorphicWith(b);
        if (!same) {
            log.println("  CARML and ours differ: ours " + a.size() + " distinct triples, CARML " + b.size());
            a.find().filterDrop(b::contains).toList().stream().limit(5).forEach(t -> log.println("    only ours:  " + t));
            b.find().filterDrop(a::contains).toList().stream().limit(5).forEach(t -> log.println("    only CARML: " + t));
        }
        long oursTriples = ConversionBench.lines(oursOut);
        long carmlNanos = TimeUnit.MILLISECONDS.toNanos(carml[1]);
        String note = String.format(Locale.ROOT,
                "%d articles; RML subset (article, actors, GeoNames places): %d distinct triples, outputs %s; "
                        + "ours wrote %d lines, CARML %d", Corpora.size(files) > 0 ? countLines(files) : 0, a.size(),
                same ? "isomorphic" : "DIFFER", oursTriples, carml[0]);
        Files.deleteIfExists(array);
        Files.deleteIfExists(oursOut);
        Files.deleteIfExists(carmlOut);
        double ratio = same ? (double) carmlNanos / ours : Double.NaN;
        return new Result("conversion-vs-carml", Stopwatch.seconds(ours), Stopwatch.seconds(carmlNanos), ratio, true,
                10, note);
    }

    static void convertSubset(List<Path> files, Path out) throws IOException {
        FactsToRdf converter = FactsToRdf.create().build();
        FactsPipeline pipeline = FactsPipeline.create()
                .conversion((facts, sink) -> converter.convert(RmlSubset.restrict(facts), RmlSubset.filter(sink, facts)))
                .build();
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            RdfOutputLib.write(os, RdfOutputLib.Format.NTRIPLES, sink -> {
                FactsFiles.Summary s = pipeline.convert(files, sink, p -> { });
                if (!s.ok()) {
                    throw new IllegalStateException(s.bad() + " of " + s.documents() + " documents are invalid");
                }
            });
        }
    }

    /** Runs CARML in a child JVM; returns {triples, millis}. */
    static long[] runCarml(Setup setup, Path input, Path output, PrintStream log) throws Exception {
        Path classes = setup.carmlDir().resolve("classes");
        Path cpFile = setup.carmlDir().resolve("classpath.txt");
        if (!Files.isDirectory(classes) || !Files.exists(cpFile)) {
            throw new IllegalStateException("the CARML runner is not built: " + setup.carmlDir()
                    + " (run mvn -f bench/pom.xml package)");
        }
        String cp = classes + java.io.File.pathSeparator + Files.readString(cpFile).trim();
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx" + setup.javaHeap(), "-cp", cp,
                "org.conflictkg.bench.carml.CarmlRun", setup.mapping().toString(), input.toString(),
                output.toString(), input.toString(), "2"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        Matcher m = REPORT.matcher(out);
        if (code != 0 || !m.find()) {
            throw new IllegalStateException("CARML failed (exit " + code + "): " + out.lines().limit(20).toList());
        }
        log.println("  " + m.group());
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static long countLines(List<Path> files) throws IOException {
        long n = 0;
        for (Path f : files) {
            n += ConversionBench.lines(f);
        }
        return n;
    }
}
