package org.conflictkg.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.algebra.Algebra;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped query, bound with each of its declared parameters, serializes to SPARQL that
 * parses again to the same algebra: what {@code query --endpoint} sends over the wire is the
 * query that {@code query --db} runs.
 */
class NamedQueryRoundTripTest {

    static Stream<Arguments> pairs() {
        return NamedQueries.names().stream().flatMap(name -> {
            NamedQuery q = NamedQueries.named(name);
            Map<String, String> required = new LinkedHashMap<>();
            q.params().stream().filter(ParamSpec::required).forEach(p -> required.put(p.name(), example(p.type())));
            Stream<Arguments> each = q.params().stream().map(p -> {
                Map<String, String> values = new LinkedHashMap<>(required);
                values.put(p.name(), example(p.type()));
                return Arguments.of(name, values);
            });
            return q.params().stream().anyMatch(ParamSpec::required) ? each
                    : Stream.concat(Stream.of(Arguments.of(name, Map.of())), each);
        });
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("pairs")
    void boundQuerySerializesToSparqlThatParsesToTheSameAlgebra(String name, Map<String, String> values) {
        Query bound = NamedQueries.named(name).bind(values);
        String text = bound.serialize();
        assertThatCode(() -> QueryFactory.create(text, Syntax.syntaxSPARQL_11))
                .as("%s with %s sends:%n%s", name, values, text).doesNotThrowAnyException();
        Query again = QueryFactory.create(text, Syntax.syntaxSPARQL_11);
        assertThat(Algebra.compile(again)).hasToString(Algebra.compile(bound).toString());
        assertThat(again.getResultVars()).isEqualTo(NamedQueries.named(name).query().getResultVars());
    }

    private static String example(ParamType t) {
        return switch (t) {
            case DATE -> "2020-02-01";
            case IRI -> "http://example.org/place/1";
            case ARTICLE -> "a-1";
            case STRING -> "text";
            case INTEGER -> "3";
            case DECIMAL -> "2.5";
        };
    }
}
