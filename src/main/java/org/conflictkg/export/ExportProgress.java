package org.conflictkg.export;

/** Told how far a long export has come: {@code done} of {@code total} units (places, articles, highways). */
@FunctionalInterface
public interface ExportProgress {
    /** Reports nothing. */
    ExportProgress NONE = (what, done, total) -> { };

    void progress(String what, long done, long total);
}
