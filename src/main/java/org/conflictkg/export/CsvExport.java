package org.conflictkg.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.engine.binding.Binding;
import org.conflictkg.geojson.GeoLib;
import org.locationtech.jts.geom.Geometry;

import static org.conflictkg.export.ExportReader.local;
import static org.conflictkg.export.ExportReader.text;

/**
 * Writes tables for spreadsheets (RFC 4180 CSV, UTF-8, with a header row; commons-csv):
 * {@link ExportLayer#EVENTS} is the control changes in the columns of ACLED's event data,
 * {@link ExportLayer#FIGURES} the reported figures. Values are labels, not IRIs. The events are
 * read place by place and the figures article by article. The mapping of each column is in
 * docs/exports.md.
 */
public final class CsvExport {
    /** The events table's columns, named as in ACLED's data. */
    public static final List<String> EVENT_COLUMNS = List.of("event_id_cnty", "event_date", "time_precision",
            "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1", "location", "latitude",
            "longitude", "geo_precision", "source", "notes", "fatalities");

    /** The figures table's columns. */
    public static final List<String> FIGURE_COLUMNS = List.of("figure_id", "article", "measure", "value", "low", "high",
            "qualifier", "unit", "group", "location", "latitude", "longitude", "source", "as_of", "period_start",
            "period_end", "notes");

    /** What an export wrote. */
    public record Summary(ExportLayer layer, long rows) {}

    private final ExportReader reader;
    private final ExportProgress progress;

    public CsvExport(ExportReader reader, ExportProgress progress) {
        this.reader = reader;
        this.progress = progress;
    }

    /** Writes {@code layer} ({@link ExportLayer#EVENTS} or {@link ExportLayer#FIGURES}) to {@code out}. */
    public Summary write(ExportLayer layer, OutputStream out) {
        if (!layer.supports(ExportFormat.CSV)) {
            throw new IllegalArgumentException("layer " + layer.code() + " is not a CSV layer");
        }
        List<String> columns = layer == ExportLayer.EVENTS ? EVENT_COLUMNS : FIGURE_COLUMNS;
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(columns.toArray(new String[0])).get();
        long[] rows = {0};
        try {
            CSVPrinter csv = new CSVPrinter(w, format);
            if (layer == ExportLayer.EVENTS) {
                long total = reader.placeCount();
                long[] done = {0};
                reader.places(iri -> {
                    ExportReader.Place p = reader.place(iri);
                    List<Binding> changes = reader.changes(iri);
                    Map<Node, String> killed = changes.isEmpty() ? Map.of() : reader.fatalities(iri);
                    for (Binding b : changes) {
                        print(csv, eventRow(p, b, killed));
                        rows[0]++;
                    }
                    progress.progress("places", ++done[0], total);
                });
            } else {
                long total = reader.articleCount();
                long[] done = {0};
                reader.articleGraphs(g -> {
                    reader.figures(g, b -> {
                        print(csv, figureRow(b));
                        rows[0]++;
                    });
                    progress.progress("articles", ++done[0], total);
                });
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Summary(layer, rows[0]);
    }

    private static void print(CSVPrinter csv, Object[] row) {
        try {
            csv.printRecord(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A change's row; {@code killed}: the deaths each article reports for the place. */
    private Object[] eventRow(ExportReader.Place p, Binding b, Map<Node, String> killed) {
        Node date = b.get("date");
        String status = local(b.get("status"));
        String toSide = local(b.get("toSide"));
        String[] type = eventType(status, toSide);
        Node article = b.get("article");
        Geometry pt = p.point();
        return new Object[] {
            eventId(b.get("change")),
            text(date),
            timePrecision(date, "true".equals(text(b.get("range")))),
            type[0],
            type[1],
            text(b.get("toLabel")),
            text(b.get("fromLabel")),
            p.country(),
            p.admin1(),
            text(b.get("placeLabel")),
            pt == null ? null : pt.getCoordinate().getY(),
            pt == null ? null : pt.getCoordinate().getX(),
            pt == null ? null : geoPrecision(p.kind()),
            text(b.get("sourceLabel")),
            text(b.get("quote")),
            article == null ? null : killed.get(article),
        };
    }

    /** The change's IRI after {@code /event/}: its article id and its id within the article. */
    static String eventId(Node change) {
        String s = text(change);
        int i = s == null ? -1 : s.indexOf("/event/");
        return i < 0 ? s : s.substring(i + "/event/".length());
    }

    /**
     * ACLED's event type and sub-event type for a change of control: a completed change is a
     * battle in which the receiving side "regains" (the government) or "overtakes" (anyone else)
     * territory; a partial, contested or ongoing one an armed clash; an imminent one a strategic
     * development.
     */
    static String[] eventType(String status, String toSide) {
        if (status == null || status.equals("completed")) {
            return "government".equals(toSide)
                    ? new String[] {"Battles", "Government regains territory"}
                    : new String[] {"Battles", "Non-state actor overtakes territory"};
        }
        if (status.equals("imminent")) {
            return new String[] {"Strategic developments", "Other"};
        }
        return new String[] {"Battles", "Armed clash"};
    }

    /** ACLED's time precision: 1 a day, 2 a range of days, 3 a month or a year. */
    static Integer timePrecision(Node date, boolean range) {
        if (date == null || !date.isLiteral()) {
            return null;
        }
        if (range) {
            return 2;
        }
        return XSDDatatype.XSDdate.getURI().equals(date.getLiteralDatatypeURI()) ? 1 : 3;
    }

    /** ACLED's geo precision: 1 a town or site, 2 an area or district, 3 a province or larger. */
    static Integer geoPrecision(String kind) {
        if (kind == null) {
            return 2;
        }
        return switch (kind) {
            case "province", "country", "region" -> 3;
            case "district", "area" -> 2;
            default -> 1;
        };
    }

    private static Object[] figureRow(Binding b) {
        Geometry pt = GeoLib.wkt(b.get("wkt"));
        return new Object[] {
            figureId(b.get("figure")),
            articleId(b.get("article")),
            local(b.get("measure")),
            text(b.get("value")),
            text(b.get("low")),
            text(b.get("high")),
            local(b.get("qualifier")),
            text(b.get("unit")),
            text(b.get("group")),
            text(b.get("placeLabel")),
            pt == null ? null : pt.getCoordinate().getY(),
            pt == null ? null : pt.getCoordinate().getX(),
            text(b.get("sourceLabel")),
            text(b.get("asOf")),
            text(b.get("periodStart")),
            text(b.get("periodEnd")),
            text(b.get("quote")),
        };
    }

    private static String articleId(Node article) {
        String s = text(article);
        return s == null ? null : s.substring(s.lastIndexOf('/') + 1);
    }

    private static String figureId(Node figure) {
        String s = text(figure);
        int i = s == null ? -1 : s.indexOf("/figure/");
        return i < 0 ? s : s.substring(i + "/figure/".length());
    }
}
