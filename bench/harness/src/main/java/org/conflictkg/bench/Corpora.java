package org.conflictkg.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.conflictkg.synth.CorpusGenerator;

/**
 * Synthetic corpora in the work folder, generated once and reused: a corpus is identified by its
 * size and seed ({@code corpus-N-sS/}), and a folder without its {@code complete} marker is
 * generated again.
 */
public final class Corpora {
    static final long SEED = 20_240_101;

    private final Path work;

    Corpora(Path work) {
        this.work = work;
    }

    /** Generates a corpus ahead of a run: {@code Corpora WORK ARTICLES FILES}. */
    public static void main(String[] args) {
        List<Path> files = new Corpora(Path.of(args[0])).jsonl(Harness.Options.count(args[1]), Integer.parseInt(args[2]));
        System.err.println("corpus: " + files.size() + " files, " + (size(files) >> 20) + " MB");
    }

    /** The JSON Lines files of a corpus of {@code articles} articles in {@code files} files. */
    List<Path> jsonl(long articles, int files) {
        Path dir = work.resolve(String.format(Locale.ROOT, "corpus-%d-f%d-s%d", articles, files, SEED));
        Path done = dir.resolve("complete");
        try {
            if (!Files.exists(done)) {
                generate(dir, articles, files);
                Files.writeString(done, "ok\n");
            }
            try (Stream<Path> s = Files.list(dir)) {
                return s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the corpus as {@link CorpusGenerator#writeFiles} does (same names, same bytes), one
     * file per task on all cores: a million articles take minutes.
     */
    private static void generate(Path dir, long articles, int files) throws IOException {
        CorpusGenerator gen = CorpusGenerator.create().seed(SEED).build();
        Files.createDirectories(dir);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.min(files, Runtime.getRuntime().availableProcessors()));
        try {
            List<java.util.concurrent.Future<?>> tasks = new ArrayList<>();
            for (int f = 0; f < files; f++) {
                long from = articles * f / files;
                long to = articles * (f + 1) / files;
                Path target = dir.resolve(String.format(Locale.ROOT, "corpus-%04d.jsonl", f + 1));
                tasks.add(pool.submit(() -> {
                    try (BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                        gen.write(w, from, to);
                    }
                    return null;
                }));
            }
            for (var t : tasks) {
                t.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("generating " + dir + ": " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /** The same documents as one JSON array (what RML's JSONPath iterator reads). */
    static Path asJsonArray(List<Path> jsonl, Path target) {
        try (BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            w.write('[');
            boolean first = true;
            for (Path p : jsonl) {
                try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        if (line.isBlank()) {
                            continue;
                        }
                        if (!first) {
                            w.write(",\n");
                        }
                        w.write(line);
                        first = false;
                    }
                }
            }
            w.write("]\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    static long size(List<Path> files) {
        long n = 0;
        for (Path p : files) {
            try {
                n += Files.size(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return n;
    }

    static List<Path> list(Path... paths) {
        return new ArrayList<>(List.of(paths));
    }
}
