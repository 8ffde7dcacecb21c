/**
 * The store: TDB2 databases, loading article graphs into them or into any SPARQL 1.1 Graph Store
 * Protocol endpoint, the embedded Fuseki server, and export.
 *
 * <p>Layout of a store. Each article has one named graph,
 * {@code https://w3id.org/conflict-kg/graph/article/{id}}, which holds what the article says plus
 * one bookkeeping triple {@code <graph> ckg:contentHash "sha256:..."} (see {@link
 * org.conflictkg.store.StoreGraphs}). Canonical places and actors go to the reference graph,
 * {@code https://w3id.org/conflict-kg/graph/reference}, which accumulates across articles (set
 * union). Reloading an article replaces its article graph only; the reference graph is never
 * pruned. The default graph a query sees is the union of all named graphs.
 *
 * <p>May use: {@code names}, {@code facts}, {@code gazetteer}, {@code rdf}, {@code pipeline},
 * {@code http}. Not {@code derive} or {@code extract}: it declares the hooks it calls ({@link
 * org.conflictkg.store.ArticleInput}, {@link org.conflictkg.store.DerivedGraphUpdater}) and the
 * command line plugs them in.
 */
package org.conflictkg.store;
