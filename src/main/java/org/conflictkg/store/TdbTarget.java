package org.conflictkg.store;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.conflictkg.CrashPoints;

/**
 * Loads into a TDB2 database, in one of two ways.
 *
 * <p><b>Transactional</b> (a database that already holds articles): one write transaction per
 * batch (not per triple, not per article). A failed batch is aborted as a whole, so an article is
 * either completely in or not at all, and readers only ever see whole articles.
 *
 * <p><b>Bulk</b> (a database that holds no article graph, when enabled): the quads stream into
 * TDB2's bulk loader, which builds each index outside transactions. That loader commits its node
 * table and each index separately, so a database it was writing when the process died can be
 * inconsistent. For a database in a folder the bulk load therefore builds a new database in a
 * temporary folder beside it ({@code .NAME.loading-*}, holding whatever the old one held) and
 * moves it into place only once complete: a crash leaves the old database as it was, plus that
 * stray folder. An in-memory database is bulk loaded in place.
 */
public final class TdbTarget implements LoadTarget {
    /** Default quads per transaction. */
    public static final int DEFAULT_BATCH_QUADS = 100_000;

    /** The TDB2 bulk loaders a new database can be filled with. */
    public enum BulkLoader {
        /** No bulk load: transactions even into a new database. */
        NONE,
        /** Primary indexes while loading, then the secondary ones from them ({@code tdb2.tdbloader}'s default). */
        PHASED,
        /** Every index at once, one thread each. */
        PARALLEL,
        /** One thread, all indexes while loading. */
        BASIC;

        /** Parses a command-line value (case-insensitive). */
        public static BulkLoader of(String s) {
            return valueOf(s.toUpperCase(Locale.ROOT));
        }
    }

    /** Default bulk loader: the fastest measured on a 2-core machine (see docs/store.md). */
    public static final BulkLoader DEFAULT_BULK_LOADER = BulkLoader.PARALLEL;

    private DatasetGraph dsg;
    /** The database folder, or null for an in-memory database. */
    private final Path dir;
    private final int batchQuads;
    private final BulkLoader bulkLoader;
    private static final Node RDF_TYPE = org.apache.jena.vocabulary.RDF.type.asNode();

    /** Compact after a transactional load that rewrote much of the database (folder databases only). */
    private boolean compactAfterLoad = true;
    /** Articles the database held when this target first read its hashes; -1 before. */
    private int articlesBefore = -1;
    /** Write transactions committed and articles written by this target since the last compaction check. */
    private int transactions;
    private long articlesWritten;

    /** True between {@link #startBulk} and its finish or abort. */
    private boolean bulkPending;
    /** The bulk loader in progress (started at the first write), or null. */
    private BulkLoad bulk;
    /** Reference quads sent to the bulk loader in progress. */
    private final Set<Quad> bulkShared = new HashSet<>();

    /** A transactional target over {@code dsg} (no bulk loading). */
    public TdbTarget(DatasetGraph dsg, int batchQuads) {
        this(dsg, null, batchQuads, BulkLoader.NONE);
    }

    /**
     * A target over {@code dsg}, which lives in {@code dir} (null: in memory). With a bulk loader
     * other than {@link BulkLoader#NONE}, a load into a database without article graphs is a bulk
     * load; a folder database is then replaced by a new one when the load completes, so callers
     * must take {@link #dataset()} afresh after a load.
     */
    public TdbTarget(DatasetGraph dsg, Path dir, int batchQuads, BulkLoader bulkLoader) {
        this.dsg = dsg;
        this.dir = dir == null ? null : dir.toAbsolutePath().normalize();
        this.batchQuads = batchQuads;
        this.bulkLoader = bulkLoader;
    }

    /** Opens (creating if needed) the database in {@code dir}, bulk loading it while it holds no article. */
    public static TdbTarget open(Path dir) {
        return open(dir, DEFAULT_BATCH_QUADS, DEFAULT_BULK_LOADER);
    }

    /** Opens (creating if needed) the database in {@code dir}. */
    public static TdbTarget open(Path dir, int batchQuads, BulkLoader bulkLoader) {
        return open(dir, batchQuads, bulkLoader, note -> { });
    }

