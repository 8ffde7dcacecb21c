package org.conflictkg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import org.conflictkg.store.Converters;
import org.conflictkg.store.GspTarget;
import org.conflictkg.store.LoadProgress;
import org.conflictkg.store.LoadReport;
import org.conflictkg.store.LoadTarget;
import org.conflictkg.store.StoreLoader;
import org.conflictkg.store.TdbTarget;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code load INPUT... (--db DIR | --endpoint URL)}: articles or facts into a store. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Loads article facts into a store, one named graph per article.",
                "Each document is validated and converted before anything of it is written; a bad document is",
                "reported and skipped. Reloading an article replaces its graph; an article whose content hash is",
                "unchanged is skipped. Exit 0 if every document loaded, 2 if some were invalid, 1 if a write failed."})
final class LoadCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INPUT",
            description = "Facts files (.facts.json, .json, .jsonl) or folders of them.")
    List<Path> inputs;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Target target = new Target();

    static final class Target {
        @Option(names = "--db", paramLabel = "DIR", description = "TDB2 database folder (created if absent). Default: ./kg")
        Path db;

        @Option(names = "--endpoint", paramLabel = "URL",
                description = "SPARQL Graph Store Protocol endpoint, e.g. http://127.0.0.1:3030/kg/data")
        String endpoint;
    }

    @Option(names = "--user", paramLabel = "U", description = "User for HTTP basic auth at the endpoint.")
    String user;

    @Option(names = "--password-file", paramLabel = "F",
            description = "File with the password (alone on its first line, or a 'user: password' line).")
    Path passwordFile;

    @Option(names = "--sparql", paramLabel = "URL",
            description = "Query endpoint used to read stored content hashes (default for Fuseki: the endpoint's /query).")
    String sparql;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "5",
            description = "Attempts per HTTP request before giving up (default ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--batch", paramLabel = "QUADS",
            description = "Quads per TDB2 transaction (default " + TdbTarget.DEFAULT_BATCH_QUADS
                    + ") or per HTTP request (default " + GspTarget.DEFAULT_BATCH_QUADS + ").")
    Integer batch;

    @Option(names = "--bulk-loader", paramLabel = "KIND", defaultValue = "parallel",
            description = "How a database without articles is filled: parallel (default), phased or basic "
                    + "(TDB2 bulk loaders, built in a folder beside DIR and moved into place when complete), "
                    + "or none (write transactions, as into a database that holds articles).")
    String bulkLoader;

    @Option(names = "--compact", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Compact the TDB2 database after a transactional load that wrote at least half as many "
                    + "articles as it held (default on; needs free disk for a copy of the database).")
    boolean compact;

    @Option(names = "--force", description = "Rewrite every article even if its content hash is unchanged.")
    boolean force;

    @Option(names = "--no-derive",
            description = "Do not recompute the derived graph (control timeline) after loading; run 'derive' later.")
    boolean noDerive;

    @Option(names = "--skip-shapes",
            description = "Skip the SHACL check of converted graphs (facts are still validated); faster for trusted input.")
    boolean skipShapes;

    @Option(names = "--progress", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Progress bar on a terminal (default on; never shown when output is redirected).")
    boolean progress;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (batch != null && batch < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--batch must be at least 1");
        }
        if (target.endpoint == null && (user != null || passwordFile != null || sparql != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--user, --password-file and --sparql need --endpoint");
        }
        if ((user == null) != (passwordFile == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--user and --password-file go together");
        }
        boolean terminal = progress && System.console() != null;
        LoadProgress bar = terminal ? LoadProgress.terminal(err) : LoadProgress.quiet();
        String where;
        LoadReport report;
        try (LoadTarget t = openTarget(err)) {
            where = target.endpoint != null ? target.endpoint : db().toString();
            report = StoreLoader.create(t, Inputs.standard(!skipShapes, null)).progress(bar).force(force)
                    .derivation(noDerive ? null : Stages.derivation()).build()
                    .load(inputs);
        }
        for (LoadReport.Failure f : report.failures()) {
            for (String p : f.problems()) {
                err.println(p.startsWith(f.source()) ? p : f.source() + ": " + p);
            }
        }
        out.println(report.summary() + " -> " + where);
        out.flush();
        err.flush();
        return report.exitCode();
    }

    private Path db() {
        return target.db != null ? target.db : StoreOptions.DEFAULT_DB;
    }

    private LoadTarget openTarget(PrintWriter err) {
        if (target.endpoint != null) {
            GspTarget.Builder b = GspTarget.create(target.endpoint)
                    .retries(retries, Duration.ofMillis(500))
                    .warnings(w -> err.println("warning: " + w));
            if (user != null) {
                b.credentials(user, StoreOptions.password(passwordFile, user));
            }
            if (sparql != null) {
                b.queryEndpoint(sparql);
            }
            if (batch != null) {
                b.batchQuads(batch);
            }
            return b.build();
        }
        TdbTarget.BulkLoader kind;
        try {
            kind = TdbTarget.BulkLoader.of(bulkLoader);
        } catch (IllegalArgumentException ex) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--bulk-loader must be phased, parallel, basic or none, not '" + bulkLoader + "'");
        }
        return TdbTarget.open(db(), batch != null ? batch : TdbTarget.DEFAULT_BATCH_QUADS, kind).compactAfterLoad(compact);
    }
}
