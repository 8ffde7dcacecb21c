package org.conflictkg.store;

import org.apache.jena.riot.system.StreamRDF;
import org.conflictkg.facts.ArticleFacts;
import org.conflictkg.rdf.FactsToRdf;

/** The converters the loader uses. */
public final class Converters {
    private Converters() {}

    /**
     * The project's facts-to-RDF converter with its default settings (bundled actor registry,
     * article text included). Its version is the build's version: a new build reloads every
     * article once; within a build, unchanged facts are skipped.
     */
    public static FactsConverter standard() {
        FactsToRdf converter = FactsToRdf.create().build();
        String build = FactsToRdf.class.getPackage().getImplementationVersion();
        String version = "FactsToRdf@" + (build == null ? "dev" : build);
        return new FactsConverter() {
            @Override
            public String version() {
                return version;
            }

            @Override
            public void convert(ArticleFacts facts, StreamRDF out) {
                converter.convert(facts, out);
            }
        };
    }

    /** Input readers with the standard converter for facts (article text needs a reader plugged in). */
    public static ArticleInputs standardInputs() {
        return ArticleInputs.create().facts(standard()).build();
    }
}
