package org.conflictkg.derive;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.conflictkg.rdf.CKG;

/** Writes a {@link Timeline} as quads of the derived graph. */
final class DerivedGraphWriter {
    private DerivedGraphWriter() {
    }

    static void write(Timeline t, Consumer<Quad> out) {
        Set<Node> disputed = new LinkedHashSet<>();
        t.disagreements().forEach(d -> disputed.add(d.concerns()));
        Sink s = (subj, pred, obj) -> {
            if (obj != null) {
                out.accept(Quad.create(CKG.GRAPH_DERIVED, subj, pred, obj));
            }
        };
        for (Timeline.MergedChange m : t.changes()) {
            Node n = m.iri();
            s.add(n, RDF.type.asNode(), CKG.MergedControlChange);
            s.add(n, CKG.territory, m.place());
            side(s, n, CKG.toSide, m.side());
            m.reports().forEach(r -> {
                s.add(n, CKG.prov_wasDerivedFrom, r.event());
                s.add(n, CKG.toActor, r.toActor());
            });
            s.add(n, CKG.status, CKG.Scheme.STATUS.concept(m.completed() ? "completed" : strongest(m)));
            s.add(n, CKG.since, day(m.since()));
            s.add(n, CKG.earliestReported, day(m.earliestReported()));
            s.add(n, CKG.latestReported, day(m.latestReported()));
            s.add(n, CKG.reportCount, integer(m.reports().size()));
            s.add(n, CKG.sourceCount, integer(m.sources().size()));
            s.add(n, CKG.disputed, NodeFactory.createLiteralDT(Boolean.toString(disputed.contains(n)), XSDDatatype.XSDboolean));
        }
        for (Timeline.Period p : t.periods()) {
            Node n = p.iri();
            s.add(n, RDF.type.asNode(), CKG.TimelinePeriod);
            s.add(n, CKG.territory, p.place());
            side(s, n, CKG.controllerSide, p.side());
            s.add(n, CKG.controller, p.controller());
            s.add(n, CKG.since, day(p.since()));
            s.add(n, CKG.sinceAsReported, p.sinceAsReported() != null ? p.sinceAsReported() : day(p.since()));
            s.add(n, CKG.until, day(p.until()));
            if (p.startedBy() == null && !p.support().isEmpty()
                    && p.support().stream().allMatch(st -> "partial".equals(st.status()))) {
                s.add(n, CKG.status, CKG.Scheme.STATUS.concept("partial"));
            }
            s.add(n, CKG.startedBy, p.startedBy() == null ? null : p.startedBy().iri());
            s.add(n, CKG.endedBy, p.endedBy() == null ? null : p.endedBy().iri());
            p.support().forEach(st -> s.add(n, CKG.supportedBy, st.node()));
            p.context().forEach(c -> s.add(n, CKG.context, c.event()));
        }
        for (HighwayControl.Route r : t.routes()) {
            String wkt = r.wkt();
            if (wkt != null) {
                Node geometry = org.conflictkg.rdf.IriLib.mint("derived", "geometry",
                        org.conflictkg.rdf.IriLib.hash(r.highway().getURI()));
                s.add(r.highway(), CKG.geo_hasGeometry, geometry);
                s.add(geometry, RDF.type.asNode(), CKG.geo_Geometry);
                s.add(geometry, CKG.geo_asWKT, HighwayControl.wktLiteral(wkt));
            }
        }
        for (HighwayControl.Result h : t.highwayControl()) {
            Node n = org.conflictkg.rdf.IriLib.mint("derived", "highway-control",
                    org.conflictkg.rdf.IriLib.hash(h.highway().getURI() + "|" + h.day()));
            s.add(n, RDF.type.asNode(), CKG.HighwayControl);
            s.add(n, CKG.aboutHighway, h.highway());
            s.add(n, CKG.onDate, day(h.day()));
            s.add(n, CKG.lengthKm, km(h.totalKm()));
            h.kmBySide().forEach((side, km) -> {
                Node part = org.conflictkg.rdf.IriLib.mint("derived", "highway-control",
                        org.conflictkg.rdf.IriLib.hash(h.highway().getURI() + "|" + h.day()),
                        org.conflictkg.rdf.IriLib.segment(side.startsWith("http") ? org.conflictkg.rdf.IriLib.hash(side) : side));
                s.add(n, CKG.stretch, part);
                side(s, part, CKG.controllerSide, side);
                s.add(part, CKG.lengthKm, km(km));
                s.add(part, CKG.share, decimal(java.math.BigDecimal.valueOf(h.share(side)).setScale(3, java.math.RoundingMode.HALF_UP)));
            });
        }
        for (Timeline.Disagreement d : t.disagreements()) {
            Node n = d.iri();
            s.add(n, RDF.type.asNode(), CKG.Disagreement);
            s.add(n, CKG.aspect, NodeFactory.createLiteralString(d.aspect()));
            s.add(n, CKG.concerns, d.concerns());
            d.versions().forEach(v -> s.add(n, CKG.version, v));
        }
    }

