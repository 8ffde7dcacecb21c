package org.conflictkg.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;

/**
 * Ratio 5: query latency as the corpus grows tenfold. Two databases are loaded the way
 * conflict-kg loads (untimed); each query runs a few times to warm up, then {@code runs} times;
 * median and 95th percentile are reported per query and size. With the {@code query} command
 * (named queries) each run is {@code query NAME --db DIR [--param k=v]}, the user's path,
 * output formatting included.
 *
 * <p>The ratio is the largest growth of a median among the queries whose answer has the same
 * number of rows in both corpora (one article's facts, the places of a gazetteer-bounded
 * corpus): those measure how lookups scale. A query whose answer itself grows tenfold (every
 * report about a place, every figure) cannot stay within 2x; its growth is shown per row too,
 * not held to the goal.
 */
final class QueryBench {
    private QueryBench() {
    }

    /**
     * One query to time: a name and its parameters. {@code held} marks a query held to the goal
     * whatever its answer's size (a lookup whose answer should stay about the same size).
     */
    record Q(String name, Map<String, String> params, boolean held) {
        Q(String name, Map<String, String> params) {
            this(name, params, false);
        }
    }

    /** The queries, with parameters that exist in both corpora (both start with the same articles). */
    static List<Q> queries(String firstArticleId, String placeIri) {
        List<Q> qs = new ArrayList<>();
        if (Cli.has("query")) {
            qs.add(new Q("control-changes", Map.of("place", placeIri)));
            // One timeline period answers it: held to the goal even if the corpus moves the period.
            qs.add(new Q("controller-at", Map.of("place", placeIri, "date", "2018-06-30"), true));
            qs.add(new Q("controller-at-reports", Map.of("place", placeIri, "date", "2018-06-30")));
            qs.add(new Q("timeline", Map.of("place", placeIri)));
            if (Cli.queryDeclares("disputed", "place")) {
                qs.add(new Q("disputed", Map.of("place", placeIri)));
            }
            qs.add(new Q("article-facts", Map.of("article", firstArticleId)));
            qs.add(new Q("places", Map.of()));
            qs.add(new Q("highway-towns", Map.of()));
            qs.add(new Q("figures", Map.of("measure", "https://w3id.org/conflict-kg/vocab/measure/displaced")));
            qs.add(new Q("control-changes", Map.of()));
        } else {
            qs.add(new Q("place-control-changes", Map.of("place", placeIri)));
            qs.add(new Q("article-graph", Map.of("article", firstArticleId)));
            qs.add(new Q("all-control-changes", Map.of()));
        }
        return qs;
    }

    /**
     * @param compare a folder of other versions of the named queries ({@code NAME.rq}, e.g. an
     *                earlier commit's), each timed beside the current one on the same databases and
     *                printed as {@code NAME@compare}; not part of the ratio. Null for none.
     */
    static Result run(List<Path> small, List<Path> large, Path work, int runs, Path compare, boolean keep,
                      PrintStream log) {
        Path dbSmall = work.resolve("db-query-small");
        Path dbLarge = work.resolve("db-query-large");
        build(small, dbSmall, keep, log);
        build(large, dbLarge, keep, log);
        String article = org.conflictkg.synth.CorpusGenerator.create().seed(Corpora.SEED).build().articleId(0);
        // Aleppo: in every corpus of more than a few articles.
        String place = "https://w3id.org/conflict-kg/place/geonames/170063";
        List<Q> qs = queries(article, place);
        double worst = 0;
        List<String> rows = new ArrayList<>();
        int bounded = 0;
        for (Q q : qs) {
            Path other = compare == null ? null : compare.resolve(q.name() + ".rq");
            if (other != null && java.nio.file.Files.isRegularFile(other) && accepts(other, q)) {
                Q o = new Q(other.toString(), q.params());
                double[] s = time(o, dbSmall, runs);
                double[] l = time(o, dbLarge, runs);
                log.printf(Locale.ROOT, "  %-34s small: median %s p95 %s | large: median %s p95 %s | x%.2f (%.0f -> %.0f rows)%n",
                        q.name() + "@compare" + (q.params().isEmpty() ? "" : q.params().keySet().toString()),
                        Stopwatch.millis(s[0]), Stopwatch.millis(s[1]), Stopwatch.millis(l[0]), Stopwatch.millis(l[1]),
                        l[0] / s[0], s[2], l[2]);
            }
            double[] s = time(q, dbSmall, runs);
            double[] l = time(q, dbLarge, runs);
            double growth = l[0] / s[0];
            boolean same = s[2] == l[2];
            String label = q.name() + (q.params().isEmpty() ? "" : q.params().keySet().toString());
            String answer = (q.held() ? "held, " : "") + (same ? String.format(Locale.ROOT, "%.0f rows both", s[2])
                    : String.format(Locale.ROOT, "%.0f -> %.0f rows, per row x%.2f", s[2], l[2],
                    growth * Math.max(1, s[2]) / Math.max(1, l[2])));
            log.printf(Locale.ROOT, "  %-34s small: median %s p95 %s | large: median %s p95 %s | x%.2f (%s)%n", label,
                    Stopwatch.millis(s[0]), Stopwatch.millis(s[1]), Stopwatch.millis(l[0]), Stopwatch.millis(l[1]),
                    growth, answer);
            rows.add(String.format(Locale.ROOT, "%s: median/p95 %s/%s -> %s/%s, x%.2f (%s)", label,
                    Stopwatch.millis(s[0]), Stopwatch.millis(s[1]), Stopwatch.millis(l[0]), Stopwatch.millis(l[1]),
                    growth, answer));
            if (same || q.held()) {
                worst = Math.max(worst, growth);
                bounded++;
            }
        }
        if (bounded == 0) {
            worst = Double.NaN;
        }
        if (!keep) {
            Stores.delete(dbSmall);
            Stores.delete(dbLarge);
            deleteMarker(dbSmall);
            deleteMarker(dbLarge);
        }
        return new Result("query-latency-growth-10x", "see notes", "-", worst, false, 2,
                "largest growth of the median among queries whose answer is the same size at both scales; "
                        + String.join("; ", rows));
    }

