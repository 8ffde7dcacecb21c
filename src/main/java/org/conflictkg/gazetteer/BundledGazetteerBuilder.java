package org.conflictkg.gazetteer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.csv.CSVPrinter;
import org.conflictkg.io.TsvLib;
import org.conflictkg.names.NameKeys;

/**
 * Rebuilds the bundled gazetteer ({@value Gazetteer#BUNDLED_CITIES}) from a GeoNames
 * {@code cities1000.txt}: every row is kept, in the dump's 19-column format, with the columns
 * linking never reads (cc2, admin3, admin4, elevation, dem, timezone, modification date) emptied,
 * and alternate names reduced to one spelling per folded form (what the index keys on, so matching
 * is unchanged). The output is gzipped and deterministic for a given input.
 *
 * <p>Usage: {@code java -cp conflict-kg.jar org.conflictkg.gazetteer.BundledGazetteerBuilder
 * cities1000.txt src/main/resources/org/conflictkg/gazetteer/geonames-cities1000.txt.gz}
 * (or {@code scripts/build-gazetteer.sh cities1000.txt}).
 */
public final class BundledGazetteerBuilder {
    private BundledGazetteerBuilder() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: BundledGazetteerBuilder CITIES1000.txt OUTPUT.txt.gz");
            System.exit(2);
        }
        try {
            long[] counts = build(Path.of(args[0]), Path.of(args[1]));
            System.err.printf("wrote %s: %d records, %d alternate names kept of %d, %d bytes%n", args[1], counts[0],
                    counts[1], counts[2], Files.size(Path.of(args[1])));
        } catch (GazetteerException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(e.exitCode());
        } catch (IOException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Writes the extract; returns {records, alternate names kept, alternate names read}. */
    public static long[] build(Path input, Path output) throws IOException {
        Path tmp = output.resolveSibling(output.getFileName() + ".tmp");
        long[] counts = new long[3];
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp), 1 << 16);
             BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
             CSVPrinter tsv = TsvLib.printer(w)) {
            GeoNamesReader.read(input, r -> {
                List<String> alts = reduceAlternates(r);
                counts[0]++;
                counts[1] += alts.size();
                counts[2] += r.alternateNames().size();
                try {
                    tsv.printRecord(cells(r, alts));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            Files.deleteIfExists(tmp);
            throw e.getCause();
        } catch (RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return counts;
    }

    /** One spelling per folded form, in the dump's order, without those equal to the name. */
    static List<String> reduceAlternates(GeoNamesRecord r) {
        Set<String> seen = new HashSet<>();
        seen.add(form(r.name()));
        seen.add(form(r.asciiName()));
        List<String> kept = new ArrayList<>();
        for (String a : r.alternateNames()) {
            if (a.indexOf(',') < 0 && a.indexOf('\t') < 0 && seen.add(form(a))) {
                kept.add(a);
            }
        }
        return kept;
    }

    private static String form(String name) {
        return NameKeys.isLatinScript(name) ? NameKeys.fold(name) : "\u0000" + NameKeys.scriptKey(name);
    }

    private static String[] cells(GeoNamesRecord r, List<String> alts) {
        String[] f = new String[GeoNamesReader.COLUMNS];
        java.util.Arrays.fill(f, "");
        f[0] = Long.toString(r.id());
        f[1] = r.name();
        f[2] = r.asciiName();
        f[3] = String.join(",", alts);
        f[4] = coordinate(r.latitude());
        f[5] = coordinate(r.longitude());
        f[6] = r.featureClass();
        f[7] = r.featureCode();
        f[8] = r.countryCode();
        f[10] = r.admin1();
        f[11] = r.admin2();
        f[14] = Long.toString(r.population());
        return f;
    }

    private static String coordinate(double v) {
        String s = java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        return s;
    }
}