    /**
     * Deletes from the derived graph what concerns {@code places}: their merged changes and
     * periods, the disagreements about them or about those changes, and the control and
     * geometry of {@code highways}. Must run in a write transaction.
     */
    static void delete(org.apache.jena.sparql.core.DatasetGraph dsg, java.util.Collection<Node> places,
                       java.util.Collection<Node> highways) {
        Node g = CKG.GRAPH_DERIVED;
        java.util.Set<Node> subjects = new LinkedHashSet<>();
        for (Node p : places) {
            dsg.find(g, Node.ANY, CKG.territory, p).forEachRemaining(q -> subjects.add(q.getSubject()));
        }
        java.util.Set<Node> concerned = new LinkedHashSet<>(places);
        concerned.addAll(subjects);
        for (Node c : concerned) {
            dsg.find(g, Node.ANY, CKG.concerns, c).forEachRemaining(q -> subjects.add(q.getSubject()));
        }
        for (Node h : highways) {
            dsg.find(g, Node.ANY, CKG.aboutHighway, h).forEachRemaining(q -> {
                subjects.add(q.getSubject());
                dsg.find(g, q.getSubject(), CKG.stretch, Node.ANY).forEachRemaining(st -> subjects.add(st.getObject()));
            });
            dsg.find(g, h, CKG.geo_hasGeometry, Node.ANY).forEachRemaining(q -> subjects.add(q.getObject()));
            dsg.deleteAny(g, h, CKG.geo_hasGeometry, Node.ANY);
        }
        for (Node s : subjects) {
            dsg.deleteAny(g, s, Node.ANY, Node.ANY);
        }
    }

    // What a remote store's derived graph says about places and highways: the subjects delete()
    // finds locally, found here by SELECTs at the query endpoint (VALUES lists of at most
    // Source.REMOTE_MAX_VALUES values), then deleted by SPARQL Updates of as many subjects.
    private static final org.apache.jena.query.Query ON_PLACE = org.apache.jena.query.QueryFactory.create("""
            SELECT DISTINCT ?s WHERE { GRAPH <https://w3id.org/conflict-kg/graph/derived> {
              ?s <https://w3id.org/conflict-kg/ontology#territory> ?v } }""");
    private static final org.apache.jena.query.Query CONCERNING = org.apache.jena.query.QueryFactory.create("""
            SELECT DISTINCT ?s WHERE { GRAPH <https://w3id.org/conflict-kg/graph/derived> {
              ?s <https://w3id.org/conflict-kg/ontology#concerns> ?v } }""");
    private static final org.apache.jena.query.Query ON_HIGHWAY = org.apache.jena.query.QueryFactory.create("""
            SELECT DISTINCT ?s ?part WHERE { GRAPH <https://w3id.org/conflict-kg/graph/derived> {
              { ?s <https://w3id.org/conflict-kg/ontology#aboutHighway> ?v
                OPTIONAL { ?s <https://w3id.org/conflict-kg/ontology#stretch> ?part } }
              UNION { ?v <http://www.opengis.net/ont/geosparql#hasGeometry> ?s } } }""");
    private static final org.apache.jena.query.Query PLACELESS_FIGURE_DISAGREEMENTS = org.apache.jena.query.QueryFactory.create("""
            SELECT DISTINCT ?s WHERE { GRAPH <https://w3id.org/conflict-kg/graph/derived> {
              ?s <https://w3id.org/conflict-kg/ontology#concerns> ?v ; <https://w3id.org/conflict-kg/ontology#version> ?v } }""");

    /**
     * As {@link #delete} (and, when {@code placelessFigures}, {@link #deletePlacelessFigureDisagreements}),
     * in a remote store: the subjects are found through SPARQL at the query endpoint and their
     * triples removed from the derived graph by SPARQL Updates ({@code DELETE ... WHERE} over a
     * VALUES list: deleting what is not there is no error, so a retried request is harmless).
     */
    static void deleteRemote(org.conflictkg.http.RemoteDataset remote, java.util.Collection<Node> places,
                             java.util.Collection<Node> highways, boolean placelessFigures) {
        Set<Node> subjects = new LinkedHashSet<>(select(remote, ON_PLACE, places, "s"));
        Set<Node> concerned = new LinkedHashSet<>(places);
        concerned.addAll(subjects);
        subjects.addAll(select(remote, CONCERNING, concerned, "s"));
        for (var b : ReportsReader.rows(ON_HIGHWAY, "v", highways, Source.REMOTE_MAX_VALUES, remote::select)) {
            subjects.add(b.get("s"));
            if (b.get("part") != null) {
                subjects.add(b.get("part"));
            }
        }
        if (placelessFigures) {
            remote.select(PLACELESS_FIGURE_DISAGREEMENTS).forEach(b -> subjects.add(b.get("s")));
        }
        for (java.util.List<Node> chunk : chunks(subjects)) {
            remote.update(deleteTriples(chunk, null));
        }
        for (java.util.List<Node> chunk : chunks(highways)) {
            remote.update(deleteTriples(chunk, CKG.geo_hasGeometry));
        }
    }

