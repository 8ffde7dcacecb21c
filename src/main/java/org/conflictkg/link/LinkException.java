package org.conflictkg.link;

import org.conflictkg.ConflictKgException;

/** A failure while reading a gazetteer or linking places. */
public class LinkException extends ConflictKgException {
    private final int exitCode;

    private LinkException(String message, Throwable cause, int exitCode) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The user's input is at fault (unreadable file, malformed dump line). */
    public static LinkException badInput(String message) {
        return new LinkException(message, null, BAD_INPUT);
    }

    /** The user's input is at fault; {@code cause} is kept for --verbose traces. */
    public static LinkException badInput(String message, Throwable cause) {
        return new LinkException(message, cause, BAD_INPUT);
    }

    /** Something other than the input failed (for example the bundled data is missing). */
    public static LinkException failure(String message, Throwable cause) {
        return new LinkException(message, cause, FAILURE);
    }

    @Override
    public int exitCode() {
        return exitCode;
    }
}
