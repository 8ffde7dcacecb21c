package org.conflictkg.rdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.conflictkg.facts.FactsFiles;
import org.conflictkg.cli.Main;
import org.conflictkg.facts.FactsException;
import org.conflictkg.facts.FactsReader;
import org.conflictkg.facts.Problem;
import org.conflictkg.synth.CorpusGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import picocli.CommandLine;

/**
 * The parallel pipeline against the sequential path it replaces: same bytes out, in the same
 * order, whatever the number of workers; a bad document stops the output and is reported where
 * the sequential reader reports it.
 */
class FactsPipelineTest {

    @TempDir
    static Path corpusDir;
    static List<Path> corpus;

    @BeforeAll
    static void corpus() {
        corpus = CorpusGenerator.create().seed(11).build().writeFiles(corpusDir, "c", 240, 3);
    }

    /** What {@code convert} wrote before it had a pipeline: read, check, convert, one document at a time. */
    static String sequential(List<Path> files, RdfOutputLib.Format format) {
        FactsToRdf converter = FactsToRdf.create().build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RdfOutputLib.write(out, format, sink -> {
            for (Path f : files) {
                FactsReader.readEach(f, p -> {
                    if (!p.ok()) {
                        throw new FactsException(p.problems());
                    }
                    converter.convert(p.facts(), sink);
                });
            }
        });
        return out.toString(StandardCharsets.UTF_8);
    }

    static String parallel(List<Path> files, RdfOutputLib.Format format, int workers, int window) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FactsFiles.Summary[] s = new FactsFiles.Summary[1];
        RdfOutputLib.write(out, format, sink -> s[0] = FactsPipeline.create().workers(workers).window(window).build()
                .convert(files, sink, p -> { }));
        assertThat(s[0]).isEqualTo(new FactsFiles.Summary(240, 0));
        return out.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(value = RdfOutputLib.Format.class, names = {"NQUADS", "NTRIPLES", "TRIG"})
    void parallelOutputIsTheSequentialOutputByteForByte(RdfOutputLib.Format format) {
        String expected = sequential(corpus, format);
        assertThat(expected.lines().count()).isGreaterThan(240 * 100);
        for (int[] setting : new int[][] {{1, 1}, {2, 3}, {4, 64}}) {
            assertThat(parallel(corpus, format, setting[0], setting[1]))
                    .as("workers %d, window %d", setting[0], setting[1]).isEqualTo(expected);
        }
    }

    /**
     * The line formats print each document's lines on the workers: what comes out is what Jena's
     * own stream writer prints for the sequential conversion, reference quads already seen dropped.
     */
    @ParameterizedTest
    @EnumSource(value = RdfOutputLib.Format.class, names = {"NQUADS", "NTRIPLES"})
    void lineFormatsPrintWhatJenasStreamWriterPrints(RdfOutputLib.Format format) {
        FactsToRdf converter = FactsToRdf.create().build();
        ByteArrayOutputStream jena = new ByteArrayOutputStream();
        StreamRDF writer = StreamRDFWriter.getWriterStream(jena, format.streamFormat);
        writer.start();
        StreamRDF sink = RdfOutputLib.dedupReference(format.quads ? writer : RdfOutputLib.quadsAsTriples(writer));
        for (Path f : corpus) {
            FactsReader.readEach(f, p -> converter.convert(p.facts(), sink));
        }
        writer.finish();
        String expected = jena.toString(StandardCharsets.UTF_8);
        assertThat(expected.lines().count()).isGreaterThan(240 * 100);
        assertThat(parallel(corpus, format, 2, 16)).isEqualTo(expected);
        assertThat(sequential(corpus, format)).isEqualTo(expected);
    }

    @Test
    void convertToAFileWritesWhatTheSequentialPathWrites(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("all.nt");
        List<String> args = new ArrayList<>(List.of("convert", "-o", out.toString(), "--format", "ntriples"));
        corpus.forEach(f -> args.add(f.toString()));
        assertThat(run(args).code).isZero();
        assertThat(Files.readString(out)).isEqualTo(sequential(corpus, RdfOutputLib.Format.NTRIPLES));
    }

    @Test
    void aBadDocumentStopsConversionReportsWhereAndLeavesNoFile(@TempDir Path dir) throws IOException {
        // Spoil one evidence quote in document 130 (the 51st line of the second file) and the
        // syntax of document 200 (line 41 of the third).
        Path bad = dir.resolve("in");
        Files.createDirectories(bad);
        List<Path> files = new ArrayList<>();
        for (Path f : corpus) {
            Path copy = bad.resolve(f.getFileName());
            List<String> lines = new ArrayList<>(Files.readAllLines(f));
            if (files.size() == 1) {
                lines.set(50, lines.get(50).replaceFirst("\"quote\":\"", "\"quote\":\"X"));
            }
            if (files.size() == 2) {
                lines.set(40, lines.get(40).replaceFirst("\\{", "{\"x\": tru, "));
            }
            Files.write(copy, lines);
            files.add(copy);
        }
        List<Problem> expected = new ArrayList<>();
        for (Path f : files) {
            FactsReader.readEach(f, p -> expected.addAll(p.problems()));
        }
        assertThat(expected).extracting(Problem::line).contains(51L, 41L);

        Path out = dir.resolve("out").resolve("all.nq");
        List<String> args = new ArrayList<>(List.of("convert", "-o", out.toString()));
        files.forEach(f -> args.add(f.toString()));
        Result r = run(args);
        assertThat(r.code).isEqualTo(2);
        List<String> printed = r.err.lines().filter(l -> !l.startsWith("error:")).toList();
        assertThat(printed).isEqualTo(expected.stream().map(Problem::toString).toList());
        // The syntax error ends its file: 80 + 80 + 41 documents read.
        assertThat(r.err).contains("error: 2 of 201 documents are invalid; nothing written");
        try (Stream<Path> left = Files.list(out.getParent())) {
            assertThat(left).as("files left behind").isEmpty();
        }
    }

    @Test
    void aFailingConversionIsRethrownOnTheCallingThread() {
        FactsPipeline pipeline = FactsPipeline.create().workers(2).window(2).conversion((facts, out) -> {
            if (facts.article().id().endsWith("00000100")) {
                throw new IllegalStateException("cannot convert " + facts.article().id());
            }
        }).build();
        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> pipeline.run(corpus, d -> seen.add(d.parsed().facts().article().id())))
                .isInstanceOf(IllegalStateException.class).hasMessageEndingWith("00000100");
        assertThat(seen).hasSize(100);
    }

    @Test
    void aFailingConsumerStopsTheReaders() {
        FactsPipeline pipeline = FactsPipeline.create().workers(2).window(4).build();
        int[] n = {0};
        assertThatThrownBy(() -> pipeline.run(corpus, d -> {
            if (++n[0] == 10) {
                throw new IllegalArgumentException("stop");
            }
        })).hasMessage("stop");
        assertThat(n[0]).isEqualTo(10);
    }

    record Result(int code, String err) {
    }

    static Result run(List<String> args) {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.newCommandLine();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        return new Result(cl.execute(args.toArray(String[]::new)), err.toString());
    }
}
