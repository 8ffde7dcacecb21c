package org.conflictkg.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.jena.sparql.core.DatasetGraph;
import org.conflictkg.derive.Derivation;
import org.conflictkg.gazetteer.Gazetteer;
import org.conflictkg.http.RemoteDataset;
import org.conflictkg.link.LinkStage;
import org.conflictkg.link.WikidataClient;
import org.conflictkg.rdf.CKG;
import org.conflictkg.store.StoreMarks;
import org.conflictkg.store.TdbStores;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code link --db DIR [--geonames FILE] [--wikidata URL | --no-wikidata]}: gazetteer links. */
@Command(name = "link", mixinStandardHelpOptions = true,
        description = {"Links places to GeoNames and Wikidata, with a confidence.",
                "Works on a TDB2 store (--db) or a SPARQL server (--endpoint; articles read a batch at a time, links "
                        + "written back through the Graph Store Protocol). Every place of every article is matched against GeoNames (the bundled extract, or a dump given with "
                        + "--geonames) with a confidence; Wikidata items are joined by GeoNames id; the links graph is "
                        + "replaced; then the highways and their towns are derived again, so that highways get their "
                        + "geometry (all of the timeline over --endpoint, or when the store owes a derivation). Prints how "
                        + "many places were linked, left ambiguous (with their candidates) or unlinked."})
final class LinkCommand extends StageCommand {

    @Option(names = "--batch", paramLabel = "N", defaultValue = "256",
            description = "With --endpoint: articles read, and places written, per request (default ${DEFAULT-VALUE}); "
                    + "the derivation that follows reads 64 places at a time.")
    int batch;

    @Mixin
    GeoNamesOption geonames = new GeoNamesOption();

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Wikidata wikidata = new Wikidata();

    static final class Wikidata {
        @Option(names = "--wikidata", paramLabel = "URL", defaultValue = WikidataClient.PUBLIC_ENDPOINT,
                description = "SPARQL endpoint for Wikidata items. Default: ${DEFAULT-VALUE}")
        String url = WikidataClient.PUBLIC_ENDPOINT;

        @Option(names = "--no-wikidata", description = "Do not query Wikidata (offline).")
        boolean off;
    }

    @Option(names = "--wikidata-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Timeout of one Wikidata request (default ${DEFAULT-VALUE}).")
    int wikidataTimeout;

    @Override
    void checkOptions() {
        if (batch < 1) {
            throw usage("--batch must be at least 1");
        }
        if (wikidataTimeout < 1) {
            throw usage("--wikidata-timeout must be at least 1 second");
        }
    }

    @Override
    int run(RemoteDataset remote) {
        PrintWriter out = out();
        DatasetGraph dsg = remote == null ? TdbStores.openExisting(store.db()) : null;
        Gazetteer gazetteer = geonames.gazetteer();
        WikidataClient wd = wikidata.off ? null : WikidataClient.create().endpoint(wikidata.url)
                .timeout(Duration.ofSeconds(wikidataTimeout)).build();
        PrintWriter err = err();
        LinkStage stage = LinkStage.create(gazetteer, wd);
        org.conflictkg.Progress bar = progress.bar(common, err);
        LinkStage.Report r;
        if (remote != null) {
            r = stage.run(remote, batch, bar);
            Derivation.create().build().runRemote(remote, org.conflictkg.Progress.none());
            remote.delete(CKG.GRAPH_DERIVE_PENDING); // derived from every article: nothing is owed any more
        } else {
            r = stage.run(dsg, bar);
            Derivation derivation = Derivation.create().build();
            if (StoreMarks.isDerivePending(dsg)) {
                // The store owes a derivation (a load killed, or run with --no-derive): all of it, in one
                // transaction with the removal of the record, as 'derive' does.
                org.apache.jena.system.Txn.executeWrite(dsg, () -> {
                    derivation.runFull(dsg);
                    StoreMarks.clearDerivePending(dsg);
                });
            } else {
                derivation.runHighways(dsg); // only highways depend on links (their towns' coordinates)
            }
        }
        Summary.of("link").target(store.describe())
                .text(String.format(Locale.ROOT, "%d linked, %d ambiguous, %d unlinked; %d Wikidata items",
                        r.linked(), r.ambiguous(), r.unlinked(), r.wikidata()))
                .put("linked", r.linked()).put("ambiguous", r.ambiguous()).put("unlinked", r.unlinked())
                .put("wikidata", r.wikidata())
                .print(out, out, common, json);
        if (common.quiet() || json.json) {
            return 0;
        }
        for (LinkStage.Entry e : r.notLinked()) {
            String candidates = e.candidates().stream().limit(3)
                    .map(c -> String.format(Locale.ROOT, "%s %d (%s, %s) %.2f", c.record().name(), c.record().id(),
                            c.record().featureCode(), c.record().countryCode(), c.score()))
                    .collect(Collectors.joining("; "));
            out.printf(Locale.ROOT, "  %-9s %s%s%n", e.status().name().toLowerCase(Locale.ROOT), e.name(),
                    candidates.isEmpty() ? "" : "  candidates: " + candidates);
        }
        out.flush();
        return 0;
    }
}
