package org.conflictkg.rdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.update.UpdateAction;
import org.apache.jena.vocabulary.RDF;
import org.conflictkg.derive.Derivation;
import org.conflictkg.gazetteer.Gazetteer;
import org.conflictkg.link.LinkStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ShapesLibTest {

    @Test
    void convertedExampleConforms() {
        ValidationReport report = ShapesLib.validate(RdfTestLib.convertExample());
        assertThat(report.getEntries()).as(() -> describe(report)).isEmpty();
        assertThat(report.conforms()).isTrue();
    }

    @Test
    void convertedGoldFilesConformTogether() {
        // Canonical places and actors are shared between articles: the union must still conform.
        ValidationReport report = ShapesLib.validate(RdfTestLib.convert(RdfTestLib.goldFiles()));
        assertThat(report.conforms()).as(() -> describe(report)).isTrue();
    }

    @Test
    void derivedGraphConforms() throws IOException {
        // Six reports about one town, merged into changes, a timeline and disagreements.
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/org/conflictkg/derive/saraqeb-2020"))) {
            files = s.filter(p -> p.toString().endsWith(".facts.json")).sorted().toList();
        }
        DatasetGraph dsg = RdfTestLib.convert(files);
        Derivation.create().build().run(dsg);
        assertThat(dsg.getGraph(CKG.GRAPH_DERIVED).find(null, RDF.type.asNode(), CKG.MergedControlChange).toList())
                .isNotEmpty();
        assertThat(dsg.getGraph(CKG.GRAPH_DERIVED).find(null, RDF.type.asNode(), CKG.Disagreement).toList())
                .isNotEmpty();
        ValidationReport report = ShapesLib.validate(dsg);
        assertThat(report.conforms()).as(() -> describe(report)).isTrue();
    }

    @Test
    void wholeStoreConforms() {
        // Article and reference graphs, then the links graph (bundled gazetteer, no Wikidata), the
        // derived graph (timeline, highway control) and the ontology graph: the union still conforms.
        DatasetGraph dsg = RdfTestLib.convertExample();
        LinkStage.create(Gazetteer.bundled(), null).run(dsg);
        Derivation.create().build().run(dsg);
        OntologyLib.ontology().find().forEach(t -> dsg.add(CKG.GRAPH_ONTOLOGY, t.getSubject(), t.getPredicate(),
                t.getObject()));
        assertThat(dsg.getGraph(CKG.GRAPH_LINKS).find(null, CKG.linkConfidence, null).toList()).isNotEmpty();
        assertThat(dsg.getGraph(CKG.GRAPH_DERIVED).find(null, RDF.type.asNode(), CKG.HighwayControl).toList())
                .isNotEmpty();
        ValidationReport report = ShapesLib.validate(dsg);
        assertThat(report.conforms()).as(() -> describe(report)).isTrue();
    }

    @Test
    void conformsWithTheOntologyGraphLoaded() {
        DatasetGraph dsg = RdfTestLib.convertExample();
        OntologyLib.ontology().find().forEach(t -> dsg.add(CKG.GRAPH_ONTOLOGY, t.getSubject(), t.getPredicate(),
                t.getObject()));
        ValidationReport report = ShapesLib.validate(dsg);
        assertThat(report.conforms()).as(() -> describe(report)).isTrue();
    }

    @Test
    void articleGraphAloneLacksTheTypesOfCanonicalNodes() {
        // The contract: validate the union with the reference graph, not an article graph alone.
        DatasetGraph dsg = RdfTestLib.convertExample();
        Node graph = IriLib.articleGraph("2020-01-31-newarab-saraqeb");
        ValidationReport report = ShapesLib.validate(dsg.getGraph(graph));
        assertThat(report.conforms()).isFalse();
        assertThat(report.getEntries()).anySatisfy(e -> assertThat(e.resultPath())
                .isEqualTo(new P_Link(CKG.territory)));
    }

    @Test
    void unionCountsATripleInSeveralGraphsOnce() {
        DatasetGraph dsg = RdfTestLib.convertExample();
        Node pos = CKG.position;
        Triple stop = dsg.find(Node.ANY, Node.ANY, pos, Node.ANY).next().asTriple();
        // The same position again in the default graph and in another named graph: still one value.
        dsg.getDefaultGraph().add(stop);
        dsg.add(NodeFactory.createURI(CKG.GRAPH + "other"), stop.getSubject(), stop.getPredicate(), stop.getObject());
        assertThat(ShapesLib.validate(dsg).conforms()).isTrue();
        assertThat(ShapesLib.unionOf(dsg).find(stop.getSubject(), pos, Node.ANY).toList()).hasSize(1);
    }

    @Test
    void unionViewIsReadOnly() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        Node n = NodeFactory.createURI("https://example.org/x");
        assertThatThrownBy(() -> ShapesLib.unionOf(dsg).add(n, RDF.type.asNode(), CKG.Place))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void offsetsCompareAsNumbersNotAsText() {
        // 95 <= 274 numerically although "95" > "274" as text.
        DatasetGraph dsg = RdfTestLib.convertExample();
        UpdateAction.parseExecute("""
                PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
                PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
                DELETE { GRAPH ?g { ?s nif:beginIndex ?b } } INSERT { GRAPH ?g { ?s nif:beginIndex "95"^^xsd:nonNegativeInteger } }
                WHERE { GRAPH ?g { ?s nif:beginIndex ?b ; nif:endIndex "274"^^xsd:nonNegativeInteger } }""", dsg);
        assertThat(dsg.find(Node.ANY, Node.ANY, CKG.nif_beginIndex, NodeFactory.createLiteralDT("95",
                org.apache.jena.datatypes.xsd.XSDDatatype.XSDnonNegativeInteger)).hasNext()).isTrue();
        ValidationReport report = ShapesLib.validate(dsg);
        assertThat(report.conforms()).as(() -> describe(report)).isTrue();
    }

    @Test
    void describeGivesOneSortedLinePerResult() {
        DatasetGraph dsg = RdfTestLib.convertExample();
        UpdateAction.parseExecute("""
                PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
                DELETE WHERE { GRAPH ?g { ?s ckg:territory ?p ; ckg:toActor ?a } }""", dsg);
        ValidationReport report = ShapesLib.validate(dsg);
        List<String> lines = ShapesLib.describe(report);
        assertThat(lines).hasSize(report.getEntries().size()).isSorted();
        assertThat(lines).contains(
                "<https://w3id.org/conflict-kg/event/2020-01-31-newarab-saraqeb/maarat-withdrawal> ckg:territory: "
                        + "a control change has exactly one ckg:territory, a place or a highway");
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("saraqeb-recapture> ckg:toActor: "));
    }

    @Test
    void shapesAreParsedOnce() {
        assertThat(ShapesLib.shapes()).isSameAs(ShapesLib.shapes());
        assertThat(ShapesLib.shapes().getTargetShapes()).hasSizeGreaterThan(10);
    }

    // ------------------------------------------------------------------ broken graphs

    /**
     * A broken case: either a SPARQL Update ({@code .ru}) applied to the converted example, or a
     * whole dataset ({@code .trig}). Its header names the violation the shapes must report:
     * {@code # focus: <iri>}, {@code # path: <iri>} or {@code none} for a node-level
     * constraint, {@code # component: Name} (the constraint component without the
     * {@code sh:} prefix and {@code ConstraintComponent} suffix).
     */
    record BrokenCase(String name, Path file, Node focus, Node path, String component) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<BrokenCase> brokenCases() throws IOException, URISyntaxException {
        Path dir = Path.of(ShapesLibTest.class.getResource("shapes-broken").toURI());
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".ru") || p.toString().endsWith(".trig"))
                    .sorted().toList();
            assertThat(files).hasSizeGreaterThanOrEqualTo(8);
            return files.stream().map(ShapesLibTest::readCase).toList().stream();
        }
    }

    static BrokenCase readCase(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            String focus = header(lines, "focus", file);
            String path = header(lines, "path", file);
            return new BrokenCase(file.getFileName().toString(), file, iri(focus),
                    path.equals("none") ? null : iri(path), header(lines, "component", file));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(List<String> lines, String key, Path file) {
        return lines.stream().filter(l -> l.startsWith("# " + key + ":")).map(l -> l.substring(key.length() + 3).trim())
                .findFirst().orElseThrow(() -> new IllegalStateException(file + ": no '# " + key + ":' line"));
    }

    private static Node iri(String bracketed) {
        assertThat(bracketed).startsWith("<").endsWith(">");
        return NodeFactory.createURI(bracketed.substring(1, bracketed.length() - 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenCases")
    void brokenGraphIsRejected(BrokenCase c) throws IOException {
        DatasetGraph dsg;
        if (c.file().toString().endsWith(".trig")) {
            dsg = DatasetGraphFactory.createTxnMem();
            RDFParser.source(c.file()).lang(Lang.TRIG).parse(dsg);
        } else {
            dsg = RdfTestLib.convertExample();
            Set<Quad> before = quads(dsg);
            UpdateAction.parseExecute(Files.readString(c.file(), StandardCharsets.UTF_8), dsg);
            assertThat(quads(dsg)).as("the update of %s changes the example", c).isNotEqualTo(before);
        }
        ValidationReport report = ShapesLib.validate(dsg);
        assertThat(report.conforms()).as(c.name()).isFalse();
        String component = "http://www.w3.org/ns/shacl#" + c.component() + "ConstraintComponent";
        assertThat(report.getEntries()).as(() -> c.name() + " reports\n" + describe(report))
                .anySatisfy(e -> {
                    assertThat(e.focusNode()).isEqualTo(c.focus());
                    assertThat(e.resultPath()).isEqualTo(c.path() == null ? null : new P_Link(c.path()));
                    assertThat(e.sourceConstraintComponent().getURI()).isEqualTo(component);
                });
    }

    private static Set<Quad> quads(DatasetGraph dsg) {
        Set<Quad> all = new HashSet<>();
        dsg.find().forEachRemaining(all::add);
        return all;
    }

    private static String describe(ValidationReport report) {
        return report.getEntries().stream().map(ReportEntry::toString).collect(Collectors.joining("\n"));
    }
}
