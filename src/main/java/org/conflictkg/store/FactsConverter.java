package org.conflictkg.store;

import org.apache.jena.riot.system.StreamRDF;
import org.conflictkg.facts.ArticleFacts;

/**
 * Turns one validated facts document into quads: the article's statements in its article graph,
 * canonical entities in the reference graph. The loader depends on this interface only.
 */
public interface FactsConverter {
    /** Changes whenever the same facts would convert differently; part of every content hash. */
    String version();

    /** Sends the document's quads to {@code out} (no start/finish calls). */
    void convert(ArticleFacts facts, StreamRDF out);
}
