package org.conflictkg.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.conflictkg.synth.CorpusGenerator;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code generate -n N -o DIR [--seed S] [--files K]}: a synthetic facts corpus for benchmarks. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes a synthetic corpus of article facts for benchmarks.",
                "facts@1 JSON Lines for benchmarks and load tests: real places and registry actors, 5-30 facts per "
                        + "article, evidence spans that match the generated body. The same seed gives the same "
                        + "corpus, however it is split. Streams: memory does not grow with the number of articles."})
final class GenerateCommand extends KgCommand {

    @Mixin
    Summary.JsonOption json;


    @Option(names = {"-n", "--articles"}, required = true, paramLabel = "N",
            description = "Number of articles; k and M suffixes allowed (10k, 1M).")
    String articles;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Output folder.")
    Path output;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--files", paramLabel = "K", defaultValue = "1",
            description = "Split the corpus into K files of contiguous articles (default ${DEFAULT-VALUE}).")
    int files;

    @Option(names = "--prefix", paramLabel = "NAME", defaultValue = "corpus",
            description = "File name prefix: NAME-0001.jsonl, ... (default ${DEFAULT-VALUE}).")
    String prefix;

    @Option(names = "--facts", paramLabel = "MIN..MAX", defaultValue = "5..30",
            description = "Facts per article, inclusive range (default ${DEFAULT-VALUE}).")
    String facts;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        long n = parseCount(articles, cl);
        int[] range = parseRange(facts, cl);
        if (files < 1 || files > n) {
            throw new CommandLine.ParameterException(cl, "--files must be between 1 and the number of articles ("
                    + n + "), got " + files);
        }
        if (!prefix.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new CommandLine.ParameterException(cl, "--prefix must be a plain file name (letters, digits, '.', '_', '-'), got \""
                    + prefix + "\"");
        }
        OutputPaths.folder("-o", output);
        CorpusGenerator gen = CorpusGenerator.create().seed(seed).facts(range[0], range[1]).build();
        long t0 = System.nanoTime();
        List<Path> written = gen.writeFiles(output, prefix, n, files);
        double secs = (System.nanoTime() - t0) / 1e9;
        Summary.of("generate").target(output)
                .text(String.format(Locale.ROOT, "wrote %d articles in %d file%s (seed %d, %.1f s)", n, written.size(),
                        written.size() == 1 ? "" : "s", seed, secs))
                .put("articles", n).put("files", written.size()).put("seed", seed).put("seconds", secs)
                .print(cl.getOut(), cl.getErr(), common, json);
        return 0;
    }

    static long parseCount(String s, CommandLine cl) {
        String t = s.trim();
        long mult = 1;
        if (t.endsWith("k") || t.endsWith("K")) {
            mult = 1_000;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("M") || t.endsWith("m")) {
            mult = 1_000_000;
            t = t.substring(0, t.length() - 1);
        }
        try {
            long n = Math.multiplyExact(Long.parseLong(t), mult);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new CommandLine.ParameterException(cl, "--articles: expected a positive count such as 1000, 10k or 1M, got \""
                    + s + "\"");
        }
    }

    static int[] parseRange(String s, CommandLine cl) {
        String[] parts = s.split("\\.\\.", -1);
        try {
            int min = Integer.parseInt(parts[0].trim());
            int max = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : min;
            if (parts.length > 2 || min < 1 || max < min) {
                throw new NumberFormatException();
            }
            return new int[] {min, max};
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(cl, "--facts: expected MIN..MAX with 1 <= MIN <= MAX, got \"" + s + "\"");
        }
    }
}
