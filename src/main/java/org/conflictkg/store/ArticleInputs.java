package org.conflictkg.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Chooses how to read an input file from its name: facts ({@code .facts.json}, {@code .json},
 * {@code .jsonl}) or article text ({@code .txt}, {@code .html}, {@code .htm}). Article text needs
 * an extractor, plugged in with {@link Builder#articles}; without one such files are refused
 * with a clear message. Directories are expanded to the files in them that some reader accepts,
 * except drafts kept for review ({@code .draft.json}).
 */
public final class ArticleInputs {
    private static final List<String> FACTS = List.of(".facts.json", ".json", ".jsonl");
    private static final List<String> ARTICLES = List.of(".txt", ".html", ".htm");
    /** A draft kept beside its reviewed document ({@code a.draft.json} beside {@code a.json}). */
    private static final String DRAFT = ".draft.json";

    private final Map<String, ArticleInput> bySuffix;

    private ArticleInputs(Map<String, ArticleInput> bySuffix) {
        this.bySuffix = bySuffix;
    }

    public static Builder create() {
        return new Builder();
    }

    /** The reader for this file; bad input if none applies. */
    public ArticleInput forFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (var e : bySuffix.entrySet()) {
            if (name.endsWith(e.getKey())) {
                return e.getValue();
            }
        }
        for (String s : ARTICLES) {
            if (name.endsWith(s)) {
                throw StoreException.badInput(file + ": article text needs the extract stage, which this build "
                        + "does not have; run extract first and load the facts");
            }
        }
        throw StoreException.badInput(file + ": unknown input kind (expected " + String.join(", ", FACTS)
                + " facts, or " + String.join(", ", ARTICLES) + " articles)");
    }

    /** True if some reader accepts this file name. */
    public boolean accepts(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return bySuffix.keySet().stream().anyMatch(name::endsWith);
    }

    /**
     * The files to load: each file argument as given, each directory's accepted files (recursively,
     * sorted by path so runs are repeatable). A missing path is bad input.
     */
    public List<Path> expand(List<Path> inputs) {
        return expand(inputs, note -> { });
    }

    /**
     * As {@link #expand(List)}; an article text or HTML file beside a facts file of the same name
     * (say {@code a.txt} and {@code a.facts.json}) is the same article, already curated: the facts
     * document wins, the text is left out, and {@code notes} hears why. In a folder, drafts kept
     * for review ({@code a.draft.json}) are left out, and so is the text beside a draft that has no
     * reviewed document ({@code a.json}) yet: it is still being reviewed. A file named on its own
     * is always read.
     */
    public List<Path> expand(List<Path> inputs, java.util.function.Consumer<String> notes) {
        List<Path> files = new ArrayList<>();
        java.util.Set<Path> walked = new java.util.HashSet<>();
        Map<Path, String> drafts = new java.util.HashMap<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile).filter(this::accepts).sorted().forEach(f -> {
                        String draft = stem(f, List.of(DRAFT));
                        if (draft != null) {
                            drafts.put(f.toAbsolutePath().normalize().resolveSibling(draft), f.getFileName().toString());
                        } else {
                            files.add(f);
                            walked.add(f);
                        }
                    });
                } catch (IOException ex) {
                    throw StoreException.badInput("cannot list " + p + ": " + ex.getMessage(), ex);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw StoreException.badInput("no such file or folder: " + p);
            }
        }
        java.util.Set<Path> factsStems = new java.util.HashSet<>();
        for (Path f : files) {
            String stem = stem(f, FACTS);
            if (stem != null) {
                factsStems.add(f.toAbsolutePath().normalize().resolveSibling(stem));
            }
        }
        List<Path> kept = new ArrayList<>(files.size());
        for (Path f : files) {
            String stem = stem(f, ARTICLES);
            Path key = stem == null ? null : f.toAbsolutePath().normalize().resolveSibling(stem);
            if (stem != null && factsStems.contains(key)) {
                notes.accept(f + ": skipped, the facts document of the same name beside it is loaded instead");
            } else if (stem != null && walked.contains(f) && drafts.containsKey(key)) {
                notes.accept(f + ": skipped, its draft " + drafts.get(key) + " is not reviewed yet (no " + stem
                        + ".json beside it)");
            } else {
                kept.add(f);
            }
        }
        return kept;
    }

    /** The file name without the first of {@code suffixes} it ends with, or null. */
    private static String stem(Path file, List<String> suffixes) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        for (String s : suffixes) {
            if (lower.endsWith(s)) {
                return name.substring(0, name.length() - s.length());
            }
        }
        return null;
    }

    /** Fluent builder; readers for longer suffixes win over shorter ones. */
    public static final class Builder {
        private final Map<String, ArticleInput> map = new LinkedHashMap<>();
        private FactsConverter converter;
        private boolean checkShapes = true;

        /** Reads facts files with this converter. */
        public Builder facts(FactsConverter converter) {
            this.converter = converter;
            return this;
        }

        /** Whether converted facts are checked against the SHACL shapes (default true). */
        public Builder checkShapes(boolean check) {
            this.checkShapes = check;
            return this;
        }

        /** Reads article text/HTML files with this reader (extract, then convert). */
        public Builder articles(ArticleInput reader) {
            for (String s : ARTICLES) {
                map.put(s, reader);
            }
            return this;
        }

        /** Any other suffix. */
        public Builder suffix(String suffix, ArticleInput reader) {
            map.put(suffix.toLowerCase(Locale.ROOT), reader);
            return this;
        }

        public ArticleInputs build() {
            if (converter != null) {
                FactsInput facts = new FactsInput(converter, checkShapes);
                for (String s : FACTS) {
                    map.putIfAbsent(s, facts);
                }
            }
            Map<String, ArticleInput> sorted = new LinkedHashMap<>();
            map.entrySet().stream()
                    .sorted((a, b) -> Integer.compare(b.getKey().length(), a.getKey().length()))
                    .forEach(e -> sorted.put(e.getKey(), e.getValue()));
            return new ArticleInputs(sorted);
        }
    }
}
