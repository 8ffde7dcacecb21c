package org.conflictkg.cli;

import picocli.CommandLine.Option;

/** Options every subcommand shares (a picocli mixin). */
public final class CommonOptions {
    @Option(names = {"-v", "--verbose"}, description = "Print a stack trace with errors.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "Print errors only: no progress, notes or summary line.")
    boolean quiet;

    public boolean verbose() {
        return verbose;
    }

    public boolean quiet() {
        return quiet;
    }
}
