package org.conflictkg.http;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.QueryExecHTTPBuilder;
import org.apache.jena.sparql.exec.http.QuerySendMode;
import org.apache.jena.sparql.exec.http.UpdateExecHTTP;
import org.apache.jena.sparql.exec.http.UpdateExecHTTPBuilder;
import org.apache.jena.sparql.exec.http.UpdateSendMode;
import org.apache.jena.update.UpdateRequest;
import org.conflictkg.ConflictKgException;

/**
 * A dataset on a SPARQL 1.1 server, as the stages that work on a remote store see it: SELECT
 * queries to its query endpoint, and graphs written through its Graph Store Protocol endpoint,
 * every request retried through {@link HttpRetry}. Only standard protocols are used, so any
 * store that speaks them will do; queries see the endpoint's default graph, which must be the
 * union of the named graphs (as {@code serve} and Virtuoso give it).
 *
 * <p>Queries are {@link Query} objects, built and parsed by the caller with values substituted
 * into the parsed form; nothing is spliced into query strings here.
 *
 * <pre>{@code
 * RemoteDataset remote = RemoteDataset.create("http://127.0.0.1:3030/kg/query", "http://127.0.0.1:3030/kg/data")
 *         .basicAuth("loader", password).build();
 * List<Binding> rows = remote.select(query);
 * remote.put(graphName, graph);
 * }</pre>
 */
public final class RemoteDataset implements AutoCloseable {
    /**
     * The result formats asked for SELECT queries, best first: SPARQL XML results, then JSON.
     * Virtuoso 7 writes XML results about twice as fast as JSON (1.8 s against 3.6 s for 17,604
     * rows of {@code figures}), and serializing is most of the time of a large answer; Fuseki
     * writes both alike. (Virtuoso's TSV is faster still but not SPARQL's: IRIs come as quoted
     * strings.)
     */
    public static final String SELECT_RESULTS = "application/sparql-results+xml, application/sparql-results+json;q=0.9";


    /** A request to the remote store failed for good; the message names the URL and the HTTP status. */
    public static final class RemoteException extends ConflictKgException {
        private final int status;

        RemoteException(String message, Throwable cause, int exitCode, int status) {
            super(message, cause, exitCode);
            this.status = status;
        }

        /** The HTTP status of the last answer; 0 when there was none. */
        public int status() {
            return status;
        }
    }

    /** How long one request may go unanswered, when nothing else is said: 10 minutes. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    /** The most triples in one Graph Store POST, when nothing else is said (about 7 MB of N-Triples). */
    public static final int DEFAULT_POST_TRIPLES = 50_000;

    private final String queryUrl;
    private final String gspUrl;
    private final String updateUrl;
    private final HttpClient http;
    private final String authorization;
    private final boolean credentials;
    private final HttpAuth auth;
    private final HttpRetry retry;
    private final Duration timeout;
    private final int postTriples;

    private RemoteDataset(Builder b) {
        this.queryUrl = b.queryUrl;
        this.gspUrl = b.gspUrl;
        this.updateUrl = b.updateUrl;
        this.http = b.http != null ? b.http : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.authorization = b.authorization;
        this.credentials = b.authorization != null || b.user != null;
        this.auth = b.user == null ? null : HttpAuth.register(b.user, b.password, queryUrl, gspUrl, updateUrl);
        this.retry = b.retry;
        this.timeout = b.timeout;
        this.postTriples = b.postTriples;
    }

    /** A dataset whose SPARQL query endpoint is {@code queryUrl} and Graph Store endpoint {@code gspUrl}. */
    public static Builder create(String queryUrl, String gspUrl) {
        return new Builder(queryUrl, gspUrl);
    }

    /** Settings, with their defaults. */
    public static final class Builder {
        private final String queryUrl;
        private final String gspUrl;
        private String updateUrl;
        private HttpClient http;
        private String authorization;
        private String user;
        private String password;
        private HttpRetry retry = HttpRetry.defaults();
        private Duration timeout = DEFAULT_TIMEOUT;
        private int postTriples = DEFAULT_POST_TRIPLES;

        private Builder(String queryUrl, String gspUrl) {
            this.queryUrl = Objects.requireNonNull(queryUrl);
            this.gspUrl = Objects.requireNonNull(gspUrl);
        }

        /** The HTTP client to send requests with (its authenticator, if any, answers challenges). Default: a new one. */
        public Builder httpClient(HttpClient client) {
            this.http = Objects.requireNonNull(client);
            return this;
        }

        /** Credentials for HTTP basic auth ({@code user} null: none). */
        public Builder basicAuth(String user, String password) {
            this.authorization = user == null ? null : "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            return this;
        }

