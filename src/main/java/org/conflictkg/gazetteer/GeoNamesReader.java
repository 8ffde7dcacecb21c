package org.conflictkg.gazetteer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

import org.conflictkg.io.TsvLib;

/**
 * Streams the GeoNames dump format: UTF-8, one feature per line, 19 tab-separated columns
 * (geonameid, name, asciiname, alternatenames, latitude, longitude, feature class, feature code,
 * country code, cc2, admin1..admin4 codes, population, elevation, dem, timezone, modification
 * date), as in {@code cities1000.txt}, a country file such as {@code SY.txt}, or
 * {@code allCountries.txt}. Files ending in {@code .gz} are decompressed on the fly. Blank lines and
 * lines starting with {@code #} are skipped. Memory use does not grow with the file: each record
 * is handed to the consumer and forgotten.
 *
 * <p>A malformed line stops the read with a {@link GazetteerException} (exit code 2) naming
 * {@code file:line} and what was expected.
 */
public final class GeoNamesReader {
    /** Columns in every line of a GeoNames dump. */
    public static final int COLUMNS = 19;

    private GeoNamesReader() {
    }

    /** Reads every record of {@code file} into {@code sink}; returns the number of records. */
    public static long read(Path file, Consumer<GeoNamesRecord> sink) {
        if (!Files.isRegularFile(file)) {
            throw GazetteerException.badInput(file + ": no such GeoNames file");
        }
        try (InputStream in = open(file)) {
            return read(in, file.toString(), sink);
        } catch (NoSuchFileException e) {
            throw GazetteerException.badInput(file + ": no such GeoNames file", e);
        } catch (IOException e) {
            throw GazetteerException.badInput(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads every record of {@code in} (UTF-8) into {@code sink}; {@code source} names it in errors. */
    public static long read(InputStream in, String source, Consumer<GeoNamesRecord> sink) {
        long[] count = {0};
        try {
            TsvLib.read(in, source, row -> {
                for (String cell : row.cells()) {
                    if (cell.indexOf('\uFFFD') >= 0) {
                        // malformed bytes are replaced by U+FFFD, so the error names the right line
                        throw GazetteerException.badInput(row.at() + ": not valid UTF-8");
                    }
                }
                sink.accept(parse(row));
                count[0]++;
            });
        } catch (UncheckedIOException e) {
            throw GazetteerException.badInput(e.getMessage(), e.getCause());
        }
        return count[0];
    }

    /** Parses one dump row. */
    public static GeoNamesRecord parse(TsvLib.Row row) {
        List<String> cells = row.cells();
        String last = cells.get(cells.size() - 1);
        if (!last.isEmpty() && last.charAt(last.length() - 1) == '\r') {
            cells = new ArrayList<>(cells);
            cells.set(cells.size() - 1, last.substring(0, last.length() - 1));
        }
        String[] f = cells.toArray(new String[0]);
        String at = row.at() + ": ";
        if (f.length != COLUMNS) {
            throw GazetteerException.badInput(at + "expected " + COLUMNS + " tab-separated GeoNames columns, found "
                    + f.length);
        }
        long id = parseLong(f[0], at, "geonameid", false);
        if (id <= 0) {
            throw GazetteerException.badInput(at + "geonameid must be a positive integer, found '" + f[0] + "'");
        }
        if (f[1].isEmpty()) {
            throw GazetteerException.badInput(at + "name (column 2) is empty");
        }
        double lat = parseDouble(f[4], at, "latitude", -90, 90);
        double lon = parseDouble(f[5], at, "longitude", -180, 180);
        long population = parseLong(f[14], at, "population", true);
        List<String> alternates = new ArrayList<>();
        if (!f[3].isEmpty()) {
            for (String a : f[3].split(",")) {
                String s = a.strip();
                if (!s.isEmpty()) {
                    alternates.add(s);
                }
            }
        }
        return new GeoNamesRecord(id, f[1], f[2].isEmpty() ? f[1] : f[2], alternates, lat, lon, f[6], f[7], f[8],
                f[10], f[11], population);
    }

    private static long parseLong(String s, String at, String column, boolean emptyIsZero) {
        if (s.isEmpty() && emptyIsZero) {
            return 0;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw GazetteerException.badInput(at + column + " must be an integer, found '" + s + "'", e);
        }
    }

    private static double parseDouble(String s, String at, String column, double min, double max) {
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw GazetteerException.badInput(at + column + " must be a decimal number, found '" + s + "'", e);
        }
        if (!(v >= min && v <= max)) {
            throw GazetteerException.badInput(at + column + " out of range [" + (int) min + ", " + (int) max + "]: " + s);
        }
        return v;
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }
}
