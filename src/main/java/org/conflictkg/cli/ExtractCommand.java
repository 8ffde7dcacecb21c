package org.conflictkg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.conflictkg.Progress;
import org.conflictkg.extract.ArticleText;
import org.conflictkg.extract.ExtractException;
import org.conflictkg.extract.ActorLexicon;
import org.conflictkg.extract.Extractor;
import org.conflictkg.facts.ActorRegistry;
import org.conflictkg.rdf.RdfOutputLib;
import org.conflictkg.facts.ArticleFacts;
import org.conflictkg.facts.FactsWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code extract ARTICLE... [-o FILE|DIR] [--geonames FILE] [--actors FILE] [--time-budget TIME]}: article text or HTML to facts@1 JSON. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Drafts article facts (facts@1 JSON) from article text or HTML.",
                "A folder stands for the .txt, .html and .htm files in it. Every input is read first; if any is bad, "
                        + "nothing is written and the exit code is 2."})
final class ExtractCommand extends KgCommand {

    @Parameters(arity = "1..*", paramLabel = "ARTICLE", description = "Article files (.txt, .html) or folders of them.")
    List<Path> inputs;

    Path output;

    /** Whether {@code -o} was written as a folder ("drafts/"): a {@link Path} forgets the trailing separator. */
    boolean outputNamesFolder;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE|DIR",
            description = "Output file for one article, or a folder (NAME.json per article; an existing folder, "
                    + "several articles, or a name ending in /). Default: standard output (one article only).")
    void output(String value) {
        output = Path.of(value);
        outputNamesFolder = value.endsWith("/") || value.endsWith(java.io.File.separator);
    }

    @Mixin
    Summary.JsonOption json;

    @Mixin
    ProgressOption progress = new ProgressOption();

    @Mixin
    GeoNamesOption geonames = new GeoNamesOption();

    @Option(names = "--time-budget", paramLabel = "TIME", defaultValue = "10s", converter = BudgetConverter.class,
            description = "Longest time one article may take (e.g. 10s, 500ms, 2m; 0 for no limit; default ${DEFAULT-VALUE}). "
                    + "In a batch an article over it is skipped with a warning; a single article over it is an error.")
    Duration timeBudget;

    @Option(names = "--actors", paramLabel = "FILE",
            description = "An actor registry (the format of reference/actors.json) merged over the bundled one: "
                    + "an actor of the same id replaces the bundled one, others are added.")
    Path actorsFile;

    @Override
    public Integer call() {
        PrintWriter err = err();
        List<Path> files = expand(inputs);
        if (files.isEmpty()) {
            throw ExtractException.badInput("no article files (.txt, .html, .htm) in " + inputs);
        }
        boolean toDir = output != null && (Files.isDirectory(output) || files.size() > 1 || outputNamesFolder);
        if (output == null && files.size() > 1) {
            throw usage(
                    files.size() + " articles need an output folder: -o DIR");
        }
        json.checkOutput(spec.commandLine(), output, "the facts");
        if (toDir) {
            OutputPaths.folder("-o", output);
        } else if (output != null) {
            OutputPaths.file("-o", output);
        }
        List<ArticleText> articles = new ArrayList<>();
        for (Path f : files) {
            articles.add(ArticleText.read(f));
        }
        Extractor extractor = Extractor.builder()
                .places(geonames.places())
                .actors(actorsFile == null ? ActorLexicon.bundled() : ActorLexicon.of(userRegistry(actorsFile)))
                .warnings(w -> {
                    err.println("warning: " + w);
                    err.flush();
                })
                .build();
        List<ArticleText> skipped = new ArrayList<>();
        List<ArticleFacts> facts = extractAll(extractor, articles, progress.bar(common, err),
                timeBudget, a -> {
                    if (!toDir) {
                        throw ExtractException.failure(a.name() + ": extraction stopped after " + format(timeBudget)
                                + " (--time-budget); nothing written", null);
                    }
                    skipped.add(a);
                    err.println("warning: " + a.name() + ": skipped, extraction took longer than " + format(timeBudget)
                            + " (--time-budget)");
                    err.flush();
                });
        if (output == null) {
            PrintWriter out = out();
            out.println(FactsWriter.toJson(facts.get(0)));
            out.flush();
            return 0;
        }
        try {
            if (toDir) {
                Files.createDirectories(output);
                for (int i = 0; i < facts.size(); i++) {
                    if (facts.get(i) == null) {
                        continue; // skipped: over the time budget
                    }
                    writeAtomically(output.resolve(articles.get(i).name() + ".json"), FactsWriter.toJson(facts.get(i)));
                }
            } else {
                if (output.getParent() != null) {
                    Files.createDirectories(output.getParent());
                }
                writeAtomically(output, FactsWriter.toJson(facts.get(0)));
            }
        } catch (IOException e) {
            throw ExtractException.failure("cannot write " + output + ": " + e.getMessage(), e);
        }
        List<ArticleFacts> done = facts.stream().filter(java.util.Objects::nonNull).toList();
        int events = done.stream().mapToInt(f -> f.events().size()).sum();
        int figures = done.stream().mapToInt(f -> f.figures().size()).sum();
        Summary.of("extract").target(output)
                .text("extracted " + done.size() + " article" + (done.size() == 1 ? "" : "s") + " (" + events
                        + " control changes, " + figures + " figures)"
                        + (skipped.isEmpty() ? "" : ", " + skipped.size() + " skipped over the time budget"))
                .put("articles", done.size()).put("controlChanges", events).put("figures", figures)
                .put("skipped", skipped.size())
                .print(out(), err, common, json);
        return 0;
    }

    /** Drafts facts from each article in order, telling {@code progress} of each one done. */
    static List<ArticleFacts> extractAll(Extractor extractor, List<ArticleText> articles, Progress progress) {
        return extractAll(extractor, articles, progress, Duration.ZERO, a -> { });
    }

    /**
     * Drafts facts from each article in order, each within {@code budget} (zero: no limit). An article
     * over it is interrupted (extraction stops at its next sentence or match), goes to {@code overBudget}
     * and leaves null in its place; the others are drafted.
     */
    static List<ArticleFacts> extractAll(Extractor extractor, List<ArticleText> articles, Progress progress,
                                         Duration budget, java.util.function.Consumer<ArticleText> overBudget) {
        List<ArticleFacts> facts = new ArrayList<>(articles.size());
        // daemon threads: one that does not stop when interrupted never keeps the process alive
        ExecutorService pool = budget.isZero() ? null : Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "extract");
            t.setDaemon(true);
            return t;
        });
        progress.start("articles", articles.size());
        try {
            for (ArticleText a : articles) {
                facts.add(pool == null ? extractor.extract(a) : within(pool, extractor, a, budget, overBudget));
                progress.advance(1);
            }
        } finally {
            progress.finish();
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        return facts;
    }

    private static ArticleFacts within(ExecutorService pool, Extractor extractor, ArticleText a, Duration budget,
                                       java.util.function.Consumer<ArticleText> overBudget) {
        Future<ArticleFacts> f = pool.submit(() -> extractor.extract(a));
        try {
            return f.get(budget.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            overBudget.accept(a);
            return null;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw ExtractException.failure(a.name() + ": extraction failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw ExtractException.failure("interrupted", e);
        }
    }

    static String format(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** A duration as people write it: {@code 10s}, {@code 1.5s}, {@code 500ms}, {@code 2m}; {@code 0} for none. */
    static final class BudgetConverter implements CommandLine.ITypeConverter<Duration> {
        private static final java.util.regex.Pattern FORMAT = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)?");

        @Override
        public Duration convert(String value) {
            java.util.regex.Matcher m = FORMAT.matcher(value.strip());
            if (!m.matches() || m.group(2) == null && Double.parseDouble(m.group(1)) != 0) {
                throw new CommandLine.TypeConversionException("expected a duration such as 10s, 500ms or 2m (0 for no limit), found '"
                        + value + "'");
            }
            double n = Double.parseDouble(m.group(1));
            double millis = m.group(2) == null ? 0 : switch (m.group(2)) {
                case "ms" -> n;
                case "s" -> n * 1000;
                default -> n * 60_000;
            };
            return Duration.ofMillis(Math.round(millis));
        }
    }

    /** The bundled registry with the user's laid over it; a file that does not read is bad input naming it. */
    private static ActorRegistry userRegistry(Path file) {
        if (!Files.isRegularFile(file)) {
            throw ExtractException.badInput(file + ": no such actor registry file");
        }
        try {
            return ActorRegistry.bundled().mergedWith(ActorRegistry.load(file));
        } catch (IllegalArgumentException e) {
            // "FILE[:LINE:COLUMN]: not an actor registry: PROBLEM"
            throw ExtractException.badInput(e.getMessage().lines().findFirst().orElse(file + ": not an actor registry"));
        } catch (UncheckedIOException e) {
            throw ExtractException.badInput(file + ": cannot read: " + e.getCause().getMessage());
        }
    }

    private static List<Path> expand(List<Path> inputs) {
        List<Path> out = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> {
                        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                        return Files.isRegularFile(f) && (n.endsWith(".txt") || n.endsWith(".html") || n.endsWith(".htm"));
                    }).sorted().forEach(out::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (Files.isRegularFile(p)) {
                out.add(p);
            } else {
                throw ExtractException.badInput(p + ": no such file or folder");
            }
        }
        return out;
    }

    /** Writes through the shared atomic-output helper (a device or FIFO is written to, never replaced). */
    private static void writeAtomically(Path target, String json) {
        byte[] bytes = (json.endsWith("\n") ? json : json + "\n").getBytes(StandardCharsets.UTF_8);
        RdfOutputLib.writeFileAtomicallyIf(target, os -> {
            try {
                os.write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return true;
        });
    }
}
