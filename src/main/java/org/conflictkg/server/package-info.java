/**
 * The embedded Fuseki server over a TDB2 store: loopback by default, read-only unless updates are
 * asked for with credentials, queries time out, {@code SERVICE} and file {@code LOAD} refused.
 *
 * <p>The analyst's page served beside the dataset: the map at {@code /} ({@link
 * org.conflictkg.server.MapPage} installs it into an embedded Fuseki server), its read-only JSON
 * under {@code /api/} (answered by {@link org.conflictkg.server.MapData} with the page's own
 * parameterized queries), and the Fuseki UI under {@code /ui/}. Nothing here writes to the store.
 *
 * <p>May use: {@code store}, {@code query} and the layers below them; not {@code cli}.
 */
package org.conflictkg.server;
