package org.conflictkg.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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

    /** Settings of one run. */
    static final class Options {
        Path work = Path.of("bench", "work");
        boolean quick;
        Set<String> only = new LinkedHashSet<>(ALL);
        long convert = 20_000;
        long carml = 2_000;
        long load = 20_000;
        long http = 2_000;
        long querySmall = 10_000;
        long queryLarge = 100_000;
        /** Other versions of the named queries ({@code NAME.rq}) to time beside them, or null. */
        Path queryCompare;
        /** Keep the query databases after the run and reuse them in the next (same corpus, same build). */
        boolean keepDbs;
        long memory = 1_000_000;
        long memoryLoad = 100_000;
        int repeats = 2;
        Path carmlDir = Path.of(System.getProperty("bench.carml.dir", "bench/carml-runner/target"));
        Path rml = Path.of(System.getProperty("bench.rml", "bench/rml/facts-subset.rml.ttl"));
        /** The classpath of child JVMs that run conflict-kg itself (memory measure). */
        String classpath = defaultClasspath();

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

        static Options parse(String... args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--quick" -> {
                        o.quick = true;
                        o.convert = 300;
                        o.carml = 100;
                        o.load = 300;
                        o.http = 100;
                        o.querySmall = 100;
                        o.queryLarge = 1_000;
                        o.memory = 2_000;
                        o.memoryLoad = 1_000;
                        o.repeats = 1;
                    }
                    case "--work" -> o.work = Path.of(value(args, ++i, a));
                    case "--only" -> {
                        o.only = new LinkedHashSet<>();
                        for (String n : value(args, ++i, a).split(",")) {
                            if (!ALL.contains(n.trim())) {
                                throw new IllegalArgumentException("unknown measure \"" + n + "\"; expected one of " + ALL);
                            }
                            o.only.add(n.trim());
                        }
                    }
                    case "--convert" -> o.convert = count(value(args, ++i, a));
                    case "--carml" -> o.carml = count(value(args, ++i, a));
                    case "--load" -> o.load = count(value(args, ++i, a));
                    case "--http" -> o.http = count(value(args, ++i, a));
                    case "--query-small" -> o.querySmall = count(value(args, ++i, a));
                    case "--query-large" -> o.queryLarge = count(value(args, ++i, a));
                    case "--query-compare" -> o.queryCompare = Path.of(value(args, ++i, a));
                    case "--keep-dbs" -> o.keepDbs = true;
                    case "--memory" -> o.memory = count(value(args, ++i, a));
                    case "--memory-load" -> o.memoryLoad = count(value(args, ++i, a));
                    case "--repeats" -> o.repeats = (int) count(value(args, ++i, a));
                    case "--carml-dir" -> o.carmlDir = Path.of(value(args, ++i, a));
                    case "--rml" -> o.rml = Path.of(value(args, ++i, a));
                    case "--classpath" -> o.classpath = value(args, ++i, a);
                    default -> throw new IllegalArgumentException("unknown option \"" + a + "\"");
                }
            }
            return o;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
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
            long n = Long.parseLong(t) * mult;
            if (n < 0) {
                throw new IllegalArgumentException("expected a count, got " + s);
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
