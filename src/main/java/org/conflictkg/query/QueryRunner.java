package org.conflictkg.query;

import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;

/**
 * Runs a {@link NamedQuery} with parameters against a {@link QuerySource} and writes the result:
 * SELECT and ASK in the chosen {@link ResultFormat}, CONSTRUCT and DESCRIBE as Turtle. A query
 * that runs past the timeout is stopped and reported ({@link KgQueryException}, exit 1). A
 * SELECT at an endpoint is read by {@link EndpointRows}: checked to be complete, and in pages when
 * the source has a page size.
 */
public final class QueryRunner {
    /** Default query timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final QuerySource source;
    private final Duration timeout;

    static {
        QueryLib.init();
    }

    public QueryRunner(QuerySource source, Duration timeout) {
        this.source = Objects.requireNonNull(source);
        this.timeout = Objects.requireNonNull(timeout);
        if (timeout.isNegative() || timeout.isZero()) {
            throw KgQueryException.badInput("the query timeout must be positive");
        }
    }

    /** Runs the query and writes its result to {@code out}. */
    public void run(NamedQuery nq, Map<String, String> params, ResultFormat format, OutputStream out) {
        run(nq, params, format, false, out);
    }

    /**
     * Runs the query and writes its result to {@code out}, with IRIs replaced by their labels if
     * {@code labels} (the table format always shows labels). Parameters given by name or short code
     * are resolved first ({@link ParamResolver}). Returns how many rows were left out (GeoJSON rows
     * without a geometry).
     */
    public long run(NamedQuery nq, Map<String, String> params, ResultFormat format, boolean labels, OutputStream out) {
        Query q = bind(nq, params);
        if (format == ResultFormat.TABLE && q.isSelectType()) {
            ResultSetRewindable rows = rows(nq, q);
            Labels labeller = new Labels(source, timeout);
            ResultTable.write(out, rows, tablePrefixes(q), iris -> guarded(nq, () -> labeller.labels(iris)));
            return 0;
        }
        Labels labeller = labels ? new Labels(source, timeout) : null;
        if (readsEndpointRows(q)) {
            return endpointRows(nq, q, rows -> format.write(out,
                    ResultSet.adapt(labeller == null ? rows : labeller.relabel(rows)), tablePrefixes(q)));
        }
        return guarded(nq, () -> source.execute(q, timeout, exec -> write(exec, q, format, labeller, out)));
    }

    /** The query with its parameters resolved ({@link ParamResolver}) and substituted. */
    public Query bind(NamedQuery nq, Map<String, String> params) {
        return nq.bind(ParamResolver.create(source).resolve(nq, params));
    }

    /** Runs a SELECT query and returns all its rows (for tests and callers that post-process). */
    public ResultSetRewindable select(NamedQuery nq, Map<String, String> params) {
        Query q = bind(nq, params);
        if (!q.isSelectType()) {
            throw KgQueryException.badInput("query " + nq.name() + " is not a SELECT query");
        }
        return rows(nq, q);
    }

    /**
     * Runs {@code q}, a SELECT query of {@code nq} already bound ({@link #bind}) and refined by
     * the caller, and returns all its rows; failures are reported as for {@link #select(NamedQuery, Map)}.
     */
    public ResultSetRewindable select(NamedQuery nq, Query q) {
        if (!q.isSelectType()) {
            throw KgQueryException.badInput("query " + nq.name() + " is not a SELECT query");
        }
        return rows(nq, q);
    }

    /** All rows of the bound SELECT query {@code q}, held in memory. */
    private ResultSetRewindable rows(NamedQuery nq, Query q) {
        if (readsEndpointRows(q)) {
            return endpointRows(nq, q, rows -> ResultSetFactory.makeRewindable(ResultSet.adapt(rows)));
        }
        return guarded(nq, () -> source.execute(q, timeout,
                exec -> ResultSetFactory.makeRewindable(ResultSet.adapt(exec.select()))));
    }

    /** Whether {@code q} is read by {@link EndpointRows}: a SELECT of its own extent at an endpoint. */
    private boolean readsEndpointRows(Query q) {
        return source.endpoint() && EndpointRows.applies(q);
    }

    /** Reads the rows of {@code q} at the endpoint ({@link EndpointRows}) with {@code action}, failures reported. */
    private <T> T endpointRows(NamedQuery nq, Query q, java.util.function.Function<RowSet, T> action) {
        return guarded(nq, () -> {
            try (EndpointRows rows = new EndpointRows(nq.name(), source, q, timeout, source.pageSize())) {
                return action.apply(rows);
            }
        });
    }

