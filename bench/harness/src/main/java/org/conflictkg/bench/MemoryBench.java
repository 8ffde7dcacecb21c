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
 * the table also gives each step's time and the child's peak resident memory (heap plus the
 * JVM's own and TDB2's memory-mapped files, as the kernel counts them) where
 * {@code /usr/bin/time} is there.
 */
final class MemoryBench {
    private static final Pattern MAX_RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");

    private MemoryBench() {
    }

    static Result run(List<Path> convertFiles, long convertArticles, List<Path> loadFiles, long loadArticles,
                      Path work, String classpath, PrintStream log) throws Exception {
        Step convert = child(Cli.args("convert", convertFiles, "--format", "nquads"), classpath, work, log);
        log.printf(Locale.ROOT, "  convert %d articles with -Xmx512m: exit %d, %s, peak RSS %s%n", convertArticles,
                convert.exit, Stopwatch.seconds(convert.nanos), rss(convert.maxRssKb));
        Path db = work.resolve("db-memory");
        Stores.delete(db);
        String loadCommand = Cli.has("load") ? "load --db" : "convert -o FILE.nq (no load command in this build)";
        List<String> loadArgs = Cli.has("load") ? Cli.args("load", "--db", db, "--no-progress", loadFiles)
                : Cli.args("convert", loadFiles, "--format", "nquads", "-o", work.resolve("memory.nq"));
        Step load = child(loadArgs, classpath, work, log);
        log.printf(Locale.ROOT, "  %s %d articles with -Xmx512m: exit %d, %s, peak RSS %s%n", loadCommand, loadArticles,
                load.exit, Stopwatch.seconds(load.nanos), rss(load.maxRssKb));
        long dbMb = Files.exists(db) ? Stores.diskSize(db) >> 20 : 0;
        Stores.delete(db);
        Files.deleteIfExists(work.resolve("memory.nq"));
        boolean ok = convert.exit == 0 && load.exit == 0;
        String note = String.format(Locale.ROOT,
                "-Xmx512m: convert %d articles %s in %s (peak RSS %s); %s %d articles %s in %s (peak RSS %s, %d MB database)",
                convertArticles, convert.exit == 0 ? "ok" : "FAILED exit " + convert.exit, Stopwatch.seconds(convert.nanos),
                rss(convert.maxRssKb), loadCommand, loadArticles, load.exit == 0 ? "ok" : "FAILED exit " + load.exit,
                Stopwatch.seconds(load.nanos), rss(load.maxRssKb), dbMb);
        return new Result("memory-1m-xmx512m", ok ? "succeeded" : "failed", "-Xmx512m", ok ? 1 : 0, true, 1, note);
    }

    private record Step(int exit, long nanos, long maxRssKb) {
    }

    private static Step child(List<String> args, String classpath, Path work, PrintStream log) throws Exception {
        List<String> cmd = new ArrayList<>();
        boolean timed = new File("/usr/bin/time").canExecute();
        if (timed) {
            cmd.addAll(List.of("/usr/bin/time", "-v"));
        }
        cmd.addAll(List.of(CarmlBench.javaBin(), "-Xmx512m", "-cp", classpath, "org.conflictkg.cli.Main"));
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
        return new Step(exit, nanos, m.find() ? Long.parseLong(m.group(1)) : -1);
    }

    private static String rss(long kb) {
        return kb < 0 ? "n/a" : (kb >> 10) + " MB";
    }
}
