package org.conflictkg.store;

import org.apache.jena.sparql.core.DatasetGraph;
import org.conflictkg.derive.Derivation;
import org.conflictkg.derive.Timeline;
import org.conflictkg.rdf.CKG;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 * Loads into any SPARQL 1.1 Graph Store Protocol endpoint: per article, one POST (merge) per
 * shared graph of the quads not already merged during this load (none, when an article adds
 * nothing new to the reference graph), then one PUT of the article graph with its hash triple. The PUT comes last so
 * that a graph whose hash says "current" is always complete. Credentials go as HTTP basic auth;
 * transient failures (I/O, 5xx, 429) are retried with exponential backoff; a 401/403 stops the
 * load at once (every further request would fail the same way).
 *
 * <p>Stored hashes come from one SPARQL query to the query endpoint, if one is known (for
 * Fuseki, {@code .../data} has its query endpoint at {@code .../query}); without one, every
 * article is written (still idempotent, only slower).
 */
public final class GspTarget implements LoadTarget {
    private final String gspUrl;
    private final String queryUrl;
    private final String authorization;
    private final int attempts;
    private final Duration backoff;
    private final HttpClient http;
    private final java.util.function.Consumer<String> warn;
    /** Shared-graph quads already merged into the endpoint during this load. */
    private final java.util.Set<Quad> sentShared = new java.util.HashSet<>();

    private GspTarget(Builder b) {
        this.gspUrl = b.gspUrl;
        this.queryUrl = b.queryUrl;
        this.authorization = b.user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((b.user + ":" + b.password).getBytes(StandardCharsets.UTF_8));
        this.attempts = b.attempts;
        this.backoff = b.backoff;
        this.warn = b.warn;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public static Builder create(String gspUrl) {
        return new Builder(gspUrl);
    }

    /** The conventional query endpoint beside a Fuseki Graph Store endpoint, or null. */
    public static String fusekiQueryEndpoint(String gspUrl) {
        String u = gspUrl.endsWith("/") ? gspUrl.substring(0, gspUrl.length() - 1) : gspUrl;
        if (u.endsWith("/data")) {
            return u.substring(0, u.length() - "/data".length()) + "/query";
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
            if (authorization != null) {
                qb.httpHeader("Authorization", authorization);
            }
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
        } catch (RuntimeException ex) {
            warn.accept("cannot read stored content hashes from " + queryUrl + " (" + ex.getMessage()
                    + "); writing every article");
        }
        return byId;
    }

    @Override
    public void write(List<ArticleGraph> batch) {
        for (ArticleGraph a : batch) {
            Map<Node, Graph> shared = new LinkedHashMap<>();
            for (Quad q : a.sharedQuads()) {
                if (!sentShared.contains(q)) {
                    shared.computeIfAbsent(q.getGraph(), g -> GraphFactory.createDefaultGraph()).add(q.asTriple());
                }
            }
            for (var e : shared.entrySet()) {
                send(a, e.getKey(), e.getValue(), false);
                e.getValue().find().forEachRemaining(t -> sentShared.add(Quad.create(e.getKey(), t)));
            }
            Graph own = GraphFactory.createDefaultGraph();
            a.articleQuads().forEach(q -> own.add(q.asTriple()));
            own.add(a.hashQuad().asTriple());
            send(a, a.graphName(), own, true);
        }
    }

    private void send(ArticleGraph a, Node graphName, Graph graph, boolean put) {
        long wait = backoff.toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                GSP gsp = GSP.service(gspUrl).httpClient(http).graphName(graphName).contentType(RDFFormat.NTRIPLES);
                if (authorization != null) {
                    gsp.httpHeader("Authorization", authorization);
                }
                if (put) {
                    gsp.PUT(graph);
                } else {
                    gsp.POST(graph);
                }
                return;
            } catch (HttpException ex) {
                int status = ex.getStatusCode();
                if (status == 401 || status == 403) {
                    throw StoreException.refused(gspUrl + " refused the write (HTTP " + status + "): "
                            + (authorization == null ? "credentials needed (--user, --password-file)" : "check the credentials"));
                }
                boolean transientFailure = status <= 0 || status >= 500 || status == 429 || status == 408;
                if (!transientFailure || attempt >= attempts) {
                    throw StoreException.failure((a == null ? gspUrl : a.source()) + ": " + (put ? "PUT " : "POST ") + graphName.getURI()
                            + " failed after " + attempt + " attempt(s): "
                            + (status > 0 ? "HTTP " + status + " " : "") + Objects.toString(ex.getMessage(), ""), ex);
                }
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw StoreException.failure("interrupted while retrying " + gspUrl, ie);
            }
            wait = Math.min(wait * 2, 30_000);
        }
    }

    /**
     * Over HTTP, derivation reads the whole dataset (one GET of the Graph Store), derives in
     * memory and PUTs the derived graph. Its cost grows with the store: for very large remote
     * stores, derive next to the data instead ({@code derive --db} on the server's database).
     */
    @Override
    public Timeline derive(Derivation derivation) {
        DatasetGraph all;
        try {
            org.apache.jena.sparql.exec.http.DSP get = org.apache.jena.sparql.exec.http.DSP.service(gspUrl).httpClient(http);
            if (authorization != null) {
                get.httpHeader("Authorization", authorization);
            }
            all = get.GET();
        } catch (HttpException ex) {
            throw StoreException.failure("cannot read " + gspUrl + " to derive the timeline: "
                    + Objects.toString(ex.getMessage(), "HTTP " + ex.getStatusCode()), ex);
        }
        Timeline t = derivation.derive(all);
        Graph derived = GraphFactory.createDefaultGraph();
        Derivation.quads(t, q -> derived.add(q.asTriple()));
        ArticleGraph none = null;
        send(none, CKG.GRAPH_DERIVED, derived, true);
        return t;
    }

    @Override
    public int batchQuads() {
        return 1;
    }

    @Override
    public void close() {
        // java.net.http.HttpClient has no close() before Java 21; its threads end with the JVM.
    }

    /** Fluent builder for an HTTP load target. */
    public static final class Builder {
        private final String gspUrl;
        private String queryUrl;
        private boolean queryUrlSet;
        private String user;
        private String password;
        private int attempts = 5;
        private Duration backoff = Duration.ofMillis(500);
        private java.util.function.Consumer<String> warn = s -> { };

        private Builder(String gspUrl) {
            this.gspUrl = Objects.requireNonNull(gspUrl);
            if (!gspUrl.startsWith("http://") && !gspUrl.startsWith("https://")) {
                throw StoreException.badInput("endpoint must be an http(s) URL: " + gspUrl);
            }
        }

        /** Credentials for HTTP basic auth. */
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

        /** Attempts per request (at least 1) and the first wait between them (doubling). */
        public Builder retries(int attempts, Duration firstBackoff) {
            this.attempts = Math.max(1, attempts);
            this.backoff = firstBackoff;
            return this;
        }

        /** Where warnings go (e.g. hashes could not be read). */
        public Builder warnings(java.util.function.Consumer<String> warn) {
            this.warn = warn;
            return this;
        }

        public GspTarget build() {
            if (!queryUrlSet) {
                queryUrl = fusekiQueryEndpoint(gspUrl);
            }
            return new GspTarget(this);
        }
    }
}
