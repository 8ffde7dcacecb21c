package org.conflictkg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import org.conflictkg.store.GspTarget;
import org.conflictkg.Progress;
import org.conflictkg.store.LoadReport;
import org.conflictkg.store.LoadTarget;
import org.conflictkg.store.StoreLoader;
import org.conflictkg.store.TdbTarget;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code load INPUT... (--db DIR | --endpoint URL)}: articles or facts into a store. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Loads articles or facts into a store (TDB2 or a SPARQL server).",
                "Inputs are facts documents (.facts.json, .json, .jsonl) and article text or HTML (.txt, .html, .htm), "
                        + "which is extracted first; an article text beside a facts file of the same name is left out "
                        + "(the facts document wins). Each document is validated and converted before anything of it "
                        + "is written; a bad document is reported and skipped. Reloading an article replaces its graph; "
                        + "an article whose content hash is unchanged is skipped.",
                "Exit 0 if every document loaded, 2 if some were invalid, 1 if a write failed."})
final class LoadCommand extends KgCommand {

    @Mixin
    StoreTarget store;

    @Mixin
    Summary.JsonOption json;


    @Parameters(arity = "1..*", paramLabel = "INPUT",
            description = "Facts files, article text or HTML files, or folders of them.")
    List<Path> inputs;

    @Mixin
    RemoteOptions remoteOptions = new RemoteOptions();

    @Option(names = "--batch", paramLabel = "QUADS",
            description = "Quads per TDB2 transaction (default " + TdbTarget.DEFAULT_BATCH_QUADS
                    + ") or per HTTP request (default " + GspTarget.DEFAULT_BATCH_QUADS + ").")
    Integer batch;

    @Option(names = "--bulk-loader", paramLabel = "KIND", defaultValue = "parallel",
            completionCandidates = Candidates.BulkLoaders.class,
            description = "How a database without articles is filled: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}. "
                    + "parallel, phased and basic are TDB2 bulk loaders (built in a folder beside DIR and moved into "
                    + "place when complete); none writes transactions, as into a database that holds articles.")
    TdbTarget.BulkLoader bulkLoader;

    @Option(names = "--compact", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Compact the TDB2 database after a transactional load that wrote at least half as many "
                    + "articles as it held (default on; needs free disk for a copy of the database).")
    boolean compact;

    @Option(names = "--force", description = "Rewrite every article even if its content hash is unchanged.")
    boolean force;

    @Option(names = "--update", paramLabel = "URL",
            description = "With --endpoint: its SPARQL Update endpoint. With it, changed articles are replaced in one "
                    + "request per batch, and the derived graph is brought up to date on the places the load touched "
                    + "only. Default for Fuseki: the dataset's /update; Virtuoso: give its /sparql-auth.")
    String update;

    @Option(names = "--no-derive",
            description = "Do not recompute the derived graph (control timeline) after loading; run 'derive' later "
                    + "(the store records that it is owed, and the next load derives if 'derive' has not run).")
    boolean noDerive;

    @Option(names = "--skip-shapes",
            description = "Skip the SHACL check of converted graphs (facts are still validated); faster for trusted input.")
    boolean skipShapes;

    @Mixin
    ProgressOption progress = new ProgressOption();

    @Override
    public Integer call() {
        PrintWriter out = out();
        PrintWriter err = err();
        if (batch != null && batch < 1) {
            throw usage("--batch must be at least 1");
        }
        remoteOptions.check(spec.commandLine(), store);
        if (update != null && !store.remote()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--update needs --endpoint");
        }
        if (!store.remote()) {
            OutputPaths.folder("--db", store.db());
        }
        Progress bar = progress.bar(common, err);
        LoadReport report;
        try (LoadTarget t = openTarget(err)) {
            report = StoreLoader.create(t, Inputs.standard(!skipShapes, null)).progress(bar).force(force)
                    .notes(note -> {
                        if (!common.quiet()) {
                            err.println("note: " + note);
                        }
                    })
                    .derivation(noDerive ? null : Stages.derivation()).build()
                    .load(inputs);
        }
        for (LoadReport.Failure f : report.failures()) {
            for (String p : f.problems()) {
                err.println(p.startsWith(f.source()) ? p : f.source() + ": " + p);
            }
        }
        err.flush();
        Summary.of("load").text(report.summary()).target(store.describe())
                .put("loaded", report.loaded()).put("unchanged", report.unchanged())
                .put("failed", report.failures().size()).put("quads", report.quads())
                .put("seconds", report.elapsed().toMillis() / 1000.0)
                .print(out, out, common, json);
        return report.exitCode();
    }

    private LoadTarget openTarget(PrintWriter err) {
        if (store.remote()) {
            GspTarget.Builder b = store.graphStore(remoteOptions.retry(), err).deriveTimeout(remoteOptions.timeout());
            if (remoteOptions.sparql != null) {
                b.queryEndpoint(remoteOptions.sparql);
            }
            if (update != null) {
                b.updateEndpoint(update);
            }
            if (batch != null) {
                b.batchQuads(batch);
            }
            return b.build();
        }
        return TdbTarget.open(store.db(), batch != null ? batch : TdbTarget.DEFAULT_BATCH_QUADS, bulkLoader,
                        note -> {
                            if (!common.quiet()) {
                                err.println("note: " + note);
                                err.flush();
                            }
                        })
                .compactAfterLoad(compact);
    }
}
