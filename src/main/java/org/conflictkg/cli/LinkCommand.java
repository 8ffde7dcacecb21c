package org.conflictkg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.apache.jena.sparql.core.DatasetGraph;
import org.conflictkg.derive.Derivation;
import org.conflictkg.gazetteer.Gazetteer;
import org.conflictkg.link.LinkStage;
import org.conflictkg.link.WikidataClient;
import org.conflictkg.store.TdbStores;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code link --db DIR [--geonames FILE] [--wikidata URL | --no-wikidata]}: gazetteer links. */
@Command(name = "link", mixinStandardHelpOptions = true,
        description = {"Links the places of every article in a TDB2 store to GeoNames (bundled extract, or a dump",
                "given with --geonames), with a confidence; joins Wikidata items by GeoNames id; replaces the",
                "links graph; then re-derives the timeline so highways get their geometry. Prints how many",
                "places were linked, left ambiguous (with their candidates) or unlinked."})
final class LinkCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--db", paramLabel = "DIR", description = "TDB2 database folder (default: ./kg).")
    Path db;

    @Option(names = "--geonames", paramLabel = "FILE",
            description = "A GeoNames dump (cities1000.txt, a country file such as SY.txt, allCountries.txt; .gz too)."
                    + " Default: the bundled extract.")
    Path geonames;

    @Option(names = "--wikidata", paramLabel = "URL", defaultValue = WikidataClient.PUBLIC_ENDPOINT,
            description = "SPARQL endpoint for Wikidata items (default ${DEFAULT-VALUE}).")
    String wikidata;

    @Option(names = "--no-wikidata", description = "Do not query Wikidata.")
    boolean noWikidata;

    @Option(names = "--wikidata-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Timeout of one Wikidata request (default ${DEFAULT-VALUE}).")
    int wikidataTimeout;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = db != null ? db : StoreOptions.DEFAULT_DB;
        DatasetGraph dsg = TdbStores.openExisting(dir);
        Gazetteer gazetteer = geonames == null ? Gazetteer.bundled() : Gazetteer.load(geonames);
        WikidataClient wd = noWikidata ? null : WikidataClient.create().endpoint(wikidata)
                .timeout(Duration.ofSeconds(wikidataTimeout)).build();
        LinkStage.Report r = LinkStage.create(gazetteer, wd).run(dsg);
        Derivation.create().build().runFull(dsg);
        out.printf(Locale.ROOT, "%d linked, %d ambiguous, %d unlinked; %d Wikidata items -> %s%n",
                r.linked(), r.ambiguous(), r.unlinked(), r.wikidata(), dir);
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
