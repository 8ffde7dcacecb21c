package org.conflictkg.extract;

import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.conflictkg.io.TsvLib;

/** Reading the extractor's data files: tab-separated rows, and the phrase patterns they hold. */
final class DataFiles {
    private DataFiles() {
    }

    /** Receives one row: its cells, and {@code source:line} for error messages. */
    @FunctionalInterface
    interface Row {
        void accept(String[] cells, String where);
    }

    /**
     * Reads rows of exactly {@code columns} tab-separated cells, skipping blank lines and {@code #}
     * comments; a row of another width is bad input naming its file and line.
     */
    static void rows(InputStream in, String source, int columns, Row row) throws IOException {
        TsvLib.read(in, source, r -> {
            if (r.size() != columns) {
                throw ExtractException.badInput(r.at() + ": expected " + columns + " tab-separated columns, found " + r.size());
            }
            row.accept(r.cells().toArray(String[]::new), r.at());
        });
    }

    /** A case-insensitive pattern that matches {@code regex} only as whole words (hyphens count as word). */
    static Pattern phrase(String regex, String where) {
        try {
            return Pattern.compile("(?<![\\w-])(?:" + regex + ")(?![\\w-])", Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw ExtractException.badInput(where + ": bad pattern: " + e.getDescription());
        }
    }
}
