package org.conflictkg.extract;

import org.conflictkg.ConflictKgException;

/** An extraction failure: unreadable or malformed article input ({@link #BAD_INPUT}), or a failure. */
public final class ExtractException extends ConflictKgException {
    private ExtractException(String message, int exitCode, Throwable cause) {
        super(message, cause, exitCode);
    }

    /** Bad input: the message names the file and position and says what was expected. */
    public static ExtractException badInput(String message) {
        return new ExtractException(message, BAD_INPUT, null);
    }

    /** The extraction's thread was interrupted (its time budget ran out): it stopped, nothing was drafted. */
    public static ExtractException interrupted(String message) {
        return new ExtractException(message, FAILURE, null);
    }

    public static ExtractException failure(String message, Throwable cause) {
        return new ExtractException(message, FAILURE, cause);
    }
}