        /**
         * Credentials answered the way the server asks, basic (Fuseki) or digest (Virtuoso), through
         * {@link HttpAuth}: registered for the query, Graph Store and update URLs by {@link #build()},
         * until {@link #close()} ({@code user} null: none).
         */
        public Builder credentials(String user, String password) {
            this.user = user;
            this.password = user == null ? null : Objects.requireNonNull(password, "password");
            return this;
        }

        /**
         * The SPARQL Update endpoint, for {@link #update}: what lets a derivation replace the part of
         * the derived graph about some places (the Graph Store Protocol only replaces whole graphs).
         * Default: none.
         */
        public Builder updateUrl(String url) {
            this.updateUrl = url;
            return this;
        }

        /** An {@code Authorization} header value to send with every request (null: none). */
        public Builder authorization(String header) {
            this.authorization = header;
            return this;
        }

        /** How requests are retried. Default: {@link HttpRetry#defaults()}. */
        public Builder retry(HttpRetry retry) {
            this.retry = Objects.requireNonNull(retry);
            return this;
        }

        /**
         * How long to wait for the answer to one request (its status and headers; a query's rows
         * are read as they come) before it fails as unanswered. Default {@link #DEFAULT_TIMEOUT}.
         */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the timeout must be positive");
            }
            this.timeout = timeout;
            return this;
        }

        /** The most triples one POST of {@link #post} sends. Default {@value #DEFAULT_POST_TRIPLES}. */
        public Builder postTriples(int triples) {
            if (triples < 1) {
                throw new IllegalArgumentException("postTriples must be at least 1");
            }
            this.postTriples = triples;
            return this;
        }

        public RemoteDataset build() {
            return new RemoteDataset(this);
        }
    }

    /** Forgets the credentials given with {@link Builder#credentials}. */
    @Override
    public void close() {
        if (auth != null) {
            auth.close();
        }
    }

    public String queryUrl() {
        return queryUrl;
    }

    public String graphStoreUrl() {
        return gspUrl;
    }

    /** The SPARQL Update endpoint, or null when none was given. */
    public String updateUrl() {
        return updateUrl;
    }

    /**
     * Runs a SPARQL Update at {@link #updateUrl()}, sent as an HTML form POST (which every SPARQL
     * 1.1 server takes, as {@link #select} sends long queries), with the retries and the
     * timeout of every request. Callers send idempotent requests (DELETE of given triples), so a
     * retried request leaves the store as one that succeeded.
     *
     * @throws IllegalStateException without an update endpoint
     */
    public void update(UpdateRequest request) {
        if (updateUrl == null) {
            throw new IllegalStateException("no SPARQL Update endpoint given for " + gspUrl);
        }
        call("update " + updateUrl, () -> {
            UpdateExecHTTPBuilder ub = UpdateExecHTTP.service(updateUrl).update(request).httpClient(http)
                    .sendMode(UpdateSendMode.asPostForm).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (authorization != null) {
                ub.httpHeader("Authorization", authorization);
            }
            ub.build().execute();
            return null;
        });
    }

    /**
     * The rows of a SELECT query, all read before they are returned (a retried query never
     * hands out a row twice): callers keep their queries to pages of bounded size. A query too
     * long for a GET goes as an HTML form POST ({@code application/x-www-form-urlencoded}), which
     * every SPARQL 1.1 server takes: Virtuoso 7 never answers a POST whose body is of type
     * {@code application/sparql-query}, Jena's default for long queries.
     */
    public List<Binding> select(Query query) {
        return call("query " + queryUrl, () -> {
            QueryExecHTTPBuilder qb = QueryExecHTTP.service(queryUrl).query(query).httpClient(http)
                    .sendMode(QuerySendMode.asGetWithLimitForm).acceptHeaderSelectQuery(SELECT_RESULTS)
                    .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (authorization != null) {
                qb.httpHeader("Authorization", authorization);
            }
            try (QueryExec exec = qb.build()) {
                List<Binding> rows = new ArrayList<>();
                exec.select().forEachRemaining(rows::add);
                return rows;
            }
        });
    }

    /** Replaces graph {@code name} with {@code graph} (Graph Store Protocol PUT; idempotent). */
    public void put(Node name, Graph graph) {
        byte[] body = nTriples(graph);
        call("PUT " + name.getURI() + " at " + gspUrl, () -> {
            send("PUT", name, body);
            return null;
        });
    }

    /**
     * Adds the triples of {@code graph} to graph {@code name} (Graph Store Protocol POST), in
     * requests of at most {@link Builder#postTriples} triples each: a request's body is held in
     * memory (a digest challenge makes it be sent twice) and each is one transaction in the store.
     * A graph is a set, so sending the same triples again leaves it as it was: a request may be
     * retried, and a POST that failed half-way is completed by sending the graph again.
     */
    public void post(Node name, Graph graph) {
        java.util.Iterator<org.apache.jena.graph.Triple> triples = graph.find();
        while (triples.hasNext()) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            org.apache.jena.riot.system.StreamRDF writer = org.apache.jena.riot.system.StreamRDFLib.writer(out);
            writer.start();
            for (int n = 0; n < postTriples && triples.hasNext(); n++) {
                writer.triple(triples.next());
            }
            writer.finish();
            byte[] body = out.toByteArray();
            call("POST " + name.getURI() + " at " + gspUrl, () -> {
                send("POST", name, body);
                return null;
            });
        }
    }

    /** Deletes graph {@code name} (Graph Store Protocol DELETE); a graph that is not there is no error. */
    public void delete(Node name) {
        try {
            call("DELETE " + name.getURI() + " at " + gspUrl, () -> {
                send("DELETE", name, null);
                return null;
            });
        } catch (RemoteException ex) {
            if (ex.status() != 404) {
                throw ex;
            }
        }
    }

    private static byte[] nTriples(Graph graph) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        RDFDataMgr.write(out, graph, RDFFormat.NTRIPLES);
        return out.toByteArray();
    }

    /**
     * One Graph Store Protocol request on graph {@code name}, with {@code body} as N-Triples (null:
     * none), sent here rather than by Jena's {@code GSP}, which has no timeout (and whose DELETE
     * does not send the request's headers). It goes through Jena's HttpLib, so credentials
     * registered with its AuthEnv (basic or digest) answer a challenge. Not 2xx: an HttpException
     * with the status.
     */
    private void send(String method, Node name, byte[] body) {
        String url = gspUrl + (gspUrl.contains("?") ? "&" : "?") + "graph="
                + java.net.URLEncoder.encode(name.getURI(), StandardCharsets.UTF_8);
        java.net.http.HttpRequest.Builder rb = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
                .timeout(timeout);
        if (body != null) {
            rb.header("Content-Type", Lang.NTRIPLES.getHeaderString());
        }
        if (authorization != null) {
            rb.header("Authorization", authorization);
        }
        java.net.http.HttpResponse<java.io.InputStream> response = org.apache.jena.http.HttpLib.execute(http, rb.build());
        int status = response.statusCode();
        String text;
        try (java.io.InputStream in = response.body()) {
            text = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (java.io.IOException ex) {
            throw new HttpException(ex);
        }
        if (status / 100 != 2) {
            throw new HttpException(status, "HTTP " + status, text);
        }
    }

    /**
     * A request that had no answer within the timeout: not sent again (it would most likely time
     * out again, and the server may still be working on it), so not an HttpException.
     */
    private static final class TimedOut extends RuntimeException {
        TimedOut(Throwable cause) {
            super(cause);
        }
    }

    /**
     * Runs a request with retries; a failure for good becomes one {@link RemoteException} line
     * naming the URL. A request unanswered after {@link Builder#timeout} fails at once.
     */
    private <T> T call(String what, Supplier<T> request) {
        try {
            return retry.call(() -> {
                try {
                    return request.get();
                } catch (RuntimeException ex) {
                    if (timedOut(ex)) {
                        throw new TimedOut(ex);
                    }
                    throw ex;
                }
            });
        } catch (TimedOut ex) {
            throw new RemoteException(what + " failed: no answer within " + seconds(timeout)
                    + " (the request timed out; the server may be stuck on it, or need more time)", ex,
                    ConflictKgException.FAILURE, 0);
        } catch (HttpRetry.Failed ex) {
            int status = ex.status();
            if (status == 401 || status == 403) {
                throw new RemoteException(what + " refused (HTTP " + status + "): " + (!credentials
                        ? "credentials needed (--user, --password-file)" : "check the credentials"),
                        ex, ConflictKgException.BAD_INPUT, status);
            }
            String why = status == 404 ? "HTTP 404, no such endpoint or graph (is the URL right?)"
                    : status > 0 ? "HTTP " + status + " " + withoutStatus(firstLine(ex.getMessage()), status)
                    : "no answer: " + firstLine(rootMessage(ex));
            throw new RemoteException(what + " failed after " + ex.attempts() + " attempt(s): " + why, ex,
                    ConflictKgException.FAILURE, Math.max(0, status));
        }
    }

    /** True if {@code t} or a cause is a request that timed out waiting for its answer (not for a connection). */
    static boolean timedOut(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof java.net.http.HttpTimeoutException && !(c instanceof java.net.http.HttpConnectTimeoutException)) {
                return true;
            }
        }
        return false;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return Objects.toString(c.getMessage(), c.getClass().getSimpleName());
    }

    /** "405 - Method Not Allowed" as "Method Not Allowed", after "HTTP 405". */
    private static String withoutStatus(String message, int status) {
        String m = message;
        while (m.startsWith(Integer.toString(status)) || m.startsWith("HTTP " + status)) {
            m = m.substring(m.indexOf(Integer.toString(status)) + Integer.toString(status).length()).strip();
            if (m.startsWith("-")) {
                m = m.substring(1).strip();
            }
        }
        return m;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
