package org.conflictkg.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Whole-pipeline benchmarks. Each measure runs ours and its baseline in the same run, on the same
 * machine and data, and reports their ratio against a goal. Progress goes to standard error; the
 * table, then one {@code RATIO <name> <measured> <goal>} line per ratio, go to standard output.
 *
 * <pre>
 * Harness [--quick] [--work DIR] [--only NAME,...] [--convert N] [--carml N] [--load N] [--http N]
 *         [--query-small N] [--query-large N] [--query-compare DIR] [--keep-dbs] [--memory N] [--memory-load N] [--repeats N]
 * </pre>
 * Sizes are numbers of synthetic articles ({@code 10k}, {@code 1M} allowed). {@code --quick} runs
 * every measure on tiny corpora: it checks that the harness works, not the speed.
 */
public final class Harness {

    /** The measures, in the order of the table. */
    static final List<String> ALL = List.of("conversion-vs-io-limit", "conversion-vs-carml", "tdb2-load-vs-tdbloader",
            "http-load-vs-embedded", "query-latency-growth-10x", "memory-1m-xmx512m");

    /** Settings of one run: the harness's command line (picocli). */
    @Command(name = "Harness", description = "Whole-pipeline benchmarks against baselines run beside them.")
    static final class Options {
        @Option(names = "--work", paramLabel = "DIR", description = "Work folder (corpora, stores). Default bench/work.")
        Path work = Path.of("bench", "work");
        boolean quick;
        Set<String> only = new LinkedHashSet<>(ALL);
        @Option(names = "--convert", paramLabel = "N", converter = Count.class)
        long convert = 20_000;
        @Option(names = "--carml", paramLabel = "N", converter = Count.class)
        long carml = 2_000;
        @Option(names = "--load", paramLabel = "N", converter = Count.class)
        long load = 20_000;
        @Option(names = "--http", paramLabel = "N", converter = Count.class)
        long http = 2_000;
        @Option(names = "--query-small", paramLabel = "N", converter = Count.class)
        long querySmall = 10_000;
        @Option(names = "--query-large", paramLabel = "N", converter = Count.class)
        long queryLarge = 100_000;
        /** Other versions of the named queries ({@code NAME.rq}) to time beside them, or null. */
        @Option(names = "--query-compare", paramLabel = "DIR")
        Path queryCompare;
        /** Keep the query databases after the run and reuse them in the next (same corpus, same build). */
        @Option(names = "--keep-dbs")
        boolean keepDbs;
        @Option(names = "--memory", paramLabel = "N", converter = Count.class)
        long memory = 1_000_000;
        @Option(names = "--memory-load", paramLabel = "N", converter = Count.class)
        long memoryLoad = 100_000;
        @Option(names = "--repeats", paramLabel = "N")
        int repeats = 2;
        @Option(names = "--carml-dir", paramLabel = "DIR")
        Path carmlDir = Path.of(System.getProperty("bench.carml.dir", "bench/carml-runner/target"));
        @Option(names = "--rml", paramLabel = "FILE")
        Path rml = Path.of(System.getProperty("bench.rml", "bench/rml/facts-subset.rml.ttl"));
        /** The classpath of child JVMs that run conflict-kg itself (memory measure). */
        @Option(names = "--classpath", paramLabel = "PATH")
        String classpath = defaultClasspath();

        /** Every measure on tiny corpora: checks that the harness works, not the speed. Later options win. */
        @Option(names = "--quick")
        void quick(boolean on) {
            quick = true;
            convert = 300;
            carml = 100;
            load = 300;
            http = 100;
            querySmall = 100;
            queryLarge = 1_000;
            memory = 2_000;
            memoryLoad = 1_000;
            repeats = 1;
        }

        @Option(names = "--only", paramLabel = "NAME,...", split = ",", description = "Measures to run (default all).")
        void only(List<String> names) {
            only = new LinkedHashSet<>();
            for (String n : names) {
                if (!ALL.contains(n.trim())) {
                    throw new IllegalArgumentException("unknown measure \"" + n + "\"; expected one of " + ALL);
                }
                only.add(n.trim());
            }
        }

