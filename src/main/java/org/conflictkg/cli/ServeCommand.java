package org.conflictkg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;

import org.conflictkg.server.KgServer;
import org.conflictkg.store.TdbStores;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code serve [--db DIR] [--port N] [--tls KEYSTORE]}: embedded Fuseki with the UI over a TDB2 database. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves a TDB2 database: the map page, SPARQL and the Fuseki UI.",
                "Apache Jena Fuseki: the map at /, the Fuseki UI at /ui/, dataset /kg with SPARQL query (/kg/query, /kg/sparql) and Graph Store read "
                        + "(/kg/get). The default graph is the union of the named graphs. Listens on 127.0.0.1 unless "
                        + "--host is given; speaks HTTPS only with --tls. Writes (/kg/update, /kg/data) exist only with --update and "
                        + "--password-file. Ctrl-C stops it cleanly."})
final class ServeCommand extends KgCommand {

    @Mixin
    DbOption db = new DbOption();

    @Option(names = "--port", paramLabel = "N", defaultValue = "${env:CONFLICT_KG_PORT:-3030}",
            description = "TCP port; 0: any free port. Default: ${DEFAULT-VALUE} (or $CONFLICT_KG_PORT)")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Interface to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for all - mind who can reach it).")
    String host;

    @Option(names = "--update", description = "Enable SPARQL Update and Graph Store writes, for users of --password-file.")
    boolean update;

    @Option(names = "--password-file", paramLabel = "F",
            description = "Users allowed to write, one 'user: password' line each (Jetty realm file format; readable by its owner only).")
    Path passwordFile;

    @Mixin
    TlsOptions tls = new TlsOptions();

    @Mixin
    TimeoutOption timeout = new TimeoutOption();

    @Option(names = "--max-upload", paramLabel = "MB", defaultValue = "64",
            description = "Refuse request bodies (updates, Graph Store uploads) over this many MiB with HTTP 413 (default ${DEFAULT-VALUE}).")
    long maxUploadMb;

    @Option(names = "--no-ui", description = "Serve SPARQL only, without the map page and the Fuseki UI.")
    boolean noUi;

    @Option(names = "--tiles", paramLabel = "URL",
            description = "Add this tile layer to the map, e.g. https://tiles.example.org/{z}/{x}/{y}.png (default: none; the map is offline).")
    String tiles;

    @Override
    public Integer call() {
        PrintWriter out = out();
        if (!update && passwordFile != null) {
            throw usage("--password-file is for --update");
        }
        checkTiles(spec, tiles);
        long maxUpload = maxUploadBytes(spec, maxUploadMb);
        Duration queryTimeout = timeout.timeout(spec.commandLine()); // usage errors before the database is opened
        OutputPaths.folder("--db", db.db());
        KgServer.Builder builder = tls.applyTo(KgServer.create().passwordFile(passwordFile), spec);
        KgServer server = builder.database(db.db()).port(port).host(host).update(update)
                .timeout(queryTimeout).maxUpload(maxUpload)
                .ui(!noUi).tiles(tiles).build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(server), "conflict-kg-shutdown"));
        warnIfExposed(err(), server);
        printEndpoints(out, server, db.db());
        out.flush();
        server.join();
        return 0;
    }

    static void printEndpoints(PrintWriter out, KgServer server, Path db) {
        out.println("conflict-kg: serving " + db.toAbsolutePath().normalize() + " (Ctrl-C to stop)");
        out.println("  Map:             " + server.baseUrl());
        out.println("  Fuseki UI:       " + server.baseUrl() + "ui/");
        out.println("  SPARQL query:    " + server.datasetUrl() + "/query");
        out.println("  Graph Store get: " + server.datasetUrl() + "/get?graph=IRI");
        if (server.updateEnabled()) {
            out.println("  SPARQL update:   " + server.datasetUrl() + "/update   (basic auth)");
            out.println("  Graph Store rw:  " + server.datasetUrl() + "/data     (basic auth)");
        }
    }

    /** {@code --max-upload} in bytes; a usage error unless it is positive and fits. */
    static long maxUploadBytes(CommandLine.Model.CommandSpec spec, long mb) {
        if (mb <= 0 || mb > (Long.MAX_VALUE >> 20)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-upload must be a positive number of MiB");
        }
        return mb << 20;
    }

    /** A bad --tiles URL is a usage error, found before any database is opened. */
    static void checkTiles(CommandLine.Model.CommandSpec spec, String tiles) {
        try {
            org.conflictkg.server.MapPage.checkTiles(tiles);
        } catch (IllegalArgumentException ex) {
            throw new CommandLine.ParameterException(spec.commandLine(), ex.getMessage());
        }
    }

    static void warnIfExposed(PrintWriter err, KgServer server) {
        boolean loopback;
        try {
            loopback = java.net.InetAddress.getByName(server.host()).isLoopbackAddress();
        } catch (java.net.UnknownHostException ex) {
            loopback = false;
        }
        if (!loopback) {
            err.println("warning: listening on " + server.host() + ": reachable from other machines");
            if (server.updateEnabled() && !server.tls()) {
                err.println("warning: --update over plain http on " + server.host()
                        + ": passwords travel unencrypted; use --tls or put a TLS proxy in front (docs/security.md)");
            }
            err.flush();
        }
    }

    static void shutdown(KgServer server) {
        try {
            server.close();
        } finally {
            TdbStores.release(server.dataset());
        }
    }
}
