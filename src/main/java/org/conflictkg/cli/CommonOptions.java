package org.conflictkg.cli;

import picocli.CommandLine.Option;

/** Options every subcommand shares (a picocli mixin). */
public final class CommonOptions {
    @Option(names = {"-v", "--verbose"}, description = "Print a stack trace with errors.")
    boolean verbose;

    public boolean verbose() {
        return verbose;
    }
}
