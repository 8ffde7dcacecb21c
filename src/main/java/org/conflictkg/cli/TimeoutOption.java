package org.conflictkg.cli;

import java.time.Duration;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --timeout SECONDS}: how long a query may run (a picocli mixin of {@code query} and {@code serve}). */
final class TimeoutOption {
    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Stop a query that runs longer than this (default ${DEFAULT-VALUE}).")
    double seconds;

    /** The timeout; a usage error unless it is positive. */
    Duration timeout(CommandLine cmd) {
        if (!(seconds > 0)) {
            throw new CommandLine.ParameterException(cmd, "--timeout must be positive");
        }
        return Duration.ofMillis((long) Math.ceil(seconds * 1000));
    }
}
