package org.conflictkg.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.conflictkg.http.HttpRetry;
import org.conflictkg.derive.Derivation;
import org.conflictkg.derive.HighwayControl;
import org.conflictkg.derive.Timeline;
import org.conflictkg.rdf.CKG;
import org.conflictkg.rdf.IriLib;
import org.conflictkg.rdf.RdfTestLib;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.conflictkg.gazetteer.Gazetteer;

/** Linking a store's places against the bundled gazetteer and a local Wikidata-shaped endpoint. */
class LinkStageTest {

    static FusekiServer wikidata;
    static String endpoint;
    static DatasetGraph store;
    static LinkStage.Report report;

    @BeforeAll
    static void start() {
        DatasetGraph wd = DatasetGraphFactory.createTxnMem();
        RDFDataMgr.read(wd, "src/test/resources/org/conflictkg/link/wikidata-fixture.ttl");
        wikidata = FusekiServer.create().port(0).loopback(true).add("/wikidata", wd).build().start();
        endpoint = "http://127.0.0.1:" + wikidata.getHttpPort() + "/wikidata/sparql";
        store = RdfTestLib.convert(RdfTestLib.EXAMPLE);
        report = LinkStage.create(Gazetteer.bundled(), WikidataClient.create().endpoint(endpoint).batchSize(2).build())
                .run(store);
    }

    @AfterAll
    static void stop() {
        wikidata.stop();
    }

    private static boolean links(Node s, Node p, Node o) {
        return store.getGraph(CKG.GRAPH_LINKS).contains(s, p, o);
    }

    @Test
    void placesLinkToGeoNamesWithGeometry() {
        Node saraqeb = IriLib.geonamesPlace("164816");
        assertThat(links(saraqeb, CKG.skos_exactMatch, NodeFactory.createURI("https://sws.geonames.org/164816/"))).isTrue();
        assertThat(store.getGraph(CKG.GRAPH_LINKS).find(saraqeb, CKG.geo_hasGeometry, Node.ANY).toList()).hasSize(1);
    }

