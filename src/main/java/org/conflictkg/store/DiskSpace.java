package org.conflictkg.store;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Disk space: the checks before work that needs much of it, and the one line a full disk
 * becomes. The estimates are deliberately generous; see docs/store.md, "Crashes and full disks".
 */
final class DiskSpace {
    private DiskSpace() {
    }

    /**
     * Bytes of new database per byte of facts input in a bulk load, derived graph included:
     * measured 23 on generated corpora (300 articles, 2.5 MB of JSON Lines, made a 58 MB store;
     * 20,000 articles a 3.9 GB one), rounded up.
     */
    static final double BULK_FACTOR = 25;
    /** Bytes a new database takes on disk before much data (its first index and node blocks), and a margin. */
    static final long EMPTY_DATABASE = 16L << 20;
    /** TDB2 grows each index and node file in chunks of this many bytes, so a file's length overstates its data by up to one. */
    static final long FILE_CHUNK = 8L << 20;

    /**
     * What a compaction needs: room for a copy of the live data, which is at most the data in
     * the current generation (its files' lengths less the unused part of their last chunk),
     * plus a new database's first size.
     */
    static long forCompaction(Path generation) {
        long bytes = 0;
        if (generation != null) {
            try (var s = Files.list(generation)) {
                for (Path f : s.filter(Files::isRegularFile).toList()) {
                    long len = Files.size(f);
                    bytes += len >= FILE_CHUNK ? len - FILE_CHUNK : len;
                }
            } catch (IOException | java.io.UncheckedIOException ex) {
                // cannot tell
            }
        }
        return bytes + EMPTY_DATABASE;
    }

    /**
     * Fails (exit 1, one line) unless the file system holding {@code where} (or its nearest
     * existing ancestor) has {@code needed} bytes free for {@code what}.
     */
    static void require(Path where, long needed, String what) {
        Path p = where.toAbsolutePath().normalize();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null) {
            return;
        }
        long free;
        try {
            FileStore fs = Files.getFileStore(p);
            free = fs.getUsableSpace();
        } catch (IOException ex) {
            return; // cannot tell: the write itself will say
        }
        if (free < needed) {
            throw StoreException.failure(String.format(Locale.ROOT,
                    "not enough disk space to %s: it needs about %s and %s is free on the disk of %s", what,
                    StoreRecovery.mb(needed), StoreRecovery.mb(free), where));
        }
    }

    /** True if {@code t} (or a cause of it) says the disk is full, or is the error a memory-mapped write into a full disk ends in. */
    static boolean isDiskFull(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof InternalError) {
                return true;
            }
            String m = c.getMessage();
            if (m != null && (m.contains("No space left on device") || m.contains("Disk quota exceeded")
                    || m.contains("There is not enough space"))) {
                return true;
            }
        }
        return false;
    }

    /** What went wrong, in words: "no space left on the disk" or the failure's own message. */
    static String reason(Throwable t) {
        if (isDiskFull(t)) {
            return "no space left on the disk";
        }
        Throwable root = t;
        while (root.getCause() != null && root.getMessage() == null) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return m == null ? root.getClass().getSimpleName() : m.strip().replace('\n', ' ');
    }

    /** The exception a failed bulk load ends in (fatal: nothing more can be loaded in this run). */
    static StoreException failure(String doing, Path folder, Throwable t) {
        return StoreException.fatalFailure(doing + " failed: " + reason(t), t);
    }
}
