package org.conflictkg.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.RDFNode;
import org.conflictkg.cli.Stages;
import org.conflictkg.store.Converters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code figures} and {@code controller-at-reports} name a fact's source only when it has one: a
 * figure or change stated in the article's own voice by an article without a publisher (the
 * {@code control-changes} fixtures) is one {@code figures} row with no source, and adds no name
 * to {@code controller-at-reports}' sources. What is expected is read from the graph with plain
 * patterns, beside the bundled example and the Saraqeb timeline fixture, whose many named nodes a
 * name lookup on an unbound source would match.
 */
class SourceLabelRowsTest {
    static final Path TIMELINE = Path.of("src/test/resources/org/conflictkg/derive/saraqeb-2020");
    static QueryRunner runner;

    static final String PREFIXES = """
            PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX schema: <https://schema.org/>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX kg: <https://w3id.org/conflict-kg/graph/>
            """;

    /** Each figure with what the graph says of it: one expected row per source, or one without. */
    static final String FIGURES = PREFIXES + """
            SELECT ?article ?measure ?value ?place ?attributed ?publisher {
              ?figure a ckg:Figure ; ckg:measure ?measure ; prov:wasDerivedFrom ?article .
              OPTIONAL { ?figure ckg:value ?value }
              OPTIONAL { ?figure ckg:aboutPlace ?place }
              OPTIONAL { ?figure prov:wasAttributedTo ?attributed }
              OPTIONAL { ?article schema:publisher ?publisher }
            }""";

    /** Every name a source of a control claim about a place may go by, per place. */
    static final String SOURCE_NAMES = PREFIXES + """
            SELECT DISTINCT ?place ?source ?name {
              {
                SELECT DISTINCT ?place ?source {
                  ?claim ckg:territory ?place ; prov:wasDerivedFrom ?article .
                  OPTIONAL { ?claim prov:wasAttributedTo ?attributed }
                  OPTIONAL { ?article schema:publisher ?publisher }
                  BIND (COALESCE(?attributed, ?publisher) AS ?source)
                  FILTER (BOUND(?source))
                }
              }
              OPTIONAL { { ?source skos:prefLabel ?name } UNION { GRAPH kg:reference { ?source rdfs:label ?name } } }
            }""";

    @BeforeAll
    static void load() throws IOException {
        List<Path> files = new ArrayList<>(List.of(ControlChangesRowsTest.EXAMPLE));
        for (Path dir : List.of(TIMELINE, ControlChangesRowsTest.CASES)) {
            try (Stream<Path> s = Files.list(dir)) {
                s.sorted().forEach(files::add);
            }
        }
        runner = new QueryRunner(QuerySources.files(files, Converters.standardInputs(), Stages.derivation()),
                Duration.ofSeconds(30));
    }

    @Test
    void figuresGiveOneRowPerFigureAndSourceAndNoneWithoutOne() {
        List<String> expected = new ArrayList<>();
        ResultSetRewindable facts = runner.select(NamedQuery.parse("expected", "expected.rq", FIGURES), Map.of());
        boolean withoutSource = false;
        while (facts.hasNext()) {
            QuerySolution s = facts.next();
            RDFNode source = s.get("attributed") != null ? s.get("attributed") : s.get("publisher");
            withoutSource |= source == null;
            expected.add(row(s.get("article"), s.get("measure"), s.get("value"), s.get("place"), source));
        }
        assertThat(withoutSource).as("the fixtures hold a figure without a source").isTrue();

        List<String> actual = new ArrayList<>();
        ResultSetRewindable rs = runner.select(NamedQueries.named("figures"), Map.of());
        while (rs.hasNext()) {
            QuerySolution s = rs.next();
            actual.add(row(s.get("article"), s.get("measure"), s.get("value"), s.get("place"), s.get("source")));
            assertThat(s.contains("sourceLabel")).as("a label exactly where there is a source: %s", s)
                    .isEqualTo(s.contains("source"));
        }
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"2020-01-30", "2020-02-07", "2020-02-29", "2020-03-05"})
    void controllerAtReportsListsOnlyTheSourcesOfClaimsAboutThePlace(String date) {
        Map<RDFNode, Set<String>> names = new HashMap<>();
        ResultSetRewindable known = runner.select(NamedQuery.parse("expected", "expected.rq", SOURCE_NAMES), Map.of());
        while (known.hasNext()) {
            QuerySolution s = known.next();
            Set<String> forPlace = names.computeIfAbsent(s.get("place"), p -> new HashSet<>());
            forPlace.add(s.getResource("source").getURI()); // a source without a name is listed by its IRI
            if (s.contains("name")) {
                forPlace.add(s.getLiteral("name").getLexicalForm());
            }
        }
        ResultSetRewindable rs = runner.select(NamedQueries.named("controller-at-reports"), Map.of("date", date));
        assertThat(rs.size()).as("rows on %s", date).isPositive();
        while (rs.hasNext()) {
            QuerySolution s = rs.next();
            assertThat(s.contains("sources")).as("sources, empty at least: %s", s).isTrue();
            String sources = s.getLiteral("sources").getLexicalForm();
            List<String> listed = sources.isEmpty() ? List.of() : List.of(sources.split("; "));
            assertThat(listed).as("sources of %s", s)
                    .isSubsetOf(names.getOrDefault(s.get("place"), Set.of()));
        }
    }

    /**
     * The change stated in its own voice by the article without a publisher is reported by no one,
     * and leaves the names of the other sources of the same row in place.
     */
    @Test
    void aClaimWithoutASourceAddsNoName() {
        ResultSetRewindable rs = runner.select(NamedQueries.named("controller-at-reports"), Map.of("date", "2020-03-05"));
        Map<String, Set<String>> byPlace = new HashMap<>();
        while (rs.hasNext()) {
            QuerySolution s = rs.next();
            byPlace.put(s.getLiteral("placeLabel").getLexicalForm() + " / " + s.getLiteral("controllerLabel").getLexicalForm(),
                    s.contains("sources") ? Set.of(s.getLiteral("sources").getLexicalForm().split("; ", -1)) : Set.of(""));
        }
        assertThat(byPlace).containsEntry("Kafr Lusin / Test army", Set.of("Test Wire"))
                .containsEntry("Tal Haddad / Test militia", Set.of("Monitor One", "Monitor Two"));
    }

    private static String row(RDFNode... nodes) {
        StringBuilder sb = new StringBuilder();
        for (RDFNode n : nodes) {
            sb.append(n == null ? "-" : n.toString()).append(' ');
        }
        return sb.toString();
    }
}
