package org.conflictkg.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every subcommand shares (picocli reads the annotated fields of a superclass too):
 * {@code -v}/{@code -q} ({@link CommonOptions}), the command's model, its writers, and usage
 * errors. A usage error is thrown, and {@link Main} prints it in one line and exits 2.
 */
abstract class KgCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    /** Standard output, as the command line was given it. */
    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Standard error, as the command line was given it. */
    final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A usage error with {@code message} (exit 2): for options that do not fit together or a value out of range. */
    final CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
