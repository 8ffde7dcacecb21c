package org.conflictkg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

/** One summary line per command: for people, as JSON for scripts, or nothing when quiet. */
class SummaryTest {
    static Summary sample() {
        return Summary.of("derive").text("derived 4 periods").target("kg").put("periods", 4).put("seconds", 1.5);
    }

    @Test
    void theThreeWaysToEnd() {
        StringWriter out = new StringWriter();
        StringWriter human = new StringWriter();
        CommonOptions common = new CommonOptions();
        Summary.JsonOption json = new Summary.JsonOption();
        sample().print(new PrintWriter(out), new PrintWriter(human), common, json);
        assertThat(human).hasToString("derived 4 periods -> kg" + System.lineSeparator());
        assertThat(out.toString()).isEmpty();

        json.json = true;
        sample().print(new PrintWriter(out), new PrintWriter(human), common, json);
        assertThat(out.toString().strip())
                .isEqualTo("{\"command\":\"derive\",\"periods\":4,\"seconds\":1.5,\"target\":\"kg\"}");

        StringWriter quietOut = new StringWriter();
        StringWriter quietHuman = new StringWriter();
        json.json = false;
        common.quiet = true;
        sample().print(new PrintWriter(quietOut), new PrintWriter(quietHuman), common, json);
        assertThat(quietOut.toString() + quietHuman).isEmpty();
    }

    @Test
    void commandsPrintTheirSummaryAsJson(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        String db = tmp.resolve("kg").toString();
        assertThat(CliRun.run("load", "examples/2020-01-31-newarab-saraqeb.facts.json", "--db", db, "--quiet").exitCode())
                .isZero();
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var link = mapper.readTree(CliRun.run("link", "--db", db, "--no-wikidata", "--json").out());
        assertThat(link.get("command").asText()).isEqualTo("link");
        assertThat(link.get("linked").asInt()).isPositive();
        var derive = mapper.readTree(CliRun.run("derive", "--db", db, "--json").out());
        assertThat(derive.get("periods").asInt()).isPositive();
        assertThat(derive.get("target").asText()).isEqualTo(db);
        var validate = mapper.readTree(CliRun.run("validate", "examples/2020-01-31-newarab-saraqeb.facts.json", "--json").out());
        assertThat(validate.get("documents").asInt()).isEqualTo(1);
    }

    /** Where standard output carries the data (no -o), --json is bad usage, and nothing is written there. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "convert examples/2020-01-31-newarab-saraqeb.facts.json --json",
            "extract examples/2020-01-31-newarab-saraqeb.txt --json",
    })
    void jsonNeedsAnOutputFileWhereTheDataGoesToStandardOutput(String commandLine) {
        CliRun r = CliRun.run(commandLine.split(" "));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("error: --json prints the summary on standard output").contains("give -o");
    }
}
