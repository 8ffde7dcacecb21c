package org.conflictkg.rdf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.conflictkg.facts.ArticleFacts;
import org.conflictkg.facts.FactsReader;
import org.conflictkg.facts.FactsSplitter;

/**
 * Reads, validates and converts facts files on worker threads while the calling thread consumes
 * the results, one document at a time, in input order. What the caller sees is exactly what a
 * sequential loop of {@link FactsReader#readEach} and {@link FactsToRdf#convert} would give: the
 * same documents with the same problems, the same quads in the same order, so output is
 * byte-identical to the sequential path's.
 *
 * <p>A reader thread splits the files ({@link FactsSplitter}); each one-line document of a JSON
 * Lines file is parsed, validated and converted by one of {@code workers} threads. At most
 * {@code window} documents are in flight, which bounds memory. An exception thrown by a worker
 * (not a bad document: those are results) is rethrown on the calling thread; an exception thrown
 * by the consumer stops the threads.
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

    /** Counts of a run over inputs. */
    public record Summary(int documents, int bad) {
        /** Whether there was at least one document and none was bad. */
        public boolean ok() {
            return bad == 0 && documents > 0;
        }
    }

    private final Conversion conversion;
    private final int workers;
    private final int window;

    private FactsPipeline(Builder b) {
        this.conversion = b.conversion;
        this.workers = b.workers;
        this.window = b.window;
    }

    public static Builder create() {
        return new Builder();
    }

    /** Settings of a pipeline, with their defaults. */
    public static final class Builder {
        private Conversion conversion = FactsToRdf.create().build()::convert;
        private int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        private int window = 512;

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
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be at least 1");
            }
            this.workers = workers;
            return this;
        }

        /** Documents in flight at most (read ahead of the consumer). Default 512. */
        public Builder window(int window) {
            if (window < 1) {
                throw new IllegalArgumentException("window must be at least 1");
            }
            this.window = window;
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
    public Summary run(List<Path> files, Consumer<Document> consumer) {
        AtomicInteger fileNo = new AtomicInteger();
        BlockingQueue<Item> queue = new ArrayBlockingQueue<>(window);
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "facts-worker");
            t.setDaemon(true);
            return t;
        });
        Thread reader = new Thread(() -> {
            try {
                for (Path file : files) {
                    int n = fileNo.getAndIncrement();
                    FactsSplitter.split(file, piece -> {
                        Future<Document> f = piece instanceof FactsSplitter.Read r && !r.parsed().ok()
                                ? CompletableFuture.completedFuture(new Document(r.parsed(), null))
                                : pool.submit(() -> document(piece.read()));
                        put(queue, new Item(n, f));
                    });
                }
                put(queue, Item.END);
            } catch (Stopped e) {
                // the consumer has gone
            } catch (RuntimeException | Error e) {
                try {
                    put(queue, new Item(-1, CompletableFuture.failedFuture(e)));
                    put(queue, Item.END);
                } catch (Stopped ignored) {
                    // the consumer has gone
                }
            }
        }, "facts-reader");
        reader.setDaemon(true);
        reader.start();
        int documents = 0;
        int bad = 0;
        int endedFile = -1;
        try {
            while (true) {
                Item item = queue.take();
                if (item == Item.END) {
                    break;
                }
                Document doc = get(item.future());
                if (item.file() == endedFile) {
                    continue;
                }
                documents++;
                if (!doc.parsed().ok()) {
                    bad++;
                    if (FactsReader.endsFile(doc.parsed())) {
                        endedFile = item.file();
                    }
                }
                consumer.accept(doc);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading facts", e);
        } finally {
            reader.interrupt();
            pool.shutdownNow();
        }
        return new Summary(documents, bad);
    }

    /**
     * Converts every document of {@code files} to {@code out}, in order, while all documents so
     * far are valid; after the first bad one, goes on reading (so that {@code onEach} sees every
     * problem) but sends nothing more. Every document, valid or not, goes to {@code onEach} first.
     * The caller decides what a bad summary means for what was already sent (e.g. drop the file).
     */
    public Summary convert(List<Path> files, StreamRDF out, Consumer<FactsReader.Parsed> onEach) {
        boolean[] clean = {true};
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

    private Document document(FactsReader.Parsed parsed) {
        if (!parsed.ok() || conversion == null) {
            return new Document(parsed, null);
        }
        List<Quad> quads = new ArrayList<>(512);
        conversion.convert(parsed.facts(), new StreamRDFBase() {
            @Override
            public void quad(Quad quad) {
                quads.add(quad);
            }
        });
        return new Document(parsed, quads);
    }

    private record Item(int file, Future<Document> future) {
        static final Item END = new Item(-1, null);
    }

    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    private static void put(BlockingQueue<Item> queue, Item item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            throw new Stopped();
        }
    }

    private static Document get(Future<Document> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }
}
