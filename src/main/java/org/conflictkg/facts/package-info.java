/**
 * The article facts format {@code conflict-kg/facts@1}: an immutable model (records), a reader
 * that reports every problem with file, line:column and JSON pointer, and a writer. The JSON
 * Schema of the format ships as {@code schema/facts-1.schema.json}.
 */
package org.conflictkg.facts;
