package org.conflictkg;

/**
 * Root of the project's unchecked exceptions. Each stage has its own subclass, with typed
 * factories ({@code badInput}, {@code failure}) that pass the process exit code it stands for
 * to this class: {@link #BAD_INPUT} (2) when the user's input or usage is at fault,
 * {@link #FAILURE} (1) otherwise. The message says where (file, line, URL) and what was expected.
 */
public abstract class ConflictKgException extends RuntimeException {
    public static final int FAILURE = 1;
    public static final int BAD_INPUT = 2;

    private final int exitCode;

    /** An exception whose exit code is {@link #FAILURE}. */
    protected ConflictKgException(String message) {
        this(message, null, FAILURE);
    }

    /** An exception whose exit code is {@link #FAILURE}. */
    protected ConflictKgException(String message, Throwable cause) {
        this(message, cause, FAILURE);
    }

    /** An exception standing for {@code exitCode} ({@link #BAD_INPUT} or {@link #FAILURE}); {@code cause} may be null. */
    protected ConflictKgException(String message, Throwable cause, int exitCode) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The exit code the command line reports for this exception, set when it is made. */
    public final int exitCode() {
        return exitCode;
    }
}
