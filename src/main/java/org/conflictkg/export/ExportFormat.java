package org.conflictkg.export;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.conflictkg.rdf.RdfOutputLib;

/**
 * What {@code export} writes: the store as RDF (one of the {@link RdfOutputLib.Format}s), as
 * GeoJSON for GIS, or as CSV tables for spreadsheets. The format follows the output file's
 * extension when none is given; a format that contradicts the extension is bad input.
 */
public enum ExportFormat {
    TRIG(RdfOutputLib.Format.TRIG),
    TURTLE(RdfOutputLib.Format.TURTLE),
    NQUADS(RdfOutputLib.Format.NQUADS),
    NTRIPLES(RdfOutputLib.Format.NTRIPLES),
    JSONLD(RdfOutputLib.Format.JSONLD),
    /** RFC 7946 GeoJSON, one layer per file. */
    GEOJSON(null),
    /** RFC 4180 CSV, one table per file. */
    CSV(null);

    private final RdfOutputLib.Format rdf;

    ExportFormat(RdfOutputLib.Format rdf) {
        this.rdf = rdf;
    }

    /** The RDF format, or null for GeoJSON and CSV. */
    public RdfOutputLib.Format rdf() {
        return rdf;
    }

    /** The name as given on the command line. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The format a file name implies: {@code .geojson}, {@code .csv}, and every RDF extension
     * Jena knows ({@code .ttl}, {@code .trig}, {@code .nq}, {@code .nt}, {@code .jsonld}, and
     * {@code .json} for JSON-LD); null when it implies none.
     */
    public static ExportFormat forFile(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".geojson")) {
            return GEOJSON;
        }
        if (n.endsWith(".csv")) {
            return CSV;
        }
        if (n.endsWith(".json")) {
            return JSONLD;
        }
        Lang lang = RDFLanguages.filenameToLang(n);
        if (lang == null) {
            return null;
        }
        for (ExportFormat f : values()) {
            if (f.rdf != null && f.rdf.lang.equals(lang)) {
                return f;
            }
        }
        return null;
    }

    /**
     * The format to write: the one given, checked against the output file's extension; else the
     * extension's; else TriG. A mismatch ({@code -o x.geojson --format trig}) is an
     * {@link IllegalArgumentException} whose message says so.
     */
    public static ExportFormat choose(ExportFormat given, Path output) {
        ExportFormat implied = output == null ? null : forFile(output);
        if (given == null) {
            return implied != null ? implied : TRIG;
        }
        // .json alone means JSON-LD, but GeoJSON is JSON too: --format geojson -o x.json is fine.
        boolean json = given == GEOJSON && output != null && output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        if (implied != null && implied != given && !json) {
            throw new IllegalArgumentException("--format " + given.code() + " does not match the output file " + output
                    + " (its extension means " + implied.code() + "); change one of them");
        }
        return given;
    }

    /** The names, for messages. */
    public static String codes() {
        return Arrays.stream(values()).map(ExportFormat::code).collect(Collectors.joining(", "));
    }
}
