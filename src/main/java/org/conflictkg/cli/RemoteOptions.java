package org.conflictkg.cli;

import org.conflictkg.http.RemoteDataset;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --sparql} and {@code --retries} of the stages that read and write a store over HTTP
 * ({@code derive}, {@code link}): a picocli mixin beside {@link StoreTarget}.
 */
final class RemoteOptions {
    @Option(names = "--sparql", paramLabel = "URL",
            description = "With --endpoint: its SPARQL query endpoint (default for Fuseki: the dataset's /query).")
    String sparql;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "5",
            description = "With --endpoint: attempts per HTTP request before giving up (default ${DEFAULT-VALUE}).")
    int retries;

    /** Usage errors of these options with {@code store}'s: {@code --sparql} without {@code --endpoint}. */
    void check(CommandLine cmd, StoreTarget store) {
        store.check(cmd);
        if (!store.remote() && sparql != null) {
            throw new CommandLine.ParameterException(cmd, "--sparql needs --endpoint");
        }
    }

    /** The remote dataset of {@code store}'s {@code --endpoint}, or null for a TDB2 folder. */
    RemoteDataset dataset(StoreTarget store) {
        return store.remote() ? store.remoteDataset(sparql, retries) : null;
    }
}
