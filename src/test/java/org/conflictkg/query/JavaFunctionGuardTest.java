package org.conflictkg.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sys.JenaSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Queries cannot make ARQ load classes through {@code java:} function IRIs. */
class JavaFunctionGuardTest {
    static final String SQRT = "java:org.apache.jena.sparql.function.library.sqrt";

    @Test
    void aJavaFunctionIriIsAnUnknownFunctionToEveryQuery() {
        JenaSystem.init();
        String q = "SELECT ?n ?ok { BIND(<" + SQRT + ">(16) AS ?n) BIND(abs(-4) AS ?ok) }";
        try (QueryExec exec = QueryExec.dataset(DatasetGraphFactory.createTxnMem()).query(QueryFactory.create(q)).build()) {
            RowSet rows = exec.select();
            var row = rows.next();
            assertThat(row.get("ok").getLiteralLexicalForm()).isEqualTo("4");
            assertThat(row.contains("n")).as("java: function was loaded and ran").isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT (<" + SQRT + ">(4) AS ?x) {}",
            "SELECT ?x { ?s ?p ?x FILTER(<" + SQRT + ">(?x) > 1) }",
            "SELECT ?x { ?s <java:org.apache.jena.sparql.pfunction.library.splitIRI> (?x ?y) }",
            "SELECT ?x { { SELECT ?x { ?x ?p ?o } ORDER BY <" + SQRT + ">(?o) } }"})
    void userQueriesNamingJavaFunctionsAreRefused(String text) {
        assertThatThrownBy(() -> NamedQuery.parse("q", "q.rq", text))
                .isInstanceOfSatisfying(KgQueryException.class, e -> assertThat(e.getMessage())
                        .startsWith("q.rq: java:").contains("not allowed"));
    }
}
