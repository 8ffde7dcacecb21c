package org.conflictkg.gazetteer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the hand-written file of countries and first-level regions
 * ({@value Gazetteer#BUNDLED_REGIONS}): tab-separated geonameid, name, alternate names
 * (comma-separated), feature code (PCLI, ADM1, ...), country code, admin1 code, latitude,
 * longitude; {@code #} starts a comment line. Empty coordinates become NaN (the gazetteer fills
 * them in). All rows are of feature class A.
 */
final class AdminRegions {
    private static final int COLUMNS = 8;

    private AdminRegions() {
    }

    static void readBundled(Consumer<GeoNamesRecord> sink) {
        try (InputStream in = AdminRegions.class.getResourceAsStream(Gazetteer.BUNDLED_REGIONS)) {
            if (in == null) {
                throw GazetteerException.failure("bundled regions " + Gazetteer.BUNDLED_REGIONS + " missing from the jar",
                        null);
            }
            read(in, Gazetteer.BUNDLED_REGIONS, sink);
        } catch (IOException e) {
            throw GazetteerException.failure("cannot read " + Gazetteer.BUNDLED_REGIONS + ": " + e.getMessage(), e);
        }
    }

    static void read(InputStream in, String source, Consumer<GeoNamesRecord> sink) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int lineNo = 0;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            String at = source + ":" + lineNo + ": ";
            if (f.length != COLUMNS) {
                throw GazetteerException.failure(at + "expected " + COLUMNS + " tab-separated columns, found " + f.length,
                        null);
            }
            List<String> alternates = new ArrayList<>();
            for (String a : f[2].split(",")) {
                if (!a.isBlank()) {
                    alternates.add(a.strip());
                }
            }
            try {
                sink.accept(new GeoNamesRecord(Long.parseLong(f[0]), f[1], f[1], alternates,
                        f[6].isEmpty() ? Double.NaN : Double.parseDouble(f[6]),
                        f[7].isEmpty() ? Double.NaN : Double.parseDouble(f[7]),
                        "A", f[3], f[4], f[5], "", 0));
            } catch (NumberFormatException e) {
                throw GazetteerException.failure(at + "bad number: " + e.getMessage(), e);
            }
        }
    }
}
