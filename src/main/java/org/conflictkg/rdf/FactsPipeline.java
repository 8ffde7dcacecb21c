package org.conflictkg.rdf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.conflictkg.facts.ArticleFacts;
import org.conflictkg.facts.FactsFiles;
import org.conflictkg.facts.FactsReader;

/**
 * Converts facts files on all cores while the calling thread consumes the results, one document
 * at a time, in input order. What the caller sees is exactly what a sequential loop of
 * {@link FactsReader#readEach} and {@link FactsToRdf#convert} would give: the same documents with
 * the same problems, the same quads in the same order, so output is byte-identical to the
 * sequential path's. Reading and the threads are {@link FactsFiles}'; this class adds the
 * conversion. An exception thrown by a conversion (not a bad document: those are results) is
 * rethrown on the calling thread; an exception thrown by the consumer stops the threads.
 *
 * <pre>{@code
 * FactsPipeline.create().build().run(files, doc -> { ... doc.parsed(), doc.quads() ... });
 * }</pre>
 */
public final class FactsPipeline {

    /** How a valid document becomes quads; the default is {@link FactsToRdf#convert}. */
    @FunctionalInterface
    public interface Conversion {
        /** Sends the document's quads to {@code out}. Called on worker threads: must be thread-safe. */
        void convert(ArticleFacts facts, StreamRDF out);
    }

    /** One document: as read (valid or not), and its quads (null if not converted). */
    public record Document(FactsReader.Parsed parsed, List<Quad> quads) {
    }

    private final Conversion conversion;
    private final FactsFiles files;

    private FactsPipeline(Builder b) {
        this.conversion = b.conversion;
        this.files = b.files.build();
    }
    public static Builder create() {
        return new Builder();
    }

    /** Settings of a pipeline, with their defaults. */
    public static final class Builder {
        private Conversion conversion = FactsToRdf.create().build()::convert;
        private final FactsFiles.Builder files = FactsFiles.create();

        /** Converts with {@code converter}. Default: {@code FactsToRdf.create().build()}. */
        public Builder converter(FactsToRdf converter) {
            Objects.requireNonNull(converter);
            this.conversion = converter::convert;
            return this;
        }

        /** Converts with any thread-safe function of a document. */
        public Builder conversion(Conversion conversion) {
            this.conversion = Objects.requireNonNull(conversion);
            return this;
        }

        /** Reads and validates only: documents come with no quads. */
        public Builder validateOnly() {
            this.conversion = null;
            return this;
        }

        /** Worker threads. Default: the number of processors. */
        public Builder workers(int workers) {
            files.workers(workers);
            return this;
        }

        /** Documents in flight at most (read ahead of the consumer). Default 512. */
        public Builder window(int window) {
            files.window(window);
            return this;
        }

        public FactsPipeline build() {
            return new FactsPipeline(this);
        }
    }

    /**
     * Reads every document of {@code files}, in order, handing each to {@code consumer} on the
     * calling thread. Valid documents come with their quads (unless validating only); a document
     * after a syntax error in the same file is not read (as with {@link FactsReader#readEach}); a
     * file that cannot be read or holds no document counts as one bad document.
     */
    public FactsFiles.Summary run(List<Path> inputs, Consumer<Document> consumer) {
        return files.read(inputs, this::quads, doc -> consumer.accept(new Document(doc.parsed(), doc.result())));
    }

    /**
     * Converts every document of {@code files} to {@code out}, in order, while all documents so
     * far are valid; after the first bad one, goes on reading (so that {@code onEach} sees every
     * problem) but sends nothing more. Every document, valid or not, goes to {@code onEach} first.
     * The caller decides what a bad summary means for what was already sent (e.g. drop the file).
     */
    public FactsFiles.Summary convert(List<Path> files, StreamRDF out, Consumer<FactsReader.Parsed> onEach) {
        boolean[] clean = {true};
        if (out instanceof LineSink sink && conversion != null) {
            // A line format: the workers also print each document's lines; this thread copies them.
            return this.files.read(files, facts -> {
                List<Quad> quads = quads(facts);
                return new Printed(quads, sink.format(quads));
            }, doc -> {
                onEach.accept(doc.parsed());
                if (!doc.parsed().ok()) {
                    clean[0] = false;
                }
                Printed p = doc.result();
                if (clean[0] && p != null) {
                    if (p.lines() == null) {
                        p.quads().forEach(out::quad);
                    } else {
                        sink.send(p.quads(), p.lines());
                    }
                }
            });
        }
        return run(files, doc -> {
            onEach.accept(doc.parsed());
            if (!doc.parsed().ok()) {
                clean[0] = false;
            }
            if (clean[0] && doc.quads() != null) {
                doc.quads().forEach(out::quad);
            }
        });
    }

    /** A document's quads and their lines, printed ahead (null if they could not be). */
    private record Printed(List<Quad> quads, LineSink.Lines lines) {
    }

    private List<Quad> quads(ArticleFacts facts) {
        if (conversion == null) {
            return null;
        }
        List<Quad> quads = new ArrayList<>(512);
        conversion.convert(facts, new StreamRDFBase() {
            @Override
            public void quad(Quad quad) {
                quads.add(quad);
            }
        });
        return quads;
    }
}
