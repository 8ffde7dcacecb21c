package org.conflictkg.gazetteer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.conflictkg.names.NameKeys;

/**
 * An in-memory name index over GeoNames records. Every name of a record (name, ASCII name and
 * alternate names) is indexed under its {@link NameKeys#key} skeleton; names in other scripts
 * are indexed under their exact {@link NameKeys#scriptKey}. {@link #lookup} returns each matching
 * record once with its best name similarity. Immutable and thread-safe once built.
 *
 * <p>Sources: {@link #bundled()} is the extract shipped in the jar (GeoNames cities1000 plus a small
 * hand-written file of countries and first-level regions); {@link #load(Path)} reads any GeoNames
 * dump and adds those bundled regions that the dump lacks (cities1000 and country files have no
 * ADM1 rows), so that provinces can still be named.
 */
public final class Gazetteer {
    /** Classpath resource of the bundled cities extract (GeoNames dump format, gzipped). */
    public static final String BUNDLED_CITIES = "/org/conflictkg/gazetteer/geonames-cities1000.txt.gz";
    /** Classpath resource of the hand-written countries and first-level regions. */
    public static final String BUNDLED_REGIONS = "/org/conflictkg/gazetteer/admin-regions.tsv";

    private static volatile Gazetteer bundled;

    private final String source;
    private final List<GeoNamesRecord> records;
    private final Map<Long, Integer> byId;
    private final Map<String, long[]> keyIndex;
    private final Map<String, long[]> scriptIndex;
    private final Map<Character, String[]> keysByFirst;
    /**
     * For each first character, the indexes into {@link #keysByFirst}'s array of its keys of each
     * length, ascending: a fuzzy lookup visits only keys one letter longer or shorter, in the same order.
     */
    private final Map<Character, int[][]> keysByFirstAndLength;
    private final Map<String, Integer> admin1Index;
    private final Map<String, Integer> countryIndex;

    private Gazetteer(Builder b) {
        this.source = b.source;
        this.records = List.copyOf(b.records);
        this.byId = b.byId;
        this.keyIndex = b.keyIndex;
        this.scriptIndex = b.scriptIndex;
        this.admin1Index = b.admin1Index;
        this.countryIndex = b.countryIndex;
        Map<Character, List<String>> groups = new HashMap<>();
        for (String k : keyIndex.keySet()) {
            if (!k.isEmpty()) {
                groups.computeIfAbsent(k.charAt(0), c -> new ArrayList<>()).add(k);
            }
        }
        Map<Character, String[]> first = new HashMap<>();
        groups.forEach((c, l) -> first.put(c, l.toArray(new String[0])));
        this.keysByFirst = first;
        Map<Character, int[][]> byLength = new HashMap<>();
        first.forEach((c, keys) -> {
            int max = 0;
            for (String k : keys) {
                max = Math.max(max, k.length());
            }
            int[] counts = new int[max + 1];
            for (String k : keys) {
                counts[k.length()]++;
            }
            int[][] idx = new int[max + 1][];
            for (int len = 0; len <= max; len++) {
                idx[len] = new int[counts[len]];
                counts[len] = 0;
            }
            for (int i = 0; i < keys.length; i++) {
                int len = keys[i].length();
                idx[len][counts[len]++] = i;
            }
            byLength.put(c, idx);
        });
        this.keysByFirstAndLength = byLength;
    }

    /** The gazetteer shipped in the jar; loaded once, on first use. */
    public static Gazetteer bundled() {
        Gazetteer g = bundled;
        if (g == null) {
            synchronized (Gazetteer.class) {
                g = bundled;
                if (g == null) {
                    g = loadBundled();
                    bundled = g;
                }
            }
        }
        return g;
    }

    private static Gazetteer loadBundled() {
        Builder b = builder().source("bundled GeoNames extract");
        try (InputStream raw = Gazetteer.class.getResourceAsStream(BUNDLED_CITIES)) {
            if (raw == null) {
                throw GazetteerException.failure("bundled gazetteer " + BUNDLED_CITIES + " is missing from the jar", null);
            }
            GeoNamesReader.read(new GZIPInputStream(raw, 1 << 16), BUNDLED_CITIES, b::add);
        } catch (IOException e) {
            throw GazetteerException.failure("cannot read bundled gazetteer: " + e.getMessage(), e);
        }
        b.addBundledRegions();
        return b.build();
    }

