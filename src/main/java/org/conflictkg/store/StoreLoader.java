package org.conflictkg.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.conflictkg.ConflictKgException;
import org.conflictkg.pipeline.OrderedPipeline;
import org.conflictkg.Progress;

/**
 * Loads input files into a {@link LoadTarget}. Per document: read and validate, skip if the store
 * holds the same content hash (unless forced), convert in memory, then write in batches. A bad
 * document is reported and skipped; a failed batch is reported for each of its articles. Loading
 * the same input twice leaves the store unchanged; loading a changed article replaces its graph.
 * When the target takes a bulk load ({@link LoadTarget#startBulk}: a store without articles), the
 * batches go to it and the load is completed, or abandoned if nothing loaded, before deriving.
 */
public final class StoreLoader {
    private final LoadTarget target;
    private final ArticleInputs inputs;
    private final Progress progress;
    private final java.util.function.Consumer<String> notes;
    private final boolean force;
    private final DerivedGraphUpdater derivation;
    private final int workers;

    private StoreLoader(Builder b) {
        this.target = b.target;
        this.inputs = b.inputs;
        this.progress = b.progress;
        this.notes = b.notes;
        this.force = b.force;
        this.derivation = b.derivation;
        this.workers = b.workers;
    }

    public static Builder create(LoadTarget target, ArticleInputs inputs) {
        return new Builder(target, inputs);
    }

    /** Loads the given files and folders. Bad input paths fail before anything is written. */
    public LoadReport load(List<Path> paths) {
        long t0 = System.nanoTime();
        List<Path> files = inputs.expand(paths, notes);
        long articles = 0;
        long inputBytes = 0;
        for (Path f : files) {
            articles += inputs.forFile(f).documents(f); // also refuses unknown kinds before writing anything
            try {
                inputBytes += java.nio.file.Files.size(f);
            } catch (java.io.IOException ex) {
                // read errors are reported when the file is read
            }
        }
        target.recordsOwedDerivation(); // also without derivation: a later load or derive pays the debt
        Map<String, String> stored = force ? Map.of() : target.storedHashes();
        Run run = new Run(stored);
        boolean bulk;
        try {
            bulk = target.startBulk(inputBytes);
        } catch (RuntimeException ex) {
            run.close();
            throw ex;
        }
        progress.start("articles", articles);
        try {
            for (Path f : files) {
                try {
                    inputs.forFile(f).read(f, run::accept);
                } catch (ConflictKgException ex) {
                    if (ex instanceof StoreException se && se.fatal()) {
                        throw se;
                    }
                    run.failures.add(new LoadReport.Failure(f.toString(), List.of(ex.getMessage()),
                            ex.exitCode() == ConflictKgException.BAD_INPUT));
                }
            }
            run.drain(0);
            run.flush();
            run.awaitWrite();
            progress.finish();
            if (bulk) {
                if (run.loaded > 0) {
                    target.finishBulk();
                } else {
                    target.abortBulk();
                }
            }
        } catch (RuntimeException ex) {
            progress.finish();
            if (bulk) {
                target.abortBulk();
            }
            throw ex;
        } finally {
            run.close();
        }
        Duration deriving = Duration.ZERO;
        if (derivation != null && (run.loaded > 0 || force || target.derivePending())) {
            long d0 = System.nanoTime();
            target.derive(derivation);
            deriving = Duration.ofNanos(System.nanoTime() - d0);
        }
        target.loadDone();
        return new LoadReport(run.loaded, run.unchanged, run.failures, run.quads,
                Duration.ofNanos(System.nanoTime() - t0), deriving);
    }

    /**
     * One load. Documents arrive in input order on the calling thread; those that need writing
     * are converted (and shape-checked) on {@code workers} threads, at most {@code 4 * workers}
     * ahead, and written in input order, so the store sees the same batches as a sequential load.
     */
    private final class Run implements AutoCloseable {
        final Map<String, String> stored;
        /** Converts documents on the workers; results in input order. */
        final OrderedPipeline<Built> converted;
        /** Writes batches one at a time beside the loader, for targets that allow it (else null). */
        final java.util.concurrent.ExecutorService writer;
        java.util.concurrent.Future<?> inFlight;
        List<ArticleGraph> inFlightBatch;
        final List<ArticleGraph> batch = new ArrayList<>();
        final List<LoadReport.Failure> failures = new ArrayList<>();
        final java.util.Set<String> seen = new java.util.HashSet<>();
        int batchSize;
        int loaded;
        int unchanged;
        long quads;

