package org.conflictkg.store;

import java.util.List;
import java.util.Map;

/**
 * Where a load writes: a TDB2 folder or a Graph Store Protocol endpoint. Writing an article
 * replaces its article graph (with the content hash triple) and merges its shared quads.
 */
public interface LoadTarget extends AutoCloseable {

    /** The content hash of every article graph the target holds, by article id; empty if unknown. */
    Map<String, String> storedHashes();

    /**
     * Writes a batch of articles. On failure it throws; then no article of the batch is in the
     * store (TDB2: one transaction), or, over HTTP (one or a few requests per batch, each one
     * server transaction), some articles of the batch may be in, each whole with its hash, and
     * the others keep what the store held before; a rerun skips those already in.
     */
    void write(List<ArticleGraph> batch);

    /**
     * Brings the derived graph (control timeline, merged changes, disagreements) up to date with
     * what the target holds after this target's writes: in full, or for the places the writes
     * touched when the target can tell (TDB2).
     */
    void derive(DerivedGraphUpdater derivation);

    /**
     * Starts a bulk load if this target can take one: then the following {@link #write} calls
     * add to a store that is made visible, whole, by {@link #finishBulk} (or dropped by
     * {@link #abortBulk}). A target takes a bulk load only when it holds no article graph, so
     * writes add and replace nothing. Default: false, every write is its own transaction.
     */
    default boolean startBulk() {
        return false;
    }

    /**
     * As {@link #startBulk()}, told the size of the input in bytes, so that a target that builds
     * a new store on disk can first check there is room for it (failing with a
     * {@link StoreException} before anything is written). Default: {@link #startBulk()}.
     */
    default boolean startBulk(long inputBytes) {
        return startBulk();
    }

    /**
     * True if the target records that its derived graph is behind its articles (a load killed
     * before it derived, or one run without derivation): the loader then derives even when it
     * wrote nothing. Default false (the target cannot tell).
     */
    default boolean derivePending() {
        return false;
    }

    /**
     * Tells the target that its derived graph will be behind once this load writes (whether the
     * load derives afterwards or not, as with {@code --no-derive}), so that a target which cannot
     * record owed derivation in the same transaction as the articles records it durably before
     * its first write; it forgets it once {@link #derive} succeeded. Default: nothing (a TDB2
     * store records it with every batch anyway).
     */
    default void recordsOwedDerivation() {
    }

    /** Completes a bulk load: everything written since {@link #startBulk} becomes the store. */
    default void finishBulk() {
    }

    /** Abandons a bulk load: the store stays as it was before {@link #startBulk} (folder databases). */
    default void abortBulk() {
    }

    /**
     * Whether {@link #write} may run on a thread of its own while the loader prepares the next
     * batch: one write at a time, in order, each finished before the next starts and before
     * {@link #finishBulk}, {@link #derive} or the end of the load. Default false (a remote store
     * says true: the loader then converts while the server ingests).
     */
    default boolean writesConcurrently() {
        return false;
    }

    /** Called once at the end of each load, after derivation: housekeeping (TDB2: compaction). */
    default void loadDone() {
    }

    /** Largest number of quads a batch should hold; the loader batches up to it. */
    int batchQuads();

    @Override
    void close();
}
