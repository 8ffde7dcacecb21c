/**
 * The article facts format {@code conflict-kg/facts@1}: an immutable model (records), a reader
 * that reports every problem with file, line:column and JSON pointer, and a writer. The JSON
 * Schema of the format ships as {@code schema/facts-1.schema.json}.
 *
 * <p>May use: {@code names}, {@code pipeline}. Knows nothing of RDF, stores or gazetteers.
 */
package org.conflictkg.facts;
