/**
 * Drafting article facts from article text. {@link org.conflictkg.extract.Extractor} runs a pipeline
 * of small stages, each usable alone: {@link org.conflictkg.extract.ArticleText} (header and body),
 * {@link org.conflictkg.extract.SentenceSplitter} (sentences with offsets), mention finders for places
 * ({@link org.conflictkg.extract.PlaceFinder}), actors ({@link org.conflictkg.extract.ActorFinder}) and
 * highways ({@link org.conflictkg.extract.HighwayFinder}), {@link org.conflictkg.extract.DateResolver},
 * {@link org.conflictkg.extract.AttributionFinder}, {@link org.conflictkg.extract.ControlChangeFinder},
 * {@link org.conflictkg.extract.ControlStateFinder}, {@link org.conflictkg.extract.FigureFinder} and
 * {@link org.conflictkg.extract.FactsAssembler}. Everything is deterministic and offline: patterns
 * and lexicons are data files beside these classes; no network is used.
 *
 * <p>May use: {@code names}, {@code facts}, {@code gazetteer}, {@code rdf} and the shared plumbing
 * ({@code io}, {@code pipeline}). Not {@code store} or {@code derive}: the command line composes them
 * ({@code cli.ArticleTextInput}).
 */
package org.conflictkg.extract;
