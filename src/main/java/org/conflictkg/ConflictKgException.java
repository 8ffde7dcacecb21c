package org.conflictkg;

/**
 * Root of the project's unchecked exceptions. Each stage has its own subclass; each says
 * which process exit code it stands for: {@link #BAD_INPUT} (2) when the user's input or
 * usage is at fault, {@link #FAILURE} (1) otherwise.
 */
public abstract class ConflictKgException extends RuntimeException {
    public static final int FAILURE = 1;
    public static final int BAD_INPUT = 2;

    protected ConflictKgException(String message) {
        super(message);
    }

    protected ConflictKgException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The exit code the command line reports for this exception. */
    public abstract int exitCode();
}
