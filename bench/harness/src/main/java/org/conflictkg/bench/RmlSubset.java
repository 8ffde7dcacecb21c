package org.conflictkg.bench;

import java.util.HashSet;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.conflictkg.facts.ArticleFacts;
import org.conflictkg.rdf.CKG;
import org.conflictkg.rdf.IriLib;

/**
 * The subset of the converter's output that the RML mapping {@code bench/rml/facts-subset.rml.ttl}
 * makes, as a filter on the converter's stream. It must say exactly what the mapping's header says.
 */
final class RmlSubset {
    private RmlSubset() {
    }

    private static final String ARTICLE = CKG.BASE + "article/";
    private static final String ACTOR = CKG.BASE + "actor/";
    private static final String NAMED_ACTOR = CKG.BASE + "actor/name/";
    private static final String GEONAMES_PLACE = CKG.BASE + "place/geonames/";

    private static final Set<Node> ARTICLE_PREDICATES = Set.of(RDF.type.asNode(), CKG.schema_identifier,
            CKG.schema_headline, CKG.schema_datePublished, CKG.schema_url, CKG.schema_inLanguage,
            CKG.schema_contributor, CKG.nif_isString);
    private static final Set<Node> ACTOR_PREDICATES = Set.of(RDF.type.asNode(), RDFS.label.asNode(), CKG.actorKind,
            CKG.side, CKG.skos_altLabel, CKG.wikidataId, CKG.skos_exactMatch);
    private static final Set<Node> PLACE_PREDICATES = Set.of(RDF.type.asNode(), CKG.geonamesId, CKG.skos_exactMatch,
            RDFS.label.asNode(), CKG.placeKind);

    /**
     * Whether the subset has a triple of subject {@code s} and predicate {@code p}; {@code actors}
     * are the IRIs of the document's own actors (the publisher, minted from its name, is not one).
     */
    static boolean keep(Node s, Node p, Set<Node> actors) {
        if (!s.isURI()) {
            return false;
        }
        String iri = s.getURI();
        if (iri.startsWith(ARTICLE)) {
            return ARTICLE_PREDICATES.contains(p);
        }
        if (iri.startsWith(ACTOR) && !iri.startsWith(NAMED_ACTOR)) {
            return ACTOR_PREDICATES.contains(p) && actors.contains(s);
        }
        if (iri.startsWith(GEONAMES_PLACE)) {
            return PLACE_PREDICATES.contains(p);
        }
        return false;
    }

    /** The document without the facts the subset leaves out (events, control states, figures, highways). */
    static ArticleFacts restrict(ArticleFacts f) {
        return new ArticleFacts(f.article(), f.actors(), f.places(), java.util.List.of(), java.util.List.of(),
                java.util.List.of(), java.util.List.of());
    }

    /** Passes on only the quads of the subset, for one document. */
    static StreamRDF filter(StreamRDF out, ArticleFacts facts) {
        Set<Node> actors = new HashSet<>();
        facts.actors().forEach(a -> actors.add(IriLib.registryActor(a.id())));
        return new StreamRDFWrapper(out) {
            @Override
            public void quad(Quad q) {
                if (keep(q.getSubject(), q.getPredicate(), actors)) {
                    super.quad(q);
                }
            }
        };
    }
}
