package org.conflictkg.facts;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.conflictkg.pipeline.OrderedPipeline;

/**
 * Reads and validates facts files on all cores, handing the documents on one at a time, in input
 * order: exactly what a sequential loop of {@link FactsReader#readEach} would give, the same
 * documents with the same problems. A thread splits the files ({@link FactsSplitter}); each
 * one-line document of a JSON Lines file is parsed, validated and passed through the caller's
 * work (conversion, for example) on one of the workers ({@link OrderedPipeline}).
 *
 * <pre>{@code
 * FactsFiles.create().build().read(files, facts -> convert(facts), doc -> { ... doc.parsed(), doc.result() ... });
 * }</pre>
 */
public final class FactsFiles {

    /** One document as read (valid or not), and what the work made of it (null if invalid). */
    public record Document<R>(FactsReader.Parsed parsed, R result) {
    }

    /** Counts of a run over inputs. */
    public record Summary(int documents, int bad) {
        /** Whether there was at least one document and none was bad. */
        public boolean ok() {
            return bad == 0 && documents > 0;
        }
    }

    private final int workers;
    private final int window;

    private FactsFiles(Builder b) {
        this.workers = b.workers;
        this.window = b.window;
    }

    public static Builder create() {
        return new Builder();
    }

    /** Settings, with their defaults. */
    public static final class Builder {
        private int workers = OrderedPipeline.defaultWorkers();
        private int window = 512;

        /** Worker threads. Default: the number of processors. */
        public Builder workers(int workers) {
            this.workers = OrderedPipeline.checkWorkers(workers);
            return this;
        }

        /** Documents in flight at most (read ahead of the consumer). Default 512. */
        public Builder window(int window) {
            this.window = OrderedPipeline.checkWindow(window);
            return this;
        }

        public FactsFiles build() {
            return new FactsFiles(this);
        }
    }

    /** Reads and validates every document of {@code files}, in order; see {@link #read(List, Function, Consumer)}. */
    public Summary read(List<Path> files, Consumer<FactsReader.Parsed> consumer) {
        return read(files, facts -> null, doc -> consumer.accept(doc.parsed()));
    }

    /**
     * Reads every document of {@code files}, in order, handing each to {@code consumer} on the
     * calling thread; valid documents come with the result of {@code work} (run on a worker:
     * must be thread-safe). A document after a syntax error in the same file is not read (as
     * with {@link FactsReader#readEach}); a file that cannot be read or holds no document counts
     * as one bad document.
     */
    public <R> Summary read(List<Path> files, Function<ArticleFacts, R> work, Consumer<Document<R>> consumer) {
        int[] counts = new int[2];
        int[] endedFile = {-1};
        try (OrderedPipeline<Item<R>> pipeline = OrderedPipeline.<Item<R>>create().workers(workers).window(window)
                .name("facts").build()) {
            pipeline.run(tasks -> {
                for (int n = 0; n < files.size(); n++) {
                    int file = n;
                    FactsSplitter.split(files.get(n), piece -> tasks.submit(() -> new Item<>(file, document(piece, work))));
                }
            }, item -> {
                if (item.file() == endedFile[0]) {
                    return;
                }
                counts[0]++;
                if (!item.doc().parsed().ok()) {
                    counts[1]++;
                    if (FactsReader.endsFile(item.doc().parsed())) {
                        endedFile[0] = item.file();
                    }
                }
                consumer.accept(item.doc());
            });
        }
        return new Summary(counts[0], counts[1]);
    }

    private static <R> Document<R> document(FactsSplitter.Piece piece, Function<ArticleFacts, R> work) {
        FactsReader.Parsed parsed = piece.read();
        return new Document<>(parsed, parsed.ok() ? work.apply(parsed.facts()) : null);
    }

    private record Item<R>(int file, Document<R> doc) {
    }
}
