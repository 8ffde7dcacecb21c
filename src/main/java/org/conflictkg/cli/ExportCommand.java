package org.conflictkg.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

import org.apache.jena.riot.lang.StreamRDFCounting;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.conflictkg.export.CsvExport;
import org.conflictkg.export.ExportFormat;
import org.conflictkg.export.ExportLayer;
import org.conflictkg.export.ExportProgress;
import org.conflictkg.export.ExportReader;
import org.conflictkg.export.GeoJsonExport;
import org.conflictkg.query.QuerySource;
import org.conflictkg.query.QuerySources;
import org.conflictkg.rdf.RdfOutputLib;
import org.conflictkg.rdf.RdfOutputLib.Format;
import org.conflictkg.store.StoreExport;
import org.conflictkg.store.EndpointUrl;
import org.conflictkg.store.TdbStores;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code export (--db DIR | --endpoint URL) [--format F] [--layer L] [--date D] [-o FILE]}: the store as RDF, GeoJSON or CSV. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes the store as RDF, a GeoJSON layer for GIS, or a CSV table.",
                "The whole store or one article's graph as RDF, a GeoJSON layer for GIS, or a CSV table for spreadsheets.",
                "TriG, N-Quads and JSON-LD keep the named graphs; Turtle and N-Triples merge them into one.",
                "GeoJSON layers: places (controller on --date), periods, events, highways. CSV tables: events (ACLED columns), figures."})
final class ExportCommand extends KgCommand {

    @Mixin
    StoreTarget store;

    @Mixin
    Summary.JsonOption json;

    @Option(names = "--article", paramLabel = "ID", description = "RDF only: just this article's graph (its id or graph IRI).")
    String article;

    @Option(names = "--format", paramLabel = "FORMAT", completionCandidates = Candidates.ExportFormats.class,
            description = "${COMPLETION-CANDIDATES}. Default: from the output file's extension; "
                    + "else geojson with --layer or --date (csv for --layer figures); else trig.")
    ExportFormat format;