    /** Reads a GeoNames dump (plain or .gz) and adds the bundled regions it lacks. */
    public static Gazetteer load(Path dump) {
        Builder b = builder().source(dump.toString());
        GeoNamesReader.read(dump, b::add);
        b.addBundledRegions();
        return b.build();
    }

    /** The bundled gazetteer when {@code dump} is null, else {@link #load(Path)}. */
    public static Gazetteer open(Path dump) {
        return dump == null ? bundled() : load(dump);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Where the records came from (a file name or "bundled GeoNames extract"). */
    public String source() {
        return source;
    }

    public int size() {
        return records.size();
    }

    public Optional<GeoNamesRecord> byId(long id) {
        Integer i = byId.get(id);
        return i == null ? Optional.empty() : Optional.of(records.get(i));
    }

    /** The first-level region {@code admin1} of country {@code countryCode}, if known. */
    public Optional<GeoNamesRecord> admin1(String countryCode, String admin1) {
        if (countryCode == null || admin1 == null) {
            return Optional.empty();
        }
        Integer i = admin1Index.get(countryCode + "." + admin1);
        return i == null ? Optional.empty() : Optional.of(records.get(i));
    }

    /** The country row (A.PCL*) for an ISO 3166 alpha-2 code, if known. */
    public Optional<GeoNamesRecord> country(String countryCode) {
        Integer i = countryCode == null ? null : countryIndex.get(countryCode);
        return i == null ? Optional.empty() : Optional.of(records.get(i));
    }

    /** A record whose name matched a query, with the matching name and its similarity in [0,1]. */
    public record NameHit(GeoNamesRecord record, String matchedName, double similarity) {
    }

    /**
     * Records with a name matching {@code name}, best similarity first, each record once. Exact
     * skeleton matches come first; when there are none, keys one edit away (for keys of four letters
     * or more) are tried. Names in a non-Latin script also match exactly in their own script.
     */
    public List<NameHit> lookup(String name) {
        return lookup(name, true);
    }

    /**
     * The hits of {@link #lookup} that match by key (or, in a non-Latin script, exactly), without
     * the keys one edit away: equal to {@code lookup(name)} whenever it is not empty, and it is
     * empty when every hit of {@code lookup(name)} would be a fuzzy one (similarity at most 0.7).
     * For callers that accept only near-exact names and can skip the costlier fuzzy search.
     */
    public List<NameHit> lookupExact(String name) {
        return lookup(name, false);
    }

    private List<NameHit> lookup(String name, boolean fuzzy) {
        String folded = NameKeys.fold(name);
        String qn = NameKeys.normalizeFolded(folded);
        String qk = NameKeys.skeleton(qn);
        Map<Integer, NameHit> hits = new LinkedHashMap<>();
        if (!qk.isEmpty()) {
            collect(keyIndex.get(qk), qn, false, hits);
        }
        if (name != null && !NameKeys.isLatinScript(name)) {
            long[] p = scriptIndex.get(NameKeys.scriptKey(name));
            if (p != null) {
                for (int j = 1; j <= p[0]; j++) {
                    int rec = (int) (p[j] >>> 16);
                    hits.put(rec, new NameHit(records.get(rec), nameAt(records.get(rec), (int) (p[j] & 0xffff)), 1.0));
                }
            }
        }
        if (fuzzy && hits.isEmpty() && qk.length() >= 4) {
            String[] keys = keysByFirst.getOrDefault(qk.charAt(0), new String[0]);
            int[][] byLength = keysByFirstAndLength.getOrDefault(qk.charAt(0), new int[0][]);
            int[] shorter = lengthBucket(byLength, qk.length() - 1);
            int[] same = lengthBucket(byLength, qk.length());
            int[] longer = lengthBucket(byLength, qk.length() + 1);
            // the three buckets merged in key order: the order of the hits is that of a scan of all keys
            int a = 0;
            int b = 0;
            int c = 0;
            while (a < shorter.length || b < same.length || c < longer.length) {
                int i = Math.min(a < shorter.length ? shorter[a] : Integer.MAX_VALUE,
                        Math.min(b < same.length ? same[b] : Integer.MAX_VALUE, c < longer.length ? longer[c] : Integer.MAX_VALUE));
                if (a < shorter.length && shorter[a] == i) {
                    a++;
                } else if (b < same.length && same[b] == i) {
                    b++;
                } else {
                    c++;
                }
                String k = keys[i];
                if (withinOneEdit(qk, k)) {
                    collect(keyIndex.get(k), qn, true, hits);
                }
            }
        }
        List<NameHit> out = new ArrayList<>(hits.values());
        out.sort(Comparator.comparingDouble(NameHit::similarity).reversed()
                .thenComparing(h -> -h.record().population()));
        return out;
    }

    private static int[] lengthBucket(int[][] byLength, int length) {
        return length >= 0 && length < byLength.length ? byLength[length] : new int[0];
    }

    private void collect(long[] postings, String qn, boolean fuzzy, Map<Integer, NameHit> hits) {
        if (postings == null) {
            return;
        }
        for (int j = 1; j <= postings[0]; j++) {
            int rec = (int) (postings[j] >>> 16);
            GeoNamesRecord r = records.get(rec);
            String matched = nameAt(r, (int) (postings[j] & 0xffff));
            double sim = similarity(qn, NameKeys.normalize(matched), fuzzy);
            NameHit old = hits.get(rec);
            if (old == null || old.similarity() < sim) {
                hits.put(rec, new NameHit(r, matched, sim));
            }
        }
    }

    /**
     * Similarity of two normalised names that share a key (or, if {@code fuzzy}, keys one edit
     * apart): 1 when equal (0.7 when fuzzy), 0.97 when equal but for spacing, else
     * {@code 0.55 + 0.45 * (1 - editDistance / length)} ({@code 0.4 + ...} when fuzzy), less 0.1
     * when the words do not line up (the skeletons differ once word breaks are kept).
     */
    static double similarity(String qn, String nn, boolean fuzzy) {
        if (qn.equals(nn)) {
            return fuzzy ? 0.7 : 1.0;
        }
        String a = qn.replace(" ", "");
        String b = nn.replace(" ", "");
        if (a.equals(b)) {
            return fuzzy ? 0.7 : 0.97;
        }
        double ratio = Math.max(0, 1.0 - (double) levenshtein(a, b) / Math.max(a.length(), b.length()));
        double sim = (fuzzy ? 0.4 : 0.55) + 0.45 * ratio;
        if (!wordSkeleton(qn).equals(wordSkeleton(nn))) {
            sim -= 0.1;
        }
        return Math.max(0, Math.min(fuzzy ? 0.7 : 0.96, sim));
    }

    private static String wordSkeleton(String normalized) {
        StringBuilder b = new StringBuilder();
        for (String w : normalized.split(" ")) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(NameKeys.skeleton(w));
        }
        return b.toString();
    }

