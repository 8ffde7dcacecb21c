package org.conflictkg.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/** Which coarse sides fight on the same side ({@code alignments.tsv}). Immutable. */
public final class Alignments {
    public static final String BUNDLED = "alignments.tsv";
    private final Set<String> pairs;

    private Alignments(Set<String> pairs) {
        this.pairs = Set.copyOf(pairs);
    }

    public static Alignments bundled() {
        try (InputStream in = Alignments.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw ExtractException.failure("bundled " + BUNDLED + " missing", null);
            }
            Set<String> pairs = new HashSet<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\t");
                if (c.length != 2) {
                    throw ExtractException.badInput(BUNDLED + ":" + n + ": expected two sides separated by a tab");
                }
                pairs.add(c[0] + "|" + c[1]);
                pairs.add(c[1] + "|" + c[0]);
            }
            return new Alignments(pairs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when coarse sides {@code a} and {@code b} are one side or allied; false if either is null. */
    public boolean allied(String a, String b) {
        return a != null && b != null && (Objects.equals(a, b) || pairs.contains(a + "|" + b));
    }
}
