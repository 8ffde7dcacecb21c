/**
 * SPARQL queries over a store: the named queries shipped in {@code queries/*.rq} (their names
 * and columns are a public contract), parameters substituted into the parsed query, the three
 * sources a query can run against (a TDB2 folder, a SPARQL endpoint, files loaded in memory),
 * and result formats written by Jena's result writers.
 *
 * <p>May use: the layers below it ({@code store} for in-memory sources, {@code rdf}, {@code facts},
 * {@code names}); not {@code link}, {@code server} or {@code cli}.
 */
package org.conflictkg.query;