    static String nameAt(GeoNamesRecord r, int index) {
        if (index == 0) {
            return r.name();
        }
        if (index == 1) {
            return r.asciiName();
        }
        return r.alternateNames().get(index - 2);
    }

    static int levenshtein(String a, String b) {
        return org.conflictkg.names.NameFolding.editDistance(a, b);
    }

    /** True when {@code a} and {@code b} are at most one insertion, deletion or substitution apart. */
    static boolean withinOneEdit(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1) {
            return false;
        }
        if (la > lb) {
            return withinOneEdit(b, a);
        }
        int i = 0;
        while (i < la && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (i == la) {
            return true;
        }
        if (la == lb) {
            return a.regionMatches(i + 1, b, i + 1, la - i - 1);
        }
        return a.regionMatches(i, b, i + 1, la - i);
    }

    /** Collects records, then {@link #build()}s the index. Not thread-safe. */
    public static final class Builder {
        private String source = "GeoNames";
        private final List<GeoNamesRecord> records = new ArrayList<>();
        private final Map<Long, Integer> byId = new HashMap<>();
        private final Map<String, long[]> keyIndex = new HashMap<>();
        private final Map<String, long[]> scriptIndex = new HashMap<>();
        private final Map<String, Integer> admin1Index = new HashMap<>();
        private final Map<String, Integer> countryIndex = new HashMap<>();
        private final Map<String, double[]> centroids = new HashMap<>();
        private final List<Integer> needCoordinates = new ArrayList<>();
        private boolean built;

