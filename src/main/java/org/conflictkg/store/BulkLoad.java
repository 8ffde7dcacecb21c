package org.conflictkg.store;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/**
 * One run of a TDB2 bulk loader, watched. The loader works on threads of its own, connected by
 * bounded queues; when one of them fails (a full disk makes its memory-mapped writes end in an
 * {@code InternalError}, or its file writes in an I/O exception that the loader only logs), the
 * others wait for it forever, and so would the thread feeding it. Here the loader's threads are
 * started in a thread group of their own, and a failure anywhere (an uncaught error in the group,
 * an error the loader logs, a loader thread ending before the load does, or less than
 * {@link #RESERVE} bytes left on the disk) is recorded, every thread of the group and the feeding
 * thread are interrupted, and the feeding thread gets the failure as a {@link StoreException}.
 * {@link #discard} then stops what is left and deletes the half-built folder.
 */
final class BulkLoad {
    /** Free bytes below which a bulk load stops rather than run the disk full. */
    static final long RESERVE = 16L << 20;
    /** Quads between two looks at the free space. */
    private static final int SPACE_CHECK_EVERY = 1 << 14;
    /** The loggers TDB2's bulk loader stages report their failures to. */
    private static final String LOADER_LOG = "org.apache.jena.tdb2.loader";
    private static final java.util.concurrent.atomic.AtomicInteger RUNS = new java.util.concurrent.atomic.AtomicInteger();

    final DatasetGraph dsg;
    /** The folder being built, or null for a database loaded in place. */
    final Path folder;
    private final Group group = new Group();
    private final Capture capture = new Capture();
    /** The one thread that talks to the loader (TDB2 ties the load's transaction to the thread that started it). */
    private final java.util.concurrent.ExecutorService feeder;
    private volatile Thread feederThread;
    private final List<Thread> workers = new ArrayList<>();
    private final FileStore disk;
    private final Thread watchdog;
    private DataLoader loader;
    private StreamRDF out;
    private volatile Throwable failure;
    private volatile boolean finishing;
    private long sent;

    BulkLoad(DatasetGraph dsg, Path folder, Function<DatasetGraph, DataLoader> kind) {
        this.dsg = dsg;
        this.folder = folder;
        this.disk = folder == null ? null : fileStore(folder);
        this.feeder = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(group, r, "bulk-load-feed");
            t.setDaemon(true);
            feederThread = t;
            return t;
        });
        capture.attach();
        this.watchdog = new Thread(this::watch, "bulk-load-watchdog");
        watchdog.setDaemon(true);
        try {
            run(() -> {
                loader = kind.apply(dsg);
                loader.startBulk();
                out = loader.stream();
            });
        } catch (RuntimeException ex) {
            discard();
            throw ex;
        }
        Thread[] live = new Thread[group.activeCount() + 8];
        for (int i = 0, n = group.enumerate(live); i < n; i++) {
            if (live[i] != feederThread) {
                workers.add(live[i]);
            }
        }
        watchdog.start();
    }

    /**
     * Runs {@code work} on the loader's feeding thread and waits for it; {@code work} calls
     * {@link #send}. A failure of the loader anywhere is thrown here.
     */
    void run(Runnable work) {
        check();
        java.util.concurrent.Future<?> f = feeder.submit(work);
        try {
            while (failure == null) {
                try {
                    f.get(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                    break;
                } catch (java.util.concurrent.TimeoutException ex) {
                    // look again
                }
            }
        } catch (java.util.concurrent.ExecutionException ex) {
            fail(ex.getCause());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            fail(ex);
        }
        check();
    }

    /** Sends one quad to the loader; call on the feeding thread only (inside {@link #run}). */
    void send(Quad q) {
        if ((++sent % SPACE_CHECK_EVERY) == 0) {
            checkSpace();
        }
        check();
        if (q.isDefaultGraph()) {
            out.triple(q.asTriple());
        } else {
            out.quad(q);
        }
    }

    /** Completes the load (every index written and committed); throws if any part of it failed. */
    void finish() {
        checkSpace();
        finishing = true;
        run(loader::finishBulk);
        stop();
    }

    /**
     * Abandons the load: ends the loader's threads (cleanly when it has not failed), releases the
     * database and deletes its folder.
     */
    void discard() {
        if (failure == null && loader != null) {
            finishing = true;
            try {
                run(loader::finishBulk);
            } catch (RuntimeException ex) {
                // failing anyway
            }
        }
        if (failure != null) {
            group.interrupt();
            long deadline = System.nanoTime() + 5_000_000_000L;
            for (Thread t : workers) {
                try {
                    t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        stop();
        if (folder != null) {
            TdbStores.release(dsg);
            TdbStores.deleteTree(folder);
        }
    }

    private void stop() {
        finishing = true;
        capture.detach();
        watchdog.interrupt();
        feeder.shutdownNow();
    }

    private void watch() {
        while (!finishing && failure == null) {
            for (Thread t : workers) {
                if (!t.isAlive() && !finishing && failure == null) {
                    fail(new IllegalStateException("a bulk loader thread (" + t.getName() + ") stopped"));
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException ex) {
                return;
            }
        }
    }

    private void checkSpace() {
        if (disk == null) {
            return;
        }
        try {
            long free = disk.getUsableSpace();
            if (free < RESERVE) {
                fail(new IOException("No space left on device (" + StoreRecovery.mb(free) + " free, "
                        + StoreRecovery.mb(RESERVE) + " kept in reserve)"));
            }
        } catch (IOException ex) {
            // cannot tell: go on
        }
    }

    /** Records the first failure and wakes everyone who could be waiting for the failed thread. */
    private void fail(Throwable ex) {
        synchronized (this) {
            if (failure != null) {
                return;
            }
            failure = ex;
        }
        group.interrupt(); // the feeding thread too, wherever it waits for the failed one
    }

    /** Throws the recorded failure, if any. */
    private void check() {
        Throwable f = failure;
        if (f != null) {
            throw DiskSpace.failure("bulk load", folder, f);
        }
    }

    private static FileStore fileStore(Path p) {
        try {
            return Files.getFileStore(p);
        } catch (IOException ex) {
            return null;
        }
    }

    /** The loader's threads: an error none of them catches is a failure of the load, not a trace on stderr. */
    private final class Group extends ThreadGroup {
        Group() {
            super("bulk-load");
        }

        @Override
        public void uncaughtException(Thread t, Throwable e) {
            fail(e);
        }
    }

    /** Hears the errors TDB2's bulk loader stages log (they catch their exceptions, log them, and stop). */
    private final class Capture extends AbstractAppender {
        private org.apache.logging.log4j.core.Logger logger;

        Capture() {
            super("bulk-load-failures-" + RUNS.incrementAndGet(), null, null, true, Property.EMPTY_ARRAY);
        }

        void attach() {
            if (LogManager.getLogger(LOADER_LOG) instanceof org.apache.logging.log4j.core.Logger l) {
                start();
                logger = l;
                l.addAppender(this);
            }
        }

        void detach() {
            if (logger != null) {
                logger.removeAppender(this);
                logger = null;
                stop();
            }
        }

        @Override
        public void append(LogEvent event) {
            if (event.getLevel().isMoreSpecificThan(org.apache.logging.log4j.Level.ERROR)
                    && Thread.currentThread().getThreadGroup() == group) {
                Throwable t = event.getThrown();
                fail(t != null ? t : new IllegalStateException(event.getMessage().getFormattedMessage()));
            }
        }
    }
}
