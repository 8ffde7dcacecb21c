package org.conflictkg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.conflictkg.derive.Derivation;
import org.conflictkg.derive.HighwayControl;
import org.conflictkg.derive.Timeline;
import org.conflictkg.http.RemoteDataset;
import org.conflictkg.rdf.CKG;
import org.conflictkg.rdf.RdfOutputLib;
import org.conflictkg.store.StoreException;
import org.conflictkg.store.StoreMarks;
import org.conflictkg.store.TdbStores;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code derive --db DIR}: recompute the control timeline, merged changes and disagreements. */
@Command(name = "derive", mixinStandardHelpOptions = true,
        description = {"Recomputes the derived graph: merged reports, timeline, highways.",
                "Derives from all the articles of a TDB2 store, or of a SPARQL server (--endpoint; read a batch of "
                        + "places at a time, written back through the Graph Store Protocol): merged reports of each control change with their "
                        + "independent sources, a control timeline per place, marked disagreements, and highway "
                        + "control. 'load' does this after every load; run it after 'link' so that highways get their "
                        + "geometry. See docs/timeline.md.",
                "With --output, writes the derived graph to a file instead, for a store's own bulk loader, and "
                        + "leaves the store unchanged (docs/scale.md).",
                "With --highway and --date, also prints who held how much of that highway on that day."})
final class DeriveCommand extends StageCommand {

    @Option(names = "--batch", paramLabel = "PLACES", defaultValue = "64",
            description = "Places whose reports are read and derived at a time; memory grows with it, not with the "
                    + "store (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--window", paramLabel = "DAYS", defaultValue = "7",
            description = "Days within which reports of one place and gaining side are one change (default ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--highway", paramLabel = "NAME", description = "A highway's name (its label, such as M5).")
    String highway;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The day for --highway.")
    String date;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the derived graph (graph <https://w3id.org/conflict-kg/graph/derived>) to FILE, N-Quads "
                    + "(.nq) or TriG (.trig) by its name, gzipped if it ends in .gz (N-Quads for an unknown name; a "
                    + "triple format such as .ttl is refused), instead of into the store, which is left "
                    + "unchanged; load it with the store's bulk loader. Written atomically.")
    Path output;

    /** The format of {@code --output}, once checked, and whether it is gzipped (a name ending in .gz). */
    private RdfOutputLib.Format format;
    private boolean gzip;

    /** The day of {@code --date}, once checked. */
    private LocalDate day;

    @Override
    void checkOptions() {
        if (window < 0) {
            throw usage("--window must not be negative");
        }
        if ((highway == null) != (date == null)) {
            throw usage("--highway and --date go together");
        }
        if (date != null) {
            try {
                day = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw usage("--date: expected YYYY-MM-DD, got " + date);
            }
        }
        if (batch < 1) {
            throw usage("--batch must be at least 1");
        }
        if (output != null) {
            OutputPaths.file("-o", output);
            String name = output.getFileName().toString();
            gzip = name.endsWith(".gz");
            format = RdfOutputLib.Format.forFileName(gzip ? name.substring(0, name.length() - 3) : name)
                    .orElse(RdfOutputLib.Format.NQUADS);
            if (!format.quads || !format.streams()) {
                throw usage("--output " + output + ": the derived graph is a named graph, written as a stream; "
                        + "name the file .nq or .trig (.nq.gz or .trig.gz to compress it)");
            }
        }
    }

    @Override
    int run(RemoteDataset remote) {
        PrintWriter out = out();
        long t0 = System.nanoTime();
        Derivation derivation = Derivation.create().windowDays(window).chunkPlaces(batch).build();
        DatasetGraph dsg = null;
        Derivation.Counts c;
        if (output != null) {
            Derivation.Counts[] counts = new Derivation.Counts[1];
            java.util.function.Consumer<org.apache.jena.riot.system.StreamRDF> body;
            if (remote != null) {
                body = sink -> counts[0] = derivation.runRemote(remote, progress.bar(common, err()), sink::quad);
            } else {
                dsg = TdbStores.openExisting(store.db());
                DatasetGraph local = dsg;
                body = sink -> counts[0] = derivation.runFull(local, sink::quad);
            }
            write(body);
            c = counts[0];
        } else if (remote != null) {
            c = derivation.runRemote(remote, progress.bar(common, err()));
            remote.delete(CKG.GRAPH_DERIVE_PENDING); // the record a load wrote of the derivation owed
        } else {
            dsg = TdbStores.openExisting(store.db());
            DatasetGraph local = dsg;
            // One transaction: the derived graph, and the store's record that it was owed removed.
            c = Txn.calculateWrite(local, () -> {
                Derivation.Counts counts = derivation.runFull(local);
                StoreMarks.clearDerivePending(local);
                return counts;
            });
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        Summary.of("derive").target(output != null ? output.toString() : store.describe())
                .text(String.format(Locale.ROOT, "derived %d periods, %d merged changes, %d disagreements, %d highway days in %.1f s%s",
                        c.periods(), c.changes(), c.disagreements(), c.highwayDays(), secs,
                        output == null ? "" : " from " + store.describe() + " (the store is unchanged)"))
                .put("periods", c.periods()).put("changes", c.changes()).put("disagreements", c.disagreements())
                .put("highwayDays", c.highwayDays()).put("seconds", secs)
                .print(out, out, common, json);
        if (day != null && !json.json) {
            if (remote != null) {
                printHighway(out, HighwayControl.routes(remote), derivation.deriveRouteTowns(remote), day);
            } else {
                DatasetGraph local = dsg;
                printHighway(out, Txn.calculateRead(local, () -> HighwayControl.routes(local)),
                        Txn.calculateRead(local, () -> derivation.deriveRouteTowns(local)), day);
            }
        }
        out.flush();
        return 0;
    }

    /** Writes {@code --output} atomically, gzipped (fastest level: the file is for a loader) if its name ends in .gz. */
    private void write(java.util.function.Consumer<org.apache.jena.riot.system.StreamRDF> body) {
        if (!gzip) {
            RdfOutputLib.writeAtomically(output, format, body);
            return;
        }
        RdfOutputLib.writeFileAtomicallyIf(output, os -> {
            try {
                java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(os, 1 << 16) {
                    {
                        def.setLevel(java.util.zip.Deflater.BEST_SPEED);
                    }
                };
                RdfOutputLib.write(gz, format, body);
                gz.finish();
                gz.flush();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return true;
        });
    }

    private void printHighway(PrintWriter out, List<HighwayControl.Route> all, Timeline t, LocalDate day) {
        List<HighwayControl.Route> routes = all.stream().filter(r -> r.label().equalsIgnoreCase(highway)).toList();
        if (routes.isEmpty()) {
            throw StoreException.badInput("no highway named \"" + highway + "\" with a route in " + store.describe());
        }
        for (HighwayControl.Route r : routes) {
            if (r.points().size() < 2) {
                throw StoreException.badInput("highway " + highway + ": fewer than two route towns have coordinates;"
                        + " run 'link' first");
            }
            HighwayControl.Result res = HighwayControl.on(r, t, day);
            out.printf(Locale.ROOT, "%s on %s: %.0f km between %d linked route towns%n", r.label(), day, res.totalKm(),
                    r.points().size());
            res.kmBySide().forEach((side, km) -> out.printf(Locale.ROOT, "  %-12s %6.0f km  %5.1f%%%n",
                    side.startsWith("http") ? side.substring(side.lastIndexOf('/') + 1) : side, km, 100 * res.share(side)));
        }
    }
}
