package org.conflictkg.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;

/**
 * Static helpers for the TDB2 databases conflict-kg keeps in a folder. Every dataset they return
 * has {@code unionDefaultGraph} set: the default graph a query sees is the union of the named
 * graphs, so queries need no {@code GRAPH} clause.
 */
public final class TdbStores {
    private TdbStores() {}

    /**
     * The one triple every database created here starts with, in the stored default graph (which
     * queries do not see: their default graph is the union of the named graphs):
     * {@code <https://w3id.org/conflict-kg/store> ckg:storeFormat "1"}.
     */
    public static final Quad STORE_FORMAT = Quad.create(Quad.defaultGraphIRI,
            org.apache.jena.graph.NodeFactory.createURI(org.conflictkg.rdf.CKG.BASE + "store"),
            org.conflictkg.rdf.CKG.storeFormat,
            org.apache.jena.graph.NodeFactory.createLiteralString("1"));

    /**
     * Opens (creating if needed) the TDB2 database in {@code dir}. A new database is created in a
     * temporary folder beside {@code dir}, given its first commit ({@link #STORE_FORMAT}), and only
     * then moved into place: TDB2 creation is not crash-safe (a process killed while the index
     * files are being created, or during the first write, can leave a database that will not
     * open), so a crash at that point leaves at most a stray {@code .NAME.creating-*} folder.
     */
    public static DatasetGraph openOrCreate(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.isDirectory(abs) && looksLikeTdb2(abs)) {
            if (!Files.isWritable(abs)) {
                throw StoreException.badInput("database folder is not writable: " + dir);
            }
            return connect(abs);
        }
        if (Files.exists(abs) && !isEmptyDirectory(abs)) {
            throw StoreException.badInput(dir + " exists and is not a TDB2 database (nor an empty folder)");
        }
        Path parent = abs.getParent();
        Path tmp;
        try {
            Files.createDirectories(parent);
            tmp = Files.createTempDirectory(parent, "." + abs.getFileName() + ".creating-");
        } catch (java.io.IOException ex) {
            throw StoreException.badInput("cannot create database folder " + dir + ": " + ex.getMessage(), ex);
        }
        DatasetGraph fresh = connectRaw(tmp);
        org.conflictkg.CrashPoints.reach("create");
        Txn.executeWrite(fresh, () -> {
            fresh.add(STORE_FORMAT);
            // and one named-graph quad, added and removed, so the quad indexes have been written too
            Quad probe = Quad.create(org.conflictkg.rdf.CKG.GRAPH_META, STORE_FORMAT.asTriple());
            fresh.add(probe);
            fresh.delete(probe);
        });
        release(fresh);
        try {
            if (Files.exists(abs)) {
                Files.delete(abs); // the empty folder the user gave
            }
            Files.move(tmp, abs, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.io.IOException ex) {
            throw StoreException.failure("cannot move the new database into " + dir + ": " + ex.getMessage(), ex);
        }
        return connect(abs);
    }

