package org.conflictkg.store;

import org.conflictkg.ConflictKgException;

/**
 * A failure of the store stage: opening a database, loading, serving or exporting. Bad input
 * (a missing database folder, an unreadable password file, a rejected document) exits with
 * {@link #BAD_INPUT}; anything else (I/O, a remote store refusing a write) with {@link #FAILURE}.
 */
public final class StoreException extends ConflictKgException {
    private final boolean fatal;

    private StoreException(String message, Throwable cause, int exitCode) {
        this(message, cause, exitCode, false);
    }

    private StoreException(String message, Throwable cause, int exitCode, boolean fatal) {
        super(message, cause, exitCode);
        this.fatal = fatal;
    }

    /**
     * The store refused us (credentials missing or wrong): every further write would fail the
     * same way, so a load stops at once (exit 2).
     */
    public static StoreException refused(String message) {
        return new StoreException(message, null, BAD_INPUT, true);
    }

    /** True if a load must stop rather than go on with the next document. */
    public boolean fatal() {
        return fatal;
    }

    /** The user's input or usage is at fault (exit 2). */
    public static StoreException badInput(String message) {
        return new StoreException(message, null, BAD_INPUT);
    }

    /** The user's input or usage is at fault (exit 2), with the underlying cause. */
    public static StoreException badInput(String message, Throwable cause) {
        return new StoreException(message, cause, BAD_INPUT);
    }

    /** Something went wrong that is not the input's fault (exit 1). */
    public static StoreException failure(String message, Throwable cause) {
        return new StoreException(message, cause, FAILURE);
    }

    /** Something went wrong that is not the input's fault (exit 1). */
    public static StoreException failure(String message) {
        return new StoreException(message, null, FAILURE);
    }

    /** A failure after which a load must stop (exit 1): e.g. the bulk loader failed, so nothing more can go in. */
    public static StoreException fatalFailure(String message, Throwable cause) {
        return new StoreException(message, cause, FAILURE, true);
    }
}
