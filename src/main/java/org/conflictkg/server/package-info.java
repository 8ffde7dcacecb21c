/**
 * The embedded Fuseki server over a TDB2 store: loopback by default, read-only unless updates are
 * asked for with credentials, queries time out, {@code SERVICE} and file {@code LOAD} refused.
 *
 * <p>The analyst's page served beside the dataset: the map at {@code /} ({@link
 * org.conflictkg.server.MapPage} installs it into an embedded Fuseki server), its read-only JSON
 * under {@code /api/} (answered by {@link org.conflictkg.server.MapData} with the page's own
 * parameterized queries), and the Fuseki UI under {@code /ui/}. Nothing here writes to the store.
 *
 * <p>The review page, a server of its own ({@link org.conflictkg.server.ReviewServer}) over a
 * folder of drafts ({@link org.conflictkg.server.ReviewFolder}): loopback only, a one-time token,
 * saves checked by the facts reader and written atomically; loading a reviewed document into a
 * store is the caller's ({@code ReviewFolder.Loader}).
 *
 * <p>May use: every package below it ({@code query}, {@code store}, {@code gazetteer} and
 * {@code facts} today; {@code export}, {@code review}, {@code link}, {@code derive} are allowed);
 * not {@code cli}, which starts it.
 */
package org.conflictkg.server;
