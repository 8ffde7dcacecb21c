package org.conflictkg.bench.carml;

import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFWriter;
import org.eclipse.rdf4j.rio.Rio;

import io.carml.engine.rdf.RdfRmlMapper;
import io.carml.logicalsourceresolver.JsonPathResolver;
import io.carml.model.TriplesMap;
import io.carml.util.RmlMappingLoader;
import io.carml.vocab.Rdf;

/**
 * Runs CARML on an RML mapping and a JSON input, writing N-Triples, and reports the count and the
 * time on standard output as {@code carml triples=N millis=M}. Runs the mapping {@code warmups}
 * times on the warm-up input first (not timed), so the timed run is of a warm JVM.
 *
 * <p>Usage: {@code CarmlRun MAPPING.ttl INPUT.json OUTPUT.nt [WARMUP-INPUT.json WARMUPS]}
 */
public final class CarmlRun {
    private CarmlRun() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3 && args.length != 5) {
            System.err.println("usage: CarmlRun MAPPING.ttl INPUT.json OUTPUT.nt [WARMUP-INPUT.json WARMUPS]");
            System.exit(2);
        }
        Set<TriplesMap> mapping = RmlMappingLoader.build().load(RDFFormat.TURTLE, Path.of(args[0]));
        RdfRmlMapper mapper = RdfRmlMapper.builder()
                .triplesMaps(mapping)
                .setLogicalSourceResolver(Rdf.Ql.JsonPath, JsonPathResolver::getInstance)
                .build();
        if (args.length == 5) {
            int warmups = Integer.parseInt(args[4]);
            for (int i = 0; i < warmups; i++) {
                run(mapper, Path.of(args[3]), OutputStream.nullOutputStream());
            }
        }
        long t0 = System.nanoTime();
        long n;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of(args[2])), 1 << 16)) {
            n = run(mapper, Path.of(args[1]), out);
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf(Locale.ROOT, "carml triples=%d millis=%d%n", n, millis);
    }

    private static long run(RdfRmlMapper mapper, Path input, OutputStream out) throws Exception {
        AtomicLong count = new AtomicLong();
        RDFWriter writer = Rio.createWriter(RDFFormat.NTRIPLES, out);
        writer.startRDF();
        try (InputStream in = Files.newInputStream(input)) {
            mapper.map(in).doOnNext(st -> {
                writer.handleStatement(st);
                count.incrementAndGet();
            }).blockLast();
        }
        writer.endRDF();
        return count.get();
    }
}
