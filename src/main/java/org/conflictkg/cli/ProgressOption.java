package org.conflictkg.cli;

import java.io.PrintWriter;

import org.conflictkg.Progress;

import picocli.CommandLine.Option;

/** {@code --progress}/{@code --no-progress} (a picocli mixin of the commands with a progress bar). */
final class ProgressOption {
    @Option(names = "--progress", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Progress bar on a terminal (default on; never shown when output is redirected).")
    boolean progress;

    /** The progress bar on {@code err}: none with {@code --no-progress}, {@code --quiet} or without a terminal. */
    Progress bar(CommonOptions common, PrintWriter err) {
        return ProgressBar.forCommand(progress && !common.quiet(), err);
    }
}
