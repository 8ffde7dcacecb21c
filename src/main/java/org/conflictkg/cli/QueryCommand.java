package org.conflictkg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.conflictkg.query.NamedQueries;
import org.conflictkg.query.NamedQuery;
import org.conflictkg.query.ParamResolver;
import org.conflictkg.query.ParamSpec;
import org.conflictkg.query.QueryRunner;
import org.conflictkg.query.QuerySource;
import org.conflictkg.query.QuerySources;
import org.conflictkg.query.ResultFormat;
import org.conflictkg.store.EndpointUrl;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code query NAME|FILE.rq (--db DIR | --endpoint URL | --data FILE...)}: run a named query. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Runs a named query or a SPARQL file and prints the results.",
                "--list shows the named queries and their parameters. Parameters (--param k=v) are substituted "
                        + "into the parsed query, never pasted into its text."})
final class QueryCommand extends KgCommand {

    @Parameters(arity = "0..1", paramLabel = "NAME|FILE.rq", description = "A named query, or a .rq file.")
    String query;

    @Mixin
    StoreTarget store;

    @Option(names = "--data", paramLabel = "FILE", arity = "1..*",
            description = "Facts or RDF files (.ttl, .trig, .nq, .jsonld, ...) loaded in memory, instead of a store.")
    List<Path> data;

    @Option(names = {"-p", "--param"}, paramLabel = "K=V", description = "A query parameter (repeatable).")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            completionCandidates = Candidates.ResultFormats.class,
            description = "${COMPLETION-CANDIDATES}: json is SPARQL results JSON, geojson takes rows with lat/long or "
                    + "WKT columns. Default ${DEFAULT-VALUE}.")
    ResultFormat format;

    @Option(names = "--labels", description = "Print vocabulary terms and nodes by their labels instead of their IRIs.")
    boolean labels;

    @Mixin
    TimeoutOption timeout = new TimeoutOption();

    @Option(names = "--page-size", paramLabel = "ROWS", defaultValue = "0",
            description = "With --endpoint: ask for a SELECT's answer ROWS rows at a time (OFFSET and LIMIT, in a total "
                    + "order), for servers that stop long answers. 0 (the default): one request. Virtuoso 7 needs "
                    + "[Parameters] MaxSortedTopRows at or above the answer's rows.")
    int pageSize;

    @Option(names = "--list", description = "List the named queries and their parameters.")
    boolean list;

    @Override
    public Integer call() {
        PrintWriter out = out();
        if (list) {
            for (String name : NamedQueries.names()) {
                NamedQuery q = NamedQueries.named(name);
                out.println(name + "  -  " + q.summary().replaceFirst("^" + name + ":\\s*", ""));
                for (ParamSpec p : q.params()) {
                    out.println("    --param " + p.name() + "=" + p.type().name().toLowerCase(java.util.Locale.ROOT)
                            + (p.required() ? " (required) " : " (optional) ") + p.description());
                }
            }
            out.flush();
            return 0;
        }
        if (query == null) {
            throw usage("give a query name or file (--list shows the names)");
        }
        store.check(spec.commandLine());
        if (data != null && (store.remote() || store.where.db != null)) {
            throw usage("--data, --db and --endpoint exclude each other");
        }
        if (pageSize < 0) {
            throw usage("--page-size must be 0 (one request) or more rows");
        }
        if (pageSize > 0 && !store.remote()) {
            throw usage("--page-size is for --endpoint: a local store answers in one piece");
        }
        Duration limit = timeout.timeout(spec.commandLine());
        NamedQuery nq = NamedQueries.resolve(query);
        ParamResolver.check(nq, params); // check parameters before opening anything
        try (QuerySource src = openSource()) {
            QueryRunner runner = new QueryRunner(src, limit);
            long[] left = {0};
            Outputs.bytes(out, os -> left[0] = runner.run(nq, params, format, labels, os));
            long skipped = left[0];
            if (skipped > 0) {
                PrintWriter err = err();
                err.println("query: " + skipped + " row" + (skipped == 1 ? "" : "s") + " without coordinates left out of the GeoJSON");
                err.flush();
            }
        }
        return 0;
    }

    private QuerySource openSource() {
        if (store.remote()) {
            String password = store.password();
            return QuerySources.endpoint(EndpointUrl.parse(store.endpoint()).queryUrl(), password == null ? null : store.user,
                    password, pageSize);
        }
        if (data != null) {
            return QuerySources.files(data, Inputs.standard(true, null), Stages.derivation());
        }
        return QuerySources.database(store.db());
    }
}
