/**
 * Gazetteer linking: places named in articles to GeoNames ids, with a confidence.
 *
 * <p>{@link org.conflictkg.link.GeoNamesReader} streams the GeoNames dump format (19 tab-separated
 * columns). {@link org.conflictkg.link.Gazetteer} indexes records under folded names and
 * transliteration-insensitive keys ({@link org.conflictkg.link.PlaceNames}).
 * {@link org.conflictkg.link.PlaceMatcher} ranks the candidates for a {@link org.conflictkg.link.PlaceQuery}
 * on name similarity, feature fit, admin/spatial context and population, and returns a
 * {@link org.conflictkg.link.LinkResult}: linked, ambiguous (with its top candidates) or unlinked.
 * {@link org.conflictkg.link.ArticleLinker} links every place of one facts document using its
 * {@code within} chains. The bundled offline gazetteer is GeoNames data (CC BY 4.0, see the NOTICE
 * beside it).
 */
package org.conflictkg.link;