        Run(Map<String, String> stored) {
            this.stored = stored;
            this.converted = OrderedPipeline.<Built>create().workers(workers).name("load-converter").build();
            this.writer = !target.writesConcurrently() ? null
                    : java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                        Thread t = new Thread(r, "load-writer");
                        t.setDaemon(true);
                        return t;
                    });
        }

        /** The task's result; what it threw, rethrown as it was (unchecked). */
        private static <T> T await(java.util.concurrent.Future<T> task) {
            try {
                return OrderedPipeline.await(task);
            } catch (java.util.concurrent.CancellationException ex) {
                throw StoreException.failure("load interrupted", ex);
            }
        }

        /** A document converted on a worker: its graph, or why it could not be converted. */
        private record Built(ArticleDocument doc, ArticleGraph graph, ConflictKgException error) {
            static Built of(ArticleDocument doc) {
                try {
                    return new Built(doc, doc.build(), null);
                } catch (ConflictKgException ex) {
                    return new Built(doc, null, ex);
                }
            }
        }

        void accept(ArticleDocument doc) {
            progress.advance(1);
            if (!doc.ok()) {
                failures.add(new LoadReport.Failure(doc.source(), doc.problems(), true));
                return;
            }
            if (!seen.add(doc.articleId())) {
                failures.add(new LoadReport.Failure(doc.source(),
                        List.of(doc.source() + ": article id '" + doc.articleId() + "' appears twice in this load"), true));
                return;
            }
            if (doc.contentHash().equals(stored.get(doc.articleId()))) {
                unchanged++;
                return;
            }
            converted.submit(() -> Built.of(doc));
            drain(workers <= 1 ? 0 : 4 * workers);
        }

        /** Writes converted documents, in order, until at most {@code keep} are in flight. */
        void drain(int keep) {
            while (converted.pending() > keep) {
                add(converted.take());
            }
        }

        private void add(Built built) {
            org.conflictkg.CrashPoints.reach("convert");
            if (built.error() != null) {
                ConflictKgException ex = built.error();
                failures.add(new LoadReport.Failure(built.doc().source(), List.of(ex.getMessage()),
                        ex.exitCode() == ConflictKgException.BAD_INPUT));
                return;
            }
            ArticleGraph graph = built.graph();
            batch.add(graph);
            batchSize += graph.size();
            if (batchSize >= target.batchQuads()) {
                flush();
            }
        }

        @Override
        public void close() {
            converted.close();
            if (writer != null) {
                // After a failure elsewhere: let the write in flight finish (a request is not cut
                // off half-way), then stop.
                writer.shutdown();
                try {
                    writer.awaitTermination(5, java.util.concurrent.TimeUnit.MINUTES);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            List<ArticleGraph> b = List.copyOf(batch);
            batch.clear();
            batchSize = 0;
            if (writer == null) {
                complete(b, () -> target.write(b));
                return;
            }
            awaitWrite();
            inFlightBatch = b;
            inFlight = writer.submit(() -> target.write(b));
        }

        /** Waits for the batch being written, if any, and accounts for it. */
        void awaitWrite() {
            if (inFlight == null) {
                return;
            }
            java.util.concurrent.Future<?> f = inFlight;
            List<ArticleGraph> b = inFlightBatch;
            inFlight = null;
            inFlightBatch = null;
            complete(b, () -> await(f));
        }

        private void complete(List<ArticleGraph> b, Runnable write) {
            try {
                write.run();
                loaded += b.size();
                for (ArticleGraph a : b) {
                    quads += a.size();
                }
            } catch (StoreException ex) {
                if (ex.fatal()) {
                    throw ex; // e.g. credentials refused: every further write would fail too
                }
                for (ArticleGraph a : b) {
                    failures.add(new LoadReport.Failure(a.source(), List.of(ex.getMessage()), false));
                }
            } catch (RuntimeException ex) {
                for (ArticleGraph a : b) {
                    failures.add(new LoadReport.Failure(a.source(), List.of("write failed: " + ex.getMessage()), false));
                }
            }
        }
    }

    /** Fluent builder. */
    public static final class Builder {
        private final LoadTarget target;
        private final ArticleInputs inputs;
        private Progress progress = Progress.none();
        private java.util.function.Consumer<String> notes = note -> { };
        private boolean force;
        private DerivedGraphUpdater derivation;
        private int workers = OrderedPipeline.defaultWorkers();

        private Builder(LoadTarget target, ArticleInputs inputs) {
            this.target = Objects.requireNonNull(target);
            this.inputs = Objects.requireNonNull(inputs);
        }

        /** Hears of every article read (loaded, unchanged or bad); default: nothing. */
        public Builder progress(Progress progress) {
            this.progress = Objects.requireNonNull(progress);
            return this;
        }

        /** Hears of inputs left out on purpose (see {@link ArticleInputs#expand(List, java.util.function.Consumer)}). */
        public Builder notes(java.util.function.Consumer<String> notes) {
            this.notes = Objects.requireNonNull(notes);
            return this;
        }

        /** Rewrite every article even when its content hash is unchanged. */
        public Builder force(boolean force) {
            this.force = force;
            return this;
        }

        /**
         * What brings the derived graph up to date after a load that changed something (null:
         * nothing). Default: nothing; the command line passes the standard derivation, so the
         * derived graph always matches the articles.
         */
        public Builder derivation(DerivedGraphUpdater derivation) {
            this.derivation = derivation;
            return this;
        }

        /**
         * Threads converting and shape-checking documents while the calling thread reads and
         * writes (1: all on the calling thread). Default: the number of processors. The store
         * receives the same articles in the same order either way.
         */
        public Builder workers(int workers) {
            this.workers = OrderedPipeline.checkWorkers(workers);
            return this;
        }

        public StoreLoader build() {
            return new StoreLoader(this);
        }
    }
}
