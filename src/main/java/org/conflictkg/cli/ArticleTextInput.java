package org.conflictkg.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.conflictkg.ConflictKgException;
import org.conflictkg.extract.ArticleText;
import org.conflictkg.extract.Extractor;
import org.conflictkg.facts.ArticleFacts;
import org.conflictkg.facts.FactsException;
import org.conflictkg.facts.FactsReader;
import org.conflictkg.facts.FactsWriter;
import org.conflictkg.facts.Problem;
import org.conflictkg.store.ArticleDocument;
import org.conflictkg.store.ArticleInput;
import org.conflictkg.store.FactsInput;

/**
 * Article text or HTML as load input: extract, check the draft as any facts document is checked,
 * then hand it on for conversion. An article that cannot be read or whose draft is invalid is a
 * failed document, not an exception, so one bad article does not stop a load.
 */
public final class ArticleTextInput implements ArticleInput {
    private final Supplier<Extractor> extractor;
    private final FactsInput facts;
    private Extractor ready;

    /** {@code extractor} is asked for once, on the first article (building it loads the gazetteer). */
    public ArticleTextInput(Supplier<Extractor> extractor, FactsInput facts) {
        this.extractor = Objects.requireNonNull(extractor);
        this.facts = Objects.requireNonNull(facts);
    }

    @Override
    public void read(Path file, Consumer<ArticleDocument> sink) {
        String source = file.toString();
        ArticleFacts draft;
        try {
            if (ready == null) {
                ready = extractor.get();
            }
            draft = ready.extract(ArticleText.read(file));
            // The draft goes through the reader's checks like a hand-written document would.
            draft = FactsReader.read(source, FactsWriter.toJson(draft));
        } catch (FactsException e) {
            sink.accept(ArticleDocument.failed(source, e.problems().stream().map(Problem::toString).toList()));
            return;
        } catch (ConflictKgException e) {
            sink.accept(ArticleDocument.failed(source, List.of(source + ": " + e.getMessage())));
            return;
        }
        facts.accept(source, draft, sink);
    }
}
