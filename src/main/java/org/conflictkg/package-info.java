/**
 * conflict-kg: article facts about war reporting into an RDF knowledge graph.
 * Packages by capability: {@code facts} (the facts@1 format), {@code rdf} (ontology terms and
 * the converter), {@code store} (TDB2, Fuseki, remote loading), {@code query} (named queries),
 * {@code link} (gazetteers), {@code extract} (article text to facts), {@code cli}.
 */
package org.conflictkg;
