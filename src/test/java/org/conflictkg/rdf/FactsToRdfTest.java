package org.conflictkg.rdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.conflictkg.facts.ArticleFacts;
import org.conflictkg.facts.FactsReader;
import org.conflictkg.facts.FactsWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactsToRdfTest {

    static final Path EXPECTED = Path.of("src/test/resources/org/conflictkg/rdf/expected/2020-01-31-newarab-saraqeb.trig");

    @Test
    void exampleIsIsomorphicToCommittedGraph() {
        DatasetGraph expected = RDFDataMgr.loadDatasetGraph(EXPECTED.toString());
        DatasetGraph actual = RdfTestLib.convert(RdfTestLib.EXAMPLE);
        assertThat(IsoMatcher.isomorphic(expected, actual)).isTrue();
    }

    @Test
    void convertingTwiceGivesIsomorphicGraphs() {
        assertThat(IsoMatcher.isomorphic(RdfTestLib.convert(RdfTestLib.EXAMPLE),
                RdfTestLib.convert(RdfTestLib.EXAMPLE))).isTrue();
    }

    @Test
    void reWrittenFactsConvertToTheSameGraph() {
        ArticleFacts f = FactsReader.read(RdfTestLib.EXAMPLE);
        ArticleFacts again = FactsReader.read("rewritten", FactsWriter.toJson(f));
        assertThat(IsoMatcher.isomorphic(RdfTestLib.convert(f), RdfTestLib.convert(again))).isTrue();
    }

    @Test
    void everyFormatParsesBack(@TempDir Path dir) {
        DatasetGraph expected = RdfTestLib.convert(RdfTestLib.EXAMPLE);
        ArticleFacts f = FactsReader.read(RdfTestLib.EXAMPLE);
        FactsToRdf conv = FactsToRdf.create().build();
        for (RdfOutputLib.Format fmt : RdfOutputLib.Format.values()) {
            Path out = dir.resolve("out." + fmt.name().toLowerCase());
            RdfOutputLib.writeAtomically(out, fmt, sink -> conv.convert(f, sink));
            DatasetGraph back = DatasetGraphFactory.createTxnMem();
            RDFParser.source(out).lang(fmt.lang).parse(back);
            if (fmt.quads) {
                assertThat(IsoMatcher.isomorphic(expected, back)).as(fmt.name()).isTrue();
            } else {
                assertThat(back.getDefaultGraph().isIsomorphicWith(expected.getUnionGraph())).as(fmt.name()).isTrue();
            }
        }
    }

    @Test
    void atomicWriteLeavesNothingWhenTheProducerFails(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.trig");
        try {
            RdfOutputLib.writeAtomically(out, RdfOutputLib.Format.TRIG, sink -> {
                throw new IllegalStateException("boom");
            });
        } catch (IllegalStateException expectedFailure) {
            // expected
        }
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void articleAndReferenceGoToTheirGraphs() {
        DatasetGraph dsg = RdfTestLib.convert(RdfTestLib.EXAMPLE);
        List<String> graphs = new ArrayList<>();
        dsg.listGraphNodes().forEachRemaining(g -> graphs.add(g.getURI()));
        assertThat(graphs).containsExactlyInAnyOrder(
                "https://w3id.org/conflict-kg/graph/article/2020-01-31-newarab-saraqeb",
                "https://w3id.org/conflict-kg/graph/reference");
        // Places with a GeoNames id are one node whatever the spelling.
        assertThat(dsg.getGraph(CKG.GRAPH_REFERENCE).contains(
                IriLib.geonamesPlace("164816"), CKG.geonamesId, org.apache.jena.graph.NodeFactory.createLiteralString("164816")))
                .isTrue();
    }

    @Test
    void placesWithoutGeonamesIdAreNamedWithinTheirCountry() {
        DatasetGraph dsg = RdfTestLib.convert(RdfTestLib.EXAMPLE);
        assertThat(dsg.getGraph(CKG.GRAPH_REFERENCE).contains(
                org.apache.jena.graph.NodeFactory.createURI(
                        "https://w3id.org/conflict-kg/place/in/163843/area/western-countryside-of-aleppo-province"),
                org.apache.jena.vocabulary.RDF.type.asNode(), CKG.Place)).isTrue();
    }

    // -------------------------------------------------------------- traceability, one test per kind of fact

    private static List<Map<String, String>> select(String query) {
        Dataset ds = RdfTestLib.unionDataset(RdfTestLib.convert(RdfTestLib.EXAMPLE));
        List<Map<String, String>> rows = new ArrayList<>();
        try (QueryExecution qe = QueryExecution.dataset(ds).query(PREFIXES + query).build()) {
            qe.execSelect().forEachRemaining((QuerySolution s) -> {
                Map<String, String> row = new java.util.TreeMap<>();
                s.varNames().forEachRemaining(v -> {
                    var n = s.get(v);
                    row.put(v, n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString());
                });
                rows.add(row);
            });
        }
        return rows;
    }

    static final String PREFIXES = """
            PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
            PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
            PREFIX schema: <https://schema.org/>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            """;

    @Test
    void controlChangeTracesToQuoteAndSource() {
        List<Map<String, String>> rows = select("""
                SELECT ?place ?to ?status ?quote ?source ?date WHERE {
                  ?e a ckg:ControlChange ; ckg:territory ?p ; ckg:toActor ?a ; ckg:status ?st ;
                     ckg:evidence/nif:anchorOf ?quote ; ckg:earliest ?date .
                  ?p ckg:geonamesId ?place . ?a skos:prefLabel ?to .
                  BIND(STRAFTER(STR(?st), "/status/") AS ?status)
                  OPTIONAL { ?e prov:wasAttributedTo/skos:prefLabel ?source }
                } ORDER BY ?place""");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("place", "164816").containsEntry("status", "imminent")
                .containsEntry("to", "Syrian government forces")
                .containsEntry("source", "Syrian Observatory for Human Rights")
                .containsEntry("quote", "Syrian regime forces were poised on Friday to recapture the rebel-held town of Saraqeb");
        assertThat(rows.get(1)).containsEntry("place", "167611").containsEntry("status", "completed")
                .containsEntry("date", "2020-01-29").doesNotContainKey("source");
    }

    @Test
    void controlStateTracesToQuote() {
        List<Map<String, String>> rows = select("""
                SELECT ?start ?end ?controller ?quote WHERE {
                  ?c a ckg:ControlPeriod ; ckg:territory/ckg:geonamesId "167611" ; ckg:controller/skos:prefLabel ?controller ;
                     ckg:startDate ?start ; ckg:endDate ?end ; ckg:evidence/nif:anchorOf ?quote .
                }""");
        assertThat(rows).containsExactly(Map.of("start", "2012", "end", "2020-01-29", "controller", "Syrian rebels",
                "quote", "Maarat al-Numan had been out of regime hands since 2012 until this week"));
    }

    @Test
    void figureCarriesValueQualifierPeriodAndAttribution() {
        List<Map<String, String>> rows = select("""
                SELECT ?value ?qualifier ?group ?from ?to ?source ?quote ?begin WHERE {
                  ?f a ckg:Figure ; ckg:localId "civilians-killed-260" ; ckg:value ?value ; ckg:qualifier ?q ;
                     ckg:group ?group ; ckg:periodStart ?from ; ckg:periodEnd ?to ;
                     prov:wasAttributedTo/skos:prefLabel ?source ; ckg:evidence ?ev .
                  ?ev nif:anchorOf ?quote ; nif:beginIndex ?begin .
                  BIND(STRAFTER(STR(?q), "/qualifier/") AS ?qualifier)
                }""");
        assertThat(rows).containsExactly(Map.of("value", "260", "qualifier", "more-than", "group", "civilians",
                "from", "2019-12-16", "to", "2020-01-31", "source", "Syrian Observatory for Human Rights",
                "quote", "killed more than 260 civilians, according to the SOHR", "begin", "3381"));
    }

    @Test
    void highwayRouteKeepsItsOrder() {
        List<Map<String, String>> rows = select("""
                SELECT ?pos ?town WHERE {
                  ?h a ckg:Highway ; rdfs:label "M5" ; ckg:routeStop ?s .
                  ?s ckg:position ?pos ; ckg:stopPlace/ckg:geonamesId ?town .
                } ORDER BY ?pos""");
        assertThat(rows).extracting(r -> r.get("town")).containsExactly("170654", "167611", "164816", "170063");
        assertThat(rows).extracting(r -> r.get("pos")).containsExactly("1", "2", "3", "4");
    }

    @Test
    void clashHasActorsPlaceDistanceAndBothQuotes() {
        List<Map<String, String>> rows = select("""
                SELECT (COUNT(DISTINCT ?a) AS ?actors) (SAMPLE(?km) AS ?dist) (COUNT(DISTINCT ?ev) AS ?quotes) WHERE {
                  ?e sem:eventType <https://w3id.org/conflict-kg/vocab/event-type/clash> ; ckg:localId "saraqeb-clashes" ;
                     sem:hasActor ?a ; sem:hasPlace/ckg:geonamesId "164816" ; ckg:distanceKm ?km ; ckg:evidence ?ev .
                }""");
        assertThat(rows).containsExactly(Map.of("actors", "3", "dist", "2", "quotes", "2"));
    }

    @Test
    void articleMetadata() {
        List<Map<String, String>> rows = select("""
                SELECT ?title ?date ?publisher ?credit ?lang WHERE {
                  ?a a schema:NewsArticle ; schema:headline ?title ; schema:datePublished ?date ;
                     schema:publisher/rdfs:label ?publisher ; schema:contributor/skos:prefLabel ?credit ;
                     schema:inLanguage ?lang ; nif:isString ?text .
                }""");
        assertThat(rows).containsExactly(Map.of("title", "Syrian regime on verge of recapturing key Idlib highway town",
                "date", "2020-01-31", "publisher", "The New Arab", "credit", "Agence France-Presse", "lang", "en"));
    }

    @Test
    void everyFactOfTheExampleIsInTheGraphWithItsEvidence() {
        ArticleFacts f = FactsReader.read(RdfTestLib.EXAMPLE);
        List<Map<String, String>> rows = select("""
                SELECT ?id (COUNT(DISTINCT ?q) AS ?quotes) WHERE {
                  ?x ckg:localId ?id ; prov:wasDerivedFrom ?art . ?art a schema:NewsArticle .
                  OPTIONAL { ?x ckg:evidence/nif:anchorOf ?q }
                } GROUP BY ?id""");
        Map<String, String> byId = new java.util.HashMap<>();
        rows.forEach(r -> byId.put(r.get("id"), r.get("quotes")));
        f.events().forEach(e -> assertThat(byId).containsEntry(e.id(), Integer.toString(e.evidence().size())));
        f.figures().forEach(x -> assertThat(byId).containsEntry(x.id(), Integer.toString(x.evidence().size())));
        assertThat(select("SELECT ?c WHERE { ?c a ckg:ControlPeriod ; ckg:evidence ?e }")).hasSize(f.controlStates().size());
    }

}
