package org.conflictkg.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which coarse sides fight on the same side ({@code alignments.tsv}) and, as a last resort, the
 * usual adversary of a side in a country's war ({@code adversaries.tsv}). Immutable.
 */
public final class Alignments {
    public static final String BUNDLED = "alignments.tsv";
    public static final String ADVERSARIES = "adversaries.tsv";
    private final Set<String> pairs;
    private final Map<String, String> adversaries;

    private Alignments(Set<String> pairs, Map<String, String> adversaries) {
        this.pairs = Set.copyOf(pairs);
        this.adversaries = Map.copyOf(adversaries);
    }

    public static Alignments bundled() {
        Set<String> pairs = new HashSet<>();
        for (String[] c : rows(BUNDLED, 2)) {
            pairs.add(c[0] + "|" + c[1]);
            pairs.add(c[1] + "|" + c[0]);
        }
        Map<String, String> adversaries = new HashMap<>();
        for (String[] c : rows(ADVERSARIES, 3)) {
            adversaries.put(c[0] + "|" + c[1], c[2]);
        }
        return new Alignments(pairs, adversaries);
    }

    private static List<String[]> rows(String resource, int columns) {
        try (InputStream in = Alignments.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw ExtractException.failure("bundled " + resource + " missing", null);
            }
            List<String[]> out = new ArrayList<>();
            DataFiles.rows(in, resource, columns, (cells, where) -> out.add(cells));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The usual adversary (an actor id) of coarse side {@code side} in {@code country}, or null. */
    public String adversary(String country, String side) {
        String a = adversaries.get(country + "|" + side);
        return a != null ? a : adversaries.get("*|" + side);
    }

    /** True when coarse sides {@code a} and {@code b} are one side or allied; false if either is null. */
    public boolean allied(String a, String b) {
        return a != null && b != null && (Objects.equals(a, b) || pairs.contains(a + "|" + b));
    }
}
