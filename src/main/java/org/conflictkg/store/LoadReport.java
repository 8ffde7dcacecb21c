package org.conflictkg.store;

import java.time.Duration;
import java.util.List;

/**
 * What a load did.
 *
 * @param loaded    articles written (new or changed)
 * @param unchanged articles skipped because the store already holds the same content hash
 * @param failures  one entry per document that was not loaded, with its problems
 * @param quads     quads written (article graphs, hash triples, shared graphs)
 * @param elapsed   wall time, derivation included
 * @param deriving  time spent recomputing the derived graph (zero when nothing changed)
 */
public record LoadReport(int loaded, int unchanged, List<Failure> failures, long quads, Duration elapsed,
                         Duration deriving) {

    public LoadReport(int loaded, int unchanged, List<Failure> failures, long quads, Duration elapsed) {
        this(loaded, unchanged, failures, quads, elapsed, Duration.ZERO);
    }

    /**
     * A document that was not loaded.
     *
     * @param badInput true if the document itself is at fault (invalid facts), false if writing failed
     */
    public record Failure(String source, List<String> problems, boolean badInput) {}

    public LoadReport {
        failures = List.copyOf(failures);
    }

    public boolean ok() {
        return failures.isEmpty();
    }

    /** Exit code for this load: 0 if all loaded, 2 if only bad documents failed, 1 if a write failed. */
    public int exitCode() {
        if (failures.isEmpty()) {
            return 0;
        }
        return failures.stream().allMatch(Failure::badInput) ? org.conflictkg.ConflictKgException.BAD_INPUT
                : org.conflictkg.ConflictKgException.FAILURE;
    }

    /** One line: counts, quads, time and rate. */
    public String summary() {
        double secs = Math.max(elapsed.toMillis(), 1) / 1000.0;
        return String.format(java.util.Locale.ROOT,
                "%d loaded, %d unchanged, %d failed; %d quads in %.1f s (%.0f quads/s)%s",
                loaded, unchanged, failures.size(), quads, secs, quads / secs,
                deriving.isZero() ? "" : String.format(java.util.Locale.ROOT, "; timeline derived in %.1f s",
                        deriving.toMillis() / 1000.0));
    }
}
