package org.conflictkg.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

import org.conflictkg.Progress;

/**
 * A one-line progress bar on a terminal: bar, articles done of the total, articles per second,
 * ETA. Redrawn at most five times a second (and at the end), with a carriage return; ends with a
 * newline. Without a known total it shows the count and rate only.
 */
final class ProgressBar implements Progress {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintWriter out;
    private final LongSupplier clock;
    private String unit = "articles";
    private long total = UNKNOWN;
    private long done;
    private long start;
    private long lastDraw;
    private boolean drawn;

    private ProgressBar(PrintWriter out, LongSupplier clock) {
        this.out = out;
        this.clock = clock;
    }

    /** A bar on {@code out} (standard error). */
    static ProgressBar on(PrintWriter out) {
        return new ProgressBar(out, System::nanoTime);
    }

    /** A bar with its own clock (nanoseconds), for tests. */
    static ProgressBar on(PrintWriter out, LongSupplier clock) {
        return new ProgressBar(out, clock);
    }

    /**
     * The progress a command shows: a bar when {@code wanted} and standard error is a terminal
     * ({@link System#console()}), else none.
     */
    static Progress forCommand(boolean wanted, PrintWriter err) {
        return wanted && System.console() != null ? on(err) : Progress.none();
    }

    @Override
    public void start(String unit, long total) {
        this.unit = unit;
        this.total = total;
        this.done = 0;
        this.start = clock.getAsLong();
        this.lastDraw = start - REDRAW_NANOS;
    }

    @Override
    public void advance(long n) {
        done += n;
        draw(false);
    }

    @Override
    public void finish() {
        if (done > 0 || drawn) {
            draw(true);
            out.println();
            out.flush();
        }
    }

    /** The line as it is drawn now (without the carriage return). */
    String line() {
        long now = clock.getAsLong();
        double secs = Math.max((now - start) / 1e9, 1e-3);
        double rate = done / secs;
        if (total < 0) {
            return String.format(Locale.ROOT, "%d %s, %.1f/s", done, unit, rate);
        }
        long shown = Math.min(done, total);
        int filled = total == 0 ? WIDTH : (int) (WIDTH * shown / total);
        String eta = "--:--";
        if (done >= total) {
            eta = "0:00";
        } else if (done > 0) {
            eta = format(Duration.ofSeconds((long) (secs / done * (total - done))));
        }
        return String.format(Locale.ROOT, "[%s%s] %d/%d %s, %.1f/s, ETA %s",
                "#".repeat(filled), " ".repeat(WIDTH - filled), done, Math.max(done, total), unit, rate, eta);
    }

    private void draw(boolean force) {
        long now = clock.getAsLong();
        if (!force && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        drawn = true;
        out.print("\r" + line() + " ");
        out.flush();
    }

    private static String format(Duration d) {
        long s = d.getSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
