package org.conflictkg.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.conflictkg.ConflictKgException;
import org.conflictkg.facts.ArticleFacts;
import org.conflictkg.facts.FactsFiles;
import org.conflictkg.facts.FactsReader;
import org.conflictkg.facts.FactsWriter;
import org.conflictkg.facts.Problem;

/**
 * Facts files ({@code .facts.json}, {@code .json}, {@code .jsonl}): each document is read and
 * validated by {@link FactsReader}, hashed over its canonical JSON and the converter version
 * (so reformatting a file does not force a reload, a new converter does), and converted only
 * when the loader asks for it. The converted graph (article graph plus its reference quads) is
 * checked against the project's SHACL shapes; a graph that does not conform is not loaded.
 */
public final class FactsInput implements ArticleInput {
    private static final FactsFiles FILES = FactsFiles.create().build();
    private final FactsConverter converter;
    private final boolean checkShapes;

    /** Facts read with {@code converter}; converted graphs are checked against the SHACL shapes. */
    public FactsInput(FactsConverter converter) {
        this(converter, true);
    }

    /** As {@link #FactsInput(FactsConverter)}, the SHACL check optional. */
    public FactsInput(FactsConverter converter, boolean checkShapes) {
        this.converter = Objects.requireNonNull(converter);
        this.checkShapes = checkShapes;
    }

    /**
     * Lines that start with <code>{</code> in their first column: one per document in JSON Lines,
     * one for a document printed over many lines (its nested objects are indented); at least one.
     */
    @Override
    public long documents(Path file) {
        long n = 0;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            byte prev = '\n';
            for (int len = in.read(buf); len >= 0; len = in.read(buf)) {
                for (int i = 0; i < len; i++) {
                    if (buf[i] == '{' && prev == '\n') {
                        n++;
                    }
                    prev = buf[i];
                }
            }
        } catch (java.io.IOException ex) {
            return 1; // reading it for real reports the problem
        }
        return Math.max(n, 1);
    }

    /**
     * Reads every document of {@code file} in order. Documents are parsed and validated on all
     * cores ({@link FactsFiles}); they reach {@code sink} in file order on the calling thread.
     */
    @Override
    public void read(Path file, Consumer<ArticleDocument> sink) {
        FILES.read(List.of(file), parsed -> {
            String source = parsed.index() == 0 ? parsed.source() : parsed.source() + "#" + (parsed.index() + 1);
            if (!parsed.ok()) {
                List<String> lines = parsed.errors().stream().map(Problem::toString).toList();
                sink.accept(ArticleDocument.failed(source, lines.isEmpty() ? List.of(source + ": invalid facts") : lines));
                return;
            }
            accept(source, parsed.facts(), sink);
        });
    }

    /**
     * Hands on one valid document (read from a file, or extracted from an article) as a
     * document to load, converted only if the loader needs it.
     */
    public void accept(String source, ArticleFacts facts, Consumer<ArticleDocument> sink) {
        String id = facts.article().id();
        String hash = ContentHash.of(FactsWriter.toJson(facts), converter.version());
        sink.accept(ArticleDocument.of(source, id, hash, () -> convert(source, id, hash, facts)));
    }

    private ArticleGraph convert(String source, String id, String hash, ArticleFacts facts) {
        Node articleGraph = StoreGraphs.articleGraph(id);
        List<Quad> own = new ArrayList<>();
        List<Quad> shared = new ArrayList<>();
        try {
            converter.convert(facts, new StreamRDFBase() {
                @Override
                public void triple(Triple t) {
                    own.add(Quad.create(articleGraph, t));
                }

                @Override
                public void quad(Quad q) {
                    if (q.isDefaultGraph() || q.getGraph().equals(articleGraph)) {
                        own.add(Quad.create(articleGraph, q.asTriple()));
                    } else if (StoreGraphs.isArticleGraph(q.getGraph())) {
                        throw StoreException.failure(source + ": converter wrote to another article's graph "
                                + q.getGraph().getURI());
                    } else {
                        shared.add(q);
                    }
                }
            });
        } catch (ConflictKgException ex) {
            throw ex;
        } catch (RuntimeException ex) {
            throw StoreException.failure(source + ": conversion failed: " + ex.getMessage(), ex);
        }
        if (checkShapes) {
            checkShapes(source, own, shared);
        }
        return new ArticleGraph(id, source, hash, own, shared);
    }

    /** The article's graph with its reference quads must conform to the project's shapes. */
    private static void checkShapes(String source, List<Quad> own, List<Quad> shared) {
        org.apache.jena.graph.Graph union = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        own.forEach(q -> union.add(q.asTriple()));
        shared.forEach(q -> union.add(q.asTriple()));
        org.apache.jena.shacl.ValidationReport report = org.conflictkg.rdf.ShapesLib.validate(union);
        if (!report.conforms()) {
            List<String> lines = org.conflictkg.rdf.ShapesLib.describe(report);
            throw StoreException.badInput(source + ": the converted graph does not conform to the shapes: "
                    + lines.get(0) + (lines.size() > 1 ? " (and " + (lines.size() - 1) + " more)" : ""));
        }
    }
}
