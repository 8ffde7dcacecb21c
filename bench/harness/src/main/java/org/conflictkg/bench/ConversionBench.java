package org.conflictkg.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.conflictkg.cli.Main;
import org.conflictkg.facts.FactsReader;
import org.conflictkg.rdf.FactsToRdf;
import org.conflictkg.rdf.RdfOutputLib;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import picocli.CommandLine;

/**
 * Ratio 1: conversion against the I/O limit. Ours is the product command itself, {@code convert
 * FILES -o OUT --format ntriples}: facts read and validated ({@link FactsReader}) and converted
 * ({@link FactsToRdf}) on worker threads while RIOT writes N-Triples in order, in one pass. The limit is what no converter can beat on
 * the same data: a Jackson streaming read of the same files (every token, every string
 * materialised) plus a RIOT N-Triples write of the same triples (made beforehand, untimed, in
 * chunks to bound memory). Both write to files in the same folder.
 */
final class ConversionBench {
    private static final int CHUNK = 200_000;

    private ConversionBench() {
    }

    static Result run(List<Path> files, Path work, int repeats, PrintStream log) throws IOException {
        Path oursOut = work.resolve("convert-ours.nt");
        Path limitOut = work.resolve("convert-limit.nt");
        long best = Long.MAX_VALUE;
        long bestRead = Long.MAX_VALUE;
        long bestWrite = Long.MAX_VALUE;
        for (int i = 0; i < repeats; i++) {
            long ours = Stopwatch.nanos(() -> convert(files, oursOut));
            long read = Stopwatch.nanos(() -> jacksonRead(files));
            long write = riotWrite(files, limitOut);
            log.printf("  conversion run %d: ours %s, limit %s (read %s + write %s)%n", i + 1, Stopwatch.seconds(ours),
                    Stopwatch.seconds(read + write), Stopwatch.seconds(read), Stopwatch.seconds(write));
            best = Math.min(best, ours);
            bestRead = Math.min(bestRead, read);
            bestWrite = Math.min(bestWrite, write);
        }
        long triples = lines(oursOut);
        long limitTriples = lines(limitOut);
        if (triples != limitTriples) {
            throw new IllegalStateException("conversion wrote " + triples + " triples, the limit " + limitTriples);
        }
        long limit = bestRead + bestWrite;
        double mb = Corpora.size(files) / 1e6;
        Files.deleteIfExists(oursOut);
        Files.deleteIfExists(limitOut);
        return new Result("conversion-vs-io-limit", Stopwatch.rate(triples, best, "triples"),
                Stopwatch.rate(triples, limit, "triples"), (double) limit / best, true, 0.5,
                String.format(java.util.Locale.ROOT, "%d triples from %.0f MB of facts; limit = Jackson read %s + RIOT write %s",
                        triples, mb, Stopwatch.seconds(bestRead), Stopwatch.seconds(bestWrite)));
    }

    /** The product path, exactly: {@code convert FILES... -o OUT --format ntriples}. */
    static void convert(List<Path> files, Path out) {
        List<String> args = new ArrayList<>(List.of("convert", "-o", out.toString(), "--format", "ntriples"));
        files.forEach(f -> args.add(f.toString()));
        StringWriter err = new StringWriter();
        CommandLine cl = Main.newCommandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args.toArray(String[]::new));
        if (code != 0) {
            throw new IllegalStateException("convert failed (exit " + code + "): "
                    + err.toString().lines().limit(20).toList());
        }
    }

    /** Every token of every file through Jackson's streaming parser, strings materialised. */
    static long jacksonRead(List<Path> files) throws IOException {
        JsonFactory json = new JsonFactory();
        long chars = 0;
        for (Path f : files) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(f), 1 << 16);
                 JsonParser p = json.createParser(in)) {
                for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                    switch (t) {
                        case FIELD_NAME -> chars += p.currentName().length();
                        case VALUE_STRING -> chars += p.getText().length();
                        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> chars += p.getNumberValue().intValue() & 1;
                        default -> chars++;
                    }
                }
            }
        }
        return chars;
    }

    /** RIOT's N-Triples writer on the converter's triples; returns the time spent writing only. */
    static long riotWrite(List<Path> files, Path out) throws IOException {
        FactsToRdf converter = FactsToRdf.create().build();
        List<Triple> chunk = new ArrayList<>(CHUNK + 10_000);
        long[] nanos = {0};
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            StreamRDF writer = StreamRDFWriter.getWriterStream(os, RDFFormat.NTRIPLES);
            nanos[0] += Stopwatch.nanos(writer::start);
            StreamRDF collect = RdfOutputLib.dedupReference(RdfOutputLib.quadsAsTriples(new StreamRDFBase() {
                @Override
                public void triple(Triple t) {
                    chunk.add(t);
                }
            }));
            for (Path f : files) {
                FactsReader.readEach(f, p -> {
                    converter.convert(p.facts(), collect);
                    if (chunk.size() >= CHUNK) {
                        nanos[0] += Stopwatch.nanos(() -> chunk.forEach(writer::triple));
                        chunk.clear();
                    }
                });
            }
            nanos[0] += Stopwatch.nanos(() -> {
                chunk.forEach(writer::triple);
                writer.finish();
                os.flush();
            });
        }
        return nanos[0];
    }

    static long lines(Path file) throws IOException {
        long n = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            while (r.readLine() != null) {
                n++;
            }
        }
        return n;
    }
}
