package org.conflictkg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.RDFNode;
import org.conflictkg.query.NamedQueries;
import org.conflictkg.query.QueryRunner;
import org.conflictkg.query.QuerySources;
import org.conflictkg.store.BundledExamples;
import org.conflictkg.store.Converters;
import org.conflictkg.server.KgServer;
import org.conflictkg.store.LoadReport;
import org.conflictkg.store.StoreException;
import org.conflictkg.store.StoreLoader;
import org.conflictkg.store.TdbStores;
import org.conflictkg.store.TdbTarget;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code demo}: load the bundled examples, print a few answers, serve the store with the UI. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Loads the bundled examples, prints answers, serves them.",
                "Loads the bundled example articles into a store (./kg, or a temporary folder with --temp, deleted "
                        + "on exit), links their places, prints a few answers, and serves the store with the map "
                        + "and the Fuseki UI until Ctrl-C."})
final class DemoCommand extends KgCommand {
    static final String DEMO_DATE = "2020-01-30";



    @CommandLine.ArgGroup(exclusive = true, multiplicity = "0..1")
    Where where = new Where();

    /** The store: a folder, or a temporary one. */
    static final class Where {
        @Option(names = "--db", paramLabel = "DIR", description = "Database folder. Default: ./kg")
        Path db;

        @Option(names = "--temp", description = "Use a temporary database folder, deleted on exit (also on Ctrl-C or SIGTERM).")
        boolean temp;
    }

    @Option(names = "--port", paramLabel = "N", defaultValue = "${env:CONFLICT_KG_PORT:-3030}",
            description = "Port; a free port is used if it is taken. Default: ${DEFAULT-VALUE} (or $CONFLICT_KG_PORT)")
    int port;

    @Option(names = "--tiles", paramLabel = "URL", description = "Add this tile layer to the map (default: none).")
    String tiles;

    @Mixin
    TlsOptions tls = new TlsOptions();

    @Option(names = "--no-serve", description = "Load and print the answers, then exit.")
    boolean noServe;

