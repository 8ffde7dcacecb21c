package org.conflictkg.query;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.sparql.util.Context;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.http.QueryExecHTTPBuilder;
import org.conflictkg.http.HttpAuth;
import org.apache.jena.system.Txn;
import org.conflictkg.store.ArticleInputs;
import org.conflictkg.store.DerivedGraphUpdater;
import org.conflictkg.store.LoadReport;
import org.conflictkg.store.StoreLoader;
import org.conflictkg.store.TdbStores;
import org.conflictkg.store.TdbTarget;

/** The three kinds of {@link QuerySource}: a TDB2 folder, a SPARQL endpoint, files in memory. */
public final class QuerySources {
    private QuerySources() {}

    /** An existing TDB2 database folder. */
    public static QuerySource database(Path dir) {
        return dataset(TdbStores.openExisting(dir), dir.toString());
    }

    /** An open dataset (its default graph should be the union of its named graphs). */
    public static QuerySource dataset(DatasetGraph dsg, String name) {
        return new QuerySource() {
            @Override
            public <T> T execute(Query query, Duration timeout, Function<QueryExec, T> action) {
                return Txn.calculateRead(dsg, () -> {
                    try (QueryExec exec = QueryExec.dataset(dsg).query(query)
                            .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).build()) {
                        return action.apply(exec);
                    }
                });
            }

            @Override
            public String describe() {
                return name;
            }
        };
    }

    /** A SPARQL 1.1 query endpoint, optionally with credentials (HTTP basic or digest, as the server asks). */
    public static QuerySource endpoint(String url, String user, String password) {
        return endpoint(url, user, password, 0);
    }

    /**
     * A SPARQL 1.1 query endpoint whose SELECT answers are read {@code pageSize} rows per request
     * (0: the whole answer in one request), optionally with credentials.
     */
    public static QuerySource endpoint(String url, String user, String password, int pageSize) {
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw KgQueryException.badInput("endpoint must be an http(s) URL: " + url);
        }
        if (pageSize < 0) {
            throw KgQueryException.badInput("the page size must be 0 (no pages) or more: " + pageSize);
        }
        HttpAuth auth = HttpAuth.register(user, password, url);
        // Plain HTTP/1.1, as the loader speaks it: no HTTP/2 upgrade requests to servers that
        // predate it.
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(java.time.Duration.ofSeconds(10)).followRedirects(java.net.http.HttpClient.Redirect.NORMAL).build();
        return new QuerySource() {
            @Override
            public <T> T execute(Query query, Duration timeout, Function<QueryExec, T> action) {
                try (QueryExec exec = open(query, timeout)) {
                    return action.apply(exec);
                }
            }

            @Override
            public QueryExec open(Query query, Duration timeout) {
                return QueryExecHTTPBuilder.service(url).query(query).httpClient(http)
                        // Long queries as an HTML form POST, which every SPARQL 1.1 server takes
                        // (Virtuoso 7 never answers a body of type application/sparql-query).
                        .sendMode(org.apache.jena.sparql.exec.http.QuerySendMode.asGetWithLimitForm)
                        .acceptHeaderSelectQuery(org.conflictkg.http.RemoteDataset.SELECT_RESULTS)
                        .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).build();
            }

            @Override
            public boolean endpoint() {
                return true;
            }

            @Override
            public int pageSize() {
                return pageSize;
            }

            @Override
            public String describe() {
                return url;
            }

            @Override
            public void close() {
                auth.close();
            }
        };
    }

    /**
     * Files loaded into an in-memory store: facts documents (validated and converted as by
     * {@code load}; any failure is bad input) and RDF files in any syntax RIOT knows by
     * extension. Triples of an RDF file's default graph go to a graph named by the file's URI, so
     * that they are part of the union default graph like everything else. {@code derivation}
     * (null: none) derives the timeline of the facts documents, as {@code load} does.
     */
    public static QuerySource files(List<Path> files, ArticleInputs facts, DerivedGraphUpdater derivation) {
        DatasetGraph dsg = TdbStores.createInMemory();
        List<Path> factsFiles = new ArrayList<>();
        for (Path f : files) {
            Lang lang = rdfLang(f);
            if (lang == null) {
                factsFiles.add(f);
                continue;
            }
            Node g = NodeFactory.createURI(f.toAbsolutePath().toUri().toString());
            Txn.executeWrite(dsg, () -> {
                StreamRDF sink = new StreamRDFWrapper(StreamRDFLib.dataset(dsg)) {
                    @Override
                    public void triple(org.apache.jena.graph.Triple t) {
                        other.quad(Quad.create(g, t));
                    }

                    @Override
                    public void quad(Quad q) {
                        other.quad(q.isDefaultGraph() ? Quad.create(g, q.asTriple()) : q);
                    }
                };
                try {
                    RDFParser.source(f).lang(lang).context(OFFLINE).parse(sink);
                } catch (RiotException ex) {
                    throw KgQueryException.badInput(f + ": " + ex.getMessage(), ex);
                }
            });
        }
        if (!factsFiles.isEmpty()) {
            LoadReport r = StoreLoader.create(new TdbTarget(dsg, TdbTarget.DEFAULT_BATCH_QUADS), facts)
                    .derivation(derivation).build().load(factsFiles);
            if (!r.ok()) {
                LoadReport.Failure f = r.failures().get(0);
                throw KgQueryException.badInput(String.join("\n", f.problems())
                        + (r.failures().size() > 1 ? " (and " + (r.failures().size() - 1) + " more failed documents)" : ""));
            }
        }
        return dataset(dsg, files.size() == 1 ? files.get(0).toString() : files.size() + " files");
    }

    /**
     * Reading a file makes no network request: a JSON-LD {@code @context} given by URL is
     * refused instead of fetched (the document must carry its context inline).
     */
    private static final Context OFFLINE = offline();

    private static Context offline() {
        JsonLdOptions options = new JsonLdOptions();
        options.setDocumentLoader((url, loaderOptions) -> {
            throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
                    "remote JSON-LD context " + url + " not fetched: files are read without network access");
        });
        return Context.create().set(LangJSONLD11.JSONLD_OPTIONS, options);
    }

    /** The RDF syntax of a file by extension; null for facts ({@code .json}, {@code .jsonl}) and unknown. */
    static Lang rdfLang(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".json") || n.endsWith(".jsonl")) {
            return null;
        }
        return RDFLanguages.filenameToLang(n);
    }
}
