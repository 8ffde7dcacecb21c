package org.conflictkg.cli;

import java.nio.file.Path;

import org.conflictkg.store.PasswordFile;

/** Helpers shared by the store commands. */
final class StoreOptions {
    private StoreOptions() {}

    /** Default database folder. */
    static final Path DEFAULT_DB = Path.of("kg");

    /**
     * The password for {@code user} from a password file ({@link PasswordFile}): the password
     * alone, or the one on the {@code user: password} line of {@code user}.
     */
    static String password(Path file, String user) {
        return PasswordFile.read(file).passwordFor(user);
    }
}
