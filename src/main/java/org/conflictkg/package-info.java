/**
 * conflict-kg: article facts about war reporting into an RDF knowledge graph.
 *
 * <p>Packages are layers, each using only those below it ({@code docs/architecture.md}):
 * {@code names}, {@code pipeline}, {@code io}, {@code http} (shared plumbing); {@code facts}
 * (the facts@1 format), {@code gazetteer} (GeoNames matching), {@code rdf} (ontology terms and
 * the converter); {@code extract} (article text to facts), {@code synth}, {@code store} (TDB2 and
 * remote loading), {@code derive} (the timeline); {@code link} (places to GeoNames and Wikidata),
 * {@code query} (named queries); {@code server} (embedded Fuseki) and {@code cli}. This package
 * holds the root exception only, and may use nothing.
 */
package org.conflictkg;
