package org.conflictkg.cli;

import java.nio.file.Path;

import org.conflictkg.extract.Extractor;
import org.conflictkg.extract.LinkPlaceResolver;
import org.conflictkg.gazetteer.Gazetteer;
import org.conflictkg.store.ArticleInputs;
import org.conflictkg.store.Converters;
import org.conflictkg.store.FactsConverter;
import org.conflictkg.store.FactsInput;

/** The inputs the commands accept: facts documents, and article text or HTML (extracted first). */
final class Inputs {
    private Inputs() {
    }

    /**
     * Facts files as they are; article files through {@code extract} (with the bundled gazetteer,
     * or {@code geonames} when given), then as facts.
     */
    static ArticleInputs standard(boolean checkShapes, Path geonames) {
        FactsConverter converter = Converters.standard();
        FactsInput facts = new FactsInput(converter, checkShapes);
        ArticleTextInput articles = new ArticleTextInput(() -> Extractor.builder()
                .places(geonames == null ? LinkPlaceResolver.bundled() : new LinkPlaceResolver(Gazetteer.load(geonames)))
                .build(), facts);
        return ArticleInputs.create().facts(converter).checkShapes(checkShapes).articles(articles).build();
    }
}
