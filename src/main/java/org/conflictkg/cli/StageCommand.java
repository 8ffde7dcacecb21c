package org.conflictkg.cli;

import org.conflictkg.http.RemoteDataset;

import picocli.CommandLine.Mixin;

/**
 * A stage that works over a whole store ({@code derive}, {@code link}): a TDB2 folder, or a
 * SPARQL server read through its query endpoint and written through its Graph Store, with
 * {@code --json} and a progress bar. The command's own options are checked before anything is
 * opened; an {@code --endpoint}'s dataset is closed, its credentials forgotten, when it ends.
 */
abstract class StageCommand extends KgCommand {

    @Mixin
    Summary.JsonOption json;

    @Mixin
    StoreTarget store;

    @Mixin
    RemoteOptions remoteOptions = new RemoteOptions();

    @Mixin
    ProgressOption progress = new ProgressOption();

    /** Usage errors of the stage's own options (thrown with {@link #usage}). */
    abstract void checkOptions();

    /** Runs the stage on {@code remote} for {@code --endpoint}, or on the TDB2 folder when it is null. */
    abstract int run(RemoteDataset remote);

    @Override
    public final Integer call() {
        checkOptions();
        remoteOptions.check(spec.commandLine(), store);
        try (RemoteDataset remote = remoteOptions.dataset(store)) {
            return run(remote);
        }
    }
}
