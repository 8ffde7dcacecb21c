/**
 * What every stage that talks to a remote endpoint shares: {@link org.conflictkg.http.HttpRetry},
 * the one retry policy.
 *
 * <p>May use: nothing of the project. Used by {@code store} (Graph Store loads) and {@code link}
 * (Wikidata).
 */
package org.conflictkg.http;
