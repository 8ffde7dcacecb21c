package org.conflictkg.bench;

import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ratio 6: everything streams. conflict-kg runs in a child JVM with {@code -Xmx512m}: it
 * converts the big corpus to N-Quads (output discarded, so disk space does not limit the size),
 * then loads a corpus into a new TDB2 database. The measure is 1 when both succeed, else 0;
 * the table also gives each step's time, the most heap that was still in use after a garbage
 * collection (from the child's GC log: what the program really retains, which must not grow with
 * the corpus) and the child's peak resident memory (heap plus the JVM's own and TDB2's
 * memory-mapped files, as the kernel counts them) where {@code /usr/bin/time} is there.
 */
final class MemoryBench {
    private static final Pattern MAX_RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");
    /** A unified-logging GC line's "before->after(capacity)", e.g. {@code 120M->31M(512M)}. */
    private static final Pattern GC_AFTER = Pattern.compile("\\d+[KMG]->(\\d+)([KMG])\\(\\d+[KMG]\\)");

    private MemoryBench() {
    }

    static Result run(List<Path> convertFiles, long convertArticles, List<Path> loadFiles, long loadArticles,
                      Path work, String classpath, PrintStream log) throws Exception {
        Step convert = convertArticles == 0 ? new Step(0, 0, -1)
                : child(Cli.args("convert", convertFiles, "--format", "nquads"), classpath, work, log);
        log.printf(Locale.ROOT, "  convert %d articles with -Xmx512m: exit %d, %s, heap after GC at most %s, peak RSS %s%n",
                convertArticles, convert.exit, Stopwatch.seconds(convert.nanos), mb(convert.maxLiveKb), mb(convert.maxRssKb));
        Path db = work.resolve("db-memory");
        Stores.delete(db);
        String loadCommand = Cli.has("load") ? "load --db" : "convert -o FILE.nq (no load command in this build)";
        List<String> loadArgs = Cli.has("load") ? Cli.args("load", "--db", db, "--no-progress", loadFiles)
                : Cli.args("convert", loadFiles, "--format", "nquads", "-o", work.resolve("memory.nq"));
        Step load = child(loadArgs, classpath, work, log);
        log.printf(Locale.ROOT, "  %s %d articles with -Xmx512m: exit %d, %s, heap after GC at most %s, peak RSS %s%n",
                loadCommand, loadArticles, load.exit, Stopwatch.seconds(load.nanos), mb(load.maxLiveKb), mb(load.maxRssKb));
        long dbMb = Files.exists(db) ? Stores.diskSize(db) >> 20 : 0;
        Stores.delete(db);
        Files.deleteIfExists(work.resolve("memory.nq"));
        boolean ok = convert.exit == 0 && load.exit == 0;
        String note = String.format(Locale.ROOT,
                "-Xmx512m: convert %d articles %s in %s (heap after GC at most %s, peak RSS %s); "
                        + "%s %d articles %s in %s (heap after GC at most %s, peak RSS %s, %d MB database)",
                convertArticles, convertArticles == 0 ? "not run (--memory 0)" : convert.exit == 0 ? "ok" : "FAILED exit " + convert.exit,
                Stopwatch.seconds(convert.nanos), mb(convert.maxLiveKb), mb(convert.maxRssKb), loadCommand, loadArticles,
                load.exit == 0 ? "ok" : "FAILED exit " + load.exit, Stopwatch.seconds(load.nanos), mb(load.maxLiveKb),
                mb(load.maxRssKb), dbMb);
        return new Result("memory-1m-xmx512m", ok ? "succeeded" : "failed", "-Xmx512m", ok ? 1 : 0, true, 1, note);
    }

    private record Step(int exit, long nanos, long maxRssKb, long maxLiveKb) {
        Step(int exit, long nanos, long maxRssKb) {
            this(exit, nanos, maxRssKb, -1);
        }
    }

    private static Step child(List<String> args, String classpath, Path work, PrintStream log) throws Exception {
        List<String> cmd = new ArrayList<>();
        boolean timed = new File("/usr/bin/time").canExecute();
        if (timed) {
            cmd.addAll(List.of("/usr/bin/time", "-v"));
        }
        Path gcLog = Files.createTempFile(work, "child", ".gc");
        cmd.addAll(List.of(CarmlBench.javaBin(), "-Xmx512m", "-Xlog:gc:file=" + gcLog, "-cp", classpath,
                "org.conflictkg.cli.Main"));
        cmd.addAll(args);
        Path err = Files.createTempFile(work, "child", ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile());
        long t0 = System.nanoTime();
        int exit = pb.start().waitFor();
        long nanos = System.nanoTime() - t0;
        String text = Files.readString(err, StandardCharsets.UTF_8);
        Files.delete(err);
        if (exit != 0) {
            log.println("  child failed: " + text.lines().filter(l -> !l.startsWith("\t")).limit(15).toList());
        }
        Matcher m = MAX_RSS.matcher(text);
        long live = maxAfterGcKb(Files.readString(gcLog, StandardCharsets.UTF_8));
        Files.delete(gcLog);
        return new Step(exit, nanos, m.find() ? Long.parseLong(m.group(1)) : -1, live);
    }

    /** The largest heap occupancy right after a collection in a unified GC log, in KB; -1 if none logged. */
    static long maxAfterGcKb(String gcLog) {
        long max = -1;
        Matcher m = GC_AFTER.matcher(gcLog);
        while (m.find()) {
            long v = Long.parseLong(m.group(1));
            long kb = switch (m.group(2)) {
                case "K" -> v;
                case "M" -> v << 10;
                default -> v << 20;
            };
            max = Math.max(max, kb);
        }
        return max;
    }

    private static String mb(long kb) {
        return kb < 0 ? "n/a" : (kb >> 10) + " MB";
    }
}