        private Builder() {
        }

        public Builder source(String source) {
            this.source = source;
            return this;
        }

        /** Adds a record; a second record with an id already present is ignored. */
        public Builder add(GeoNamesRecord r) {
            if (built) {
                throw new IllegalStateException("already built");
            }
            if (byId.containsKey(r.id())) {
                return this;
            }
            int index = records.size();
            if (index >= (1 << 30) || 2 + r.alternateNames().size() > 0xffff) {
                throw GazetteerException.badInput("GeoNames record " + r.id() + " has too many names to index");
            }
            records.add(r);
            byId.put(r.id(), index);
            Set<String> seen = new HashSet<>();
            int n = 2 + r.alternateNames().size();
            for (int i = 0; i < n; i++) {
                String name = nameAt(r, i);
                if (NameKeys.isLatinScript(name)) {
                    // one posting per distinct normalised form, so the scorer sees each spelling
                    String normalized = NameKeys.normalize(name);
                    String key = NameKeys.skeleton(normalized);
                    if (!key.isEmpty() && seen.add(normalized)) {
                        post(keyIndex, key, index, i);
                    }
                } else {
                    String key = NameKeys.scriptKey(name);
                    if (!key.isEmpty() && seen.add("\u0000" + key)) {
                        post(scriptIndex, key, index, i);
                    }
                }
            }
            if (r.isAdmin1() && !r.admin1().isEmpty()) {
                admin1Index.putIfAbsent(r.countryCode() + "." + r.admin1(), index);
            }
            if (r.isCountry() && !r.countryCode().isEmpty()) {
                countryIndex.putIfAbsent(r.countryCode(), index);
            }
            if ("P".equals(r.featureClass()) && !Double.isNaN(r.latitude())) {
                accumulate(r.countryCode(), r);
                accumulate(r.countryCode() + "." + r.admin1(), r);
            }
            if (Double.isNaN(r.latitude()) || Double.isNaN(r.longitude())) {
                needCoordinates.add(index);
            }
            return this;
        }

        private void accumulate(String key, GeoNamesRecord r) {
            double[] c = centroids.computeIfAbsent(key, k -> new double[3]);
            c[0] += r.latitude();
            c[1] += r.longitude();
            c[2] += 1;
        }

        private static void post(Map<String, long[]> index, String key, int record, int name) {
            long v = ((long) record << 16) | name;
            long[] p = index.get(key);
            if (p == null) {
                index.put(key, new long[] {1, v});
                return;
            }
            int size = (int) p[0];
            if (size + 1 >= p.length) {
                p = Arrays.copyOf(p, p.length * 2);
                index.put(key, p);
            }
            p[size + 1] = v;
            p[0] = size + 1;
        }

        /** Adds the bundled countries and first-level regions whose ids are not yet present. */
        public Builder addBundledRegions() {
            AdminRegions.readBundled(this::add);
            return this;
        }

        /**
         * Builds the index. Records without coordinates (hand-written regions) get the mean position
         * of the populated places in their region or country, when there are any.
         */
        public Gazetteer build() {
            built = true;
            for (int i : needCoordinates) {
                GeoNamesRecord r = records.get(i);
                String key = r.isCountry() ? r.countryCode() : r.countryCode() + "." + r.admin1();
                double[] c = centroids.get(key);
                if (c != null && c[2] > 0) {
                    records.set(i, new GeoNamesRecord(r.id(), r.name(), r.asciiName(), r.alternateNames(),
                            round5(c[0] / c[2]), round5(c[1] / c[2]), r.featureClass(), r.featureCode(), r.countryCode(),
                            r.admin1(), r.admin2(), r.population()));
                }
            }
            for (Map.Entry<String, long[]> e : keyIndex.entrySet()) {
                long[] p = e.getValue();
                if (p.length > p[0] + 1) {
                    e.setValue(Arrays.copyOf(p, (int) p[0] + 1));
                }
            }
            centroids.clear();
            return new Gazetteer(this);
        }
    }

    private static double round5(double v) {
        return Math.round(v * 1e5) / 1e5;
    }

    /** For tests: the records in insertion order. */
    List<GeoNamesRecord> records() {
        return Collections.unmodifiableList(records);
    }
}
