package org.conflictkg.review;

import org.conflictkg.ConflictKgException;

/** A review folder that cannot be read or paired ({@link #BAD_INPUT}). */
public final class ReviewException extends ConflictKgException {

    private ReviewException(String message, Throwable cause, int exitCode) {
        super(message, cause, exitCode);
    }

    /** Bad input: the message names the file or folder and says what was expected. */
    public static ReviewException badInput(String message) {
        return new ReviewException(message, null, BAD_INPUT);
    }
}
