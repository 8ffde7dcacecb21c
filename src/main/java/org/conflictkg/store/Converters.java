package org.conflictkg.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.conflictkg.facts.FactsReader;
import org.conflictkg.facts.ArticleFacts;
import org.conflictkg.rdf.FactsPipeline;
import org.conflictkg.rdf.FactsToRdf;

/** The converters the loader uses. */
public final class Converters {
    private Converters() {}

    /**
     * The project's facts-to-RDF converter with its default settings (bundled actor registry,
     * article text included). Its version is a fingerprint of what it produces: the hash of its
     * output for the bundled example facts, which carry every kind of fact. A change to the
     * converter or the actor registry that changes that output changes every content hash, so
     * the next load replaces every article once; otherwise unchanged facts are skipped.
     */
    public static FactsConverter standard() {
        FactsToRdf converter = FactsToRdf.create().build();
        String version = "FactsToRdf@" + fingerprint(converter::convert, probe());
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

    /** Blank node labels differ between runs; the fingerprint ignores them. */
    private static final java.util.regex.Pattern BLANK = java.util.regex.Pattern.compile("_:[A-Za-z0-9]+");

    /**
     * The fingerprint of {@code converter}: a hash of what it makes of the facts in the class-path
     * resource {@code probe}. Fails when it cannot be made: a constant in its place would keep the
     * version the same across converter changes, and changed articles would be skipped as unchanged.
     */
    static String fingerprint(FactsPipeline.Conversion converter, String probe) {
        try (InputStream in = Converters.class.getClassLoader().getResourceAsStream(probe)) {
            if (in == null) {
                throw StoreException.failure("cannot fingerprint the converter: " + probe + " is missing from the jar");
            }
            ArticleFacts facts = FactsReader.read(probe, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            converter.convert(facts, new StreamRDFBase() {
                @Override
                public void quad(Quad q) {
                    lines.add(BLANK.matcher(NodeFmtLib.str(q)).replaceAll("_:b"));
                }

                @Override
                public void triple(Triple t) {
                    lines.add(BLANK.matcher(NodeFmtLib.str(t)).replaceAll("_:b"));
                }
            });
            Collections.sort(lines);
            return ContentHash.of(lines.toArray(String[]::new)).substring("sha256:".length(), "sha256:".length() + 16);
        } catch (IOException | RuntimeException ex) {
            if (ex instanceof StoreException se) {
                throw se;
            }
            throw StoreException.failure("cannot fingerprint the converter with " + probe + ": " + ex.getMessage(), ex);
        }
    }

    /** The bundled example the standard converter is fingerprinted with. */
    static String probe() {
        List<String> names = BundledExamples.names();
        if (names.isEmpty()) {
            throw StoreException.failure("cannot fingerprint the converter: no bundled example in the jar");
        }
        return "examples/" + names.get(0);
    }

    /** Input readers with the standard converter for facts (article text needs a reader plugged in). */
    public static ArticleInputs standardInputs() {
        return standardInputs(true);
    }

    /** As {@link #standardInputs()}, with the SHACL check of converted graphs on or off. */
    public static ArticleInputs standardInputs(boolean checkShapes) {
        return ArticleInputs.create().facts(standard()).checkShapes(checkShapes).build();
    }
}
