/**
 * The analyst's page served beside the dataset: the map at {@code /} ({@link
 * org.conflictkg.server.MapPage} installs it into an embedded Fuseki server), its read-only JSON
 * under {@code /api/} (answered by {@link org.conflictkg.server.MapData} with the page's own
 * parameterized queries), and the Fuseki UI under {@code /ui/}. Nothing here writes to the store.
 */
package org.conflictkg.server;
