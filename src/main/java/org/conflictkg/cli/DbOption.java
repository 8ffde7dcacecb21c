package org.conflictkg.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** {@code --db DIR} of the commands that work on a TDB2 folder only (a picocli mixin). */
final class DbOption {
    @Option(names = "--db", paramLabel = "DIR", description = "TDB2 database folder. Default: ./kg")
    Path db;

    /** {@code --db}, or {@code ./kg}. */
    Path db() {
        return db != null ? db : StoreOptions.DEFAULT_DB;
    }
}
