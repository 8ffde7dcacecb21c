package org.conflictkg.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class EndpointRowsTest {

    @ParameterizedTest(name = "{0} rows, paged {1}: checked {2}")
    @CsvSource({
            "999, false, false", "999, true, false",
            "1000, false, true", "10000, false, true", "1048576, false, true", "1024, false, true",
            "9558, false, false", "1013, false, false", "9558, true, true"})
    void anAnswerIsCheckedWhenItsLengthMayBeAServersLimit(long rows, boolean paged, boolean checked) {
        assertThat(EndpointRows.mayBeCut(rows, paged)).isEqualTo(checked);
    }

    @Test
    void pagesOrderByEveryPlainProjectedVariableAfterTheQuerysOwnKeys() {
        Query q = QueryFactory.create("SELECT ?b ?a (COUNT(?c) AS ?n) WHERE { ?a ?b ?c } GROUP BY ?a ?b ORDER BY DESC(?a)");
        Query ordered = EndpointRows.totallyOrdered(q);
        assertThat(ordered.getOrderBy()).extracting(c -> c.getExpression().toString() + " " + c.getDirection())
                .containsExactly("?a " + Query.ORDER_DESCENDING, "?b " + Query.ORDER_DEFAULT);
        assertThat(q.getOrderBy()).as("the query itself is left as it was").hasSize(1);
    }
}
