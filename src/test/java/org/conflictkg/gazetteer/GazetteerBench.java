package org.conflictkg.gazetteer;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.conflictkg.facts.PlaceKind;
import org.conflictkg.names.NameKeys;

/**
 * Benchmark (not a test): heap retained by a gazetteer loaded from a GeoNames dump, load time
 * against the bare read of the same file, and time per name search against an exact hash look-up
 * of the same names, all measured in the same run. Run with
 *
 * <pre>
 * scripts/bench-gazetteer.sh /path/to/cities1000.txt
 * </pre>
 *
 * Without an argument it measures the bundled extract.
 */
public final class GazetteerBench {
    private GazetteerBench() {
    }

    public static void main(String[] args) {
        Path dump = args.length > 0 ? Path.of(args[0]) : null;
        if (dump != null && !Files.isRegularFile(dump)) {
            System.err.println("no such file: " + dump);
            System.exit(2);
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

        // Baseline 1: stream the file and keep nothing.
        long t0 = System.nanoTime();
        long rows = dump == null ? -1 : GeoNamesReader.read(dump, r -> { });
        double readMs = (System.nanoTime() - t0) / 1e6;

        long before = usedAfterGc(memory);
        t0 = System.nanoTime();
        Gazetteer g = dump == null ? Gazetteer.bundled() : Gazetteer.load(dump);
        double loadMs = (System.nanoTime() - t0) / 1e6;
        long after = usedAfterGc(memory);
        double heapMb = (after - before) / (1024.0 * 1024.0);

        // Queries: every 97th record's name, a spelling variant of it, and the names of the test set.
        List<String> queries = new ArrayList<>();
        List<GeoNamesRecord> records = g.records();
        for (int i = 0; i < records.size(); i += 97) {
            GeoNamesRecord r = records.get(i);
            queries.add(r.name());
            queries.add(r.asciiName().replace("ou", "u").replace("ee", "i"));
        }
        queries.addAll(List.of("Saraqeb", "Khan Sheikhoun", "Maaret al-Numan", "Idleb", "Izium", "Tripoli",
                "Dmytrivka", "Aleppo", "Damascus", "Kharkiv region"));

        // Baseline 2: exact look-up of folded primary names in a hash map.
        Map<String, List<GeoNamesRecord>> exact = new HashMap<>();
        for (GeoNamesRecord r : records) {
            exact.computeIfAbsent(NameKeys.fold(r.name()), k -> new ArrayList<>()).add(r);
        }
        PlaceMatcher matcher = new PlaceMatcher(g);
        long sink = 0;
        for (int warm = 0; warm < 3; warm++) {
            for (String q : queries) {
                sink += matcher.link(PlaceQuery.builder(q).kind(PlaceKind.TOWN).build()).candidates().size();
                sink += exact.getOrDefault(NameKeys.fold(q), List.of()).size();
            }
        }
        int rounds = 5;
        t0 = System.nanoTime();
        for (int k = 0; k < rounds; k++) {
            for (String q : queries) {
                sink += matcher.link(PlaceQuery.builder(q).kind(PlaceKind.TOWN).build()).candidates().size();
            }
        }
        double linkMs = (System.nanoTime() - t0) / 1e6 / (rounds * (double) queries.size());
        t0 = System.nanoTime();
        for (int k = 0; k < rounds; k++) {
            for (String q : queries) {
                sink += exact.getOrDefault(NameKeys.fold(q), List.of()).size();
            }
        }
        double exactMs = (System.nanoTime() - t0) / 1e6 / (rounds * (double) queries.size());

        System.out.printf(Locale.ROOT, "gazetteer: %s, %d records%n", g.source(), g.size());
        if (rows >= 0) {
            System.out.printf(Locale.ROOT, "read only (baseline):  %8.0f ms for %d rows%n", readMs, rows);
        }
        System.out.printf(Locale.ROOT, "load and index:        %8.0f ms%s%n", loadMs,
                rows >= 0 ? String.format(Locale.ROOT, "  (%.1fx the bare read)", loadMs / readMs) : "");
        System.out.printf(Locale.ROOT, "heap retained:         %8.1f MB%n", heapMb);
        System.out.printf(Locale.ROOT, "link one name:         %8.3f ms  (%d queries x %d rounds)%n", linkMs,
                queries.size(), rounds);
        System.out.printf(Locale.ROOT, "exact hash look-up:    %8.4f ms  (baseline; link is %.0fx)%n", exactMs,
                linkMs / exactMs);
        if (sink == 42) {
            System.out.println();
        }
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
