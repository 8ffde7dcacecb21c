package org.conflictkg.store;

import org.apache.jena.graph.Node;
import org.conflictkg.rdf.CKG;
import org.conflictkg.rdf.IriLib;

/**
 * The named graphs of a store and the one bookkeeping term the loader writes.
 *
 * <p>Contract: an article's graph is {@code https://w3id.org/conflict-kg/graph/article/{id}} with the
 * id percent-encoded as an IRI path segment; it carries exactly one triple
 * {@code <graph> <https://w3id.org/conflict-kg/ontology#contentHash> "sha256:HEX"} naming the
 * input it was built from. Keeping the hash inside the article graph makes it travel with the
 * graph: one Graph Store PUT replaces both at once, so a store never holds an article whose hash
 * says it is current when it is not.
 */
public final class StoreGraphs {
    private StoreGraphs() {}

    /** Base of every IRI the project mints. */
    public static final String BASE = CKG.BASE;
    /** Prefix of article graph names. */
    public static final String ARTICLE_GRAPH_PREFIX = CKG.GRAPH_ARTICLE_PREFIX;
    /** Canonical places, actors and highways, shared by all articles. */
    public static final Node REFERENCE_GRAPH = CKG.GRAPH_REFERENCE;
    /** The property linking an article graph to the hash of the input it was loaded from. */
    public static final Node CONTENT_HASH = CKG.contentHash;

    /** The graph name of the article with this id. */
    public static Node articleGraph(String articleId) {
        if (articleId == null || articleId.isEmpty()) {
            throw StoreException.badInput("article id is empty");
        }
        return IriLib.articleGraph(articleId);
    }

    /** The article id of an article graph name, or null if it is not one. */
    public static String articleId(Node graph) {
        if (graph == null || !graph.isURI() || !graph.getURI().startsWith(ARTICLE_GRAPH_PREFIX)) {
            return null;
        }
        return java.net.URLDecoder.decode(graph.getURI().substring(ARTICLE_GRAPH_PREFIX.length()),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    /** True if the node names an article graph. */
    public static boolean isArticleGraph(Node graph) {
        return articleId(graph) != null;
    }
}
