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

    /** Where it is, for messages. */
    String describe();

    @Override
    default void close() {}
}