    private static long write(QueryExec exec, Query q, ResultFormat format, Labels labels, OutputStream out) {
        if (q.isSelectType()) {
            RowSet rows = exec.select();
            if (labels != null) {
                rows = labels.relabel(rows);
            }
            return format.write(out, ResultSet.adapt(rows), tablePrefixes(q));
        } else if (q.isAskType()) {
            format.write(out, exec.ask());
        } else if (q.isConstructType()) {
            RDFDataMgr.write(out, exec.construct(), Lang.TURTLE);
        } else if (q.isDescribeType()) {
            RDFDataMgr.write(out, exec.describe(), Lang.TURTLE);
        } else {
            throw KgQueryException.badInput("unsupported query form");
        }
        return 0;
    }

    /**
     * The label each IRI has ({@link Labels}): a vocabulary term's {@code skos:prefLabel} in the
     * ontology, else the store's {@code skos:prefLabel}, name in the reference graph or article
     * headline. IRIs without a label are left out.
     */
    public Map<org.apache.jena.graph.Node, String> labels(java.util.Set<org.apache.jena.graph.Node> iris) {
        return new Labels(source, timeout).labels(iris);
    }

    /** The project's prefixes, overridden by the query's own, for shortening IRIs in tables. */
    private static org.apache.jena.shared.PrefixMapping tablePrefixes(Query q) {
        org.apache.jena.shared.PrefixMapping pm = org.apache.jena.shared.PrefixMapping.Factory.create();
        pm.setNsPrefixes(org.apache.jena.riot.system.Prefixes.adapt(org.conflictkg.rdf.RdfOutputLib.prefixes()));
        pm.setNsPrefixes(q.getPrefixMapping());
        return pm;
    }

    private <T> T guarded(NamedQuery nq, java.util.function.Supplier<T> body) {
        try {
            return body.get();
        } catch (QueryCancelledException ex) {
            throw KgQueryException.failure("query " + nq.name() + " stopped: it ran past the timeout of "
                    + timeout.toSeconds() + " s (--timeout to allow more)", ex);
        } catch (HttpException ex) {
            int code = ex.getStatusCode();
            if (code == 503 || (ex.getMessage() != null && ex.getMessage().contains("cancel"))) {
                throw KgQueryException.failure("query " + nq.name() + " stopped by " + source.describe()
                        + " (HTTP " + code + ", probably its timeout)", ex);
            }
            throw KgQueryException.failure("query " + nq.name() + " failed at " + source.describe() + ": "
                    + (code > 0 ? "HTTP " + code + " " : "") + ex.getMessage(), ex);
        } catch (org.apache.jena.sparql.engine.http.QueryExceptionHTTP ex) {
            // The server's own words (Virtuoso: "Virtuoso 22023 Error SR353: ..."), first line only.
            String said = ex.getResponse() == null ? "" : ex.getResponse().strip().lines().findFirst().orElse("");
            String hint = said.contains("SR353")
                    ? " (pages need [Parameters] MaxSortedTopRows in virtuoso.ini at or above the answer's rows; docs/store.md)" : "";
            throw KgQueryException.failure("query " + nq.name() + " failed at " + source.describe() + ": HTTP "
                    + ex.getStatusCode() + " " + (said.isEmpty() ? ex.getMessage() : said) + hint, ex);
        } catch (org.apache.jena.sparql.resultset.ResultSetException | org.apache.jena.atlas.RuntimeIOException
                 | java.io.UncheckedIOException ex) {
            if (!cutOff(ex)) {
                throw ex;
            }
            // A server that stops a query while its rows stream aborts the response (conflict-kg's does).
            throw KgQueryException.failure("query " + nq.name() + ": the results from " + source.describe()
                    + " were cut off (the server stopped the query, probably at its timeout); what was written is incomplete", ex);
        }
    }

    /**
     * True if reading results failed because the connection ended early: an I/O error, or an XML
     * results document whose stream was closed (the StAX parser reports that as a parse error,
     * with the I/O error as its nested exception).
     */
    private static boolean cutOff(Throwable ex) {
        for (Throwable c = ex; c != null; c = c.getCause()) {
            if (c instanceof java.io.IOException) {
                return true;
            }
            if (c instanceof javax.xml.stream.XMLStreamException xe && xe.getNestedException() instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }
}
