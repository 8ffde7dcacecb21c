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

    /** Opens (creating if needed) the TDB2 database in {@code dir}. */
    public static DatasetGraph openOrCreate(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException ex) {
            throw StoreException.badInput("cannot create database folder " + dir + ": " + ex.getMessage(), ex);
        }
        if (!Files.isWritable(dir)) {
            throw StoreException.badInput("database folder is not writable: " + dir);
        }
        return connect(dir);
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
            return withUnionDefault(DatabaseMgr.connectDatasetGraph(dir.toString()));
        } catch (org.apache.jena.dboe.DBOpEnvException ex) {
            String msg = ex.getMessage() == null ? "" : ex.getMessage();
            if (msg.contains("lock")) {
                throw StoreException.failure("database " + dir + " is in use by another process (a running serve?): "
                        + "query it over HTTP with --endpoint, or stop that process first", ex);
            }
            throw StoreException.failure("cannot open database " + dir + ": " + msg, ex);
        }
    }

    private static DatasetGraph withUnionDefault(DatasetGraph dsg) {
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        return dsg;
    }
}
