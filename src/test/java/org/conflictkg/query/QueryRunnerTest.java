package org.conflictkg.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.conflictkg.store.ArticleInputs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class QueryRunnerTest {
    static final Path RES = Path.of("src/test/resources/org/conflictkg/query");
    static QuerySource source;

    @BeforeAll
    static void load() {
        source = QuerySources.files(List.of(RES.resolve("small.trig")), ArticleInputs.create().build(), null);
    }

    static List<String> column(ResultSetRewindable rs, String var) {
        List<String> out = new ArrayList<>();
        rs.reset();
        rs.forEachRemaining(row -> out.add(row.get(var).toString()));
        return out;
    }

    @Test
    void dateParameterSelectsTheRows() {
        QueryRunner r = new QueryRunner(source, Duration.ofSeconds(10));
        ResultSetRewindable rs = r.select(NamedQueryTest.changes(), Map.of("date", "2020-01-30"));
        assertThat(column(rs, "event")).containsExactly("https://example.org/e1", "https://example.org/e2");
        rs = r.select(NamedQueryTest.changes(), Map.of("date", "2020-12-31", "place", "https://example.org/townB"));
        assertThat(column(rs, "event")).containsExactly("https://example.org/e2", "https://example.org/e3");
        assertThat(column(rs, "place")).containsOnly("https://example.org/townB");
    }

    /**
     * Each query of bind-cases projects the place from a subquery (in different shapes): bound
     * to one place, it answers that place's row of the unbound query, place column included.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("bindCases")
    void aPlaceBoundInsideASubqueryGivesThatPlacesRowOfTheUnboundQuery(String file) {
        QueryRunner r = new QueryRunner(source, Duration.ofSeconds(10));
        NamedQuery q = NamedQueries.resolve(RES.resolve("bind-cases").resolve(file).toString());
        // On 2020-01-01 town A has no change yet: its row, if any, comes from outside the subquery.
        for (String date : List.of("2020-01-30", "2020-01-01")) {
            ResultSetRewindable all = r.select(q, Map.of("date", date));
            assertThat(rows(all)).as("%s on %s, unbound", file, date).isNotEmpty();
            for (String town : List.of("townA", "townB")) {
                String place = "https://example.org/" + town;
                ResultSetRewindable one = r.select(q, Map.of("date", date, "place", place));
                assertThat(one.getResultVars()).isEqualTo(q.query().getResultVars());
                assertThat(rows(one)).as("%s for %s on %s", file, town, date)
                        .containsExactlyElementsOf(rows(all).stream().filter(row -> row.startsWith(place + " ")).toList());
            }
        }
    }

    static Stream<String> bindCases() throws java.io.IOException {
        try (Stream<Path> files = Files.list(RES.resolve("bind-cases"))) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".rq")).sorted().toList().stream();
        }
    }

    static List<String> rows(ResultSetRewindable rs) {
        List<String> out = new ArrayList<>();
        rs.reset();
        rs.forEachRemaining(row -> {
            StringBuilder line = new StringBuilder();
            rs.getResultVars().forEach(v -> line.append(line.length() > 0 ? " " : "").append(row.get(v)));
            out.add(line.toString());
        });
        return out;
    }

    @Test
    void defaultGraphIsTheUnionOfTheNamedGraphs() {
        QueryRunner r = new QueryRunner(source, Duration.ofSeconds(10));
        NamedQuery q = NamedQuery.parse("n", "n.rq", "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }");
        ResultSetRewindable rs = r.select(q, Map.of());
        assertThat(rs.next().getLiteral("n").getInt()).isEqualTo(10);
    }

    @ParameterizedTest
    @EnumSource(ResultFormat.class)
    void everyFormatCarriesTheSameRows(ResultFormat format) {
        QueryRunner r = new QueryRunner(source, Duration.ofSeconds(10));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        r.run(NamedQueryTest.changes(), Map.of("date", "2020-01-30"), format, out);
        String text = out.toString(StandardCharsets.UTF_8);
        switch (format) {
            case TABLE -> {
                // header, rule, two rows, the count
                assertThat(text.lines().toList()).hasSize(5).last().isEqualTo("2 rows");
                assertThat(text.lines().findFirst().orElseThrow().split(" +")).containsExactly("event", "place", "to", "when");
            }
            // These rows have no coordinates: an empty FeatureCollection (GeoJsonResults is tested with places).
            case GEOJSON -> assertThat(text).contains("\"FeatureCollection\"").contains("\"features\":[");
            case CSV, TSV, JSON -> {
                ResultSetLang lang = format == ResultFormat.CSV ? (ResultSetLang) null : null;
                var rsLang = switch (format) {
                    case CSV -> ResultSetLang.RS_CSV;
                    case TSV -> ResultSetLang.RS_TSV;
                    default -> ResultSetLang.RS_JSON;
                };
                ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(out.toByteArray()), rsLang);
                assertThat(rs.getResultVars()).containsExactly("event", "place", "to", "when");
                int n = 0;
                while (rs.hasNext()) {
                    rs.next();
                    n++;
                }
                assertThat(n).isEqualTo(2);
                assertThat(lang).isNull();
            }
        }
    }

    @Test
    void aQueryPastTheTimeoutIsStoppedAndReported() {
        QueryRunner r = new QueryRunner(source, Duration.ofMillis(300));
        NamedQuery slow = NamedQuery.parse("slow", "slow.rq",
                "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o . ?p ?q ?r . ?s ?t ?u . ?v ?w ?x }");
        assertThatThrownBy(() -> r.select(slow, Map.of())).isInstanceOf(KgQueryException.class)
                .hasMessageContaining("timeout")
                .satisfies(ex -> assertThat(((KgQueryException) ex).exitCode()).isEqualTo(1));
        // the source is still usable
        assertThat(r.select(NamedQuery.parse("n", "n.rq", "SELECT * { ?s ?p ?o } LIMIT 1"), Map.of()).size()).isEqualTo(1);
    }
}