    @Option(names = "--stop-after", paramLabel = "SECONDS", hidden = true,
            description = "Stop serving after this many seconds (smoke tests).")
    Double stopAfter;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        boolean temp = where.temp;
        if (!temp) {
            OutputPaths.folder("--db", where.db != null ? where.db : StoreOptions.DEFAULT_DB);
        }
        Path dir = temp ? Files.createTempDirectory("conflict-kg-demo")
                : (where.db != null ? where.db : StoreOptions.DEFAULT_DB);
        ServeCommand.checkTiles(spec, tiles);
        tls.applyTo(KgServer.create(), spec); // a bad keystore is refused before anything is loaded
        Path work = Files.createTempDirectory("conflict-kg-examples");
        // One hook, registered before anything can be stopped: on Ctrl-C or SIGTERM it stops the
        // server, then deletes the temporary folders (hooks run concurrently, so not two hooks).
        java.util.concurrent.atomic.AtomicReference<KgServer> serving = new java.util.concurrent.atomic.AtomicReference<>();
        Runnable cleanup = () -> {
            KgServer s = serving.getAndSet(null);
            if (s != null) {
                ServeCommand.shutdown(s);
            }
            deleteTree(work);
            if (temp) {
                deleteTree(dir);
                deleteTree(fusekiBase(dir));
            }
        };
        Thread hook = new Thread(cleanup, "conflict-kg-demo-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            List<Path> examples = BundledExamples.copyTo(work);
            TdbTarget target = TdbTarget.open(dir);
            // Derived once, below, after linking.
            LoadReport report = StoreLoader.create(target, Converters.standardInputs()).build().load(examples);
            out.println("conflict-kg demo: " + examples.size() + " example article" + (examples.size() == 1 ? "" : "s")
                    + " in " + dir.toAbsolutePath().normalize() + " (" + report.summary() + ")");
            if (!report.ok()) {
                report.failures().forEach(f -> f.problems().forEach(p -> err().println(p)));
                return report.exitCode();
            }
            // Link places to the bundled gazetteer (offline: no Wikidata) so highways get geometry.
            org.conflictkg.link.LinkStage.Report links = org.conflictkg.link.LinkStage
                    .create(org.conflictkg.gazetteer.Gazetteer.bundled(), null).run(target.dataset());
            org.conflictkg.derive.Derivation.create().build().runFull(target.dataset());
            out.println("linked " + links.linked() + " places to GeoNames (" + links.ambiguous() + " ambiguous, "
                    + links.unlinked() + " unlinked); timeline derived");
            printAnswers(out, target);
            if (noServe) {
                out.flush();
                TdbStores.release(target.dataset());
                return 0;
            }
            KgServer server = startServer(target, dir);
            serving.set(server);
            out.println();
            ServeCommand.printEndpoints(out, server, dir);
            out.println("  Try:  curl -s " + server.datasetUrl() + "/query --data-urlencode 'query=SELECT * { ?s ?p ?o } LIMIT 5'");
            out.flush();
            if (stopAfter != null) {
                Thread.sleep((long) (stopAfter * 1000));
            } else {
                server.join();
            }
            return 0;
        } finally {
            boolean ours;
            try {
                ours = Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                ours = false; // the hook is cleaning up
            }
            if (ours) {
                cleanup.run();
            }
        }
    }

    private KgServer startServer(TdbTarget target, Path dir) {
        Path base = fusekiBase(dir);
        try {
            return tls.applyTo(KgServer.create(), spec).dataset(target.dataset(), base).port(port).tiles(tiles).build().start();
        } catch (StoreException ex) {
            if (port == 0) {
                throw ex;
            }
            err().println("port " + port + " is taken; using a free port");
            return tls.applyTo(KgServer.create(), spec).dataset(target.dataset(), base).port(0).tiles(tiles).build().start();
        }
    }

    /** The UI's working folder, beside the database. */
    private static Path fusekiBase(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + ".fuseki");
    }

    private static void printAnswers(PrintWriter out, TdbTarget target) {
        QueryRunner runner = new QueryRunner(QuerySources.dataset(target.dataset(), "demo"), Duration.ofSeconds(30));
        out.println();
        out.println("Who controlled what on " + DEMO_DATE + "?  (query controller-at --param date=" + DEMO_DATE + ")");
        ResultSetRewindable rs = runner.select(NamedQueries.named("controller-at"), Map.of("date", DEMO_DATE));
        while (rs.hasNext()) {
            QuerySolution s = rs.next();
            out.println("  " + text(s, "placeLabel") + ": " + text(s, "controllerLabel")
                    + (s.contains("status") ? " (" + text(s, "status").replaceFirst("^.*/", "") + ")" : "")
                    + "  - according to " + text(s, "sources"));
        }
        out.println();
        out.println("Reported changes of control  (query control-changes)");
        rs = runner.select(NamedQueries.named("control-changes"), Map.of());
        while (rs.hasNext()) {
            QuerySolution s = rs.next();
            out.println("  " + text(s, "date") + "  " + text(s, "placeLabel") + ": " + text(s, "fromLabel") + " -> "
                    + text(s, "toLabel") + " (" + text(s, "status").replaceFirst("^.*/", "") + "), per "
                    + text(s, "sourceLabel"));
        }
        out.println();
        out.println("Who held the M5 on 2020-01-31, from its route  (query highway-control --param date=2020-01-31)");
        rs = runner.select(NamedQueries.named("highway-control"), Map.of("date", "2020-01-31"));
        while (rs.hasNext()) {
            QuerySolution s = rs.next();
            out.println("  " + text(s, "highwayLabel") + "  " + text(s, "side") + ": " + text(s, "km") + " of "
                    + text(s, "totalKm") + " km");
        }
        out.println();
        out.println("Where sources disagree  (query disputed)");
        rs = runner.select(NamedQueries.named("disputed"), Map.of());
        java.util.Set<org.apache.jena.graph.Node> sources = new java.util.LinkedHashSet<>();
        rs.forEachRemaining(s -> {
            for (String v : new String[] {"sourceA", "sourceB"}) {
                if (s.get(v) != null && s.get(v).isURIResource()) {
                    sources.add(s.get(v).asNode());
                }
            }
        });
        rs.reset();
        Map<org.apache.jena.graph.Node, String> names = runner.labels(sources);
        while (rs.hasNext()) {
            QuerySolution s = rs.next();
            out.println("  " + text(s, "aspect") + " " + text(s, "topicLabel").replaceFirst("^.*/", "") + ": "
                    + text(s, "claimA") + " (" + name(s, "sourceA", names) + ") vs " + text(s, "claimB") + " ("
                    + name(s, "sourceB", names) + ")");
        }
    }

    /** The name the store gives the node, else its text. */
    private static String name(QuerySolution s, String var, Map<org.apache.jena.graph.Node, String> names) {
        RDFNode n = s.get(var);
        return n != null && names.containsKey(n.asNode()) ? names.get(n.asNode()) : text(s, var);
    }

    private static String text(QuerySolution s, String var) {
        RDFNode n = s.get(var);
        if (n == null) {
            return "?";
        }
        return n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString();
    }

    private static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ex) {
                    // best effort
                }
            });
        } catch (IOException ex) {
            // best effort
        }
    }
}
