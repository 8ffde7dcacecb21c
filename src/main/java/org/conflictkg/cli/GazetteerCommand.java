package org.conflictkg.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.conflictkg.facts.PlaceKind;
import org.conflictkg.gazetteer.Candidate;
import org.conflictkg.gazetteer.Gazetteer;
import org.conflictkg.gazetteer.GeoNamesRecord;
import org.conflictkg.gazetteer.PlaceMatcher;
import org.conflictkg.gazetteer.PlaceQuery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gazetteer}: look-ups in the GeoNames gazetteer. */
@Command(name = "gazetteer", description = "Look up places in the GeoNames gazetteer.",
        mixinStandardHelpOptions = true,
        subcommands = {GazetteerCommand.Search.class})
public final class GazetteerCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (search)");
    }

    /** Output formats of {@code gazetteer search}. */
    public enum Format { TABLE, CSV, JSON }

    /** {@code --format} values, for help and completion. */
    static final class Formats extends Candidates {
        Formats() {
            super(Format.class);
        }
    }

    /** The columns of {@code gazetteer search} in csv, table and json output, in order. */
    static final List<String> COLUMNS = List.of("geonamesId", "name", "featureCode", "country", "admin1", "lat",
            "long", "population", "score");

    /** {@code gazetteer search NAME}: ranked GeoNames candidates for a name. */
    @Command(name = "search", mixinStandardHelpOptions = true,
            description = {"Ranked GeoNames candidates for a place name.",
                    "Spelling variants (Saraqeb/Saraqib, Idleb/Idlib, al-/as-/ash- articles) match alike.",
                    "Uses the bundled GeoNames extract (CC BY 4.0) unless --geonames names a dump."})
    public static final class Search extends KgCommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "The place name, in any script.")
        String name;

        @Option(names = "--country", paramLabel = "CC", description = "ISO 3166 alpha-2 country code to prefer.")
        String country;

        @Option(names = "--province", paramLabel = "NAME|CODE",
                description = "The province the place is in: a name (Idlib, Kharkiv region) or a GeoNames admin1 code.")
        String province;

        @Option(names = "--kind", paramLabel = "KIND", converter = Candidates.PlaceKinds.class,
                completionCandidates = Candidates.PlaceKinds.class,
                description = "Kind of place: ${COMPLETION-CANDIDATES}.")
        PlaceKind kind;

        @Mixin
        GeoNamesOption geonames = new GeoNamesOption();

        @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "At most N rows (default 10).")
        int limit;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
                completionCandidates = Formats.class,
                description = "${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}")
        Format format;

        @Override
        public Integer call() {
            if (limit < 1) {
                throw usage("--limit must be at least 1: " + limit);
            }
            if (country != null && !country.matches("[A-Za-z]{2}")) {
                throw usage(
                        "--country must be a two-letter ISO 3166 code: " + country);
            }
            PlaceKind placeKind = kind;
            Gazetteer gazetteer = geonames.gazetteer();
            List<Candidate> ranked = new PlaceMatcher(gazetteer)
                    .rank(PlaceQuery.builder(name).country(country).admin1(province).kind(placeKind).build());
            List<Candidate> rows = ranked.subList(0, Math.min(limit, ranked.size()));
            PrintWriter out = out();
            switch (format) {
                case CSV -> writeCsv(rows, out);
                case JSON -> writeJson(rows, out);
                default -> writeTable(rows, out);
            }
            out.flush();
            return 0;
        }
    }

    static List<String> cells(Candidate c) {
        GeoNamesRecord r = c.record();
        List<String> cells = new ArrayList<>(COLUMNS.size());
        cells.add(Long.toString(r.id()));
        cells.add(r.name());
        cells.add(r.featureCode());
        cells.add(r.countryCode());
        cells.add(r.admin1());
        cells.add(Double.isNaN(r.latitude()) ? "" : Double.toString(r.latitude()));
        cells.add(Double.isNaN(r.longitude()) ? "" : Double.toString(r.longitude()));
        cells.add(Long.toString(r.population()));
        cells.add(String.format(Locale.ROOT, "%.3f", c.score()));
        return cells;
    }

    /** RFC 4180 (commons-csv): a header row, fields quoted where needed, CRLF line ends. */
    static void writeCsv(List<Candidate> rows, PrintWriter out) {
        try {
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180);
            csv.printRecord(COLUMNS);
            for (Candidate c : rows) {
                csv.printRecord(cells(c));
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeJson(List<Candidate> rows, PrintWriter out) {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode array = mapper.createArrayNode();
        for (Candidate c : rows) {
            GeoNamesRecord r = c.record();
            ObjectNode o = array.addObject();
            o.put("geonamesId", r.id());
            o.put("name", r.name());
            o.put("featureCode", r.featureCode());
            o.put("country", r.countryCode());
            o.put("admin1", r.admin1());
            if (Double.isNaN(r.latitude())) {
                o.putNull("lat");
                o.putNull("long");
            } else {
                o.put("lat", r.latitude());
                o.put("long", r.longitude());
            }
            o.put("population", r.population());
            o.put("score", Math.round(c.score() * 1000) / 1000.0);
        }
        try {
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(array));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void writeTable(List<Candidate> rows, PrintWriter out) {
        List<List<String>> table = new ArrayList<>();
        table.add(COLUMNS);
        for (Candidate c : rows) {
            table.add(cells(c));
        }
        int[] width = new int[COLUMNS.size()];
        for (List<String> row : table) {
            for (int i = 0; i < row.size(); i++) {
                width[i] = Math.max(width[i], row.get(i).codePointCount(0, row.get(i).length()));
            }
        }
        for (List<String> row : table) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                b.append(cell);
                if (i < row.size() - 1) {
                    b.append(" ".repeat(width[i] - cell.codePointCount(0, cell.length()) + 2));
                }
            }
            out.println(b);
        }
        if (rows.isEmpty()) {
            out.println("(no candidates)");
        }
    }
}
