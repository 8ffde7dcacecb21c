package org.conflictkg.store;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Reports a load's progress. On a terminal it redraws one line (bar, files done, documents/s,
 * ETA) at most a few times a second; elsewhere it prints nothing until the summary.
 */
public final class LoadProgress {
    private final PrintWriter out;
    private final boolean interactive;
    private long start;
    private long lastDraw;
    private int totalFiles;
    private int filesDone;
    private int docs;
    private boolean drawn;

    private LoadProgress(PrintWriter out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    /** A progress bar on {@code out}. */
    public static LoadProgress terminal(PrintWriter out) {
        return new LoadProgress(out, true);
    }

    /** No progress output. */
    public static LoadProgress quiet() {
        return new LoadProgress(null, false);
    }

    void start(int totalFiles) {
        this.totalFiles = totalFiles;
        this.start = System.nanoTime();
    }

    void document() {
        docs++;
        draw(false);
    }

    void fileDone() {
        filesDone++;
        draw(filesDone == totalFiles);
    }

    void finish() {
        if (interactive && drawn) {
            draw(true);
            out.println();
            out.flush();
        }
    }

    private void draw(boolean force) {
        if (!interactive) {
            return;
        }
        long now = System.nanoTime();
        if (!force && now - lastDraw < 200_000_000L) {
            return;
        }
        lastDraw = now;
        drawn = true;
        double secs = Math.max((now - start) / 1e9, 1e-3);
        double rate = docs / secs;
        int width = 30;
        int filled = totalFiles == 0 ? width : (int) ((long) width * filesDone / totalFiles);
        String eta = "--:--";
        if (filesDone > 0 && filesDone < totalFiles) {
            long remaining = (long) (secs / filesDone * (totalFiles - filesDone));
            eta = format(Duration.ofSeconds(remaining));
        } else if (filesDone == totalFiles) {
            eta = "0:00";
        }
        out.print(String.format(Locale.ROOT, "\r[%s%s] %d/%d files, %d docs, %.1f docs/s, ETA %s ",
                "#".repeat(filled), " ".repeat(width - filled), filesDone, totalFiles, docs, rate, eta));
        out.flush();
    }

    private static String format(Duration d) {
        long s = d.getSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
