package org.conflictkg.query;

import org.conflictkg.ConflictKgException;

/**
 * A failure of the query stage: an unknown query name, a bad or missing parameter, a query that
 * does not parse (exit 2); a query that timed out or an endpoint that failed (exit 1).
 */
public final class KgQueryException extends ConflictKgException {
    private KgQueryException(String message, Throwable cause, int exitCode) {
        super(message, cause, exitCode);
    }

    public static KgQueryException badInput(String message) {
        return new KgQueryException(message, null, BAD_INPUT);
    }

    public static KgQueryException badInput(String message, Throwable cause) {
        return new KgQueryException(message, cause, BAD_INPUT);
    }

    public static KgQueryException failure(String message, Throwable cause) {
        return new KgQueryException(message, cause, FAILURE);
    }
}
