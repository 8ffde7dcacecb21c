package org.conflictkg.store;

import org.apache.jena.sparql.core.DatasetGraph;
import org.conflictkg.http.HttpAuth;
import org.conflictkg.http.HttpRetry;
import org.conflictkg.rdf.CKG;
import org.conflictkg.rdf.SparqlLib;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.http.DSP;
import org.apache.jena.sparql.exec.http.UpdateExecHTTP;
import org.apache.jena.sparql.exec.http.UpdateExecHTTPBuilder;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.sparql.modify.request.UpdateDrop;
import org.apache.jena.update.UpdateRequest;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.GSP;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.QueryExecHTTPBuilder;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * Loads into any SPARQL 1.1 Graph Store Protocol endpoint, many article graphs per request so
 * that the server commits once per batch (up to {@link Builder#batchQuads} quads), not once per
 * article. Per batch:
 * <ul>
 * <li>Articles whose graph the store does not hold (no stored hash) and the shared quads not yet
 * sent during this load go in one dataset-level POST of N-Quads (the Graph Store Protocol on the
 * dataset, as Fuseki offers it): merging into an absent graph creates it whole, and Fuseki parses
 * the request into one write transaction, aborted on any error, so the request is in whole or
 * not at all. Only where a query endpoint is known: the first such POST of a load is checked by
 * reading one of its quads back, since a server may answer it with success and store nothing
 * (Virtuoso 7 shows its Graph Store form); then the load goes graph by graph.</li>
 * <li>When the batch replaces stored articles and an update endpoint is known (for Fuseki,
 * {@code .../update} beside {@code .../data}), the whole batch is instead one SPARQL Update,
 * built as an {@code UpdateRequest}: {@code DROP SILENT GRAPH} of each replaced graph, then one
 * {@code INSERT DATA} of the shared quads and every article graph; one transaction again.</li>
 * <li>Otherwise each replaced graph is one PUT, after the POST above. An endpoint that refuses
 * dataset requests (400, 404, 405, 406, 415, 501) gets the per-graph form for everything: one
 * POST (merge) per shared graph, then one PUT per article graph; an update endpoint that refuses
 * is not used again in this load.</li>
 * </ul>
 * Every article graph carries its hash triple inside it and is written by one request, after (or
 * with) the shared quads it needs, so after any failure or crash a graph whose hash says
 * "current" is complete, and no article is half loaded. Every request is idempotent, so one whose
 * answer was lost is safely sent again. Credentials are answered the way the server asks
 * ({@link HttpAuth}: basic for Fuseki, digest for Virtuoso); transient failures
 * (I/O, 5xx, 408, 429) are retried with exponential backoff; a 401/403 stops the load at once
 * (every further request would fail the same way).
 *
 * <p>Stored hashes come from one SPARQL query to the query endpoint, if one is known (for
 * Fuseki, {@code .../data} has its query endpoint at {@code .../query}); without one, every
 * article is written as a replacement (still idempotent, only slower). Graphs that exist without a
 * hash triple are not article graphs by {@link StoreGraphs}' contract and are not looked for.
 * New articles are merged, not replaced, so two loads writing the same new article into one
 * store at the same time could mix their versions: run one loader per store at a time.
 */
public final class GspTarget implements LoadTarget {
    /** Default quads per request. */
    public static final int DEFAULT_BATCH_QUADS = 50_000;

    private final String gspUrl;
    private final String queryUrl;
    private final String updateUrl;
    private final int batchQuads;
    /** Credentials for the three endpoints (basic or digest, as each server asks). */
    private final HttpAuth auth;
    private final boolean credentials;
    private final HttpRetry retry;
    private final Duration deriveTimeout;
    private final HttpClient http;
    private final java.util.function.Consumer<String> warn;
    /** Shared-graph quads already merged into the endpoint during this load. */
    private final Set<Quad> sentShared = new HashSet<>();
    private volatile boolean recordsOwedDerivation;
    private boolean pendingMarked;
    /** Ids of the article graphs the endpoint holds (from {@link #storedHashes}); null: unknown. */
    private Set<String> stored;
    /**
     * False once the endpoint refused a dataset-level POST, or answered one without storing it;
     * false from the start without a query endpoint to check one with.
     */
    private boolean datasetPostWorks;
    /** True once the endpoint refused a dataset-level POST or did not store one. */
    private boolean datasetPostRefused;
    /** True once a dataset-level POST was read back and found stored. */
    private boolean datasetPostChecked;
    /** False once the update endpoint refused an update. */
    private boolean updateWorks = true;
    /** The places the articles this load wrote name, in their new and replaced versions (see {@link #track}). */
    private final TouchedPlaces touched = new TouchedPlaces();
    /** False once a write replaced articles whose stored versions are unknown. */
    private boolean tracked = true;
    /** Whether the store owed a derivation before this load's first write (null: it wrote nothing). */
    private Boolean owedBefore;

    private GspTarget(Builder b) {
        this.gspUrl = b.gspUrl;
        this.queryUrl = b.queryUrl;
        this.updateUrl = b.updateUrl;
        this.batchQuads = b.batchQuads;
        this.credentials = b.user != null;
        this.auth = HttpAuth.register(b.user, b.password, b.gspUrl, b.queryUrl, b.updateUrl);
        // A dataset-level POST is sent only where its effect can be read back (see postDataset).
        this.datasetPostWorks = b.queryUrl != null;
        this.retry = b.retry;
        this.deriveTimeout = b.deriveTimeout;
        this.warn = b.warn;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public static Builder create(String gspUrl) {
        return new Builder(gspUrl);
    }

    /** The conventional query endpoint beside a Fuseki Graph Store endpoint, or null. */
    public static String fusekiQueryEndpoint(String gspUrl) {
        return fusekiSibling(gspUrl, "query");
    }

    /** The conventional SPARQL Update endpoint beside a Fuseki Graph Store endpoint, or null. */
    public static String fusekiUpdateEndpoint(String gspUrl) {
        return fusekiSibling(gspUrl, "update");
    }

    private static String fusekiSibling(String gspUrl, String name) {
        String u = gspUrl.endsWith("/") ? gspUrl.substring(0, gspUrl.length() - 1) : gspUrl;
        if (u.endsWith("/data")) {
            return u.substring(0, u.length() - "/data".length()) + "/" + name;
        }
        return null;
    }

    @Override
    public Map<String, String> storedHashes() {
        Map<String, String> byId = new HashMap<>();
        if (queryUrl == null) {
            return byId;
        }
        String q = "SELECT ?g ?h WHERE { GRAPH ?g { ?g <" + StoreGraphs.CONTENT_HASH.getURI() + "> ?h } }";
        try {
            QueryExecHTTPBuilder qb = QueryExecHTTP.service(queryUrl).query(q).httpClient(http);
            try (QueryExec exec = qb.build()) {
                RowSet rows = exec.select();
                rows.forEachRemaining(row -> {
                    Node g = row.get("g");
                    Node h = row.get("h");
                    String id = StoreGraphs.articleId(g);
                    if (id != null && h != null && h.isLiteral()) {
                        byId.put(id, h.getLiteralLexicalForm());
                    }
                });
            }
            stored = new HashSet<>(byId.keySet());
        } catch (RuntimeException ex) {
            warn.accept("cannot read stored content hashes from " + queryUrl + " (" + ex.getMessage()
                    + "); writing every article");
        }
        return byId;
    }

    @Override
    public void recordsOwedDerivation() {
        recordsOwedDerivation = true;
    }

    /**
     * True if the store holds the derive-pending graph: a load over HTTP wrote articles and was
     * stopped before its derived graph was rebuilt, or ran with {@code --no-derive}. Asked at the query endpoint, or without one
     * through a Graph Store GET of that graph (404: none).
     */
    @Override
    public boolean derivePending() {
        if (queryUrl != null) {
            org.apache.jena.query.Query ask = org.apache.jena.query.QueryFactory.create(
                    "ASK { GRAPH ?g { ?s ?p ?o } }");
            ask = org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps.transform(ask,
                    Map.of(org.apache.jena.sparql.core.Var.alloc("g"), CKG.GRAPH_DERIVE_PENDING));
            org.apache.jena.query.Query q = ask;
            boolean[] answer = new boolean[1];
            send(null, "ask whether a derivation is owed", () -> answer[0] = org.apache.jena.sparql.exec.http.QueryExecHTTP
                    .service(queryUrl).httpClient(http).query(q).ask());
            return answer[0];
        }
        try {
            return !GSP.service(gspUrl).httpClient(http).graphName(CKG.GRAPH_DERIVE_PENDING).GET().isEmpty();
        } catch (HttpException ex) {
            if (ex.getStatusCode() == 404) {
                return false;
            }
            throw StoreException.failure(gspUrl + ": cannot ask whether a derivation is owed: "
                    + Objects.toString(ex.getMessage(), "HTTP " + ex.getStatusCode()), ex);
        }
    }

    /** Before the first article this load writes: the store records that its derived graph is behind. */
    private synchronized void markDerivePending() {
        if (!recordsOwedDerivation || pendingMarked) {
            return;
        }
        if (queryUrl != null && updateUrl != null) { // else it derives in full anyway (see incremental())
            owedBefore = derivePending(); // a debt from before this load: its writes alone do not say what is owed
        }
        Graph g = GraphFactory.createDefaultGraph();
        g.add(org.apache.jena.graph.Triple.create(CKG.GRAPH_DERIVE_PENDING, CKG.derivePending, CKG.GRAPH_DERIVE_PENDING));
        send(null, "record that a derivation is owed", () -> gsp(CKG.GRAPH_DERIVE_PENDING).PUT(g));
        pendingMarked = true;
    }

    private void clearDerivePending() {
        send(null, "clear the record of an owed derivation", () -> {
            try {
                gsp(CKG.GRAPH_DERIVE_PENDING).DELETE();
            } catch (HttpException ex) {
                if (ex.getStatusCode() != 404) {
                    throw ex;
                }
            }
        });
        pendingMarked = false;
    }

    @Override
    public void write(List<ArticleGraph> batch) {
        if (batch.isEmpty()) {
            return;
        }
        markDerivePending();
        Set<Quad> newShared = new LinkedHashSet<>();
        List<ArticleGraph> fresh = new ArrayList<>();
        List<ArticleGraph> replaced = new ArrayList<>();
        for (ArticleGraph a : batch) {
            for (Quad q : a.sharedQuads()) {
                if (!sentShared.contains(q)) {
                    newShared.add(q);
                }
            }
            (stored != null && !stored.contains(a.articleId()) ? fresh : replaced).add(a);
        }
        track(batch, replaced);
        if (!replaced.isEmpty() && updateUrl != null && updateWorks) {
            if (sendUpdate(batch, replaced, newShared)) {
                done(batch, newShared);
                return;
            }
        }
        if (datasetPostWorks && (!fresh.isEmpty() || !newShared.isEmpty())) {
            if (postDataset(fresh, newShared)) {
                done(fresh, newShared);
                fresh = List.of();
                newShared = Set.of();
            }
        }
        // Per graph: shared graphs merged first, then each article graph replaced by one PUT.
        Map<Node, Graph> shared = new LinkedHashMap<>();
        for (Quad q : newShared) {
            shared.computeIfAbsent(q.getGraph(), g -> GraphFactory.createDefaultGraph()).add(q.asTriple());
        }
        for (var e : shared.entrySet()) {
            ArticleGraph first = batch.get(0);
            send(first, "POST " + e.getKey().getURI(), () -> gsp(e.getKey()).POST(e.getValue()));
            e.getValue().find().forEachRemaining(t -> sentShared.add(Quad.create(e.getKey(), t)));
        }
        List<ArticleGraph> perGraph = new ArrayList<>(fresh);
        perGraph.addAll(replaced);
        for (ArticleGraph a : perGraph) {
            Graph own = GraphFactory.createDefaultGraph();
            a.articleQuads().forEach(q -> own.add(q.asTriple()));
            own.add(a.hashQuad().asTriple());
            send(a, "PUT " + a.graphName().getURI(), () -> gsp(a.graphName()).PUT(own));
            done(List.of(a), Set.of());
        }
    }

    /** The places the stored versions of some article graphs name. */
    private static final org.apache.jena.query.Query OLD_PLACES = org.apache.jena.query.QueryFactory.create("""
            SELECT DISTINCT ?place WHERE {
              GRAPH ?g { ?s ?link ?place }
              VALUES ?link { <https://w3id.org/conflict-kg/ontology#territory> <https://w3id.org/conflict-kg/ontology#aboutPlace>
                             <https://w3id.org/conflict-kg/ontology#stopPlace> }
            }""");
    /** A figure about no place in the stored versions of some article graphs. */
    private static final org.apache.jena.query.Query OLD_PLACELESS_FIGURE = org.apache.jena.query.QueryFactory.create("""
            SELECT ?f WHERE {
              GRAPH ?g { ?f a <https://w3id.org/conflict-kg/ontology#Figure>
                         FILTER NOT EXISTS { ?f <https://w3id.org/conflict-kg/ontology#aboutPlace> ?any } }
            } LIMIT 1""");
    /** Article graphs per query when asking about their stored versions (Virtuoso refuses long VALUES lists). */
    private static final int GRAPHS_PER_QUERY = 500;

    /**
     * Notes the places a batch's articles name, in the versions written and in the stored versions
     * they replace (asked at the query endpoint before they are replaced), and whether any names a
     * figure about no place: what the derived graph must be brought up to date on. Without the
     * stored articles' ids (no query endpoint) the replaced versions are unknown, and the load
     * derives in full.
     */
    private void track(List<ArticleGraph> batch, List<ArticleGraph> replaced) {
        if (!tracked) {
            return;
        }
        if (stored == null) {
            tracked = false;
            return;
        }
        for (int i = 0; i < replaced.size(); i += GRAPHS_PER_QUERY) {
            List<Node> graphs = replaced.subList(i, Math.min(replaced.size(), i + GRAPHS_PER_QUERY)).stream()
                    .map(ArticleGraph::graphName).toList();
            send(replaced.get(i), "read the places of " + graphs.size() + " stored article(s)", () -> {
                select(SparqlLib.withValues(OLD_PLACES, "g", graphs)).forEach(b -> touched.places().add(b.get("place")));
                if (!select(SparqlLib.withValues(OLD_PLACELESS_FIGURE, "g", graphs)).isEmpty()) {
                    touched.placelessFigure();
                }
            });
        }
        for (ArticleGraph a : batch) {
            touched.article(a.articleQuads());
        }
    }

    private List<org.apache.jena.sparql.engine.binding.Binding> select(org.apache.jena.query.Query q) {
        List<org.apache.jena.sparql.engine.binding.Binding> rows = new ArrayList<>();
        try (var exec = org.apache.jena.sparql.exec.http.QueryExecHTTP.service(queryUrl).httpClient(http).query(q)
                .sendMode(org.apache.jena.sparql.exec.http.QuerySendMode.asGetWithLimitForm).build()) {
            exec.select().forEachRemaining(rows::add);
        }
        return rows;
    }

    /**
     * True when this load can bring the derived graph up to date on the places it touched alone:
     * it wrote, knew what every write replaced, found no derivation owed from before it, and has
     * a query and an update endpoint (the Graph Store Protocol cannot delete part of a graph).
     */
    private boolean incremental() {
        return pendingMarked && tracked && Boolean.FALSE.equals(owedBefore) && queryUrl != null && updateUrl != null
                && updateWorks;
    }

    /** Records what the endpoint now holds after a successful request. */
    private void done(List<ArticleGraph> written, Set<Quad> shared) {
        sentShared.addAll(shared);
        if (stored != null) {
            written.forEach(a -> stored.add(a.articleId()));
        }
    }

    /**
     * One dataset-level POST (Graph Store Protocol on the dataset, N-Quads) of the new shared
     * quads and of article graphs the store does not hold: merging into an absent graph creates
     * it whole. Returns false, having written nothing, if the endpoint refuses dataset requests.
     */
    private boolean postDataset(List<ArticleGraph> fresh, Set<Quad> newShared) {
        DatasetGraph body = DatasetGraphFactory.create();
        newShared.forEach(body::add);
        for (ArticleGraph a : fresh) {
            a.articleQuads().forEach(body::add);
            body.add(a.hashQuad());
        }
        ArticleGraph first = fresh.isEmpty() ? null : fresh.get(0);
        String what = "POST (dataset) of " + fresh.size() + " article graph(s)";
        boolean sent = sendOrRefused(first, what, () -> {
            DSP dsp = DSP.service(gspUrl).httpClient(http).contentType(RDFFormat.NQUADS);
            dsp.POST(body);
        }, refused -> {
            if (refused != 400) {
                datasetPostWorks = false;
                datasetPostRefused = true;
            }
            warn.accept(gspUrl + " refused a dataset POST (HTTP " + refused + "); writing one graph per request"
                    + (refused != 400 ? " from now on" : " for this batch"));
        });
        if (sent && !datasetPostChecked) {
            // Some servers answer a dataset-level POST with success and store nothing (Virtuoso 7
            // shows its Graph Store form): read one quad of the first such request back.
            Quad probe = first != null ? first.hashQuad() : newShared.iterator().next();
            if (!holds(first, probe)) {
                datasetPostWorks = false;
                datasetPostRefused = true;
                warn.accept(gspUrl + " answered a dataset POST without storing it; writing one graph per request");
                return false;
            }
            datasetPostChecked = true;
        }
        return sent;
    }

    /** True if the query endpoint finds {@code quad} (an ASK built as a syntax tree, never from strings). */
    private boolean holds(ArticleGraph a, Quad quad) {
        org.apache.jena.query.Query ask = new org.apache.jena.query.Query();
        ask.setQueryAskType();
        org.apache.jena.sparql.syntax.ElementPathBlock pattern = new org.apache.jena.sparql.syntax.ElementPathBlock();
        pattern.addTriple(quad.asTriple());
        ask.setQueryPattern(new org.apache.jena.sparql.syntax.ElementNamedGraph(quad.getGraph(), pattern));
        boolean[] found = {false};
        try {
            send(a, "ASK at " + queryUrl, () -> {
                try (QueryExec exec = QueryExecHTTP.service(queryUrl).query(ask).httpClient(http).build()) {
                    found[0] = exec.ask();
                }
            });
        } catch (StoreException ex) {
            if (ex.fatal()) {
                throw ex;
            }
            warn.accept("cannot read back a dataset POST from " + queryUrl + " (" + ex.getMessage() + ")");
            return false; // unknown: the graphs are written again one by one, which is idempotent
        }
        return found[0];
    }

    /**
     * One SPARQL Update request, built as an {@link UpdateRequest} (never from strings): drop
     * the graphs being replaced, then insert the new shared quads and every article graph of the
     * batch. The server runs it as one transaction, so the batch is in whole or not at all.
     * Returns false, having written nothing, if the update endpoint refuses the request.
     */
    private boolean sendUpdate(List<ArticleGraph> batch, List<ArticleGraph> replaced, Set<Quad> newShared) {
        UpdateRequest request = new UpdateRequest();
        for (ArticleGraph a : replaced) {
            request.add(new UpdateDrop(a.graphName(), true));
        }
        QuadDataAcc data = new QuadDataAcc();
        newShared.forEach(data::addQuad);
        for (ArticleGraph a : batch) {
            a.articleQuads().forEach(data::addQuad);
            data.addQuad(a.hashQuad());
        }
        request.add(new UpdateDataInsert(data));
        String what = "SPARQL Update replacing " + replaced.size() + " article graph(s)";
        return sendOrRefused(replaced.get(0), what, () -> {
            // As an HTML form, which every SPARQL 1.1 server takes, as queries and derivation updates are sent.
            UpdateExecHTTPBuilder ub = UpdateExecHTTP.service(updateUrl).httpClient(http).update(request)
                    .sendMode(org.apache.jena.sparql.exec.http.UpdateSendMode.asPostForm);
            ub.build().execute();
        }, refused -> {
            updateWorks = false;
            warn.accept(updateUrl + " refused a SPARQL Update (HTTP " + refused + "); replacing one graph per request");
        });
    }

    /**
     * Sends with retries; a status saying the endpoint does not take this kind of request
     * (400, 404, 405, 406, 415, 501) is reported to {@code onRefused} and gives false.
     */
    private boolean sendOrRefused(ArticleGraph a, String what, Runnable request, java.util.function.IntConsumer onRefused) {
        try {
            send(a, what, request, true);
            return true;
        } catch (Unsupported ex) {
            onRefused.accept(ex.status);
            return false;
        }
    }

    private GSP gsp(Node graphName) {
        GSP gsp = GSP.service(gspUrl).httpClient(http).graphName(graphName).contentType(RDFFormat.NTRIPLES);
        return gsp;
    }

    /** Thrown by {@link #send} when the endpoint answers that it does not take the request. */
    private static final class Unsupported extends RuntimeException {
        final int status;

        Unsupported(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    private static boolean unsupported(int status) {
        return status == 400 || status == 404 || status == 405 || status == 406 || status == 413 || status == 415
                || status == 501;
    }

    /**
     * Runs one request with retries ({@link HttpRetry}: I/O errors, 5xx, 408 and 429 are retried
     * with doubling waits); 401/403 stop the load; other statuses fail the request ({@link Unsupported} for
     * the ones meaning "not this kind of request", which the caller may route around). Every
     * request sent through here is idempotent, so a retry after a lost answer is safe.
     */
    private void send(ArticleGraph a, String what, Runnable request) {
        send(a, what, request, false);
    }

    private void send(ArticleGraph a, String what, Runnable request, boolean mayBeUnsupported) {
        try {
            retry.run(request);
        } catch (HttpRetry.Failed ex) {
            int status = ex.status();
            if (status == 401 || status == 403) {
                throw StoreException.refused(gspUrl + " refused the write (HTTP " + status + "): "
                        + (!credentials ? "credentials needed (--user, --password-file)" : "check the credentials"));
            }
            if (mayBeUnsupported && !HttpRetry.isTransient(status) && unsupported(status)) {
                throw new Unsupported(status);
            }
            throw StoreException.failure((a == null ? gspUrl : a.source()) + ": " + what
                    + " failed after " + ex.attempts() + " attempt(s): "
                    + (status > 0 ? "HTTP " + status + " " : "") + ex.getMessage(), ex.getCause());
        }
    }

    /**
     * Over HTTP, derivation reads the reports a batch of places at a time through SPARQL
     * SELECTs at the query endpoint and writes the derived graph back through the Graph Store
     * Protocol ({@link DerivedGraphUpdater#updateRemote}), in memory bounded by the batch. Without
     * a query endpoint it reads the whole dataset (one GET of the Graph Store), derives in memory
     * and PUTs the derived graph.
     */
    @Override
    public void derive(DerivedGraphUpdater derivation) {
        if (queryUrl != null) {
            // Credentials: registered with Jena's AuthEnv (HttpAuth), basic or digest.
            var remote = org.conflictkg.http.RemoteDataset.create(queryUrl, gspUrl).httpClient(http).retry(retry)
                    .timeout(deriveTimeout);
            if (incremental()) {
                derivation.updateRemotePlaces(remote.updateUrl(updateUrl).build(), List.copyOf(touched.places()),
                        touched.hasPlacelessFigure());
            } else {
                derivation.updateRemote(remote.build());
            }
        } else {
            deriveInMemory(derivation);
        }
        clearDerivePending();
    }

    private void deriveInMemory(DerivedGraphUpdater derivation) {
        DatasetGraph all;
        try {
            DSP get = DSP.service(gspUrl).httpClient(http);
            all = get.GET();
        } catch (HttpException ex) {
            throw StoreException.failure("cannot read " + gspUrl + " to derive the timeline: "
                    + Objects.toString(ex.getMessage(), "HTTP " + ex.getStatusCode()), ex);
        }
        Graph derived = GraphFactory.createDefaultGraph();
        derivation.derive(all, q -> derived.add(q.asTriple()));
        send(null, "PUT " + CKG.GRAPH_DERIVED.getURI(), () -> gsp(CKG.GRAPH_DERIVED).PUT(derived));
    }

    /** Requests go one at a time, in order, from the loader's writer thread. */
    @Override
    public boolean writesConcurrently() {
        return true;
    }

    @Override
    public int batchQuads() {
        // Once requests go one graph at a time, batches of one article keep failures per article.
        return datasetPostWorks || updateUrl != null && updateWorks && !datasetPostRefused ? batchQuads : 1;
    }

    @Override
    public void close() {
        // java.net.http.HttpClient has no close() before Java 21; its threads end with the JVM.
        auth.close();
    }

    /** Fluent builder for an HTTP load target. */
    public static final class Builder {
        private final String gspUrl;
        private String queryUrl;
        private boolean queryUrlSet;
        private String updateUrl;
        private boolean updateUrlSet;
        private int batchQuads = DEFAULT_BATCH_QUADS;
        private String user;
        private String password;
        private HttpRetry retry = HttpRetry.defaults();
        private Duration deriveTimeout = org.conflictkg.http.RemoteDataset.DEFAULT_TIMEOUT;
        private java.util.function.Consumer<String> warn = s -> { };

        private Builder(String gspUrl) {
            this.gspUrl = Objects.requireNonNull(gspUrl);
            if (!gspUrl.startsWith("http://") && !gspUrl.startsWith("https://")) {
                throw StoreException.badInput("endpoint must be an http(s) URL: " + gspUrl);
            }
        }

        /** Credentials, sent as the server asks on its first 401 (basic or digest). */
        public Builder credentials(String user, String password) {
            this.user = user;
            this.password = password;
            return this;
        }

        /** SPARQL query endpoint used to read stored content hashes (null: none). */
        public Builder queryEndpoint(String url) {
            this.queryUrl = url;
            this.queryUrlSet = true;
            return this;
        }

        /**
         * SPARQL Update endpoint used to replace article graphs a batch at a time (null: none;
         * then each replaced graph is one PUT).
         */
        public Builder updateEndpoint(String url) {
            this.updateUrl = url;
            this.updateUrlSet = true;
            return this;
        }

        /** Largest number of quads per request (at least 1). */
        public Builder batchQuads(int quads) {
            this.batchQuads = Math.max(1, quads);
            return this;
        }

        /** How requests are retried. Default: {@link HttpRetry#defaults()} (5 attempts, waits from 500 ms). */
        public Builder retry(HttpRetry retry) {
            this.retry = Objects.requireNonNull(retry);
            return this;
        }

        /** Attempts per request (at least 1) and the first wait between them (doubling, up to 30 s). */
        public Builder retries(int attempts, Duration firstBackoff) {
            return retry(HttpRetry.create().attempts(Math.max(1, attempts)).firstWait(firstBackoff).build());
        }

        /** Where warnings go (e.g. hashes could not be read). */
        /**
         * How long one request of the derivation after the load (a SELECT, a Graph Store write)
         * may go unanswered before the load fails. Default {@link org.conflictkg.http.RemoteDataset#DEFAULT_TIMEOUT}.
         */
        public Builder deriveTimeout(Duration timeout) {
            this.deriveTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        public Builder warnings(java.util.function.Consumer<String> warn) {
            this.warn = warn;
            return this;
        }

        public GspTarget build() {
            if (!queryUrlSet) {
                queryUrl = fusekiQueryEndpoint(gspUrl);
            }
            if (!updateUrlSet) {
                updateUrl = fusekiUpdateEndpoint(gspUrl);
            }
            return new GspTarget(this);
        }
    }
}
