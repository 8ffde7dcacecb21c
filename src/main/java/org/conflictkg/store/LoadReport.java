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
 * @param elapsed   wall time
 */
public record LoadReport(int loaded, int unchanged, List<Failure> failures, long quads, Duration elapsed) {

    /** A document that was not loaded. */
    public record Failure(String source, List<String> problems) {}

    public LoadReport {
        failures = List.copyOf(failures);
    }

    public boolean ok() {
        return failures.isEmpty();
    }

    /** One line: counts, quads, time and rate. */
    public String summary() {
        double secs = Math.max(elapsed.toMillis(), 1) / 1000.0;
        return String.format(java.util.Locale.ROOT,
                "%d loaded, %d unchanged, %d failed; %d quads in %.1f s (%.0f quads/s)",
                loaded, unchanged, failures.size(), quads, secs, quads / secs);
    }
}
