package org.conflictkg;

/**
 * Root of the project's unchecked exceptions. Each stage has its own subclass; each says
 * which process exit code it stands for: {@link #BAD_INPUT} (2) when the user's input or
 * usage is at fault, {@link #FAILURE} (1) otherwise.
 */
public abstract class ConflictKgException extends RuntimeException {
    public static final int FAILURE = 1;
    public static final int BAD_INPUT = 2;

    private final int exitCode;

    /** An exception whose exit code is {@link #FAILURE}, unless the subclass overrides {@link #exitCode()}. */
    protected ConflictKgException(String message) {
        this(message, null, FAILURE);
    }

    /** An exception whose exit code is {@link #FAILURE}, unless the subclass overrides {@link #exitCode()}. */
    protected ConflictKgException(String message, Throwable cause) {
        this(message, cause, FAILURE);
    }

    /** An exception standing for {@code exitCode} ({@link #BAD_INPUT} or {@link #FAILURE}); {@code cause} may be null. */
    protected ConflictKgException(String message, Throwable cause, int exitCode) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The exit code the command line reports for this exception. */
    public int exitCode() {
        return exitCode;
    }
}
