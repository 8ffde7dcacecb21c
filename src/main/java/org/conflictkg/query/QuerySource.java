package org.conflictkg.query;

import java.time.Duration;
import java.util.function.Function;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.exec.QueryExec;

/**
 * Something a query runs against. The source owns any transaction the execution needs: the
 * function runs inside it and must consume the results there.
 */
public interface QuerySource extends AutoCloseable {

    /** Runs {@code query} with a timeout (overall, in the store or at the endpoint). */
    <T> T execute(Query query, Duration timeout, Function<QueryExec, T> action);

    /**
     * True for a SPARQL endpoint: its SELECT answers are streamed by {@link #open} and checked to
     * be complete ({@link EndpointRows}). False for stores read in a transaction.
     */
    default boolean endpoint() {
        return false;
    }

    /** Starts {@code query} at the endpoint; the caller reads and closes it. Endpoints only. */
    default QueryExec open(Query query, Duration timeout) {
        throw new UnsupportedOperationException(describe() + " is read in a transaction (execute)");
    }

    /** Rows per request when an endpoint's SELECT answers are read in pages; 0 (the default): one request. */
    default int pageSize() {
        return 0;
    }

    /** Where it is, for messages. */
    String describe();

    @Override
    default void close() {}
}
