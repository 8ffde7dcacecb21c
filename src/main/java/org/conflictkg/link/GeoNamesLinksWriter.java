package org.conflictkg.link;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import org.apache.jena.datatypes.BaseDatatype;
import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.conflictkg.rdf.CKG;
import org.conflictkg.rdf.IriLib;
import org.conflictkg.gazetteer.GeoNamesRecord;
import org.conflictkg.gazetteer.LinkResult;

/**
 * Emits gazetteer links as quads in the links graph ({@code graph/links}) to a {@link StreamRDF}.
 * For each LINKED result, about the place IRI (for a place with a GeoNames id,
 * {@code place/geonames/{id}}, as {@link IriLib#geonamesPlace} mints it):
 * <pre>
 * place skos:exactMatch &lt;https://sws.geonames.org/{id}/&gt; ;
 *       geo:hasGeometry place/geometry ;
 *       gn:parentADM1 &lt;https://sws.geonames.org/{province}/&gt; ;   # when known
 *       gn:parentCountry &lt;https://sws.geonames.org/{country}/&gt; ;  # when known
 *       ckg:linkConfidence "0.930"^^xsd:decimal ;   # not yet in the ontology
 *       ckg:linkMethod "gazetteer-match" .             # not yet in the ontology
 * place/geometry a geo:Geometry ; geo:asWKT "POINT (lon lat)"^^geo:wktLiteral .
 * </pre>
 * Results that are not linked emit nothing. The caller starts and finishes the stream.
 */
public final class GeoNamesLinksWriter {
    public static final String GRAPH = CKG.GRAPH + "links";
    public static final String PLACE_BASE = CKG.BASE + "place/geonames/";
    public static final String GEO = CKG.GEO;
    public static final String GN = CKG.GN;

    static final Node G = CKG.GRAPH_LINKS;
    static final Node HAS_GEOMETRY = NodeFactory.createURI(GEO + "hasGeometry");
    static final Node AS_WKT = NodeFactory.createURI(GEO + "asWKT");
    static final Node GEOMETRY = NodeFactory.createURI(GEO + "Geometry");
    static final RDFDatatype WKT_LITERAL = new BaseDatatype(GEO + "wktLiteral");
    static final Node PARENT_ADM1 = NodeFactory.createURI(GN + "parentADM1");
    static final Node PARENT_COUNTRY = NodeFactory.createURI(GN + "parentCountry");
    static final Node LINK_CONFIDENCE = NodeFactory.createURI(CKG.NS + "linkConfidence");
    static final Node LINK_METHOD = NodeFactory.createURI(CKG.NS + "linkMethod");

    private GeoNamesLinksWriter() {
    }

    /** The canonical IRI of the place a result links to, if linked. */
    public static String placeIri(LinkResult r) {
        return r.geonamesId().isPresent()
                ? IriLib.geonamesPlace(Long.toString(r.geonamesId().getAsLong())).getURI() : null;
    }

    /** Writes the links of every linked result, each about its canonical place IRI. */
    public static void write(StreamRDF out, Iterable<LinkResult> results) {
        for (LinkResult r : results) {
            if (r.isLinked()) {
                write(out, placeIri(r), r);
            }
        }
    }

    /** Writes the links of each linked result about the place IRI it is keyed by. */
    public static void write(StreamRDF out, Map<String, LinkResult> byPlaceIri) {
        byPlaceIri.forEach((iri, r) -> write(out, iri, r));
    }

    /** Writes one result's links about {@code placeIri}; nothing if the result is not linked. */
    public static void write(StreamRDF out, String placeIri, LinkResult r) {
        if (!r.isLinked()) {
            return;
        }
        Node place = NodeFactory.createURI(placeIri);
        GeoNamesRecord rec = r.best().record();
        quad(out, place, SKOS.exactMatch.asNode(), IriLib.geonamesFeature(Long.toString(rec.id())));
        r.point().ifPresent(p -> {
            Node geometry = NodeFactory.createURI(placeIri + "/geometry");
            quad(out, place, HAS_GEOMETRY, geometry);
            quad(out, geometry, RDF.type.asNode(), GEOMETRY);
            quad(out, geometry, AS_WKT, NodeFactory.createLiteralDT(p.wkt(), WKT_LITERAL));
        });
        if (r.province() != null) {
            quad(out, place, PARENT_ADM1, NodeFactory.createURI(r.province().iri()));
        }
        if (r.country() != null) {
            quad(out, place, PARENT_COUNTRY, NodeFactory.createURI(r.country().iri()));
        }
        String confidence = BigDecimal.valueOf(r.confidence()).setScale(3, RoundingMode.HALF_UP).toPlainString();
        quad(out, place, LINK_CONFIDENCE, NodeFactory.createLiteralDT(confidence, XSDDatatype.XSDdecimal));
        quad(out, place, LINK_METHOD, NodeFactory.createLiteralString(r.method()));
    }

    private static void quad(StreamRDF out, Node s, Node p, Node o) {
        out.quad(Quad.create(G, s, p, o));
    }
}
