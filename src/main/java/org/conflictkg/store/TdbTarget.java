package org.conflictkg.store;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;

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
    /** Places whose reports this target's writes added, changed or removed, for incremental derivation. */
    private final Set<Node> touched = new LinkedHashSet<>();
    /** Whether this target's writes added, changed or removed a figure about no place. */
    private boolean placelessFigureTouched;
    private static final List<Node> PLACE_LINKS = List.of(
            org.conflictkg.rdf.CKG.territory, org.conflictkg.rdf.CKG.aboutPlace, org.conflictkg.rdf.CKG.stopPlace);
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
    private Bulk bulk;
    /** True after a bulk load: the next derivation runs in full. */
    private boolean deriveInFull;

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

    /** Starts the bulk loader at the first write, so a load that writes nothing touches nothing. */
    private Bulk bulk() {
        if (bulk == null) {
            bulk = dir == null ? new Bulk(dsg, null) : newBulkBeside();
            if (dir != null) {
                // Carry over what the old database holds (at least the store format triple).
                Txn.executeRead(dsg, () -> dsg.find().forEachRemaining(q -> bulk.send(q)));
            }
        }
        return bulk;
    }

    @Override
    public void write(List<ArticleGraph> batch) {
        if (bulkPending) {
            try {
                Bulk bulk = bulk();
                for (ArticleGraph a : batch) {
                    a.articleQuads().forEach(bulk::send);
                    bulk.send(a.hashQuad());
                    for (Quad q : a.sharedQuads()) {
                        if (bulk.shared.add(q)) {
                            bulk.send(q);
                        }
                    }
                }
            } catch (RuntimeException ex) {
                // The bulk loader's state is unknown: nothing more can be loaded in this run.
                abortBulk();
                throw StoreException.fatalFailure("bulk load failed: " + ex.getMessage(), ex);
            }
            return;
        }
        Txn.executeWrite(dsg, () -> {
            for (ArticleGraph a : batch) {
                Node g = a.graphName();
                for (Node p : PLACE_LINKS) {
                    dsg.find(g, Node.ANY, p, Node.ANY).forEachRemaining(q -> touched.add(q.getObject()));
                }
                dsg.find(g, Node.ANY, RDF_TYPE, org.conflictkg.rdf.CKG.Figure).forEachRemaining(q -> {
                    if (!dsg.find(g, q.getSubject(), org.conflictkg.rdf.CKG.aboutPlace, Node.ANY).hasNext()) {
                        placelessFigureTouched = true;
                    }
                });
                dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
                java.util.Set<Node> figures = new java.util.HashSet<>();
                java.util.Set<Node> aboutPlaces = new java.util.HashSet<>();
                for (Quad q : a.articleQuads()) {
                    dsg.add(q);
                    if (PLACE_LINKS.contains(q.getPredicate())) {
                        touched.add(q.getObject());
                    }
                    if (q.getPredicate().equals(org.conflictkg.rdf.CKG.aboutPlace)) {
                        aboutPlaces.add(q.getSubject());
                    } else if (q.getPredicate().equals(RDF_TYPE) && q.getObject().equals(org.conflictkg.rdf.CKG.Figure)) {
                        figures.add(q.getSubject());
                    }
                }
                if (!aboutPlaces.containsAll(figures)) {
                    placelessFigureTouched = true;
                }
                dsg.add(a.hashQuad());
                for (Quad q : a.sharedQuads()) {
                    dsg.add(q);
                }
            }
        });
        transactions++;
        articlesWritten += batch.size();
    }

    /**
     * TDB2 never overwrites a committed block: each write transaction copies the index blocks it
     * changes, and the old copies stay in the files until the database is compacted. A load of
     * many transactions thus leaves a database several times the size of its data. When this
     * load wrote at least half as many articles as the database held before (a first load
     * without the bulk loader, a reload of most articles), in more than one transaction, the
     * database is compacted: copied to a new generation folder ({@code Data-NNNN}) holding only
     * the live blocks, the old one deleted. TDB2 builds the copy under a temporary name, so a
     * crash during compaction leaves the database as it was. Needs free disk for the copy.
     */
    @Override
    public void loadDone() {
        boolean rewroteMuch = transactions > 1 && articlesWritten * 2 >= Math.max(articlesBefore, 0);
        if (compactAfterLoad && dir != null && rewroteMuch) {
            DatabaseMgr.compact(dsg, true);
        }
        transactions = 0;
        articlesWritten = 0;
        articlesBefore = -1;
    }

    @Override
    public void finishBulk() {
        bulkPending = false;
        if (bulk == null) {
            return;
        }
        Bulk b = bulk;
        bulk = null;
        try {
            b.loader.finishBulk();
        } catch (RuntimeException ex) {
            b.discard(ex);
            throw StoreException.fatalFailure("bulk load failed: " + ex.getMessage(), ex);
        }
        if (b.folder != null) {
            TdbStores.release(b.dsg);
            TdbStores.release(dsg);
            TdbStores.replace(dir, b.folder);
            dsg = TdbStores.openExisting(dir);
        }
        deriveInFull = true;
        touched.clear();
    }

    @Override
    public void abortBulk() {
        bulkPending = false;
        if (bulk != null) {
            Bulk b = bulk;
            bulk = null;
            b.discard(null);
        }
    }

    @Override
    public void derive(DerivedGraphUpdater derivation) {
        if (deriveInFull) {
            derivation.updateAll(dsg); // in bounded memory, however large the store
        } else { // in full too, in bounded memory, when there is no derived graph yet
            derivation.updatePlaces(dsg, List.copyOf(touched), placelessFigureTouched);
        }
        deriveInFull = false;
        touched.clear();
        placelessFigureTouched = false;
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
    private Bulk newBulkBeside() {
        Path folder;
        try {
            folder = Files.createTempDirectory(dir.getParent(), "." + dir.getFileName() + ".loading-");
        } catch (IOException ex) {
            throw StoreException.failure("cannot create a folder beside " + dir + ": " + ex.getMessage(), ex);
        }
        try {
            return new Bulk(TdbStores.connectRaw(folder), folder);
        } catch (RuntimeException ex) {
            TdbStores.deleteTree(folder);
            throw ex;
        }
    }

    /** One bulk load: the loader, its stream, the dataset it fills and the shared quads sent so far. */
    private final class Bulk {
        final DatasetGraph dsg;
        final Path folder;
        final DataLoader loader;
        final StreamRDF out;
        final Set<Quad> shared = new HashSet<>();

        Bulk(DatasetGraph dsg, Path folder) {
            this.dsg = dsg;
            this.folder = folder;
            this.loader = switch (bulkLoader) {
                case PHASED -> LoaderFactory.phasedLoader(dsg, QUIET);
                case PARALLEL -> LoaderFactory.parallelLoader(dsg, QUIET);
                case BASIC -> LoaderFactory.basicLoader(dsg, QUIET);
                case NONE -> throw new IllegalStateException();
            };
            loader.startBulk();
            this.out = loader.stream();
        }

        void send(Quad q) {
            if (q.isDefaultGraph()) {
                out.triple(q.asTriple());
            } else {
                out.quad(q);
            }
        }

        void discard(Exception cause) {
            try {
                // Ends the loader's threads cleanly; what they wrote is deleted below.
                loader.finishBulk();
            } catch (RuntimeException ex) {
                try {
                    loader.finishException(cause == null ? ex : cause);
                } catch (RuntimeException ignored) {
                    // already failing
                }
            }
            if (folder != null) {
                TdbStores.release(dsg);
                TdbStores.deleteTree(folder);
            }
        }
    }
}