    /**
     * Opens (creating if needed) the database in {@code dir}, first putting right what a load or
     * compaction killed part-way left beside it or in it ({@code .NAME.loading-*},
     * {@code .NAME.ready-*}, {@code .NAME.old-*}, {@code .NAME.creating-*}, stale {@code Data-NNNN}
     * generations); {@code notes} hears one line for each.
     */
    public static TdbTarget open(Path dir, int batchQuads, BulkLoader bulkLoader, java.util.function.Consumer<String> notes) {
        StoreRecovery.recover(dir, notes);
        return new TdbTarget(TdbStores.openOrCreate(dir), dir, batchQuads, bulkLoader);
    }

    /**
     * Whether {@link #loadDone} compacts the database after a transactional load that wrote at
     * least half as many articles as it held before, in more than one transaction (default true).
     */
    public TdbTarget compactAfterLoad(boolean compact) {
        this.compactAfterLoad = compact;
        return this;
    }

    /** The database; after a bulk load into a folder, a new dataset object. */
    public DatasetGraph dataset() {
        return dsg;
    }

    @Override
    public Map<String, String> storedHashes() {
        Map<String, String> byId = new HashMap<>();
        TdbStores.storedHashes(dsg).forEach((g, h) -> {
            String id = StoreGraphs.articleId(g);
            if (id != null) {
                byId.put(id, h);
            }
        });
        if (articlesBefore < 0) {
            articlesBefore = byId.size();
        }
        return byId;
    }

    private boolean holdsArticles() {
        return Txn.calculateRead(dsg, () -> {
            var it = dsg.listGraphNodes();
            while (it.hasNext()) {
                if (StoreGraphs.isArticleGraph(it.next())) {
                    return true;
                }
            }
            return false;
        });
    }

    @Override
    public boolean startBulk() {
        if (bulkLoader == BulkLoader.NONE || bulkPending || holdsArticles()) {
            return false;
        }
        bulkPending = true;
        return true;
    }

    /**
     * As {@link #startBulk()}; for a folder database, first checks that its disk has room for the
     * new database: {@link DiskSpace#BULK_FACTOR} times {@code inputBytes}, plus a new database's
     * first size (what the old one holds, copied in, is small: it has no article).
     */
    @Override
    public boolean startBulk(long inputBytes) {
        if (!startBulk()) {
            return false;
        }
        if (dir != null) {
            try {
                DiskSpace.require(dir.getParent(), (long) (inputBytes * DiskSpace.BULK_FACTOR) + DiskSpace.EMPTY_DATABASE,
                        "bulk load into " + dir);
            } catch (StoreException ex) {
                bulkPending = false;
                throw ex;
            }
        }
        return true;
    }

    /** Starts the bulk loader at the first write, so a load that writes nothing touches nothing. */
    private BulkLoad bulk() {
        if (bulk == null) {
            bulkShared.clear();
            bulk = dir == null ? new BulkLoad(dsg, null, this::newLoader) : newBulkBeside();
            // Carry over what the old database holds (at least the store format triple), and record
            // that the whole derived graph is owed: it travels with the new database, so a crash
            // after the swap and before derivation derives on the next load.
            BulkLoad b = bulk;
            DatasetGraph old = dsg;
            b.run(() -> {
                if (dir != null) {
                    Txn.executeRead(old, () -> old.find().forEachRemaining(b::send));
                }
                b.send(StoreMarks.deriveAll());
            });
        }
        return bulk;
    }

    private DataLoader newLoader(DatasetGraph target) {
        return switch (bulkLoader) {
            case PHASED -> LoaderFactory.phasedLoader(target, QUIET);
            case PARALLEL -> LoaderFactory.parallelLoader(target, QUIET);
            case BASIC -> LoaderFactory.basicLoader(target, QUIET);
            case NONE -> throw new IllegalStateException();
        };
    }