        /** From bench/run's -Dbench.classpath, or the build's class folder and dependency list (tests). */
        private static String defaultClasspath() {
            String file = System.getProperty("bench.classpath.file");
            if (file != null) {
                try {
                    return System.getProperty("bench.classes") + java.io.File.pathSeparator
                            + Files.readString(Path.of(file)).trim();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return System.getProperty("bench.classpath", System.getProperty("java.class.path"));
        }

        /** Parses the command line; a bad one is an IllegalArgumentException saying what is wrong. */
        static Options parse(String... args) {
            Options o = new Options();
            try {
                new CommandLine(o).parseArgs(args);
            } catch (CommandLine.ParameterException e) {
                Throwable cause = e.getCause();
                while (cause != null && !(cause instanceof IllegalArgumentException)) {
                    cause = cause.getCause();
                }
                throw new IllegalArgumentException(cause != null ? cause.getMessage() : e.getMessage(), e);
            }
            return o;
        }

        /** Sizes: a count of articles, {@code 10k} and {@code 1M} allowed. */
        static final class Count implements CommandLine.ITypeConverter<Long> {
            @Override
            public Long convert(String value) {
                return count(value);
            }
        }

        static long count(String s) {
            String t = s.trim();
            long mult = 1;
            if (t.endsWith("k")) {
                mult = 1_000;
                t = t.substring(0, t.length() - 1);
            } else if (t.endsWith("M")) {
                mult = 1_000_000;
                t = t.substring(0, t.length() - 1);
            }
            long n;
            try {
                n = Long.parseLong(t) * mult;
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 0) {
                throw new IllegalArgumentException("expected a count (300, 10k, 1M), got " + s);
            }
            return n;
        }
    }

    private Harness() {
    }

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        List<Result> results = run(o, System.err);
        print(results, System.out);
        System.exit(0);
    }

    /** Runs the selected measures; a measure that fails is reported with NaN and why. */
    static List<Result> run(Options o, PrintStream log) throws Exception {
        Files.createDirectories(o.work);
        Corpora corpora = new Corpora(o.work);
        log.printf(Locale.ROOT, "conflict-kg benchmarks: %d cores, max heap %d MB, Java %s, work %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"), o.work.toAbsolutePath());
        List<Result> results = new ArrayList<>();
        for (String name : o.only) {
            log.println("== " + name);
            long t0 = System.nanoTime();
            Result r;
            try {
                r = measure(name, o, corpora, log);
            } catch (Exception | Error e) {
                e.printStackTrace(log);
                r = new Result(name, "-", "-", Double.NaN, true, Double.NaN, "failed: " + e);
            }
            log.printf(Locale.ROOT, "   %s: %s (%s)%n", name, Result.number(r.ratio()), Stopwatch.seconds(System.nanoTime() - t0));
            results.add(r);
        }
        return results;
    }

    /** Load timings, shared by the two load measures of one run. */
    private static final LoadBench.Timings timings = new LoadBench.Timings();

    private static Result measure(String name, Options o, Corpora corpora, PrintStream log) throws Exception {
        return switch (name) {
            case "conversion-vs-io-limit" -> ConversionBench.run(corpora.jsonl(o.convert, 2), o.work, o.repeats, log);
            case "conversion-vs-carml" -> CarmlBench.run(corpora.jsonl(o.carml, 1), o.work,
                    new CarmlBench.Setup(o.carmlDir, o.rml, o.quick ? "1g" : "6g"), log);
            case "tdb2-load-vs-tdbloader" -> LoadBench.embedded(corpora.jsonl(o.load, 2), o.work, timings, log);
            case "http-load-vs-embedded" -> LoadBench.http(corpora.jsonl(o.http, 2), o.work, timings, log);
            case "query-latency-growth-10x" -> QueryBench.run(corpora.jsonl(o.querySmall, 1),
                    corpora.jsonl(o.queryLarge, 4), o.work, o.quick ? 5 : 15, o.queryCompare, o.keepDbs, log);
            case "memory-1m-xmx512m" -> MemoryBench.run(o.memory == 0 ? List.of() : corpora.jsonl(o.memory, 8), o.memory,
                    corpora.jsonl(o.memoryLoad, 4), o.memoryLoad, o.work, o.classpath, log);
            default -> throw new UnsupportedOperationException(name + " is not measured in this build");
        };
    }

    /** The table, then the RATIO lines. */
    static void print(List<Result> results, PrintStream out) {
        out.println();
        out.println("| measure | ours | baseline | ratio | goal | met | notes |");
        out.println("|---|---|---|---|---|---|---|");
        for (Result r : results) {
            out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", r.name(), r.ours(), r.baseline(),
                    Result.number(r.ratio()), r.goalText(), Double.isNaN(r.ratio()) ? "n/a" : r.met() ? "yes" : "NO",
                    r.note());
        }
        out.println();
        for (Result r : results) {
            out.println(r.ratioLine());
        }
        out.flush();
    }
}
