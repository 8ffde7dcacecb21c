package org.conflictkg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.conflictkg.server.KgServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** doctor says what is wrong and what to do; completion is a valid bash script of the commands. */
class DoctorAndCompletionTest {
    static final String EXAMPLE = "examples/2020-01-31-newarab-saraqeb.facts.json";

    @Test
    void doctorFollowsAStoreFromMissingToLinkedAndReachesItsServer(@TempDir Path tmp) throws Exception {
        Path db = tmp.resolve("kg");
        CliRun missing = CliRun.run("doctor", "--db", db.toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.out()).contains("FAIL store").contains("-> load something: bin/conflict-kg load");

        assertThat(CliRun.run("load", EXAMPLE, "--db", db.toString(), "--quiet").exitCode()).isZero();
        CliRun unlinked = CliRun.run("doctor", "--db", db.toString());
        assertThat(unlinked.exitCode()).as(unlinked.out()).isZero();
        assertThat(unlinked.out()).contains("ok   java").contains("ok   disk")
                .contains("warn store   " + db + ": 1 article, places not linked")
                .contains("-> link places: bin/conflict-kg link --db " + db);

        assertThat(CliRun.run("link", "--db", db.toString(), "--no-wikidata", "--quiet").exitCode()).isZero();
        CliRun healthy = CliRun.run("doctor", "--db", db.toString(), "--json");
        JsonNode report = new ObjectMapper().readTree(healthy.out());
        assertThat(report.get("failed").asInt()).isZero();
        assertThat(report.get("warnings").asInt()).isZero();
        assertThat(report.get("checks").findValuesAsText("status")).containsOnly("ok");

        try (KgServer server = KgServer.create().database(tmp.resolve("served")).port(0).ui(false).build().start()) {
            CliRun reach = CliRun.run("doctor", "--db", db.toString(), "--endpoint", server.datasetUrl());
            assertThat(reach.out()).contains("ok   server  " + server.datasetUrl() + " answers a query");
            assertThat(reach.exitCode()).isZero();
            int port = server.port();
            server.close();
            CliRun gone = CliRun.run("doctor", "--endpoint", "http://127.0.0.1:" + port + "/kg", "--quiet");
            assertThat(gone.exitCode()).isEqualTo(1);
            assertThat(gone.out()).startsWith("FAIL server  cannot reach").contains("-> start it: bin/conflict-kg serve");
        }
    }

    @Test
    void doctorSaysWhenAStoreOwesItsTimelineAndTheSameLoadAgainDerivesIt(@TempDir Path tmp) {
        Path db = tmp.resolve("kg");
        assertThat(CliRun.run("load", EXAMPLE, "--db", db.toString(), "--quiet", "--no-derive").exitCode()).isZero();
        CliRun owed = CliRun.run("doctor", "--db", db.toString());
        assertThat(owed.out()).contains("the timeline is behind its articles")
                .contains("-> run that load again, or: bin/conflict-kg derive --db " + db);

        CliRun rerun = CliRun.run("load", EXAMPLE, "--db", db.toString());
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(rerun.out()).contains("0 loaded, 1 unchanged").contains("timeline derived");
        assertThat(CliRun.run("doctor", "--db", db.toString()).out()).doesNotContain("behind its articles");
        assertThat(CliRun.run("load", EXAMPLE, "--db", db.toString()).out()).doesNotContain("timeline derived");
    }

    @Test
    void completionIsAValidBashScriptThatKnowsTheCommandsAndTheirValues(@TempDir Path tmp) throws Exception {
        CliRun r = CliRun.run("completion");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("complete -F").contains("doctor").contains("load").contains("--bulk-loader")
                .contains("parallel").contains("--no-wikidata");
        Path script = Files.writeString(tmp.resolve("conflict-kg.bash"), r.out(), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }
}
