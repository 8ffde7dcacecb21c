package org.conflictkg.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.conflictkg.ConflictKgException;

/**
 * Checks of the paths a command writes to, made before it reads or writes anything, so that an
 * output option naming the wrong kind of thing is bad input (exit code 2, one line naming the
 * option, the path and what was expected) rather than a failure halfway through.
 */
final class OutputPaths {
    private OutputPaths() {
    }

    /** An output path that cannot be what its option expects: bad input. */
    static final class OutputPathException extends ConflictKgException {
        OutputPathException(String message) {
            super(message, null, BAD_INPUT);
        }
    }

    /**
     * {@code path}, given with {@code option}, names a file to write: a new file, an existing
     * regular file (replaced), or a device or FIFO (written to); not a folder, and nothing on its
     * way that is a file rather than a folder.
     */
    static void file(String option, Path path) {
        if (Files.isDirectory(path)) {
            throw new OutputPathException(option + " " + path + ": is a folder; expected a file to write");
        }
        parentsAreFolders(option, path);
    }

    /**
     * {@code path}, given with {@code option}, names a folder to write into: an existing folder or
     * one that can be created (nothing on its way, nor the path itself, is a file).
     */
    static void folder(String option, Path path) {
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new OutputPathException(option + " " + path + ": is a file; expected a folder (existing or new)");
        }
        parentsAreFolders(option, path);
    }

    private static void parentsAreFolders(String option, Path path) {
        for (Path p = path.getParent(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p)) {
                return;
            }
            if (Files.exists(p)) {
                throw new OutputPathException(option + " " + path + ": " + p + " is a file, not a folder");
            }
        }
    }
}
