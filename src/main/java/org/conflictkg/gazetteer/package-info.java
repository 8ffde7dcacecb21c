/**
 * The gazetteer library: GeoNames records, the name index, and ranking place candidates.
 *
 * <p>{@link org.conflictkg.gazetteer.GeoNamesReader} streams the GeoNames dump format (19
 * tab-separated columns). {@link org.conflictkg.gazetteer.Gazetteer} indexes records under folded
 * names and transliteration-insensitive keys ({@link org.conflictkg.names.NameKeys}).
 * {@link org.conflictkg.gazetteer.PlaceMatcher} ranks the candidates for a
 * {@link org.conflictkg.gazetteer.PlaceQuery} on name similarity, feature fit, admin/spatial
 * context and population, and returns a {@link org.conflictkg.gazetteer.LinkResult}: linked,
 * ambiguous (with its top candidates) or unlinked. The bundled offline gazetteer is GeoNames data
 * (CC BY 4.0, see the NOTICE beside it).
 *
 * <p>May use: {@code names}, {@code facts} (place kinds). Knows nothing of RDF or stores; used by
 * {@code extract},
 * {@code link}, {@code synth} and the command line.
 */
package org.conflictkg.gazetteer;