    @Option(names = "--layer", paramLabel = "LAYER", completionCandidates = Candidates.ExportLayers.class,
            description = "${COMPLETION-CANDIDATES}. GeoJSON: places (default), periods, events or highways. "
                    + "CSV: events (default) or figures.")
    ExportLayer layer;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "GeoJSON places and highways: whose control to show (default: the last day the store knows).")
    String date;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Output file (default: standard output). Written atomically; a device or FIFO is written to directly.")
    Path output;

    @Mixin
    ProgressOption progressOption = new ProgressOption();

    @Override
    public Integer call() {
        PrintWriter err = err();
        store.check(spec.commandLine());
        if (output != null) {
            OutputPaths.file("-o", output);
        }
        json.checkOutput(spec.commandLine(), output, "the export");
        ExportFormat fmt = chooseFormat();
        if (fmt.rdf() != null) {
            if (layer != null || date != null) {
                throw usage(
                        "--layer and --date are for --format geojson or csv, not " + fmt.code());
            }
            return rdf(fmt.rdf(), err);
        }
        if (article != null) {
            throw usage("--article is for RDF formats, not " + fmt.code());
        }
        ExportLayer l = layer != null ? layer : ExportLayer.defaultFor(fmt);
        if (!l.supports(fmt)) {
            throw usage("--layer " + l.code() + " is not written as "
                    + fmt.code() + " (geojson: places, periods, events, highways; csv: events, figures)");
        }
        if (date != null && (fmt != ExportFormat.GEOJSON || (l != ExportLayer.PLACES && l != ExportLayer.HIGHWAYS))) {
            throw usage("--date is for the geojson places and highways layers");
        }
        if (date != null && !date.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw usage("--date " + date + ": expected YYYY-MM-DD");
        }
        Progress progress = new Progress(progressOption.bar(common, err));
        Summary summary = Summary.of("export").target(output).put("format", fmt.code());
        Consumer<OutputStream> body = os -> withSource(src -> {
            ExportReader reader = new ExportReader(src, Duration.ofMinutes(10));
            if (fmt == ExportFormat.GEOJSON) {
                GeoJsonExport.Summary s = new GeoJsonExport(reader, progress).write(l, date, os);
                boolean daily = s.day() != null && (l == ExportLayer.PLACES || l == ExportLayer.HIGHWAYS);
                summary.text("wrote " + s.features() + " features (geojson, layer " + l.code() + ")"
                        + (daily ? " on " + s.day() : "")
                        + (s.withoutCoordinates() > 0 ? "; " + s.withoutCoordinates()
                                + (l == ExportLayer.HIGHWAYS ? " highways with fewer than two located towns"
                                        : " places without coordinates") + " left out (link adds coordinates)" : ""))
                        .put("layer", l.code()).put("features", s.features()).put("day", daily ? s.day() : null)
                        .put("leftOut", s.withoutCoordinates());
            } else {
                CsvExport.Summary s = new CsvExport(reader, progress).write(l, os);
                summary.text("wrote " + s.rows() + " rows (csv, table " + l.code() + ")")
                        .put("layer", l.code()).put("rows", s.rows());
            }
        });
        if (output == null) {
            OutputStream os = Outputs.utf8(out());
            body.accept(os);
            Outputs.flush(os);
        } else {
            writeAtomically(output, body);
        }
        progress.done();
        summary.print(out(), err, common, json);
        return 0;
    }

    private ExportFormat chooseFormat() {
        try {
            if (format == null && (output == null || ExportFormat.forFile(output) == null) && (layer != null || date != null)) {
                // --layer or --date say what is wanted where neither --format nor the file name does.
                return layer == ExportLayer.FIGURES ? ExportFormat.CSV : ExportFormat.GEOJSON;
            }
            return ExportFormat.choose(format, output);
        } catch (IllegalArgumentException ex) {
            throw usage(ex.getMessage());
        }
    }

    private int rdf(Format fmt, PrintWriter err) {
        PrintWriter out = out();
        StoreExport export = store.remote() ? StoreExport.endpoint(EndpointUrl.parse(store.endpoint()).graphStoreForReading())
                : StoreExport.database(store.db());
        long[] statements = {0};
        Consumer<StreamRDF> read = article == null ? export::all : sink -> export.article(article, sink);
        Consumer<StreamRDF> producer = sink -> {
            StreamRDFCounting counting = StreamRDFLib.count(sink);
            read.accept(counting);
            statements[0] = counting.count();
        };
        if (output == null) {
            Outputs.bytes(out, os -> export.run(() -> RdfOutputLib.write(os, fmt, producer)));
        } else {
            export.run(() -> RdfOutputLib.writeAtomically(output, fmt, producer));
            String code = fmt.name().toLowerCase(java.util.Locale.ROOT);
            String unit = fmt.quads ? "quads" : "triples";
            Summary summary = Summary.of("export").target(output);
            if (article != null) {
                summary.put("article", article);
            }
            summary.text("wrote " + statements[0] + " " + unit + " of " + (article == null ? "the store" : "article " + article)
                    + " (" + code + ")").put("format", code).put(unit, statements[0]).print(out, err, common, json);
        }
        return 0;
    }

    /** Runs {@code body} against the store: a TDB2 database in one read transaction (one snapshot), or an endpoint. */
    private void withSource(Consumer<QuerySource> body) {
        if (store.remote()) {
            String password = store.password();
            body.accept(QuerySources.endpoint(EndpointUrl.parse(store.endpoint()).queryUrl(),
                    password == null ? null : store.user, password));
            return;
        }
        Path dir = store.db();
        DatasetGraph dsg = TdbStores.openExisting(dir);
        Txn.executeRead(dsg, () -> body.accept(QuerySources.dataset(dsg, dir.toString())));
    }

    /** Writes to a temporary file beside {@code target} and moves it into place; nothing is left on failure. */
    static void writeAtomically(Path target, Consumer<OutputStream> body) {
        RdfOutputLib.writeFileAtomicallyIf(target, os -> {
            OutputStream buffered = new java.io.BufferedOutputStream(os, 1 << 16);
            body.accept(buffered);
            Outputs.flush(buffered);
            return true;
        });
    }

    /** Export's reports drawn on the progress bar every command shows ({@link ProgressOption}). */
    static final class Progress implements ExportProgress {
        private final org.conflictkg.Progress bar;
        private String what;
        private long done;

        Progress(org.conflictkg.Progress bar) {
            this.bar = bar;
        }

        @Override
        public void progress(String what, long done, long total) {
            if (!what.equals(this.what)) {
                done();
                bar.start(what, total);
                this.what = what;
                this.done = 0;
            }
            bar.advance(done - this.done);
            this.done = done;
        }

        void done() {
            if (what != null) {
                bar.finish();
            }
        }
    }
}
