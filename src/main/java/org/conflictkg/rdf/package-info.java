/**
 * Facts to RDF: the ontology's terms ({@link org.conflictkg.rdf.CKG}), deterministic
 * injection-safe IRIs ({@link org.conflictkg.rdf.IriLib}), and the streaming converter
 * ({@link org.conflictkg.rdf.FactsToRdf}) that emits one named graph per article plus the
 * reference graph into a Jena {@code StreamRDF}. The bundled ontology graph comes from
 * {@link org.conflictkg.rdf.OntologyLib}; {@link org.conflictkg.rdf.ShapesLib} validates converted
 * graphs against the bundled SHACL shapes.
 *
 * <p>May use: {@code names}, {@code facts}. Knows nothing of stores, stages or the command line.
 */
package org.conflictkg.rdf;
