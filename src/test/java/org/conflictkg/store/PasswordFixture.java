package org.conflictkg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes password files for tests the way an operator must: readable by the owner only. */
public final class PasswordFixture {
    private PasswordFixture() {}

    /** Writes {@code text} to {@code file} with mode 600 (where the file system has modes); returns the file. */
    public static Path write(Path file, String text) {
        try {
            Files.writeString(file, text);
            if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return file;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
