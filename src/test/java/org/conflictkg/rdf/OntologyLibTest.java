package org.conflictkg.rdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.conflictkg.facts.ActorKind;
import org.conflictkg.facts.FactsEnum;
import org.conflictkg.facts.PlaceKind;
import org.conflictkg.facts.Qualifier;
import org.conflictkg.facts.Status;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The ontology, the vocabulary class {@link CKG}, the converter's output and the shapes agree. */
class OntologyLibTest {

    static final Graph ONTOLOGY = OntologyLib.ontology();
    static DatasetGraph converted;

    @BeforeAll
    static void convert() {
        converted = RdfTestLib.convert(RdfTestLib.goldFiles());
    }

    /** Every ckg: term CKG declares, by reflection over its static Node fields. */
    static Stream<Node> ckgTerms() {
        List<Node> terms = new ArrayList<>();
        for (Field f : CKG.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == Node.class) {
                try {
                    Node n = (Node) f.get(null);
                    if (n.isURI() && n.getURI().startsWith(CKG.NS)) {
                        terms.add(n);
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return terms.stream();
    }

    @ParameterizedTest
    @MethodSource("ckgTerms")
    void everyTermOfCkgIsDeclaredWithLabelAndComment(Node term) {
        assertThat(objects(term, RDF.type.asNode())).as("%s is declared", term)
                .containsAnyOf(OWL.Class.asNode(), OWL.ObjectProperty.asNode(), OWL.DatatypeProperty.asNode());
        assertThat(objects(term, RDFS.label.asNode())).as("label of %s", term).isNotEmpty();
        assertThat(objects(term, RDFS.comment.asNode())).as("comment of %s", term)
                .allSatisfy(c -> assertThat(c.getLiteralLexicalForm().length()).isGreaterThan(20))
                .isNotEmpty();
    }

    @Test
    void ontologyDeclaresNoTermMissingFromCkg() {
        Set<Node> known = ckgTerms().collect(Collectors.toSet());
        Set<String> extra = new TreeSet<>();
        ONTOLOGY.find(Node.ANY, RDF.type.asNode(), Node.ANY).forEach(t -> {
            Node s = t.getSubject();
            if (s.isURI() && s.getURI().startsWith(CKG.NS) && !known.contains(s)) {
                extra.add(s.getURI());
            }
        });
        assertThat(extra).as("ontology terms without a CKG constant").isEmpty();
    }

    @Test
    void everyCkgTermNamedInSourcesAndQueriesIsDeclared() throws IOException {
        // SPARQL text in the code and named queries write terms as ckg:name; some code mints CKG.NS + "name".
        Pattern term = Pattern.compile("ckg:([A-Za-z][A-Za-z0-9]*)|CKG\\.NS \\+ \"([A-Za-z][A-Za-z0-9]*)\"");
        Set<String> missing = new TreeSet<>();
        int files = 0;
        for (Path root : List.of(Path.of("src/main/java"), Path.of("queries"))) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            List<Path> sources;
            try (Stream<Path> s = Files.walk(root)) {
                sources = s.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".rq")).toList();
            }
            for (Path f : sources) {
                files++;
                Matcher m = term.matcher(Files.readString(f));
                while (m.find()) {
                    Node n = NodeFactory.createURI(CKG.NS + (m.group(1) != null ? m.group(1) : m.group(2)));
                    if (!declared(n)) {
                        missing.add(f + ": " + n.getURI());
                    }
                }
            }
        }
        assertThat(files).isPositive();
        assertThat(missing).isEmpty();
    }

    @Test
    void ontologyHeaderHasVersionLicenceAndComment() {
        Node onto = NodeFactory.createURI(CKG.BASE + "ontology");
        assertThat(objects(onto, RDF.type.asNode())).contains(OWL.Ontology.asNode());
        assertThat(objects(onto, OWL.versionInfo.asNode())).isNotEmpty();
        assertThat(objects(onto, OWL.versionIRI.asNode())).isNotEmpty();
        assertThat(objects(onto, NodeFactory.createURI("http://purl.org/dc/terms/license")))
                .containsExactly(NodeFactory.createURI("https://creativecommons.org/licenses/by/4.0/"));
        assertThat(objects(onto, RDFS.comment.asNode())).isNotEmpty();
    }

