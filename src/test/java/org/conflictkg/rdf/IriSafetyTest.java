package org.conflictkg.rdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.irix.IRIx;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.IsoMatcher;
import org.conflictkg.facts.Actor;
import org.conflictkg.facts.ActorKind;
import org.conflictkg.facts.Article;
import org.conflictkg.facts.ArticleFacts;
import org.conflictkg.facts.Event;
import org.conflictkg.facts.Figure;
import org.conflictkg.facts.Highway;
import org.conflictkg.facts.Place;
import org.conflictkg.facts.PlaceKind;
import org.conflictkg.facts.Qualifier;
import org.conflictkg.facts.ReducedDate;
import org.conflictkg.facts.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile names become valid IRIs under the base and survive a round trip through Turtle and TriG. */
class IriSafetyTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "Quote \" in \"name\"",
            "Angle <brackets> and > </close>",
            "spaces   and\ttabs\nnewline",
            "سراقب",
            "\u202Eمعرة النعمان\u202C with RTL override",
            "\u200Fright-to-left mark\u200E",
            "x> . <http://evil.example/> <http://evil.example/p> \"injected",
            "../../graph/reference",
            "#fragment?query=1&a=b",
            "%41 percent %2F encoded",
            "Emoji \uD83D\uDCA5 and ümlauts",
            "'''\"\"\"",
            "..",
            "_underscore",
            ""
    })
    void hostileNamesMakeSafeIris(String name) {
        String id = name.isEmpty() ? "empty" : name;
        ArticleFacts facts = new ArticleFacts(
                new Article("safe-iri-test", "Title " + name, name.isEmpty() ? "Wire" : name,
                        ReducedDate.parse("2021-01-01"), null, null, List.of(), null),
                List.of(new Actor(id, name.isEmpty() ? "?" : name, ActorKind.ARMED_GROUP, null, List.of(name.isEmpty() ? "x" : name),
                        List.of(), null, null, List.of(), null, null, null),
                        new Actor("other", "Other side", ActorKind.ARMED_GROUP, null, List.of(), List.of(), null, null,
                                List.of(), null, null, null)),
                List.of(new Place("p-" + id, name.isEmpty() ? "!!!" : name, PlaceKind.TOWN, null, null, null, List.of()),
                        new Place("q", "Second town", PlaceKind.TOWN, null, null, null, List.of())),
                List.of(new Highway("h-" + id, name.isEmpty() ? "-" : name, List.of("p-" + id, "q"), List.of())),
                List.of(new Event("e-" + id, "control-change", null, "p-" + id, null, "other", id, Status.COMPLETED,
                        List.of(), List.of(), List.of(), null, null, null, null, List.of(id), List.of())),
                List.of(),
                List.of(new Figure("f-" + id, "killed", BigDecimal.TEN, null, null, Qualifier.EXACT, null, name, null,
                        "p-" + id, List.of(), null, null, null, null, List.of(), List.of())));

        DatasetGraph dsg = RdfTestLib.convert(facts);
        List<Node> iris = new ArrayList<>();
        dsg.find().forEachRemaining((Quad q) -> {
            for (Node n : new Node[] {q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject()}) {
                if (n.isURI()) {
                    iris.add(n);
                }
            }
        });
        assertThat(iris).isNotEmpty();
        for (Node n : iris) {
            String iri = n.getURI();
            IRIx parsed = IRIx.create(iri);
            assertThat(parsed.scheme()).as(iri).isNotNull();
            assertThat(iri).as("no raw quote, bracket, space or control character").doesNotContainPattern("[\"<>\\s{}|\\\\^`]");
            assertThat(iri).as("ASCII only").matches("\\p{ASCII}*");
            if (iri.contains("conflict-kg/") && !iri.contains("/ontology#") && !iri.contains("/vocab/")) {
                assertThat(iri).startsWith(CKG.BASE);
                String path = iri.substring(CKG.BASE.length());
                assertThat(path).doesNotContain("#").doesNotContain("?");
                assertThat(path.split("/", -1)).as("no empty or dot segments").doesNotContain("", ".", "..");
            }
        }
        for (Lang lang : List.of(Lang.TURTLE, Lang.TRIG, Lang.NQUADS)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            RdfOutputLib.Format fmt = lang == Lang.TURTLE ? RdfOutputLib.Format.TURTLE
                    : lang == Lang.TRIG ? RdfOutputLib.Format.TRIG : RdfOutputLib.Format.NQUADS;
            RdfOutputLib.write(bytes, fmt, sink -> FactsToRdf.create().build().convert(facts, sink));
            DatasetGraph back = DatasetGraphFactory.createTxnMem();
            RDFParser.fromString(bytes.toString(StandardCharsets.UTF_8), lang).parse(back);
            if (lang == Lang.TURTLE) {
                assertThat(back.getDefaultGraph().isIsomorphicWith(dsg.getUnionGraph())).as(lang.getName()).isTrue();
            } else {
                assertThat(IsoMatcher.isomorphic(dsg, back)).as(lang.getName()).isTrue();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Saraqeb", "SARAQEB", "Saraqeb ", "saraqeb!"})
    void foldedNamesGiveTheSameIri(String name) {
        assertThat(IriLib.namedPlace(name, "settlement", "163843")).isEqualTo(IriLib.namedPlace("saraqeb", "settlement", "163843"));
        assertThat(IriLib.namedPlace(name, "area", "163843")).isNotEqualTo(IriLib.namedPlace("saraqeb", "settlement", "163843"));
    }
}
