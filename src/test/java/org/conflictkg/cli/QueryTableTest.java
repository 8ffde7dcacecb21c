package org.conflictkg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** query's default table, run through the command line on the example article. */
class QueryTableTest {
    static final String EXAMPLE = "examples/2020-01-31-newarab-saraqeb.facts.json";

    @Test
    void disputedShowsWhoSaysWhatByName() {
        CliRun r = CliRun.run("query", "disputed", "--data", EXAMPLE);
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).startsWith("aspect").contains("sourceA").doesNotContain("topicLabel");
        assertThat(r.out()).doesNotContain("https://").doesNotContain("^^").contains("The New Arab");
        assertThat(lines).last().asString().matches("\\d+ rows?");
    }

    @Test
    void anEmptyAnswerSaysZeroRows() {
        CliRun r = CliRun.run("query", "control-changes", "--data", EXAMPLE, "--param", "place=https://w3id.org/conflict-kg/place/nowhere");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines().toList()).last().isEqualTo("0 rows");
    }
}
