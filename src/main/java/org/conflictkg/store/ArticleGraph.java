package org.conflictkg.store;

import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;

/**
 * One article ready to load: the quads of its own graph and the quads it adds to shared graphs
 * (the reference graph). Built completely in memory before anything is written, so a document
 * that fails never reaches a store.
 *
 * @param articleId    the article's id (names its graph)
 * @param source       where it came from (file, and document index for multi-document files)
 * @param contentHash  hash of the input it was built from ({@code sha256:HEX})
 * @param articleQuads quads of the article graph, without the bookkeeping hash triple
 * @param sharedQuads  quads for other graphs, merged by set union
 */
public record ArticleGraph(String articleId, String source, String contentHash,
                           List<Quad> articleQuads, List<Quad> sharedQuads) {

    public ArticleGraph {
        articleQuads = List.copyOf(articleQuads);
        sharedQuads = List.copyOf(sharedQuads);
    }

    /** The name of this article's graph. */
    public Node graphName() {
        return StoreGraphs.articleGraph(articleId);
    }

    /** The bookkeeping quad recording the content hash inside the article graph. */
    public Quad hashQuad() {
        Node g = graphName();
        return Quad.create(g, g, StoreGraphs.CONTENT_HASH, org.apache.jena.graph.NodeFactory.createLiteralString(contentHash));
    }

    /** Number of quads a load writes for this article (article graph, hash triple, shared graphs). */
    public int size() {
        return articleQuads.size() + 1 + sharedQuads.size();
    }
}