    private static java.util.List<Node> select(org.conflictkg.http.RemoteDataset remote, org.apache.jena.query.Query q,
                                               java.util.Collection<Node> values, String var) {
        return ReportsReader.rows(q, "v", values, Source.REMOTE_MAX_VALUES, remote::select).stream().map(b -> b.get(var)).toList();
    }

    /** {@code nodes} in lists of at most {@link Source#REMOTE_MAX_VALUES}, one SPARQL Update each. */
    private static java.util.List<java.util.List<Node>> chunks(java.util.Collection<Node> nodes) {
        java.util.List<Node> all = new java.util.ArrayList<>(nodes);
        java.util.List<java.util.List<Node>> out = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i += Source.REMOTE_MAX_VALUES) {
            out.add(all.subList(i, Math.min(all.size(), i + Source.REMOTE_MAX_VALUES)));
        }
        return out;
    }

    /**
     * {@code DELETE { GRAPH derived { ?s ?p ?o } } WHERE { VALUES ?s { subjects } GRAPH derived { ?s ?p ?o } }},
     * built as syntax (no text is pasted into it); with {@code predicate}, only that predicate's triples.
     */
    private static org.apache.jena.update.UpdateRequest deleteTriples(java.util.List<Node> subjects, Node predicate) {
        var s = org.apache.jena.sparql.core.Var.alloc("s");
        Node p = predicate != null ? predicate : org.apache.jena.sparql.core.Var.alloc("p");
        var o = org.apache.jena.sparql.core.Var.alloc("o");
        org.apache.jena.sparql.modify.request.UpdateModify m = new org.apache.jena.sparql.modify.request.UpdateModify();
        m.getDeleteAcc().addQuad(Quad.create(CKG.GRAPH_DERIVED, s, p, o));
        org.apache.jena.sparql.syntax.ElementData data = new org.apache.jena.sparql.syntax.ElementData();
        data.add(s);
        subjects.forEach(n -> data.add(org.apache.jena.sparql.engine.binding.BindingFactory.binding(s, n)));
        org.apache.jena.sparql.syntax.ElementPathBlock block = new org.apache.jena.sparql.syntax.ElementPathBlock();
        block.addTriple(org.apache.jena.graph.Triple.create(s, p, o));
        org.apache.jena.sparql.syntax.ElementGroup where = new org.apache.jena.sparql.syntax.ElementGroup();
        where.addElement(data);
        where.addElement(new org.apache.jena.sparql.syntax.ElementNamedGraph(CKG.GRAPH_DERIVED, block));
        m.setElement(where);
        m.setHasDeleteClause(true);
        m.setHasInsertClause(false);
        return new org.apache.jena.update.UpdateRequest(m);
    }

    /**
     * Deletes from the derived graph the disagreements between figures about no place: those
     * that concern one of their own versions. Must run in a write transaction.
     */
    static void deletePlacelessFigureDisagreements(org.apache.jena.sparql.core.DatasetGraph dsg) {
        Node g = CKG.GRAPH_DERIVED;
        java.util.List<Node> subjects = new java.util.ArrayList<>();
        dsg.find(g, Node.ANY, CKG.concerns, Node.ANY).forEachRemaining(q -> {
            if (dsg.contains(g, q.getSubject(), CKG.version, q.getObject())) {
                subjects.add(q.getSubject());
            }
        });
        for (Node s : subjects) {
            dsg.deleteAny(g, s, Node.ANY, Node.ANY);
        }
    }

    private interface Sink {
        void add(Node s, Node p, Node o);
    }

    private static String strongest(Timeline.MergedChange m) {
        for (String st : new String[] {"partial", "contested", "imminent"}) {
            if (m.reports().stream().anyMatch(r -> st.equals(r.status()))) {
                return st;
            }
        }
        return "imminent";
    }

    /** A coarse side is a side concept; an actor with no known side stands for itself. */
    private static void side(Sink s, Node n, Node p, String side) {
        if (side.startsWith("http")) {
            s.add(n, p, NodeFactory.createURI(side));
        } else {
            s.add(n, p, CKG.Scheme.SIDE.concept(side));
        }
    }

    private static Node day(LocalDate d) {
        return d == null ? null : NodeFactory.createLiteralDT(d.toString(), XSDDatatype.XSDdate);
    }

    private static Node km(double km) {
        return decimal(java.math.BigDecimal.valueOf(km).setScale(1, java.math.RoundingMode.HALF_UP));
    }

    /**
     * An xsd:decimal in its canonical form ("0.5", not "0.500"): the form a store that keeps
     * decimals as values (TDB2, Virtuoso) gives back, so that a derived graph written to a file
     * is the graph the store holds, term for term.
     */
    private static Node decimal(java.math.BigDecimal d) {
        return NodeFactory.createLiteralDT(org.apache.jena.sparql.expr.nodevalue.XSDFuncOp.canonicalDecimalStr(d),
                XSDDatatype.XSDdecimal);
    }

    private static Node integer(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }
}
