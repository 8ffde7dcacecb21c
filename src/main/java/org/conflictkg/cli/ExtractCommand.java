package org.conflictkg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.conflictkg.Progress;
import org.conflictkg.extract.ArticleText;
import org.conflictkg.extract.ExtractException;
import org.conflictkg.extract.ActorLexicon;
import org.conflictkg.extract.Extractor;
import org.conflictkg.facts.ActorRegistry;
import org.conflictkg.extract.LinkPlaceResolver;
import org.conflictkg.gazetteer.Gazetteer;
import org.conflictkg.rdf.RdfOutputLib;
import org.conflictkg.facts.ArticleFacts;
import org.conflictkg.facts.FactsWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code extract ARTICLE... [-o FILE|DIR] [--geonames FILE] [--actors FILE]}: article text or HTML to facts@1 JSON. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Drafts article facts (facts@1 JSON) from article text or HTML.",
                "A folder stands for the .txt, .html and .htm files in it. Every input is read first; if any is bad, "
                        + "nothing is written and the exit code is 2."})
final class ExtractCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "ARTICLE", description = "Article files (.txt, .html) or folders of them.")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE|DIR",
            description = "Output file for one article, or a folder (NAME.json per article). Default: standard output "
                    + "(one article only).")
    Path output;

    @Mixin
    Summary.JsonOption json;

    @Mixin
    ProgressOption progress = new ProgressOption();

    @Option(names = "--geonames", paramLabel = "FILE",
            description = "A GeoNames dump (e.g. cities1000.txt) to resolve places with, instead of the bundled extract.")
    Path geonames;

    @Option(names = "--actors", paramLabel = "FILE",
            description = "An actor registry (the format of reference/actors.json) merged over the bundled one: "
                    + "an actor of the same id replaces the bundled one, others are added.")
    Path actorsFile;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<Path> files = expand(inputs);
        if (files.isEmpty()) {
            throw ExtractException.badInput("no article files (.txt, .html, .htm) in " + inputs);
        }
        boolean toDir = output != null && (Files.isDirectory(output) || files.size() > 1
                || output.toString().endsWith("/"));
        if (output == null && files.size() > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    files.size() + " articles need an output folder: -o DIR");
        }
        List<ArticleText> articles = new ArrayList<>();
        for (Path f : files) {
            articles.add(ArticleText.read(f));
        }
        Extractor extractor = Extractor.builder()
                .places(geonames == null ? LinkPlaceResolver.bundled() : new LinkPlaceResolver(Gazetteer.load(geonames)))
                .actors(actorsFile == null ? ActorLexicon.bundled() : ActorLexicon.of(userRegistry(actorsFile)))
                .warnings(w -> {
                    err.println("warning: " + w);
                    err.flush();
                })
                .build();
        List<ArticleFacts> facts = extractAll(extractor, articles, progress.bar(common, err));
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.println(FactsWriter.toJson(facts.get(0)));
            out.flush();
            return 0;
        }
        try {
            if (toDir) {
                Files.createDirectories(output);
                for (int i = 0; i < facts.size(); i++) {
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
        int events = facts.stream().mapToInt(f -> f.events().size()).sum();
        int figures = facts.stream().mapToInt(f -> f.figures().size()).sum();
        Summary.of("extract").target(output)
                .text("extracted " + facts.size() + " article" + (facts.size() == 1 ? "" : "s") + " (" + events
                        + " control changes, " + figures + " figures)")
                .put("articles", facts.size()).put("controlChanges", events).put("figures", figures)
                .print(spec.commandLine().getOut(), err, common, json);
        return 0;
    }

    /** Drafts facts from each article in order, telling {@code progress} of each one done. */
    static List<ArticleFacts> extractAll(Extractor extractor, List<ArticleText> articles, Progress progress) {
        List<ArticleFacts> facts = new ArrayList<>(articles.size());
        progress.start("articles", articles.size());
        try {
            for (ArticleText a : articles) {
                facts.add(extractor.extract(a));
                progress.advance(1);
            }
        } finally {
            progress.finish();
        }
        return facts;
    }

    /** The bundled registry with the user's laid over it; a file that does not read is bad input naming it. */
    private static ActorRegistry userRegistry(Path file) {
        if (!Files.isRegularFile(file)) {
            throw ExtractException.badInput(file + ": no such actor registry file");
        }
        try {
            return ActorRegistry.bundled().mergedWith(ActorRegistry.load(file));
        } catch (RuntimeException e) {
            String msg = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
            throw ExtractException.badInput(file + ": not an actor registry: " + msg.lines().findFirst().orElse(""));
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
