package org.conflictkg.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.SKOS;
import org.conflictkg.facts.PlaceKind;
import org.junit.jupiter.api.Test;
import org.conflictkg.gazetteer.Gazetteer;
import org.conflictkg.gazetteer.LinkResult;
import org.conflictkg.gazetteer.PlaceMatcher;
import org.conflictkg.gazetteer.PlaceQuery;

class GeoNamesLinksWriterTest {
    private final PlaceMatcher matcher = new PlaceMatcher(Gazetteer.bundled());

    private DatasetGraph write(List<LinkResult> results) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        StreamRDF out = StreamRDFLib.dataset(dsg);
        out.start();
        GeoNamesLinksWriter.write(out, results);
        out.finish();
        return dsg;
    }

    private static Node uri(String s) {
        return NodeFactory.createURI(s);
    }

    @Test
    void linkedPlaceGetsExactMatchGeometryProvinceConfidenceAndMethod() {
        LinkResult r = matcher.link(PlaceQuery.builder("Saraqeb").kind(PlaceKind.TOWN).country("SY").build());
        DatasetGraph dsg = write(List.of(r));
        Node g = uri(GeoNamesLinksWriter.GRAPH);
        Node place = uri("https://w3id.org/conflict-kg/place/geonames/164816");
        assertThat(dsg.getDefaultGraph().isEmpty()).isTrue();
        assertThat(dsg.contains(g, place, SKOS.exactMatch.asNode(), uri("https://sws.geonames.org/164816/"))).isTrue();
        assertThat(dsg.contains(g, place, GeoNamesLinksWriter.PARENT_ADM1, uri("https://sws.geonames.org/169387/")))
                .isTrue();
        assertThat(dsg.contains(g, place, GeoNamesLinksWriter.PARENT_COUNTRY,
                uri("https://sws.geonames.org/163843/"))).isTrue();
        Node geometry = dsg.find(g, place, GeoNamesLinksWriter.HAS_GEOMETRY, Node.ANY).next().getObject();
        Quad wkt = dsg.find(g, geometry, GeoNamesLinksWriter.AS_WKT, Node.ANY).next();
        assertThat(wkt.getObject().getLiteralLexicalForm()).isEqualTo("POINT (36.80591 35.86447)");
        assertThat(wkt.getObject().getLiteralDatatypeURI()).isEqualTo("http://www.opengis.net/ont/geosparql#wktLiteral");
        Quad conf = dsg.find(g, place, GeoNamesLinksWriter.LINK_CONFIDENCE, Node.ANY).next();
        assertThat(Double.parseDouble(conf.getObject().getLiteralLexicalForm())).isBetween(0.6, 1.0);
        assertThat(dsg.find(g, place, GeoNamesLinksWriter.LINK_METHOD, Node.ANY).next().getObject()
                .getLiteralLexicalForm()).isEqualTo(LinkResult.METHOD_MATCH);
    }

    @Test
    void unlinkedAndAmbiguousResultsWriteNothing() {
        LinkResult ambiguous = matcher.link(PlaceQuery.builder("Dmytrivka").kind(PlaceKind.VILLAGE).country("UA").build());
        LinkResult unlinked = matcher.link(PlaceQuery.builder("eastern Aleppo").kind(PlaceKind.DISTRICT).build());
        assertThat(ambiguous.isLinked()).isFalse();
        assertThat(unlinked.isLinked()).isFalse();
        assertThat(write(List.of(ambiguous, unlinked)).isEmpty()).isTrue();
    }
}
