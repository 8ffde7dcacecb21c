package org.conflictkg.bench;

import java.io.StringWriter;
import java.util.concurrent.TimeUnit;

import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.conflictkg.facts.ArticleFacts;
import org.conflictkg.facts.FactsReader;
import org.conflictkg.facts.FactsWriter;
import org.conflictkg.names.NameFolding;
import org.conflictkg.rdf.FactsToRdf;
import org.conflictkg.synth.CorpusGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JMH micro-benchmarks of the steps of conversion, per synthetic article: reading and
 * validating one facts document, converting it to quads, and folding a name. Run with
 * {@code bench/run --jmh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ConvertBenchmark {
    private static final int DOCS = 64;

    private String[] json;
    private ArticleFacts[] facts;
    private FactsToRdf converter;
    private int next;

    @Setup(Level.Trial)
    public void setup() {
        CorpusGenerator gen = CorpusGenerator.create().seed(42).build();
        json = new String[DOCS];
        facts = new ArticleFacts[DOCS];
        for (int i = 0; i < DOCS; i++) {
            facts[i] = gen.article(i);
            StringWriter w = new StringWriter();
            FactsWriter.writeLine(facts[i], w);
            json[i] = w.toString();
        }
        converter = FactsToRdf.create().build();
    }

    private int nextIndex() {
        next = (next + 1) % DOCS;
        return next;
    }

    /** Read and validate one document (JSON text to model). */
    @Benchmark
    public ArticleFacts readOne() {
        return FactsReader.read("bench", json[nextIndex()]);
    }

    /** Convert one model to quads. */
    @Benchmark
    public void convertOne(Blackhole bh) {
        StreamRDF sink = new StreamRDFBase() {
            @Override
            public void quad(Quad q) {
                bh.consume(q);
            }
        };
        converter.convert(facts[nextIndex()], sink);
    }

    /** Fold a name (memoised after the first call). */
    @Benchmark
    public String foldName() {
        return NameFolding.fold(facts[nextIndex()].places().get(0).name());
    }
}
