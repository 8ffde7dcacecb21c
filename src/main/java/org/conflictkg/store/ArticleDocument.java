package org.conflictkg.store;

import java.util.List;
import java.util.function.Supplier;

/**
 * One document read from an input file, before conversion: either its id and content hash with a
 * way to build its graph (deferred, so unchanged articles cost no conversion), or the problems
 * that make it unusable.
 */
public final class ArticleDocument {
    private final String source;
    private final String articleId;
    private final String contentHash;
    private final Supplier<ArticleGraph> builder;
    private final List<String> problems;

    private ArticleDocument(String source, String articleId, String contentHash, Supplier<ArticleGraph> builder,
                            List<String> problems) {
        this.source = source;
        this.articleId = articleId;
        this.contentHash = contentHash;
        this.builder = builder;
        this.problems = List.copyOf(problems);
    }

    /** A valid document; {@code builder} converts it (and may still fail with a ConflictKgException). */
    public static ArticleDocument of(String source, String articleId, String contentHash, Supplier<ArticleGraph> builder) {
        return new ArticleDocument(source, articleId, contentHash, builder, List.of());
    }

    /** A document that cannot be loaded, with one line per problem (file:line:col: message). */
    public static ArticleDocument failed(String source, List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a failed document needs at least one problem");
        }
        return new ArticleDocument(source, null, null, null, problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    public String source() {
        return source;
    }

    public String articleId() {
        return articleId;
    }

    public String contentHash() {
        return contentHash;
    }

    public List<String> problems() {
        return problems;
    }

    /** Converts the document. */
    public ArticleGraph build() {
        if (!ok()) {
            throw new IllegalStateException("document has problems: " + source);
        }
        return builder.get();
    }
}
