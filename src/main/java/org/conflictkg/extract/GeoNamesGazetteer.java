package org.conflictkg.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.conflictkg.facts.PlaceKind;

/**
 * A {@link PlaceResolver} over a GeoNames dump (the standard 19-column tab-separated format, e.g.
 * {@code cities1000.txt}). Names and alternate names are indexed by {@link PlaceKeys#key}; a name
 * matches exactly, or within one edit for keys of seven letters or more. Candidates rank by match
 * (exact first), by the article's countries, by feature code (capital, admin seat) and population.
 * The bundled default is an extract of GeoNames cities1000 for Syria, Ukraine, Iraq, Lebanon and
 * Jordan (GeoNames, CC BY 4.0).
 */
public final class GeoNamesGazetteer implements PlaceResolver {
    /** The bundled extract, a classpath resource. */
    public static final String BUNDLED = "gazetteer-extract.txt";

    private record Entry(String id, String name, String featureCode, String country, String admin1, long population) {
    }

    private final Map<String, List<Entry>> byKey = new HashMap<>();
    /** Deletion neighbourhood: each key and each key with one letter deleted, to the full keys. */
    private final Map<String, Set<String>> byDeletion = new HashMap<>();

    private GeoNamesGazetteer() {
    }

    /** The bundled extract. */
    public static GeoNamesGazetteer bundled() {
        try (InputStream in = GeoNamesGazetteer.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw ExtractException.failure("bundled gazetteer " + BUNDLED + " missing from the classpath", null);
            }
            return load(in, BUNDLED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads a GeoNames dump file. */
    public static GeoNamesGazetteer load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        } catch (IOException e) {
            throw ExtractException.badInput(file + ": cannot read gazetteer (" + e.getMessage() + ")");
        }
    }

    static GeoNamesGazetteer load(InputStream in, String source) throws IOException {
        GeoNamesGazetteer g = new GeoNamesGazetteer();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t", -1);
            if (c.length < 15) {
                throw ExtractException.badInput(source + ":" + n + ": expected 19 tab-separated GeoNames columns, found "
                        + c.length);
            }
            if (!"P".equals(c[6])) {
                continue;
            }
            long pop = c[14].isEmpty() ? 0 : Long.parseLong(c[14]);
            Entry e = new Entry(c[0], c[1], c[7], c[8], c[10], pop);
            Set<String> keys = new HashSet<>();
            keys.add(PlaceKeys.key(c[1]));
            keys.add(PlaceKeys.key(c[2]));
            if (!c[3].isEmpty()) {
                for (String alt : c[3].split(",")) {
                    keys.add(PlaceKeys.key(alt));
                }
            }
            for (String k : keys) {
                if (k.length() < 3) {
                    continue;
                }
                g.byKey.computeIfAbsent(k, x -> new ArrayList<>(2)).add(e);
                g.byDeletion.computeIfAbsent(k, x -> new HashSet<>(2)).add(k);
                if (k.length() >= 7) {
                    for (int i = 0; i < k.length(); i++) {
                        String d = k.substring(0, i) + k.substring(i + 1);
                        g.byDeletion.computeIfAbsent(d, x -> new HashSet<>(2)).add(k);
                    }
                }
            }
        }
        return g;
    }

    @Override
    public Optional<ResolvedPlace> resolve(String name, Set<String> countries) {
        String k = PlaceKeys.keyAscii(name);
        if (k.length() < 3) {
            return Optional.empty();
        }
        List<Entry> exact = byKey.getOrDefault(k, List.of());
        Optional<Entry> best = best(exact, countries);
        if (best.isEmpty() && k.length() >= 7) {
            Set<String> near = new HashSet<>();
            collect(k, near);
            for (int i = 0; i < k.length(); i++) {
                collect(k.substring(0, i) + k.substring(i + 1), near);
            }
            List<Entry> fuzzy = new ArrayList<>();
            for (String cand : near) {
                if (PlaceKeys.distance(k, cand, 1) <= 1) {
                    fuzzy.addAll(byKey.get(cand));
                }
            }
            // a fuzzy match must be a notable place in one of the article's countries
            fuzzy.removeIf(e -> !countries.contains(e.country) || rank(e.featureCode) < 2 && e.population < 5000);
            best = best(fuzzy, countries);
        }
        return best.map(e -> new ResolvedPlace(e.id, e.name, kindOf(e), e.admin1, e.country));
    }

    private void collect(String deletionKey, Set<String> into) {
        Set<String> s = byDeletion.get(deletionKey);
        if (s != null) {
            into.addAll(s);
        }
    }

    private static Optional<Entry> best(List<Entry> entries, Set<String> countries) {
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        List<String> order = new ArrayList<>(countries);
        return entries.stream().min(Comparator
                .comparingInt((Entry e) -> order.contains(e.country) ? order.indexOf(e.country) : 99)
                .thenComparingInt(e -> -rank(e.featureCode))
                .thenComparingLong(e -> -e.population));
    }

    private static int rank(String featureCode) {
        return switch (featureCode) {
            case "PPLC" -> 5;
            case "PPLA" -> 4;
            case "PPLA2" -> 3;
            case "PPLA3" -> 2;
            case "PPLA4" -> 1;
            default -> 0;
        };
    }

    private static PlaceKind kindOf(Entry e) {
        if (e.featureCode.equals("PPLC") || e.featureCode.equals("PPLA") || e.population >= 100_000) {
            return PlaceKind.CITY;
        }
        if (e.population >= 5_000 || e.featureCode.startsWith("PPLA")) {
            return PlaceKind.TOWN;
        }
        return PlaceKind.VILLAGE;
    }
}
