/**
 * What every stage that talks to a remote endpoint shares: {@link org.conflictkg.http.HttpRetry},
 * the one retry policy, {@link org.conflictkg.http.HttpAuth}, credentials answered with
 * basic or digest authentication as the server asks, and {@link org.conflictkg.http.RemoteDataset},
 * a dataset on a SPARQL 1.1 server (SELECT queries, Graph Store Protocol writes, every request retried).
 *
 * <p>May use: the root package ({@code ConflictKgException}). Used by {@code store} (Graph Store
 * loads), {@code query} (endpoints), {@code derive} and {@code link} (remote runs, Wikidata).
 */
package org.conflictkg.http;
