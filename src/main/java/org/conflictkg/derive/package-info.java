/**
 * Derivation: turns the reports of many articles into the derived graph ({@code graph/derived}):
 * merged control changes with their sources, a control timeline per place, marked disagreements,
 * and highway control shares. Reads the union of the article graphs; writes only the derived graph.
 *
 * <p>May use: {@code names}, {@code facts}, {@code gazetteer}, {@code rdf}. Not {@code store} or
 * {@code extract}.
 */
package org.conflictkg.derive;
