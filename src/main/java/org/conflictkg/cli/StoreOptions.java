package org.conflictkg.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.conflictkg.store.StoreException;

/** Helpers shared by the store commands. */
final class StoreOptions {
    private StoreOptions() {}

    /** Default database folder. */
    static final Path DEFAULT_DB = Path.of("kg");

    /**
     * The password for {@code user} from a password file. The file is either the password alone
     * (its first line), or a Jetty realm file with lines {@code user: password[, role...]} (the
     * file {@code serve --password-file} reads), in which case the line for {@code user} is used.
     */
    static String password(Path file, String user) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw StoreException.badInput("cannot read password file " + file + ": " + ex.getMessage(), ex);
        }
        for (String line : lines) {
            String l = line.strip();
            if (user != null && l.startsWith(user + ":")) {
                String rest = l.substring(user.length() + 1).strip();
                int comma = rest.indexOf(',');
                return (comma < 0 ? rest : rest.substring(0, comma)).strip();
            }
        }
        for (String line : lines) {
            if (!line.isBlank()) {
                if (line.matches("^\\s*[^\\s:]+:\\s.*")) {
                    throw StoreException.badInput("password file " + file + " has no line for user "
                            + (user == null ? "(give --user)" : user));
                }
                return line.strip();
            }
        }
        throw StoreException.badInput("password file " + file + " is empty");
    }
}