    @Override
    public void write(List<ArticleGraph> batch) {
        if (bulkPending) {
            try {
                BulkLoad bulk = bulk();
                bulk.run(() -> {
                    for (ArticleGraph a : batch) {
                        a.articleQuads().forEach(bulk::send);
                        bulk.send(a.hashQuad());
                        for (Quad q : a.sharedQuads()) {
                            if (bulkShared.add(q)) {
                                bulk.send(q);
                            }
                        }
                        CrashPoints.reach("bulk");
                    }
                });
            } catch (RuntimeException ex) {
                // The bulk loader's state is unknown: nothing more can be loaded in this run.
                abortBulk();
                throw ex instanceof StoreException se && se.fatal() ? se
                        : StoreException.fatalFailure("bulk load failed: " + DiskSpace.reason(ex), ex);
            }
            return;
        }
        // Compaction is due once this load has written, in more than one transaction, at least
        // half as many articles as the store held (see loadDone); recorded with the write itself.
        boolean compactionDue = compactAfterLoad && dir != null && transactions >= 1
                && (articlesWritten + batch.size()) * 2 >= Math.max(articlesBefore, 0);
        guardDisk("write to", () -> Txn.executeWrite(dsg, () -> {
            TouchedPlaces touched = new TouchedPlaces();
            for (ArticleGraph a : batch) {
                Node g = a.graphName();
                for (Node p : TouchedPlaces.PLACE_LINKS) {
                    dsg.find(g, Node.ANY, p, Node.ANY).forEachRemaining(q -> touched.places().add(q.getObject()));
                }
                var oldFigures = dsg.find(g, Node.ANY, RDF_TYPE, org.conflictkg.rdf.CKG.Figure);
                while (oldFigures.hasNext()) {
                    if (!dsg.find(g, oldFigures.next().getSubject(), org.conflictkg.rdf.CKG.aboutPlace, Node.ANY).hasNext()) {
                        touched.placelessFigure();
                    }
                }
                dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
                for (Quad q : a.articleQuads()) {
                    dsg.add(q);
                }
                touched.article(a.articleQuads());
                dsg.add(a.hashQuad());
                for (Quad q : a.sharedQuads()) {
                    dsg.add(q);
                }
            }
            // In this same transaction: what the derived graph now owes, so a crash before
            // derivation leaves the need to derive in the store.
            StoreMarks.markDerive(dsg, touched.places(), touched.hasPlacelessFigure());
            if (compactionDue) {
                dsg.add(StoreMarks.COMPACT);
            }
            CrashPoints.reach("commit");
        }));
        CrashPoints.reach("write");
        transactions++;
        articlesWritten += batch.size();
    }

    /**
     * Runs a write to the database; a full disk (an I/O error saying so, or the error a
     * memory-mapped write into a full disk ends in) becomes one line, and stops the load.
     */
    private void guardDisk(String doing, Runnable write) {
        try {
            write.run();
        } catch (RuntimeException | InternalError ex) {
            if (DiskSpace.isDiskFull(ex)) {
                throw StoreException.fatalFailure("cannot " + doing + " " + (dir == null ? "the database" : dir)
                        + ": no space left on the disk; the store keeps what it held before this write", ex);
            }
            throw ex;
        }
    }

    /**
     * TDB2 never overwrites a committed block: each write transaction copies the index blocks it
     * changes, and the old copies stay in the files until the database is compacted. A load of
     * many transactions thus leaves a database several times the size of its data. When this
     * load wrote at least half as many articles as the database held before (a first load
     * without the bulk loader, a reload of most articles), in more than one transaction, the
     * database is compacted: copied to a new generation folder ({@code Data-NNNN}) holding only
     * the live blocks, the old one deleted. TDB2 builds the copy under a temporary name, so a
     * crash during compaction leaves the database as it was. The need to compact is recorded in
     * the store ({@link StoreMarks}) by the write transaction that makes it due and removed once
     * the compaction is done, so a load killed after that write, or during the compaction, has
     * the next load compact the store. Needs free disk for the copy, checked first.
     */
    @Override
    public void loadDone() {
        boolean rewroteMuch = transactions > 1 && articlesWritten * 2 >= Math.max(articlesBefore, 0);
        transactions = 0;
        articlesWritten = 0;
        articlesBefore = -1;
        if (compactAfterLoad && dir != null && (rewroteMuch || StoreMarks.isCompactPending(dsg))) {
            compact();
        }
    }

