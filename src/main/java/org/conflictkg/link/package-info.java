/**
 * The link stage: places of a store to GeoNames ids with a confidence, and Wikidata items by
 * GeoNames id.
 *
 * <p>{@link org.conflictkg.link.ArticleLinker} links every place of one facts document using its
 * {@code within} chains and the gazetteer library ({@link org.conflictkg.gazetteer}).
 * {@link org.conflictkg.link.LinkStage} links every place of a dataset (or of a SPARQL server,
 * {@link org.conflictkg.http.RemoteDataset}, a page of articles at a time) and writes the links
 * ({@link org.conflictkg.link.GeoNamesLinksWriter}); {@link org.conflictkg.link.WikidataClient}
 * joins Wikidata items.
 *
 * <p>May use: {@code names}, {@code http}, {@code facts}, {@code gazetteer}, {@code rdf}. Not {@code store},
 * {@code derive} or {@code extract}: the command line composes them.
 */
package org.conflictkg.link;
