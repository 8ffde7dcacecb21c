package org.conflictkg.store;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

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
    public static final String BASE = "https://w3id.org/conflict-kg/";
    /** Prefix of article graph names. */
    public static final String ARTICLE_GRAPH_PREFIX = BASE + "graph/article/";
    /** Canonical places, actors and highways, shared by all articles. */
    public static final Node REFERENCE_GRAPH = NodeFactory.createURI(BASE + "graph/reference");
    /** The property linking an article graph to the hash of the input it was loaded from. */
    public static final Node CONTENT_HASH = NodeFactory.createURI(BASE + "ontology#contentHash");

    /** The graph name of the article with this id. */
    public static Node articleGraph(String articleId) {
        if (articleId == null || articleId.isEmpty()) {
            throw StoreException.badInput("article id is empty");
        }
        return NodeFactory.createURI(ARTICLE_GRAPH_PREFIX + encodeSegment(articleId));
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

    private static String encodeSegment(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }
}
