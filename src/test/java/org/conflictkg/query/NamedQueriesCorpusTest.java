package org.conflictkg.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetRewindable;
import org.conflictkg.store.Converters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Named queries over several articles about one town that agree, repeat and disagree. */
class NamedQueriesCorpusTest {
    static final Path FIXTURE = Path.of("src/test/resources/org/conflictkg/derive/saraqeb-2020");
    static final Path CASES = Path.of("src/test/resources/org/conflictkg/query/controller-at-cases.tsv");
    static QueryRunner runner;

    @BeforeAll
    static void load() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(FIXTURE)) {
            files = s.filter(p -> p.toString().endsWith(".facts.json")).sorted().toList();
        }
        runner = new QueryRunner(QuerySources.files(files, Converters.standardInputs()), Duration.ofSeconds(30));
    }

    static Stream<Arguments> cases() throws IOException {
        return Files.readAllLines(CASES).stream().filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("\t"))
                .map(f -> Arguments.of(f[0], new TreeSet<>(Arrays.asList(f[1].split(" ")))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void controllerAtGivesTheSidesTheReportsSupport(String date, Set<String> sides) {
        ResultSetRewindable rs = runner.select(NamedQueries.named("controller-at"), Map.of("date", date));
        Set<String> actual = new TreeSet<>();
        while (rs.hasNext()) {
            QuerySolution s = rs.next();
            if (s.getLiteral("placeLabel").getString().equals("Saraqeb")) {
                actual.add(side(s.getResource("controller").getURI()));
            }
        }
        assertThat(actual).isEqualTo(sides);
    }

    static String side(String actor) {
        NamedQuery q = NamedQuery.parse("side", "side.rq",
                "SELECT ?side { ?actor <https://w3id.org/conflict-kg/ontology#side> ?side }");
        ResultSetRewindable rs = runner.select(q, Map.of("actor", "<" + actor + ">"));
        return rs.next().getResource("side").getURI().replaceFirst("^.*/", "");
    }

    @Test
    void agreeingReportsAreOneRowWithAllTheirSources() {
        ResultSetRewindable rs = runner.select(NamedQueries.named("controller-at"), Map.of("date", "2020-02-20"));
        QuerySolution row = rs.next();
        assertThat(rs.hasNext()).isFalse();
        assertThat(row.getLiteral("sources").getString()).contains(";");
    }

    @Test
    void disputedPairsTheRecaptureWithTheRepelledAttack() {
        ResultSetRewindable rs = runner.select(NamedQueries.named("disputed"), Map.of());
        boolean found = false;
        while (rs.hasNext()) {
            QuerySolution s = rs.next();
            if (s.getLiteral("aspect").getString().equals("control")) {
                String a = s.getLiteral("claimA").getString();
                String b = s.getLiteral("claimB").getString();
                found |= (a.endsWith("(completed)") && b.endsWith("(contested)"))
                        || (a.endsWith("(contested)") && b.endsWith("(completed)"));
                assertThat(s.getResource("sourceA")).isNotEqualTo(s.getResource("sourceB"));
            }
        }
        assertThat(found).isTrue();
    }

    @Test
    void controlChangesListEveryReport() {
        ResultSetRewindable rs = runner.select(NamedQueries.named("control-changes"), Map.of());
        assertThat(rs.size()).isEqualTo(6);
    }
}
