package org.conflictkg.cli;

import java.time.Duration;

import org.conflictkg.http.HttpRetry;
import org.conflictkg.http.RemoteDataset;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --sparql}, {@code --retries} and {@code --timeout} of the commands that read and write a store over HTTP
 * ({@code load}, {@code derive}, {@code link}): a picocli mixin beside {@link StoreTarget}.
 * {@code --retries} sets the attempts of the one retry policy, {@link HttpRetry}; its waits keep
 * their defaults.
 */
final class RemoteOptions {
    @Option(names = "--sparql", paramLabel = "URL",
            description = "With --endpoint: its SPARQL query endpoint, where stored content hashes and articles are read "
                    + "(default for Fuseki: the dataset's /query).")
    String sparql;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "" + HttpRetry.DEFAULT_ATTEMPTS,
            description = "With --endpoint: attempts per HTTP request before giving up, waits from 500 ms doubling "
                    + "between them (default ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "With --endpoint: fail a query or Graph Store request of derivation or linking that the server "
                    + "has not answered after this long, without sending it again (default ${DEFAULT-VALUE}).")
    double timeout;

    /** Usage errors of these options with {@code store}'s: {@code --sparql} without {@code --endpoint}, no attempt. */
    void check(CommandLine cmd, StoreTarget store) {
        store.check(cmd);
        if (!store.remote() && sparql != null) {
            throw new CommandLine.ParameterException(cmd, "--sparql needs --endpoint");
        }
        if (retries < 1) {
            throw new CommandLine.ParameterException(cmd, "--retries must be at least 1");
        }
        if (!(timeout > 0)) {
            throw new CommandLine.ParameterException(cmd, "--timeout must be positive");
        }
    }

    /** The timeout of one request, {@code --timeout}. */
    Duration timeout() {
        return Duration.ofMillis((long) Math.ceil(timeout * 1000));
    }

    /** The retry policy of {@code --retries}. */
    HttpRetry retry() {
        return HttpRetry.create().attempts(retries).build();
    }

    /** The remote dataset of {@code store}'s {@code --endpoint}, or null for a TDB2 folder. */
    RemoteDataset dataset(StoreTarget store) {
        return store.remote() ? store.remoteDataset(sparql, retry(), timeout()) : null;
    }
}
