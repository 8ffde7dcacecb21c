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
final class Corpora {
    static final long SEED = 20_240_101;

    private final Path work;

    Corpora(Path work) {
        this.work = work;
    }

    /** The JSON Lines files of a corpus of {@code articles} articles in {@code files} files. */
    List<Path> jsonl(long articles, int files) {
        Path dir = work.resolve(String.format(Locale.ROOT, "corpus-%d-f%d-s%d", articles, files, SEED));
        Path done = dir.resolve("complete");
        try {
            if (!Files.exists(done)) {
                CorpusGenerator.create().seed(SEED).build().writeFiles(dir, "corpus", articles, files);
                Files.writeString(done, "ok\n");
            }
            try (Stream<Path> s = Files.list(dir)) {
                return s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
