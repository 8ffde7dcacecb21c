package org.conflictkg.store;

import org.conflictkg.derive.Derivation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.conflictkg.ConflictKgException;

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
    private final LoadProgress progress;
    private final boolean force;
    private final Derivation derivation;

    private StoreLoader(Builder b) {
        this.target = b.target;
        this.inputs = b.inputs;
        this.progress = b.progress;
        this.force = b.force;
        this.derivation = b.derivation;
    }

    public static Builder create(LoadTarget target, ArticleInputs inputs) {
        return new Builder(target, inputs);
    }

    /** Loads the given files and folders. Bad input paths fail before anything is written. */
    public LoadReport load(List<Path> paths) {
        long t0 = System.nanoTime();
        List<Path> files = inputs.expand(paths);
        for (Path f : files) {
            inputs.forFile(f); // refuse unknown kinds before writing anything
        }
        Map<String, String> stored = force ? Map.of() : target.storedHashes();
        Run run = new Run(stored);
        boolean bulk = target.startBulk();
        progress.start(files.size());
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
                progress.fileDone();
            }
            run.flush();
            if (bulk) {
                if (run.loaded > 0) {
                    target.finishBulk();
                } else {
                    target.abortBulk();
                }
            }
        } catch (RuntimeException ex) {
            if (bulk) {
                target.abortBulk();
            }
            throw ex;
        }
        progress.finish();
        Duration deriving = Duration.ZERO;
        if (derivation != null && (run.loaded > 0 || force)) {
            long d0 = System.nanoTime();
            target.derive(derivation);
            deriving = Duration.ofNanos(System.nanoTime() - d0);
        }
        target.loadDone();
        return new LoadReport(run.loaded, run.unchanged, run.failures, run.quads,
                Duration.ofNanos(System.nanoTime() - t0), deriving);
    }

    private final class Run {
        final Map<String, String> stored;
        final List<ArticleGraph> batch = new ArrayList<>();
        final List<LoadReport.Failure> failures = new ArrayList<>();
        final java.util.Set<String> seen = new java.util.HashSet<>();
        int batchSize;
        int loaded;
        int unchanged;
        long quads;

        Run(Map<String, String> stored) {
            this.stored = stored;
        }

        void accept(ArticleDocument doc) {
            progress.document();
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
            ArticleGraph graph;
            try {
                graph = doc.build();
            } catch (ConflictKgException ex) {
                failures.add(new LoadReport.Failure(doc.source(), List.of(ex.getMessage()),
                        ex.exitCode() == ConflictKgException.BAD_INPUT));
                return;
            }
            batch.add(graph);
            batchSize += graph.size();
            if (batchSize >= target.batchQuads()) {
                flush();
            }
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            try {
                target.write(batch);
                loaded += batch.size();
                for (ArticleGraph a : batch) {
                    quads += a.size();
                }
            } catch (StoreException ex) {
                if (ex.fatal()) {
                    throw ex; // e.g. credentials refused: every further write would fail too
                }
                for (ArticleGraph a : batch) {
                    failures.add(new LoadReport.Failure(a.source(), List.of(ex.getMessage()), false));
                }
            } catch (RuntimeException ex) {
                for (ArticleGraph a : batch) {
                    failures.add(new LoadReport.Failure(a.source(), List.of("write failed: " + ex.getMessage()), false));
                }
            } finally {
                batch.clear();
                batchSize = 0;
            }
        }
    }

    /** Fluent builder. */
    public static final class Builder {
        private final LoadTarget target;
        private final ArticleInputs inputs;
        private LoadProgress progress = LoadProgress.quiet();
        private boolean force;
        private Derivation derivation = Derivation.create().build();

        private Builder(LoadTarget target, ArticleInputs inputs) {
            this.target = Objects.requireNonNull(target);
            this.inputs = Objects.requireNonNull(inputs);
        }

        public Builder progress(LoadProgress progress) {
            this.progress = progress;
            return this;
        }

        /** Rewrite every article even when its content hash is unchanged. */
        public Builder force(boolean force) {
            this.force = force;
            return this;
        }

        /**
         * The derivation run after a load that changed something (null: none). Default: the
         * standard derivation, so the derived graph always matches the articles.
         */
        public Builder derivation(Derivation derivation) {
            this.derivation = derivation;
            return this;
        }

        public StoreLoader build() {
            return new StoreLoader(this);
        }
    }
}
