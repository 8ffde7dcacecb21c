/**
 * SPARQL queries over a store: the named queries shipped in {@code queries/*.rq} (their names
 * and columns are a public contract), parameters substituted into the parsed query, the three
 * sources a query can run against (a TDB2 folder, a SPARQL endpoint, files loaded in memory),
 * and result formats written by Jena's result writers.
 */
package org.conflictkg.query;