    @Test
    void wikidataItemsAreJoinedByGeoNamesIdInBatches() {
        assertThat(links(IriLib.geonamesPlace("164816"), CKG.skos_exactMatch, IriLib.wikidataEntity("Q1895761"))).isTrue();
        assertThat(links(IriLib.geonamesPlace("170654"), CKG.wikidataId, NodeFactory.createLiteralString("Q3766"))).isTrue();
        assertThat(report.wikidata()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void reportCountsEveryPlaceAndListsWhatStayedUnlinked() {
        assertThat(report.linked() + report.ambiguous() + report.unlinked()).isEqualTo(11);
        assertThat(report.linked()).isGreaterThanOrEqualTo(10);
        assertThat(report.notLinked()).extracting(LinkStage.Entry::name).contains("western countryside of Aleppo province");
    }

    @Test
    void relinkingReplacesTheLinksGraph() {
        long before = store.getGraph(CKG.GRAPH_LINKS).size();
        LinkStage.create(Gazetteer.bundled(), WikidataClient.create().endpoint(endpoint).build()).run(store);
        assertThat(store.getGraph(CKG.GRAPH_LINKS).size()).isEqualTo(before);
    }

    @Test
    void unreachableEndpointFailsAfterRetries() {
        WikidataClient client = WikidataClient.create().endpoint("http://127.0.0.1:1/sparql")
                .retry(HttpRetry.create().attempts(3).firstWait(Duration.ofMillis(10)).build()).timeout(Duration.ofSeconds(2)).build();
        assertThatThrownBy(() -> client.lookup(List.of("164816")))
                .isInstanceOf(LinkException.class).hasMessageContaining("after 3 attempts");
    }

    @Test
    void idsThatAreNotGeoNamesIdsAreNeverSent() {
        Map<String, WikidataClient.Item> items = WikidataClient.create().endpoint(endpoint).build()
                .lookup(List.of("164816\" } ; DROP ALL ; {", "164816"));
        assertThat(items).containsOnlyKeys("164816");
    }

    @Test
    void namedQueriesAnswerHighwayControlAndPlacesNearTheHighway() {
        Derivation.create().build().run(store);
        org.conflictkg.query.QueryRunner runner = new org.conflictkg.query.QueryRunner(
                org.conflictkg.query.QuerySources.dataset(RdfTestLib.unionDataset(store).asDatasetGraph(), "example"),
                Duration.ofSeconds(30));
        String m5 = "https://w3id.org/conflict-kg/highway/in/163843/m5";
        var rs = runner.select(org.conflictkg.query.NamedQueries.named("highway-control"),
                Map.of("highway", m5, "date", "2020-01-31"));
        java.util.Set<String> sides = new java.util.HashSet<>();
        rs.forEachRemaining(s -> sides.add(s.getLiteral("side").getString()));
        assertThat(sides).contains("government", "opposition");
        var near = runner.select(org.conflictkg.query.NamedQueries.named("near-highway"), Map.of("highway", m5, "km", "5"));
        List<String> places = new java.util.ArrayList<>();
        near.forEachRemaining(s -> places.add(s.getResource("place").getURI()));
        // The route towns lie on the line; Latakia, on the M4, is far from the M5.
        assertThat(places).contains(IriLib.geonamesPlace("164816").getURI(), IriLib.geonamesPlace("167611").getURI())
                .doesNotContain(IriLib.geonamesPlace("173576").getURI());
    }

    @Test
    void m5StretchOutsideGovernmentControlIsComputedFromTheRoute() {
        Timeline t = Derivation.create().build().run(store);
        HighwayControl.Result r = t.highwayControl().stream()
                .filter(h -> h.label().equals("M5") && h.day().equals(LocalDate.parse("2020-01-31")))
                .findFirst().orElseThrow();
        // Damascus-Maarat-Saraqeb-Aleppo: about 320 km on the great circle between the towns.
        assertThat(r.totalKm()).isBetween(280.0, 360.0);
        // Maarat al-Numan is held by the government (since 29 January), Saraqeb by the opposition.
        assertThat(r.kmBySide()).containsKeys("government", "opposition", HighwayControl.UNKNOWN);
        assertThat(r.kmBySide().get("opposition")).isBetween(20.0, 60.0);
        assertThat(r.kmOutside("government")).isGreaterThan(r.kmBySide().get("opposition"));
        assertThat(store.getGraph(CKG.GRAPH_DERIVED).find(Node.ANY, CKG.geo_asWKT, Node.ANY).toList()).hasSize(2);
        System.out.printf(java.util.Locale.ROOT, "M5 on 2020-01-31: %.1f km in all, %s; outside government control %.1f km%n",
                r.totalKm(), r.kmBySide(), r.kmOutside("government"));
    }

    @Test
    void derivationInBoundedMemoryWritesTheSameGraphIncludingHighwayControl() {
        Derivation.create().build().run(store);
        org.apache.jena.graph.Graph whole = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        store.getGraph(CKG.GRAPH_DERIVED).find().forEachRemaining(whole::add);
        assertThat(whole.find(Node.ANY, org.apache.jena.vocabulary.RDF.type.asNode(), CKG.HighwayControl).toList())
                .isNotEmpty();

        Derivation.Counts counts = Derivation.create().chunkPlaces(2).build().runFull(store);
        org.apache.jena.graph.Graph chunked = store.getGraph(CKG.GRAPH_DERIVED);
        assertThat(chunked.isIsomorphicWith(whole)).isTrue();
        assertThat(counts.highwayDays()).isEqualTo(
                whole.find(Node.ANY, org.apache.jena.vocabulary.RDF.type.asNode(), CKG.HighwayControl).toList().size());
    }
}
