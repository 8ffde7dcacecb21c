package org.conflictkg.store;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads one kind of input file (facts JSON, article text, ...) into the documents it holds. A
 * bad document is handed on as {@link ArticleDocument#failed}, never thrown, so one bad document
 * does not stop a load; only a file that cannot be read at all may throw.
 */
@FunctionalInterface
public interface ArticleInput {
    void read(Path file, Consumer<ArticleDocument> sink);

    /**
     * About how many documents {@code file} holds, for progress: a quick estimate, never a
     * validation. Default: one.
     */
    default long documents(Path file) {
        return 1;
    }
}
