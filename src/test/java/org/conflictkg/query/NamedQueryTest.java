package org.conflictkg.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NamedQueryTest {
    static final Path RES = Path.of("src/test/resources/org/conflictkg/query");

    static NamedQuery changes() {
        return NamedQueries.resolve(RES.resolve("changes-before.rq").toString());
    }

    @Test
    void headerGivesDescriptionAndParameters() {
        NamedQuery q = changes();
        assertThat(q.name()).isEqualTo("changes-before");
        assertThat(q.summary()).isEqualTo("Changes of control on or before a date.");
        assertThat(q.description()).contains("Only for the test data");
        assertThat(q.params()).containsExactly(
                new ParamSpec("date", ParamType.DATE, true, "the day asked about"),
                new ParamSpec("place", ParamType.IRI, false, "only this place"));
    }

    @Test
    void parametersAreSubstitutedIntoTheParsedQuery() {
        Query q = changes().bind(Map.of("date", "2020-01-30"));
        String text = q.serialize();
        assertThat(text).contains("\"2020-01-30\"^^<http://www.w3.org/2001/XMLSchema#date>")
                .doesNotContain("?date");
        // still a valid query, with the same result columns
        assertThat(QueryFactory.create(text).getResultVars()).containsExactly("event", "place", "to", "when");
    }

    @Test
    void aSubstitutedIriKeepsItsColumn() {
        Query q = changes().bind(Map.of("date", "2020-01-30", "place", "https://example.org/townA"));
        assertThat(q.getResultVars()).containsExactly("event", "place", "to", "when");
        assertThat(q.serialize()).contains("(ex:townA AS ?place)");
    }

    @Test
    void valuesCannotInjectSparql() {
        NamedQuery free = NamedQuery.parse("free", "free.rq", "SELECT ?s { ?s ?p ?label }");
        String evil = "x\" } ; DROP ALL ; SELECT * { \"";
        Query q = QueryFactory.create(free.bind(Map.of("label", evil)).serialize());
        // the whole value is one literal object of the query's single triple pattern
        assertThat(q.getResultVars()).containsExactly("s");
        var pattern = ((org.apache.jena.sparql.syntax.ElementPathBlock)
                ((org.apache.jena.sparql.syntax.ElementGroup) q.getQueryPattern()).get(0)).getPattern();
        assertThat(pattern.size()).isEqualTo(1);
        assertThat(pattern.get(0).getObject().getLiteralLexicalForm()).isEqualTo(evil);
        assertThatThrownBy(() -> changes().bind(Map.of("date", "2020-01-30", "place", "https://x.org/> } DROP ALL {<")))
                .isInstanceOf(KgQueryException.class).hasMessageContaining("place");
    }

    @Test
    void missingRequiredUnknownAndMalformedParametersAreBadInput() {
        assertThatThrownBy(() -> changes().bind(Map.of())).hasMessageContaining("needs --param date=YYYY-MM-DD")
                .satisfies(ex -> assertThat(((KgQueryException) ex).exitCode()).isEqualTo(2));
        assertThatThrownBy(() -> changes().bind(Map.of("date", "2020-01-30", "dte", "x")))
                .hasMessageContaining("no parameter 'dte'").hasMessageContaining("date, place");
        assertThatThrownBy(() -> changes().bind(Map.of("date", "30/01/2020"))).hasMessageContaining("YYYY-MM-DD");
        assertThatThrownBy(() -> changes().bind(Map.of("date", "2020-02-30"))).hasMessageContaining("date");
        assertThatThrownBy(() -> changes().bind(Map.of("date", "2020-01-30", "place", "relative/iri")))
                .hasMessageContaining("absolute");
    }

    @Test
    void queriesWithoutHeaderParamsAcceptVariablesOfTheQueryOnly() {
        NamedQuery free = NamedQuery.parse("free", "free.rq", "SELECT ?s { ?s ?p ?o }");
        assertThat(free.bind(Map.of("o", "2020-01-30")).serialize()).contains("XMLSchema#date");
        assertThat(free.bind(Map.of("o", "<urn:x>")).serialize()).contains("<urn:x>");
        assertThat(free.bind(Map.of("o", "12")).serialize()).contains("12");
        assertThatThrownBy(() -> free.bind(Map.of("zz", "1"))).hasMessageContaining("no variable ?zz");
    }

    @Test
    void syntaxErrorsNameFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.rq"), "# A broken query.\nSELECT ?s\nWHERE { ?s ?p }\n");
        assertThatThrownBy(() -> NamedQueries.resolve(bad.toString()))
                .isInstanceOf(KgQueryException.class).hasMessageStartingWith(bad + ":3:");
        Path badParam = Files.writeString(dir.resolve("p.rq"), "# x\n# @param d datetime required when\nASK {}\n");
        assertThatThrownBy(() -> NamedQueries.resolve(badParam.toString())).hasMessageContaining(":2: unknown parameter type");
    }

    @Test
    void unknownNamesListTheKnownOnes() {
        assertThatThrownBy(() -> NamedQueries.resolve("no-such-query")).hasMessageContaining("no named query");
        assertThatThrownBy(() -> NamedQueries.resolve("../etc/passwd")).isInstanceOf(KgQueryException.class);
        assertThat(NamedQueries.names()).isEqualTo(List.copyOf(NamedQueries.names()).stream().sorted().toList());
    }
}
