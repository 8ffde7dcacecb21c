/**
 * What every stage that talks to a remote endpoint shares: {@link org.conflictkg.http.HttpRetry},
 * the one retry policy, and {@link org.conflictkg.http.HttpAuth}, credentials answered with
 * basic or digest authentication as the server asks.
 *
 * <p>May use: nothing of the project. Used by {@code store} (Graph Store loads), {@code query} (endpoints) and {@code link}
 * (Wikidata).
 */
package org.conflictkg.http;