    /** Whether the query file declares every parameter {@code q} passes. */
    private static boolean accepts(Path file, Q q) {
        try {
            var params = org.conflictkg.query.NamedQueries.resolve(file.toString()).params();
            return q.params().keySet().stream().allMatch(k -> params.stream().anyMatch(p -> p.name().equals(k)));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Loads {@code files} into a new database {@code db}. With {@code reuse}, a database that a
     * kept run built from the same files (its marker file {@code db.built} names them) is used as
     * it is, and the marker is written after a build.
     */
    private static void build(List<Path> files, Path db, boolean reuse, PrintStream log) {
        Path marker = db.resolveSibling(db.getFileName() + ".built");
        String built = files.toString();
        try {
            if (reuse && java.nio.file.Files.isRegularFile(marker)
                    && java.nio.file.Files.readString(marker).strip().equals(built)
                    && org.conflictkg.store.TdbStores.looksLikeTdb2(db)) {
                log.println("  reusing " + db.getFileName() + " (built from " + built + ")");
                return;
            }
            deleteMarker(db);
            Stores.delete(db);
            long t = Stopwatch.nanos(() -> Stores.loadOurs(files, db, true));
            log.println("  loaded " + db.getFileName() + " in " + Stopwatch.seconds(t));
            if (reuse) {
                java.nio.file.Files.writeString(marker, built + "\n");
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void deleteMarker(Path db) {
        try {
            java.nio.file.Files.deleteIfExists(db.resolveSibling(db.getFileName() + ".built"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {median, p95} in nanoseconds over {@code runs} timed runs after warm-up, and the rows. */
    static double[] time(Q q, Path db, int runs) {
        java.util.function.LongSupplier r = runner(q, db);
        long[] rows = {0};
        long first = Stopwatch.nanos(() -> rows[0] = r.getAsLong());
        // A query that takes seconds (one listing the whole store) gets fewer runs.
        boolean slow = first > 2_000_000_000L;
        for (int i = 0; i < (slow ? 0 : 2); i++) {
            rows[0] = r.getAsLong();
        }
        runs = slow ? Math.min(runs, 5) : runs;
        long[] t = new long[runs];
        for (int i = 0; i < runs; i++) {
            t[i] = Stopwatch.nanos(r::getAsLong);
        }
        Arrays.sort(t);
        double median = runs % 2 == 1 ? t[runs / 2] : (t[runs / 2 - 1] + t[runs / 2]) / 2.0;
        double p95 = t[Math.max(0, (int) Math.ceil(0.95 * runs) - 1)];
        return new double[] {median, p95, rows[0]};
    }

    /** Runs the query once and returns the number of rows of its answer. */
    private static java.util.function.LongSupplier runner(Q q, Path db) {
        if (Cli.has("query")) {
            List<String> args = new ArrayList<>(List.of("query", q.name(), "--db", db.toString(), "--format", "tsv",
                    "--timeout", "600"));
            q.params().forEach((k, v) -> {
                args.add("--param");
                args.add(k + "=" + v);
            });
            return () -> Math.max(0, Cli.run(args).lines().count() - 1);
        }
        Query query = QueryFactory.create(FALLBACK.get(q.name())
                .replace("$place", "<" + q.params().getOrDefault("place", "") + ">")
                .replace("$article", "<https://w3id.org/conflict-kg/graph/article/" + q.params().getOrDefault("article", "") + ">"));
        return () -> {
            DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(db.toString());
            return Txn.calculateRead(dsg, () -> {
                try (QueryExecution qe = QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(dsg)).query(query)
                        .set(org.apache.jena.tdb2.TDB2.symUnionDefaultGraph, true).build()) {
                    return (long) ResultSetFormatter.consume(qe.execSelect());
                }
            });
        };
    }

    /** Queries used when this build has no named queries; values are benchmark constants, not user input. */
    private static final Map<String, String> FALLBACK = new LinkedHashMap<>();

    static {
        String prefixes = "PREFIX ckg: <https://w3id.org/conflict-kg/ontology#> "
                + "PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> ";
        FALLBACK.put("place-control-changes", prefixes + "SELECT ?c ?from ?to ?status ?date ?article WHERE { "
                + "?c ckg:territory $place ; ckg:fromActor ?from ; ckg:toActor ?to ; ckg:status ?status ; "
                + "prov:wasDerivedFrom ?article . OPTIONAL { ?c sem:hasTimeStamp ?date } }");
        FALLBACK.put("article-graph", "SELECT ?s ?p ?o WHERE { GRAPH $article { ?s ?p ?o } }");
        FALLBACK.put("all-control-changes", prefixes + "SELECT ?c ?place ?to WHERE { "
                + "?c a ckg:ControlChange ; ckg:territory ?place ; ckg:toActor ?to }");
    }
}
