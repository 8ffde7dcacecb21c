package org.conflictkg.gazetteer;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.conflictkg.io.TsvLib;

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

    static void read(InputStream in, String source, Consumer<GeoNamesRecord> sink) {
        TsvLib.read(in, source, row -> {
            String at = row.at() + ": ";
            if (row.size() != COLUMNS) {
                throw GazetteerException.failure(at + "expected " + COLUMNS + " tab-separated columns, found " + row.size(),
                        null);
            }
            List<String> f = row.cells();
            List<String> alternates = new ArrayList<>();
            for (String a : f.get(2).split(",")) {
                if (!a.isBlank()) {
                    alternates.add(a.strip());
                }
            }
            try {
                sink.accept(new GeoNamesRecord(Long.parseLong(f.get(0)), f.get(1), f.get(1), alternates,
                        f.get(6).isEmpty() ? Double.NaN : Double.parseDouble(f.get(6)),
                        f.get(7).isEmpty() ? Double.NaN : Double.parseDouble(f.get(7)),
                        "A", f.get(3), f.get(4), f.get(5), "", 0));
            } catch (NumberFormatException e) {
                throw GazetteerException.failure(at + "bad number: " + e.getMessage(), e);
            }
        });
    }
}
