package org.conflictkg.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.RDFNode;
import org.conflictkg.cli.Stages;
import org.conflictkg.store.Converters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code control-changes} keeps its contract, one row per change and source, where a change has
 * no source (stated in the article's own voice by an article without a publisher) or no
 * {@code ckg:fromActor} (RDF from elsewhere): the rows are what the graph says, counted from it
 * with plain patterns, beside the bundled example, whose many named nodes a name lookup on an
 * unbound variable would match.
 */
class ControlChangesRowsTest {
    static final Path CASES = Path.of("src/test/resources/org/conflictkg/query/control-changes");
    static final Path EXAMPLE = Path.of("examples/2020-01-31-newarab-saraqeb.facts.json");
    static QueryRunner runner;

    /** Each change with what the graph says of it: one expected row per source, or one without. */
    static final String EXPECTED = """
            PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX schema: <https://schema.org/>
            SELECT ?article ?place ?fromActor ?toActor ?attributed ?publisher {
              ?change a ckg:ControlChange ; ckg:territory ?place ; prov:wasDerivedFrom ?article .
              OPTIONAL { ?change ckg:fromActor ?fromActor }
              OPTIONAL { ?change ckg:toActor ?toActor }
              OPTIONAL { ?change prov:wasAttributedTo ?attributed }
              OPTIONAL { ?article schema:publisher ?publisher }
            }""";

    @BeforeAll
    static void load() throws IOException {
        List<Path> files = new ArrayList<>(List.of(EXAMPLE));
        try (Stream<Path> s = Files.list(CASES)) {
            s.sorted().forEach(files::add);
        }
        runner = new QueryRunner(QuerySources.files(files, Converters.standardInputs(), Stages.derivation()),
                Duration.ofSeconds(30));
    }

    @Test
    void oneRowPerChangeAndSourceWhateverIsMissing() {
        List<String> expected = new ArrayList<>();
        ResultSetRewindable facts = runner.select(NamedQuery.parse("expected", "expected.rq", EXPECTED), Map.of());
        boolean withoutSource = false;
        boolean withoutFrom = false;
        while (facts.hasNext()) {
            QuerySolution s = facts.next();
            RDFNode source = s.get("attributed") != null ? s.get("attributed") : s.get("publisher");
            withoutSource |= source == null;
            withoutFrom |= s.get("fromActor") == null;
            expected.add(row(s.get("article"), s.get("place"), s.get("fromActor"), s.get("toActor"), source));
        }
        assertThat(withoutSource).as("the fixtures hold a change without a source").isTrue();
        assertThat(withoutFrom).as("the fixtures hold a change without a fromActor").isTrue();

        List<String> actual = new ArrayList<>();
        ResultSetRewindable rs = runner.select(NamedQueries.named("control-changes"), Map.of());
        while (rs.hasNext()) {
            QuerySolution s = rs.next();
            actual.add(row(s.get("article"), s.get("place"), s.get("fromActor"), s.get("toActor"), s.get("source")));
            assertThat(s.contains("fromLabel")).as("a label exactly where there is a fromActor: %s", s)
                    .isEqualTo(s.contains("fromActor"));
            assertThat(s.contains("sourceLabel")).as("a label exactly where there is a source: %s", s)
                    .isEqualTo(s.contains("source"));
        }
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static String row(RDFNode... nodes) {
        StringBuilder sb = new StringBuilder();
        for (RDFNode n : nodes) {
            sb.append(n == null ? "-" : n.toString()).append(' ');
        }
        return sb.toString();
    }
}
