package org.conflictkg.facts;

/**
 * One thing wrong (or doubtful) in an input document: where it is and what was expected.
 * {@code line} and {@code column} are 1-based, or 0 when unknown; {@code pointer} is a JSON
 * pointer ({@code ""} for the whole document).
 */
public record Problem(Severity severity, String source, long line, long column, String pointer, String message) {

    public enum Severity { WARNING, ERROR }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:column: /json/pointer: message}, the form printed to users. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(':').append(line).append(':').append(column);
        }
        sb.append(": ");
        if (severity == Severity.WARNING) {
            sb.append("warning: ");
        }
        if (pointer != null && !pointer.isEmpty()) {
            sb.append(pointer).append(": ");
        }
        return sb.append(message).toString();
    }
}