    /**
     * Replaces the database in {@code dir} by the complete one in {@code fresh} (a folder beside
     * it; both released): the old one is first renamed aside, so at every moment {@code dir}
     * holds either the old database, nothing, or the new one, never a mix; then it is deleted.
     */
    static void replace(Path dir, Path fresh) {
        Path abs = dir.toAbsolutePath().normalize();
        Path old = abs.resolveSibling("." + abs.getFileName() + ".old-" + System.nanoTime());
        try {
            if (Files.exists(abs)) {
                Files.move(abs, old, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            org.conflictkg.CrashPoints.reach("swap");
            Files.move(fresh, abs, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.io.IOException ex) {
            throw StoreException.failure("cannot move the loaded database into " + dir + ": " + ex.getMessage(), ex);
        }
        org.conflictkg.CrashPoints.reach("swap");
        deleteTree(old);
    }

    /** The newest {@code Data-NNNN} generation folder of the database in {@code dir} (the one TDB2 opens), or null. */
    static Path currentGeneration(Path dir) {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("Data-\\d+") && Files.isDirectory(p))
                    .max(java.util.Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().substring(5))))
                    .orElse(null);
        } catch (java.io.IOException ex) {
            return null;
        }
    }

    /** Deletes a folder and everything in it, as far as possible (used for temporary folders). */
    static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (var s = Files.walk(p)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (java.io.IOException ex) {
                    // left behind; it is named as temporary
                }
            });
        } catch (java.io.IOException ex) {
            // left behind
        }
    }

    private static boolean isEmptyDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (java.io.IOException ex) {
            return false;
        }
    }

    /** Opens an existing TDB2 database; a folder that holds none is bad input. */
    public static DatasetGraph openExisting(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw StoreException.badInput("no database at " + dir + " (load something into it first)");
        }
        if (!looksLikeTdb2(dir)) {
            throw StoreException.badInput("not a TDB2 database: " + dir);
        }
        return connect(dir);
    }

    /** An in-memory TDB2 dataset with the same union-default-graph behaviour as a folder. */
    public static DatasetGraph createInMemory() {
        return withUnionDefault(DatabaseMgr.createDatasetGraph());
    }

    /** True if {@code dir} holds a TDB2 database (its {@code Data-NNNN} generation folders). */
    public static boolean looksLikeTdb2(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var s = Files.list(dir)) {
            return s.anyMatch(p -> p.getFileName().toString().startsWith("Data-") && Files.isDirectory(p));
        } catch (java.io.IOException ex) {
            return false;
        }
    }

    /** The content hash stored with each article graph, keyed by graph name. Runs its own read transaction. */
    public static Map<Node, String> storedHashes(DatasetGraph dsg) {
        Map<Node, String> hashes = new HashMap<>();
        Txn.executeRead(dsg, () -> dsg.find(Node.ANY, Node.ANY, StoreGraphs.CONTENT_HASH, Node.ANY)
                .forEachRemaining(q -> {
                    if (q.getSubject().equals(q.getGraph()) && q.getObject().isLiteral()) {
                        hashes.put(q.getGraph(), q.getObject().getLiteralLexicalForm());
                    }
                }));
        return hashes;
    }

    /** Number of quads in all named graphs. Runs its own read transaction. */
    public static long quadCount(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> {
            long n = 0;
            var it = dsg.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
            while (it.hasNext()) {
                Quad q = it.next();
                if (!q.isDefaultGraph()) {
                    n++;
                }
            }
            return n;
        });
    }

    /**
     * What identifies the data a TDB2 dataset shows to the calling thread's read transaction:
     * equal tokens mean the same data (the same storage generation at the same data version,
     * which every committed write advances). Null outside a transaction and for datasets that
     * are not TDB2, whose changes cannot be told.
     */
    public static Object dataVersion(DatasetGraph dsg) {
        if (!org.apache.jena.tdb2.sys.TDBInternal.isTDB2(dsg)) {
            return null;
        }
        org.apache.jena.tdb2.store.DatasetGraphTDB storage = org.apache.jena.tdb2.sys.TDBInternal.getDatasetGraphTDB(dsg);
        org.apache.jena.dboe.transaction.txn.Transaction txn = storage.getTxnSystem().getThreadTransaction();
        return txn == null ? null : new DataVersion(storage, txn.getDataVersion());
    }

    /** A storage generation (compared by identity) and a data version in it. */
    private record DataVersion(Object storage, long version) {
        @Override
        public boolean equals(Object o) {
            return o instanceof DataVersion d && d.storage == storage && d.version == version;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(storage) * 31 + Long.hashCode(version);
        }
    }

    /** Syncs and releases a database opened here (at shutdown); it must not be used afterwards. */
    public static void release(DatasetGraph dsg) {
        try {
            org.apache.jena.tdb2.sys.TDBInternal.expel(dsg);
        } catch (RuntimeException ex) {
            // Not a TDB2 database, or already released.
        }
    }

    private static DatasetGraph connect(Path dir) {
        try {
            return withUnionDefault(connectRaw(dir));
        } catch (org.apache.jena.dboe.DBOpEnvException ex) {
            String msg = ex.getMessage() == null ? "" : ex.getMessage();
            if (msg.startsWith("Failed to get a lock")) {
                throw StoreException.failure("database " + dir + " is in use by another process (a running serve?): "
                        + "query it over HTTP with --endpoint, or stop that process first", ex);
            }
            throw StoreException.failure("cannot open database " + dir + ": " + msg, ex);
        }
    }

    /**
     * Connects to (creating if needed) the TDB2 database in {@code dir}, as
     * {@code DatabaseMgr.connectDatasetGraph} does, with node caches sized to the heap
     * ({@link #storeParams()}), and without the union default graph setting.
     */
    public static DatasetGraph connectRaw(Path dir) {
        return org.apache.jena.tdb2.sys.DatabaseConnection
                .connectCreate(org.apache.jena.dboe.base.file.Location.create(dir.toString()), storeParams())
                .getDatasetGraph();
    }

    /** Heap, in bytes, at and above which TDB2's node caches keep their default sizes. */
    static final long FULL_CACHE_HEAP = 2L << 30;

    /**
     * TDB2's store settings with its two node caches (node to id, id to node) scaled down in
     * proportion when the maximum heap is below {@link #FULL_CACHE_HEAP}. At their default sizes
     * (hundreds of thousands of nodes, and this store's nodes include article bodies and quotes)
     * the caches alone fill a 512 MB heap once a store holds some tens of thousands of articles.
     */
    public static org.apache.jena.tdb2.params.StoreParams storeParams() {
        return storeParams(Runtime.getRuntime().maxMemory());
    }

    static org.apache.jena.tdb2.params.StoreParams storeParams(long maxHeap) {
        org.apache.jena.tdb2.params.StoreParams dft = org.apache.jena.tdb2.params.StoreParams.getDftStoreParams();
        if (maxHeap >= FULL_CACHE_HEAP) {
            return dft;
        }
        double f = Math.max(0.05, (double) maxHeap / FULL_CACHE_HEAP);
        return org.apache.jena.tdb2.params.StoreParamsBuilder.create(dft)
                .node2NodeIdCacheSize((int) Math.max(1_000, dft.getNode2NodeIdCacheSize() * f / 2))
                .nodeId2NodeCacheSize((int) Math.max(1_000, dft.getNodeId2NodeCacheSize() * f / 2))
                .build();
    }

    private static DatasetGraph withUnionDefault(DatasetGraph dsg) {
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        return dsg;
    }
}
