package org.conflictkg.facts;

/**
 * One thing wrong (or doubtful) in an input document: where it is and what was expected.
 * {@code line} and {@code column} are 1-based, or 0 when unknown; {@code pointer} is a JSON
 * pointer ({@code ""} for the whole document).
 */
public record Problem(Severity severity, String source, long line, long column, String pointer, String message) {

    public enum Severity { WARNING, ERROR }

    /** The longest value a message quotes in full; longer ones are cut, with an ellipsis. */
    public static final int QUOTE_LIMIT = 200;

    /**
     * A value as messages quote it: in double quotes, cut after {@link #QUOTE_LIMIT} characters
     * with an ellipsis, control characters (NUL, ANSI escapes, ...) shown as {@code \\uXXXX}, so
     * that a hostile value can neither flood nor drive the terminal that prints the message.
     */
    public static String quote(Object value) {
        String s = String.valueOf(value);
        StringBuilder sb = new StringBuilder(Math.min(s.length(), QUOTE_LIMIT) + 8).append('"');
        int end = s.offsetByCodePoints(0, Math.min(s.codePointCount(0, s.length()), QUOTE_LIMIT));
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (end < s.length()) {
            sb.append('\u2026');
        }
        return sb.append('"').toString();
    }

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
