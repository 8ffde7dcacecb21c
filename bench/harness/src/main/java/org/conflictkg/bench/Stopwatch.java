package org.conflictkg.bench;

import java.util.Locale;

/** Timing helpers: wall-clock nanoseconds, formatting. */
final class Stopwatch {
    private Stopwatch() {
    }

    interface Task {
        void run() throws Exception;
    }

    /** Runs {@code task} and returns its wall-clock time in nanoseconds. */
    static long nanos(Task task) {
        long t0 = System.nanoTime();
        try {
            task.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return System.nanoTime() - t0;
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    static String millis(double nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    /** A rate as {@code 1.23 M triples/s} or {@code 456 k triples/s}. */
    static String rate(long count, long nanos, String what) {
        double perSecond = count / (nanos / 1e9);
        if (perSecond >= 1e6) {
            return String.format(Locale.ROOT, "%.2f M %s/s", perSecond / 1e6, what);
        }
        return String.format(Locale.ROOT, "%.0f k %s/s", perSecond / 1e3, what);
    }
}
