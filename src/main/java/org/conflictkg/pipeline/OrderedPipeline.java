package org.conflictkg.pipeline;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

/**
 * Runs tasks on worker threads and hands their results back in the order the tasks were
 * submitted: work in parallel, results in input order. At most {@code window} results are in
 * flight, which bounds memory. What a task throws (unchecked) is rethrown, as it was, where its
 * result is taken; with one worker, tasks run on the submitting thread.
 *
 * <p>Two ways to drive it. The calling thread submits and takes in turns ({@link #submit},
 * {@link #take}, {@link #pending}); or a source runs on a thread of its own and the calling
 * thread consumes ({@link #run}).
 *
 * <pre>{@code
 * try (OrderedPipeline<Graph> p = OrderedPipeline.<Graph>create().workers(4).build()) {
 *     for (Doc d : docs) {
 *         p.submit(() -> convert(d));
 *         while (p.pending() > 16) write(p.take());
 *     }
 *     while (p.pending() > 0) write(p.take());
 * }
 * }</pre>
 *
 * @param <T> what a task returns
 */
public final class OrderedPipeline<T> implements AutoCloseable {
    private final int window;
    private final ExecutorService pool;
    private final ArrayDeque<Future<T>> own = new ArrayDeque<>();

    private OrderedPipeline(Builder<T> b) {
        this.window = b.window;
        this.pool = b.workers <= 1 ? null : Executors.newFixedThreadPool(b.workers, r -> {
            Thread t = new Thread(r, b.name + "-worker");
            t.setDaemon(true);
            return t;
        });
    }

    public static <T> Builder<T> create() {
        return new Builder<>();
    }

    /** The default number of worker threads: the number of processors. */
    public static int defaultWorkers() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** {@code workers}, if it is at least 1: the one check of every stage's {@code workers} setting. */
    public static int checkWorkers(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1");
        }
        return workers;
    }

    /** {@code window}, if it is at least 1: the one check of every stage's {@code window} setting. */
    public static int checkWindow(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1");
        }
        return window;
    }

    /** Settings of a pipeline, with their defaults. */
    public static final class Builder<T> {
        private int workers = defaultWorkers();
        private int window = 512;
        private String name = "pipeline";

        /** Worker threads (1: tasks run on the submitting thread). Default: the number of processors. */
        public Builder<T> workers(int workers) {
            this.workers = checkWorkers(workers);
            return this;
        }

        /** Results in flight at most, in {@link #run}: the source waits when they are. Default 512. */
        public Builder<T> window(int window) {
            this.window = checkWindow(window);
            return this;
        }

        /** Names the threads, for thread dumps. Default "pipeline". */
        public Builder<T> name(String name) {
            this.name = Objects.requireNonNull(name);
            return this;
        }

        public OrderedPipeline<T> build() {
            return new OrderedPipeline<>(this);
        }
    }

    /** Starts {@code task}; its result is the last in line. */
    public void submit(Callable<T> task) {
        own.add(start(task));
    }

    /** Results submitted and not taken yet. */
    public int pending() {
        return own.size();
    }

    /** Waits for the oldest result and returns it (or rethrows what its task threw). */
    public T take() {
        Future<T> f = own.poll();
        if (f == null) {
            throw new IllegalStateException("nothing pending");
        }
        return await(f);
    }

    /** Where a {@link #run} source sends its tasks, in order. */
    @FunctionalInterface
    public interface Submitter<T> {
        /** Starts {@code task}; waits while the window is full. */
        void submit(Callable<T> task);
    }

    /**
     * Runs {@code source} on a thread of its own, handing each result to {@code consumer} on the
     * calling thread, in the order {@code source} submitted the tasks. What {@code source} or a
     * task throws is rethrown here, after the results before it; what {@code consumer} throws
     * stops the source and the workers.
     */
    public void run(Consumer<Submitter<T>> source, Consumer<? super T> consumer) {
        BlockingQueue<Future<T>> queue = new ArrayBlockingQueue<>(window);
        FutureTask<T> end = new FutureTask<>(() -> null);
        Thread reader = new Thread(() -> {
            try {
                source.accept(task -> put(queue, start(task)));
                put(queue, end);
            } catch (Stopped e) {
                // the consumer has gone
            } catch (RuntimeException | Error e) {
                FutureTask<T> failed = new FutureTask<>(() -> {
                    throw e;
                });
                failed.run();
                try {
                    put(queue, failed);
                    put(queue, end);
                } catch (Stopped ignored) {
                    // the consumer has gone
                }
            }
        }, Thread.currentThread().getName() + "-source");
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                Future<T> f = queue.take();
                if (f == end) {
                    break;
                }
                consumer.accept(await(f));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for results");
        } finally {
            reader.interrupt();
        }
    }

    /** Stops the workers; results not taken are dropped. */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
        own.clear();
    }

    private Future<T> start(Callable<T> task) {
        FutureTask<T> f = new FutureTask<>(task);
        if (pool == null) {
            f.run();
        } else {
            pool.execute(f);
        }
        return f;
    }

    private static <T> void put(BlockingQueue<Future<T>> queue, Future<T> f) {
        try {
            queue.put(f);
        } catch (InterruptedException e) {
            throw new Stopped();
        }
    }

    /**
     * Waits for {@code f}; rethrows what its task threw as it was (unchecked), or a
     * {@link CancellationException} when interrupted (the interrupt flag is kept).
     */
    public static <T> T await(Future<T> f) {
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
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for a result");
        }
    }

    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }
}