    private void compact() {
        guardDisk("mark for compaction", () -> Txn.executeWrite(dsg, () -> dsg.add(StoreMarks.COMPACT)));
        CrashPoints.reach("compact");
        Path current = TdbStores.currentGeneration(dir);
        DiskSpace.require(dir, DiskSpace.forCompaction(current), "compact " + dir
                + " (the load itself is complete; the next load compacts it, or use --no-compact)");
        if (current != null) {
            String name = current.getFileName().toString();
            Path next = dir.resolve(String.format(java.util.Locale.ROOT, "Data-%04d",
                    Integer.parseInt(name.substring(name.indexOf('-') + 1)) + 1));
            Path copy = next.resolveSibling(next.getFileName() + "-tmp");
            CrashPoints.watch("compact-copy", () -> Files.exists(copy) || Files.exists(next));
        }
        guardDisk("compact", () -> DatabaseMgr.compact(dsg, true));
        CrashPoints.reach("compact");
        guardDisk("write to", () -> Txn.executeWrite(dsg, () -> dsg.delete(StoreMarks.COMPACT)));
    }

    @Override
    public void finishBulk() {
        bulkPending = false;
        if (bulk == null) {
            return;
        }
        BulkLoad b = bulk;
        bulk = null;
        bulkShared.clear();
        try {
            b.finish();
        } catch (RuntimeException ex) {
            b.discard();
            throw ex instanceof StoreException se && se.fatal() ? se
                    : StoreException.fatalFailure("bulk load failed: " + DiskSpace.reason(ex), ex);
        }
        if (b.folder != null) {
            TdbStores.release(b.dsg);
            CrashPoints.reach("bulk-done");
            // Complete: renamed so that a crash from here on resumes with the swap (StoreRecovery).
            Path ready = b.folder.resolveSibling(b.folder.getFileName().toString().replace(".loading-", ".ready-"));
            try {
                Files.move(b.folder, ready, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException ex) {
                TdbStores.deleteTree(b.folder);
                throw StoreException.failure("cannot rename the loaded database " + b.folder + ": " + ex.getMessage(), ex);
            }
            TdbStores.release(dsg);
            TdbStores.replace(dir, ready);
            dsg = TdbStores.openExisting(dir);
        }
    }

    @Override
    public void abortBulk() {
        bulkPending = false;
        if (bulk != null) {
            BulkLoad b = bulk;
            bulk = null;
            bulkShared.clear();
            b.discard();
        }
    }

    /** True if the store records a derivation still owed: by this load's writes, or by a load that was killed. */
    @Override
    public boolean derivePending() {
        return StoreMarks.isDerivePending(dsg);
    }

    /**
     * Brings the derived graph up to date with what the store records as owed ({@link StoreMarks}:
     * the places this load's writes, or those of a load killed before deriving, added, changed
     * or removed reports about; everything after a bulk load), and removes those records in the
     * same transaction.
     */
    @Override
    public void derive(DerivedGraphUpdater derivation) {
        guardDisk("derive in", () -> Txn.executeWrite(dsg, () -> {
            StoreMarks.DerivePending owed = StoreMarks.derivePending(dsg);
            if (owed.all()) {
                derivation.updateAll(dsg); // in bounded memory, however large the store
            } else { // in full too, in bounded memory, when there is no derived graph yet
                derivation.updatePlaces(dsg, List.copyOf(owed.places()), owed.figures());
            }
            StoreMarks.clearDerivePending(dsg);
            CrashPoints.reach("derive");
        }));
        CrashPoints.reach("derive");
    }

    @Override
    public int batchQuads() {
        return batchQuads;
    }

    @Override
    public void close() {
        abortBulk();
        // The dataset is shared through TDB2's connection cache; it is released at JVM exit
        // or by whoever opened it for longer use (the server).
    }

    private static final org.apache.jena.system.progress.MonitorOutput QUIET = (fmt, args) -> { };

    /** A bulk load into a new database in a temporary folder beside {@link #dir}. */
    private BulkLoad newBulkBeside() {
        Path folder;
        try {
            folder = Files.createTempDirectory(dir.getParent(), "." + dir.getFileName() + ".loading-");
        } catch (IOException ex) {
            throw StoreException.failure("cannot create a folder beside " + dir + ": " + DiskSpace.reason(ex), ex);
        }
        try {
            return new BulkLoad(TdbStores.connectRaw(folder), folder, this::newLoader);
        } catch (RuntimeException | InternalError ex) {
            TdbStores.deleteTree(folder);
            throw StoreException.fatalFailure("bulk load into " + dir + " failed: " + DiskSpace.reason(ex), ex);
        }
    }
}
