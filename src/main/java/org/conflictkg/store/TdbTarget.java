package org.conflictkg.store;

import org.conflictkg.derive.Derivation;
import org.conflictkg.derive.Timeline;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;

/**
 * Loads into a TDB2 database: one write transaction per batch (not per triple, not per article).
 * A failed batch is aborted as a whole, so an article is either completely in or not at all.
 */
public final class TdbTarget implements LoadTarget {
    /** Default quads per transaction. */
    public static final int DEFAULT_BATCH_QUADS = 100_000;

    private final DatasetGraph dsg;
    private final int batchQuads;
    /** Places whose reports this target's writes added, changed or removed, for incremental derivation. */
    private final java.util.Set<Node> touched = new java.util.LinkedHashSet<>();
    /** Whether this target's writes added, changed or removed a figure about no place. */
    private boolean placelessFigureTouched;
    private static final java.util.List<Node> PLACE_LINKS = java.util.List.of(
            org.conflictkg.rdf.CKG.territory, org.conflictkg.rdf.CKG.aboutPlace, org.conflictkg.rdf.CKG.stopPlace);
    private static final Node RDF_TYPE = org.apache.jena.vocabulary.RDF.type.asNode();

    public TdbTarget(DatasetGraph dsg, int batchQuads) {
        this.dsg = dsg;
        this.batchQuads = batchQuads;
    }

    /** Opens (creating if needed) the database in {@code dir}. */
    public static TdbTarget open(Path dir) {
        return new TdbTarget(TdbStores.openOrCreate(dir), DEFAULT_BATCH_QUADS);
    }

    public DatasetGraph dataset() {
        return dsg;
    }

    @Override
    public Map<String, String> storedHashes() {
        Map<String, String> byId = new HashMap<>();
        TdbStores.storedHashes(dsg).forEach((g, h) -> {
            String id = StoreGraphs.articleId(g);
            if (id != null) {
                byId.put(id, h);
            }
        });
        return byId;
    }

    @Override
    public void write(List<ArticleGraph> batch) {
        Txn.executeWrite(dsg, () -> {
            for (ArticleGraph a : batch) {
                Node g = a.graphName();
                for (Node p : PLACE_LINKS) {
                    dsg.find(g, Node.ANY, p, Node.ANY).forEachRemaining(q -> touched.add(q.getObject()));
                }
                dsg.find(g, Node.ANY, RDF_TYPE, org.conflictkg.rdf.CKG.Figure).forEachRemaining(q -> {
                    if (!dsg.find(g, q.getSubject(), org.conflictkg.rdf.CKG.aboutPlace, Node.ANY).hasNext()) {
                        placelessFigureTouched = true;
                    }
                });
                dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
                java.util.Set<Node> figures = new java.util.HashSet<>();
                java.util.Set<Node> aboutPlaces = new java.util.HashSet<>();
                for (Quad q : a.articleQuads()) {
                    dsg.add(q);
                    if (PLACE_LINKS.contains(q.getPredicate())) {
                        touched.add(q.getObject());
                    }
                    if (q.getPredicate().equals(org.conflictkg.rdf.CKG.aboutPlace)) {
                        aboutPlaces.add(q.getSubject());
                    } else if (q.getPredicate().equals(RDF_TYPE) && q.getObject().equals(org.conflictkg.rdf.CKG.Figure)) {
                        figures.add(q.getSubject());
                    }
                }
                if (!aboutPlaces.containsAll(figures)) {
                    placelessFigureTouched = true;
                }
                dsg.add(a.hashQuad());
                for (Quad q : a.sharedQuads()) {
                    dsg.add(q);
                }
            }
        });
    }

    @Override
    public Timeline derive(Derivation derivation) {
        Timeline t = derivation.run(dsg, java.util.List.copyOf(touched), placelessFigureTouched);
        touched.clear();
        placelessFigureTouched = false;
        return t;
    }

    @Override
    public int batchQuads() {
        return batchQuads;
    }

    @Override
    public void close() {
        // The dataset is shared through TDB2's connection cache; it is released at JVM exit
        // or by whoever opened it for longer use (the server).
    }
}
