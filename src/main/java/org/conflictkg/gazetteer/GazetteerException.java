package org.conflictkg.gazetteer;

import org.conflictkg.ConflictKgException;

/** A failure while reading a gazetteer or linking places. */
public class GazetteerException extends ConflictKgException {
    private GazetteerException(String message, Throwable cause, int exitCode) {
        super(message, cause, exitCode);
    }

    /** The user's input is at fault (unreadable file, malformed dump line). */
    public static GazetteerException badInput(String message) {
        return new GazetteerException(message, null, BAD_INPUT);
    }

    /** The user's input is at fault; {@code cause} is kept for --verbose traces. */
    public static GazetteerException badInput(String message, Throwable cause) {
        return new GazetteerException(message, cause, BAD_INPUT);
    }

    /** Something other than the input failed (for example the bundled data is missing). */
    public static GazetteerException failure(String message, Throwable cause) {
        return new GazetteerException(message, cause, FAILURE);
    }
}
