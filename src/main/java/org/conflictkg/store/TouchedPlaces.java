package org.conflictkg.store;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.conflictkg.rdf.CKG;

/**
 * What writing article graphs leaves the derived graph owing: the places their reports name, and
 * whether one names a figure about no place. Both stores note it as they write (TDB2 in its
 * marks, a server for an incremental derivation).
 */
final class TouchedPlaces {
    /** The predicates by which an article's reports name a place. */
    static final List<Node> PLACE_LINKS = List.of(CKG.territory, CKG.aboutPlace, CKG.stopPlace);

    private final Set<Node> places = new LinkedHashSet<>();
    private boolean placelessFigure;

    /** Notes the places one article graph's quads name, and whether one of its figures is about no place. */
    void article(Iterable<Quad> quads) {
        Set<Node> figures = new HashSet<>();
        Set<Node> aboutPlaces = new HashSet<>();
        for (Quad q : quads) {
            if (PLACE_LINKS.contains(q.getPredicate())) {
                places.add(q.getObject());
            }
            if (q.getPredicate().equals(CKG.aboutPlace)) {
                aboutPlaces.add(q.getSubject());
            } else if (q.getPredicate().equals(RDF.type.asNode()) && q.getObject().equals(CKG.Figure)) {
                figures.add(q.getSubject());
            }
        }
        if (!aboutPlaces.containsAll(figures)) {
            placelessFigure = true;
        }
    }

    /** Marks that a figure about no place was seen (in a stored version the write replaces). */
    void placelessFigure() {
        placelessFigure = true;
    }

    /** True once a figure about no place was noted. */
    boolean hasPlacelessFigure() {
        return placelessFigure;
    }

    /** The places noted so far, in the order first seen (callers add those of stored versions). */
    Set<Node> places() {
        return places;
    }
}