    @Test
    void everyCkgTermTheConverterEmitsIsDeclared() {
        Set<String> missing = new TreeSet<>();
        converted.find().forEachRemaining(q -> {
            Node p = q.getPredicate();
            if (inCkg(p) && !declared(p)) {
                missing.add(p.getURI());
            }
            if (p.equals(RDF.type.asNode()) && inCkg(q.getObject()) && !declared(q.getObject())) {
                missing.add(q.getObject().getURI());
            }
        });
        assertThat(missing).isEmpty();
    }

    @Test
    void propertyKindsMatchWhatTheConverterEmits() {
        converted.find().forEachRemaining(q -> {
            Node p = q.getPredicate();
            if (inCkg(p)) {
                Node expected = q.getObject().isLiteral() ? OWL.DatatypeProperty.asNode() : OWL.ObjectProperty.asNode();
                assertThat(objects(p, RDF.type.asNode())).as("%s used with %s", p, q.getObject()).contains(expected);
            }
        });
    }

    @Test
    void everyConceptTheConverterEmitsIsDeclaredInItsScheme() {
        Set<String> missing = new TreeSet<>();
        converted.find().forEachRemaining(q -> {
            Node o = q.getObject();
            if (o.isURI() && o.getURI().startsWith(CKG.VOCAB)) {
                if (!isConceptOfItsScheme(o)) {
                    missing.add(o.getURI());
                }
            }
        });
        assertThat(missing).isEmpty();
    }

    static Stream<CKG.Scheme> schemes() {
        return Arrays.stream(CKG.Scheme.values());
    }

    @ParameterizedTest
    @MethodSource("schemes")
    void everySchemeIsDeclaredAndItsConceptsAreComplete(CKG.Scheme scheme) {
        Node s = schemeNode(scheme);
        assertThat(objects(s, RDF.type.asNode())).contains(SKOS.ConceptScheme.asNode());
        assertThat(objects(s, RDFS.comment.asNode())).isNotEmpty();
        List<Node> concepts = ONTOLOGY.find(Node.ANY, SKOS.inScheme.asNode(), s).mapWith(Triple::getSubject).toList();
        assertThat(concepts).isNotEmpty().allSatisfy(c -> assertThat(isConceptOfItsScheme(c)).as("%s", c).isTrue());
    }

    @Test
    void closedSchemesHoldExactlyTheFactsValues() {
        assertClosed(CKG.Scheme.STATUS, Status.class);
        assertClosed(CKG.Scheme.QUALIFIER, Qualifier.class);
        assertClosed(CKG.Scheme.PLACE_KIND, PlaceKind.class);
        assertClosed(CKG.Scheme.ACTOR_KIND, ActorKind.class);
    }

    @Test
    void openSchemesSayTheyAreOpen() {
        for (CKG.Scheme s : List.of(CKG.Scheme.EVENT_TYPE, CKG.Scheme.MEASURE, CKG.Scheme.SIDE)) {
            assertThat(objects(schemeNode(s), RDFS.comment.asNode()))
                    .anySatisfy(c -> assertThat(c.getLiteralLexicalForm()).contains("open list"));
        }
    }

    @Test
    void everyOntologyTermAndConceptTheShapesNameIsDeclared() {
        Graph shapes = OntologyLib.parseResource(ShapesLib.SHAPES_RESOURCE);
        Set<String> missing = new TreeSet<>();
        shapes.find().forEach(t -> Stream.of(t.getSubject(), t.getPredicate(), t.getObject()).forEach(n -> {
            if (inCkg(n) && !declared(n)) {
                missing.add(n.getURI());
            }
            if (n.isURI() && n.getURI().startsWith(CKG.VOCAB) && !isConceptOfItsScheme(n)) {
                missing.add(n.getURI());
            }
        }));
        assertThat(missing).isEmpty();
    }

    @Test
    void closedListsInTheShapesAreTheFactsValues() {
        Graph shapes = OntologyLib.parseResource(ShapesLib.SHAPES_RESOURCE);
        assertThat(inLists(shapes, CKG.actorKind)).containsExactly(concepts(CKG.Scheme.ACTOR_KIND, ActorKind.class));
        assertThat(inLists(shapes, CKG.placeKind)).containsExactly(concepts(CKG.Scheme.PLACE_KIND, PlaceKind.class));
        assertThat(inLists(shapes, CKG.qualifier)).containsExactly(concepts(CKG.Scheme.QUALIFIER, Qualifier.class));
        Set<Node> control = Stream.of(Status.COMPLETED, Status.PARTIAL, Status.CONTESTED, Status.IMMINENT)
                .map(v -> CKG.Scheme.STATUS.concept(v.code())).collect(Collectors.toSet());
        // Status lists: every event's list holds all values; control changes and periods the four control values.
        assertThat(inLists(shapes, CKG.status)).allSatisfy(list -> assertThat(list)
                .satisfiesAnyOf(l -> assertThat(l).isEqualTo(concepts(CKG.Scheme.STATUS, Status.class)),
                        l -> assertThat(l).isEqualTo(control)))
                .contains(concepts(CKG.Scheme.STATUS, Status.class), control);
    }

