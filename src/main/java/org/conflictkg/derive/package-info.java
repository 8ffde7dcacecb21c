/**
 * Derivation: turns the reports of many articles into the derived graph ({@code graph/derived}):
 * merged control changes with their sources, a control timeline per place, marked disagreements,
 * and highway control shares. Reads the union of the article graphs; writes only the derived graph:
 * in a dataset of this process, or on a SPARQL server ({@link org.conflictkg.http.RemoteDataset}),
 * a batch of places at a time.
 *
 * <p>May use: {@code names}, {@code http}, {@code facts}, {@code gazetteer}, {@code rdf}. Not {@code store} or
 * {@code extract}.
 */
package org.conflictkg.derive;
