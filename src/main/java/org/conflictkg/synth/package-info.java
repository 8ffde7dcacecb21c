/**
 * Synthetic corpora for benchmarks and load tests: {@link org.conflictkg.synth.CorpusGenerator}
 * writes seeded, reproducible {@code conflict-kg/facts@1} documents of a realistic shape (real
 * places with GeoNames ids, registry actors, body text whose evidence spans really match),
 * streamed to disk one document at a time.
 *
 * <p>May use: {@code names}, {@code facts}, {@code gazetteer}, {@code rdf}.
 */
package org.conflictkg.synth;
