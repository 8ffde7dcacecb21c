package org.conflictkg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.conflictkg.rdf.CKG;
import org.conflictkg.store.EndpointUrl;
import org.conflictkg.store.StoreGraphs;
import org.conflictkg.store.TdbStores;

import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code doctor}: checks what conflict-kg needs and says what to do about what is missing. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Checks Java, disk space, a store and a server; says what to do.",
                "Checks the Java version, the free disk beside the store, the store's health with --db (a TDB2 "
                        + "database, its articles, links and derived graph) and a server's reachability with "
                        + "--endpoint (and whether a load left it owing a derivation). Each check prints one line: ok, "
                        + "warn or FAIL, with what to do. Exit 0 unless a check failed."})
final class DoctorCommand extends KgCommand {
    /** Below this much free disk, a warning: a bulk load or a compaction copies the database. */
    static final long LOW_DISK_BYTES = 2L << 30;


    @Mixin
    Summary.JsonOption json;


    @Option(names = "--db", paramLabel = "DIR",
            description = "A TDB2 database folder to check. Default: ./kg if it exists and --endpoint is not given")
    Path db;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "A SPARQL server to reach, such as http://127.0.0.1:3030/kg")
    String endpoint;

    /** One check's outcome. */
    record Check(String name, Status status, String detail, String todo) {
    }

    enum Status { OK, WARN, FAIL }

    @Override
    public Integer call() {
        List<Check> checks = new ArrayList<>();
        checks.add(java());
        Path dir = db != null ? db : StoreOptions.DEFAULT_DB;
        checks.add(disk(dir));
        if (db != null || (endpoint == null && Files.isDirectory(dir))) { // with --endpoint, ./kg only if asked
            checks.add(store(dir));
        }
        if (endpoint != null) {
            checks.add(server(endpoint));
        }
        PrintWriter out = out();
        long failed = checks.stream().filter(c -> c.status() == Status.FAIL).count();
        long warned = checks.stream().filter(c -> c.status() == Status.WARN).count();
        if (json.json) {
            List<Map<String, String>> list = new ArrayList<>();
            for (Check c : checks) {
                Map<String, String> m = new LinkedHashMap<>();
                m.put("check", c.name());
                m.put("status", c.status().name().toLowerCase(Locale.ROOT));
                m.put("detail", c.detail());
                if (c.todo() != null) {
                    m.put("todo", c.todo());
                }
                list.add(m);
            }
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("command", "doctor");
            all.put("failed", failed);
            all.put("warnings", warned);
            all.put("checks", list);
            try {
                out.println(new ObjectMapper().writeValueAsString(all));
            } catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
        } else {
            for (Check c : checks) {
                if (common.quiet() && c.status() == Status.OK) {
                    continue;
                }
                out.printf(Locale.ROOT, "%-4s %-7s %s%n", c.status() == Status.FAIL ? "FAIL" : c.status().name().toLowerCase(Locale.ROOT),
                        c.name(), c.detail());
                if (c.todo() != null) {
                    out.println("             -> " + c.todo());
                }
            }
            if (!common.quiet()) {
                out.println(checks.size() + " checks: " + failed + " failed, " + warned + " warnings");
            }
        }
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    static Check java() {
        Runtime.Version v = Runtime.version();
        String detail = "Java " + v + " (" + System.getProperty("java.vendor", "?") + "), max heap "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MB";
        if (v.feature() < 17) {
            return new Check("java", Status.FAIL, detail, "install Java 17 or newer");
        }
        return new Check("java", Status.OK, detail, null);
    }

    static Check disk(Path dir) {
        Path at = dir.toAbsolutePath().normalize();
        while (at != null && !Files.exists(at)) {
            at = at.getParent();
        }
        if (at == null) {
            return new Check("disk", Status.WARN, "cannot find a folder for " + dir, null);
        }
        try {
            FileStore fs = Files.getFileStore(at);
            long free = fs.getUsableSpace();
            String detail = String.format(Locale.ROOT, "%.1f GB free at %s", free / (double) (1L << 30), at);
            if (!Files.isWritable(at)) {
                return new Check("disk", Status.FAIL, detail + ", not writable", "choose a writable folder with --db");
            }
            if (free < LOW_DISK_BYTES) {
                return new Check("disk", Status.WARN, detail,
                        "free some space: a bulk load or a compaction needs room for a copy of the database");
            }
            return new Check("disk", Status.OK, detail, null);
        } catch (IOException ex) {
            return new Check("disk", Status.WARN, "cannot read free space at " + at + ": " + ex.getMessage(), null);
        }
    }

    static Check store(Path dir) {
        if (!Files.isDirectory(dir)) {
            return new Check("store", Status.FAIL, "no database at " + dir,
                    "load something: bin/conflict-kg load examples/ --db " + dir);
        }
        if (!TdbStores.looksLikeTdb2(dir)) {
            return new Check("store", Status.FAIL, dir + " is not a TDB2 database", "give the folder 'load' wrote with --db");
        }
        DatasetGraph dsg;
        try {
            dsg = TdbStores.openExisting(dir);
        } catch (RuntimeException ex) {
            return new Check("store", Status.FAIL, "cannot open " + dir + ": " + ex.getMessage(),
                    "if a server or another command holds it, stop that process or ask the server with --endpoint");
        }
        try {
            return Txn.calculateRead(dsg, () -> {
                long articles = 0;
                var it = dsg.listGraphNodes();
                while (it.hasNext()) {
                    if (StoreGraphs.isArticleGraph(it.next())) {
                        articles++;
                    }
                }
                boolean links = !isEmpty(dsg, CKG.GRAPH_LINKS);
                boolean derived = !isEmpty(dsg, CKG.GRAPH_DERIVED);
                String detail = dir + ": " + articles + " article" + (articles == 1 ? "" : "s") + ", places "
                        + (links ? "linked" : "not linked") + ", timeline " + (derived ? "derived" : "not derived");
                if (articles == 0) {
                    return new Check("store", Status.WARN, detail, "load articles: bin/conflict-kg load FILES --db " + dir);
                }
                Node dft = org.apache.jena.sparql.core.Quad.defaultGraphIRI;
                if (dsg.find(dft, Node.ANY, CKG.derivePending, Node.ANY).hasNext()) {
                    return new Check("store", Status.WARN, detail + "; the timeline is behind its articles (a load was interrupted "
                            + "or run with --no-derive)", "run that load again, or: bin/conflict-kg derive --db " + dir);
                }
                if (dsg.find(dft, Node.ANY, CKG.compactPending, Node.ANY).hasNext()) {
                    return new Check("store", Status.WARN, detail + "; a compaction was interrupted",
                            "run that load again: it compacts the store");
                }
                if (!links) {
                    return new Check("store", Status.WARN, detail, "link places: bin/conflict-kg link --db " + dir);
                }
                if (!derived) {
                    return new Check("store", Status.WARN, detail, "derive: bin/conflict-kg derive --db " + dir);
                }
                return new Check("store", Status.OK, detail, null);
            });
        } finally {
            TdbStores.release(dsg);
        }
    }

    private static boolean isEmpty(DatasetGraph dsg, Node graph) {
        return !dsg.find(graph, Node.ANY, Node.ANY, Node.ANY).hasNext();
    }

    /** Asked of a server: does it answer a query at all. */
    static final String ANY_TRIPLE = "ASK { ?s ?p ?o }";
    /** Asked of a server that answers: does it hold the record of a derivation owed (docs/store.md). */
    static final String DERIVE_OWED = "ASK { GRAPH <" + CKG.GRAPH_DERIVE_PENDING.getURI() + "> { ?s ?p ?o } }";

    static Check server(String url) {
        String query;
        try {
            query = EndpointUrl.parse(url).queryUrl();
        } catch (RuntimeException ex) {
            return new Check("server", Status.FAIL, ex.getMessage(), "give the dataset URL, such as http://127.0.0.1:3030/kg");
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = ask(http, query, ANY_TRIPLE);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (r.statusCode() == 200) {
                String detail = query + " answers a query (" + ms + " ms)";
                HttpResponse<String> owed = ask(http, query, DERIVE_OWED);
                if (owed.statusCode() == 200 && isTrue(owed.body())) {
                    return new Check("server", Status.WARN, detail + "; the timeline is behind its articles (a load was "
                            + "interrupted or run with --no-derive)", "run that load again, or: bin/conflict-kg derive "
                            + "--endpoint " + url + " --user USER --password-file FILE");
                }
                return new Check("server", Status.OK, detail, null);
            }
            if (r.statusCode() == 401 || r.statusCode() == 403) {
                return new Check("server", Status.WARN, query + " wants credentials (HTTP " + r.statusCode() + ")",
                        "give --user and --password-file to the commands that use it");
            }
            return new Check("server", Status.FAIL, query + " answered HTTP " + r.statusCode(),
                    "check the URL: the dataset URL, such as http://127.0.0.1:3030/kg");
        } catch (IOException ex) {
            return new Check("server", Status.FAIL, "cannot reach " + query + ": "
                    + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()),
                    "start it: bin/conflict-kg serve --db DIR (or check host and port)");
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return new Check("server", Status.FAIL, "interrupted", null);
        } catch (IllegalArgumentException ex) {
            return new Check("server", Status.FAIL, "not a URL: " + url, null);
        }
    }

    /**
     * One of the constant ASK queries above, as a GET with the query in the URL, which every SPARQL
     * 1.1 server answers (Virtuoso 7 never answers a POST of {@code application/sparql-query}).
     */
    private static HttpResponse<String> ask(HttpClient http, String queryUrl, String ask)
            throws IOException, InterruptedException {
        String sep = queryUrl.contains("?") ? "&" : "?";
        HttpRequest req = HttpRequest.newBuilder(URI.create(queryUrl + sep + "query="
                        + java.net.URLEncoder.encode(ask, java.nio.charset.StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(10)).header("Accept", "application/sparql-results+json").GET().build();
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }

    /** The boolean of a SPARQL JSON result; false for anything else. */
    private static boolean isTrue(String json) {
        try {
            return new ObjectMapper().readTree(json).path("boolean").asBoolean(false);
        } catch (IOException ex) {
            return false;
        }
    }
}