    /** The members of each sh:in list of a property shape whose path is {@code path}. */
    private static List<Set<Node>> inLists(Graph shapes, Node path) {
        Node shIn = NodeFactory.createURI("http://www.w3.org/ns/shacl#in");
        Node shPath = NodeFactory.createURI("http://www.w3.org/ns/shacl#path");
        List<Set<Node>> lists = new ArrayList<>();
        shapes.find(Node.ANY, shPath, path).forEach(t -> shapes.find(t.getSubject(), shIn, Node.ANY)
                .forEach(l -> lists.add(Set.copyOf(org.apache.jena.sparql.util.graph.GraphList.members(new org.apache.jena.sparql.util.graph.GNode(shapes, l.getObject()))))));
        assertThat(lists).as("sh:in lists on %s", path).isNotEmpty();
        return lists;
    }

    private static <E extends Enum<E> & FactsEnum> Set<Node> concepts(CKG.Scheme scheme, Class<E> values) {
        return Arrays.stream(values.getEnumConstants()).map(v -> scheme.concept(v.code())).collect(Collectors.toSet());
    }

    @Test
    void ontologyIsReadOnlyAndParsedOnce() {
        assertThat(OntologyLib.ontology()).isSameAs(ONTOLOGY);
        Node n = NodeFactory.createURI(CKG.NS + "Extra");
        assertThatThrownBy(() -> ONTOLOGY.add(n, RDF.type.asNode(), OWL.Class.asNode()))
                .isInstanceOf(RuntimeException.class);
        assertThat(ONTOLOGY.contains(n, Node.ANY, Node.ANY)).isFalse();
    }

    // ------------------------------------------------------------------ helpers

    private static <E extends Enum<E> & FactsEnum> void assertClosed(CKG.Scheme scheme, Class<E> values) {
        Set<Node> expected = Arrays.stream(values.getEnumConstants()).map(v -> scheme.concept(v.code()))
                .collect(Collectors.toSet());
        Set<Node> declared = ONTOLOGY.find(Node.ANY, SKOS.inScheme.asNode(), schemeNode(scheme))
                .mapWith(Triple::getSubject).toSet();
        assertThat(declared).as(scheme.path).containsExactlyInAnyOrderElementsOf(expected);
    }

    static Node schemeNode(CKG.Scheme scheme) {
        return NodeFactory.createURI(CKG.VOCAB + scheme.path);
    }

    /** Declared as a concept of the scheme its IRI is under, with notation = its code, a label and a definition. */
    private static boolean isConceptOfItsScheme(Node c) {
        String rest = c.getURI().substring(CKG.VOCAB.length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return false;
        }
        Node scheme = NodeFactory.createURI(CKG.VOCAB + rest.substring(0, slash));
        String code = rest.substring(slash + 1);
        return ONTOLOGY.contains(c, RDF.type.asNode(), SKOS.Concept.asNode())
                && ONTOLOGY.contains(c, SKOS.inScheme.asNode(), scheme)
                && objects(c, SKOS.notation.asNode()).stream().anyMatch(n -> n.getLiteralLexicalForm().equals(code))
                && !objects(c, SKOS.prefLabel.asNode()).isEmpty()
                && !objects(c, SKOS.definition.asNode()).isEmpty();
    }

    private static boolean inCkg(Node n) {
        return n.isURI() && n.getURI().startsWith(CKG.NS);
    }

    private static boolean declared(Node term) {
        return ONTOLOGY.contains(term, RDF.type.asNode(), Node.ANY)
                && ONTOLOGY.contains(term, RDFS.label.asNode(), Node.ANY)
                && ONTOLOGY.contains(term, RDFS.comment.asNode(), Node.ANY);
    }

    private static List<Node> objects(Node s, Node p) {
        return ONTOLOGY.find(s, p, Node.ANY).mapWith(Triple::getObject).toList();
    }

}
