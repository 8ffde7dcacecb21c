import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.conflictkg.cli.Main;
import org.conflictkg.synth.CorpusGenerator;

import picocli.CommandLine;

/**
 * Times the named queries against a SPARQL endpoint (any store: Virtuoso, Fuseki) or a TDB2
 * folder the way a user runs them, {@code query NAME --endpoint URL --format tsv} (or
 * {@code --db DIR}) in this JVM (QueryRunner over QuerySources.endpoint, results read and
 * formatted), with the parameters of the query-latency
 * measure of the bench harness (Aleppo, 2018-06-30, the generated corpus's first article, the
 * displaced measure).
 *
 * <pre>
 * java -cp target/conflict-kg.jar bench/endpoint/EndpointQueries.java time URL|DIR OUT.tsv [RUNS] [QUERY...]
 * java -cp target/conflict-kg.jar bench/endpoint/EndpointQueries.java ratio SMALL.tsv LARGE.tsv NAME
 * </pre>
 *
 * With {@code -DpageSize=N} (before the file name), answers from an endpoint are read in pages of
 * N rows ({@code query --page-size N}), as a Virtuoso store of a million articles needs for
 * answers over its 1,048,576 rows.
 *
 * {@code time} first runs {@code places} once (the JVM's own warm-up), then runs each query twice to warm up, then RUNS times (default 9; 3 for a query whose
 * first run takes more than 20 s), prints and appends one line per query to OUT.tsv: query,
 * median ms, p95 ms, rows, runs. {@code ratio} prints one {@code RATIO query-growth-NAME-QUERY X <=2}
 * line per query whose answer has the same number of rows in both files (the queries whose answer
 * does not grow), and the growth of the others for information.
 */
public final class EndpointQueries {
    static final String ALEPPO = "https://w3id.org/conflict-kg/place/geonames/170063";
    static final String DAY = "2018-06-30";

    static Map<String, Map<String, String>> queries() {
        Map<String, Map<String, String>> q = new LinkedHashMap<>();
        q.put("article-facts", Map.of("article", CorpusGenerator.create().seed(1).build().articleId(0)));
        q.put("places", Map.of());
        q.put("highway-towns", Map.of());
        q.put("control-changes", Map.of("place", ALEPPO));
        q.put("controller-at-reports", Map.of("place", ALEPPO, "date", DAY));
        q.put("controller-at", Map.of("place", ALEPPO, "date", DAY));
        q.put("timeline", Map.of("place", ALEPPO));
        q.put("disputed", Map.of("place", ALEPPO));
        q.put("highway-control", Map.of("date", DAY));
        q.put("figures", Map.of("measure", "displaced"));
        return q;
    }

    public static void main(String[] args) throws IOException {
        if (args.length >= 3 && args[0].equals("time")) {
            int runs = args.length > 3 ? Integer.parseInt(args[3]) : 9;
            List<String> only = args.length > 4 ? Arrays.asList(args).subList(4, args.length) : List.of();
            Path out = Path.of(args[2]);
            run(command(args[1], "places", Map.of()));
            for (var e : queries().entrySet()) {
                if (!only.isEmpty() && !only.contains(e.getKey())) {
                    continue;
                }
                String line = time(args[1], e.getKey(), e.getValue(), runs);
                System.out.println(line);
                Files.writeString(out, line + "\n", java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            }
        } else if (args.length == 4 && args[0].equals("ratio")) {
            Map<String, String[]> small = read(Path.of(args[1]));
            Map<String, String[]> large = read(Path.of(args[2]));
            for (var e : large.entrySet()) {
                String[] s = small.get(e.getKey());
                if (s == null) {
                    continue;
                }
                String[] l = e.getValue();
                double growth = Double.parseDouble(l[1]) / Double.parseDouble(s[1]);
                if (s[3].equals(l[3])) {
                    System.out.printf(Locale.ROOT, "RATIO query-growth-%s-%s %.2f <=2%n", args[3], e.getKey(), growth);
                } else {
                    System.out.printf(Locale.ROOT, "growth %s-%s %.2f (answer grows: %s -> %s rows)%n", args[3],
                            e.getKey(), growth, s[3], l[3]);
                }
            }
        } else {
            System.err.println("usage: EndpointQueries time URL|DIR OUT.tsv [RUNS] [QUERY...] | ratio SMALL.tsv LARGE.tsv NAME");
            System.exit(2);
        }
    }

    /** The last line per query of a file written by {@code time}. */
    static Map<String, String[]> read(Path file) {
        Map<String, String[]> m = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String[] f = line.split("\t");
                if (f.length >= 4) {
                    m.put(f[0], f);
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return m;
    }

    /** {@code query NAME} against an endpoint (an http URL) or a TDB2 folder. */
    static List<String> command(String target, String name, Map<String, String> params) {
        List<String> args = new ArrayList<>(List.of("query", name, target.startsWith("http") ? "--endpoint" : "--db",
                target, "--format", "tsv", "--timeout", "1800"));
        params.forEach((k, v) -> {
            args.add("--param");
            args.add(k + "=" + v);
        });
        String pageSize = System.getProperty("pageSize");
        if (pageSize != null && target.startsWith("http")) {
            args.addAll(List.of("--page-size", pageSize));
        }
        return args;
    }

    static String time(String target, String name, Map<String, String> params, int runs) {
        List<String> args = command(target, name, params);
        long[] rows = {0};
        long first = nanos(() -> rows[0] = run(args));
        boolean slow = first > 20_000_000_000L;
        if (!slow) {
            run(args);
            run(args);
        }
        int n = slow ? Math.min(runs, 3) : runs;
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = nanos(() -> rows[0] = run(args));
        }
        Arrays.sort(t);
        double median = n % 2 == 1 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2.0;
        double p95 = t[Math.max(0, (int) Math.ceil(0.95 * n) - 1)];
        return String.format(Locale.ROOT, "%s\t%.1f\t%.1f\t%d\t%d", name, median / 1e6, p95 / 1e6, rows[0], n);
    }

    static long nanos(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return System.nanoTime() - t0;
    }

    /** Runs one query; the number of rows of its answer (TSV lines after the header). */
    static long run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args.toArray(String[]::new));
        if (code != 0) {
            throw new IllegalStateException("conflict-kg " + String.join(" ", args) + " exited " + code + ": "
                    + err.toString().strip());
        }
        return Math.max(0, out.toString().lines().count() - 1);
    }
}
