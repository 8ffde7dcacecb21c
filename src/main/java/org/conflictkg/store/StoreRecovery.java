package org.conflictkg.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.apache.jena.dboe.base.file.ProcessFileLock;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Puts right what a process killed while writing a TDB2 store left beside it or in it, before a
 * load opens the store, and says so, one line each:
 * <ul>
 * <li>{@code .NAME.ready-*}: a complete new database whose swap into place was cut off; the swap
 * is finished (the load is resumed past its bulk phase);</li>
 * <li>{@code .NAME.old-*}: the database such a swap replaced; deleted (or, if the store folder is
 * missing and nothing replaces it, moved back);</li>
 * <li>{@code .NAME.loading-*}: a bulk load's half-built database; deleted (TDB2's bulk loaders
 * write outside transactions and keep no record of how far each index got, so it cannot be
 * resumed: the load starts again);</li>
 * <li>{@code .NAME.creating-*}: a new database killed while being created; deleted;</li>
 * <li>inside the store, {@code Data-NNNN-tmp} (the copy of an interrupted compaction, which TDB2
 * deletes when it opens the store) and generations older than the newest (the source of a
 * compaction killed before it deleted it); the older generations are deleted.</li>
 * </ul>
 * A folder still locked by a live process is left alone; the store itself is locked (opened)
 * before anything beside it is touched, so a running load is never disturbed.
 */
final class StoreRecovery {
    private StoreRecovery() {
    }

    private static final Pattern GENERATION = Pattern.compile("Data-(\\d+)");
    private static final Pattern TMP_GENERATION = Pattern.compile("Data-\\d+-tmp");

    /** Recovers the store in {@code dir}; {@code notes} hears one line per leftover handled. */
    static void recover(Path dir, Consumer<String> notes) {
        Path abs = dir.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return;
        }
        String prefix = "." + abs.getFileName() + ".";
        List<Path> ready = siblings(parent, prefix + "ready-");
        List<Path> old = siblings(parent, prefix + "old-");
        List<Path> loading = siblings(parent, prefix + "loading-");
        List<Path> creating = siblings(parent, prefix + "creating-");
        List<Path> tmpGenerations = children(abs, TMP_GENERATION);
        if (ready.isEmpty() && old.isEmpty() && loading.isEmpty() && creating.isEmpty() && tmpGenerations.isEmpty()
                && children(abs, GENERATION).size() <= 1) {
            return;
        }
        // Lock the store first (fails if a live process has it open): nothing beside it is then in use.
        DatasetGraph held = TdbStores.looksLikeTdb2(abs) ? TdbStores.openExisting(abs) : null;
        try {
            for (Path t : tmpGenerations) {
                notes.accept("removed " + t.getFileName() + " from " + dir + ", the partial copy of a compaction that was "
                        + "interrupted (the store is as it was before that compaction)");
            }
            if (held != null) {
                removeOlderGenerations(abs, dir, notes);
            }
            for (Path r : ready) {
                if (!unlocked(r)) {
                    continue;
                }
                if (!TdbStores.looksLikeTdb2(r)) {
                    delete(r, dir, "an empty folder", notes);
                    continue;
                }
                if (held != null) {
                    TdbStores.release(held);
                    held = null;
                }
                TdbStores.replace(abs, r);
                notes.accept("resumed an interrupted load: moved its complete new database " + r.getFileName() + " into "
                        + dir);
                held = TdbStores.openExisting(abs);
            }
            for (Path o : old) {
                if (!Files.exists(o) || !unlocked(o)) {
                    continue;
                }
                if (held == null && !Files.exists(abs) && TdbStores.looksLikeTdb2(o)) {
                    try {
                        Files.move(o, abs, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                    } catch (IOException ex) {
                        throw StoreException.failure("cannot move " + o + " back to " + dir + ": " + ex.getMessage(), ex);
                    }
                    notes.accept("moved " + o.getFileName() + " back to " + dir + ": an interrupted load had moved it aside");
                    held = TdbStores.openExisting(abs);
                    continue;
                }
                delete(o, dir, "the database an interrupted load replaced", notes);
            }
            for (Path l : loading) {
                if (unlocked(l)) {
                    delete(l, dir, "the half-built database of an interrupted bulk load (a bulk load cannot be resumed; "
                            + "this one starts again)", notes);
                }
            }
            for (Path c : creating) {
                if (unlocked(c)) {
                    delete(c, dir, "a database whose creation was interrupted", notes);
                }
            }
        } finally {
            if (held != null) {
                TdbStores.release(held);
            }
        }
    }

    private static void removeOlderGenerations(Path abs, Path dir, Consumer<String> notes) {
        List<Path> gens = new ArrayList<>(children(abs, GENERATION));
        gens.sort(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().substring(5))));
        for (Path g : gens.subList(0, Math.max(0, gens.size() - 1))) {
            TdbStores.deleteTree(g);
            notes.accept("removed " + g.getFileName() + " from " + dir + ", the generation a compaction "
                    + "that was interrupted had already replaced");
        }
    }

    private static void delete(Path p, Path dir, String what, Consumer<String> notes) {
        TdbStores.deleteTree(p);
        notes.accept("removed " + p.getFileName() + " beside " + dir + ", " + what);
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /** True if no live process holds the TDB2 lock of folder {@code p}. */
    private static boolean unlocked(Path p) {
        Path lockFile = p.resolve("tdb.lock");
        if (!Files.exists(lockFile)) {
            return true;
        }
        ProcessFileLock lock = ProcessFileLock.create(lockFile.toString());
        try {
            if (lock.isLockedHere()) {
                return false;
            }
            if (!lock.tryLock()) {
                return false;
            }
            lock.unlock();
            return true;
        } catch (RuntimeException ex) {
            return false;
        } finally {
            ProcessFileLock.release(lock);
        }
    }

    private static List<Path> siblings(Path parent, String namePrefix) {
        List<Path> out = new ArrayList<>();
        try (var s = Files.list(parent)) {
            s.filter(p -> p.getFileName().toString().startsWith(namePrefix) && Files.isDirectory(p)).sorted().forEach(out::add);
        } catch (IOException ex) {
            // nothing to recover that we can see
        }
        return out;
    }

    private static List<Path> children(Path dir, Pattern name) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (var s = Files.list(dir)) {
            s.filter(p -> name.matcher(p.getFileName().toString()).matches() && Files.isDirectory(p)).forEach(out::add);
        } catch (IOException ex) {
            // as above
        }
        return out;
    }
}
