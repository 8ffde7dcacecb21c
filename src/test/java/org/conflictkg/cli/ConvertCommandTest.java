package org.conflictkg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvertCommandTest {

    static final String EXAMPLE = "examples/2020-01-31-newarab-saraqeb.facts.json";
    static final String EXPECTED = "src/test/resources/org/conflictkg/rdf/expected/2020-01-31-newarab-saraqeb.trig";

    @Test
    void convertsTheExampleToTheExpectedGraph(@TempDir Path dir) {
        Path out = dir.resolve("out.trig");
        CliRun run = CliRun.run("convert", EXAMPLE, "-o", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        DatasetGraph actual = RDFDataMgr.loadDatasetGraph(out.toString());
        assertThat(IsoMatcher.isomorphic(RDFDataMgr.loadDatasetGraph(EXPECTED), actual)).isTrue();
    }

    @Test
    void formatFollowsTheExtensionOrTheOption(@TempDir Path dir) {
        Path nq = dir.resolve("out.nq");
        assertThat(CliRun.run("convert", EXAMPLE, "-o", nq.toString()).exitCode()).isZero();
        assertThat(IsoMatcher.isomorphic(RDFDataMgr.loadDatasetGraph(EXPECTED),
                RDFDataMgr.loadDatasetGraph(nq.toString()))).isTrue();
        Path ld = dir.resolve("graph.data");
        assertThat(CliRun.run("convert", EXAMPLE, "--format", "jsonld", "-o", ld.toString()).exitCode()).isZero();
        assertThat(IsoMatcher.isomorphic(RDFDataMgr.loadDatasetGraph(EXPECTED),
                RDFDataMgr.loadDatasetGraph(ld.toString(), org.apache.jena.riot.Lang.JSONLD))).isTrue();
    }

    @Test
    void withoutOutputFileTheGraphGoesToTheCommandsOutput() {
        CliRun run = CliRun.run("convert", EXAMPLE, "--format", "nquads");
        assertThat(run.exitCode()).as(run.err()).isZero();
        DatasetGraph back = org.apache.jena.sparql.core.DatasetGraphFactory.createTxnMem();
        org.apache.jena.riot.RDFParser.fromString(run.out(), org.apache.jena.riot.Lang.NQUADS).parse(back);
        assertThat(IsoMatcher.isomorphic(RDFDataMgr.loadDatasetGraph(EXPECTED), back)).isTrue();
    }

    @Test
    void unknownFormatIsBadUsage(@TempDir Path dir) {
        CliRun run = CliRun.run("convert", EXAMPLE, "--format", "rdfxml", "-o", dir.resolve("x").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown format \"rdfxml\"");
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void missingFileIsBadInput() {
        CliRun run = CliRun.run("convert", "no/such/file.json");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no/such/file.json").contains("no such file");
    }

    @Test
    void validateAcceptsTheExample() {
        CliRun run = CliRun.run("validate", EXAMPLE);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("ok: 1 document valid");
    }

    @Test
    void noSubcommandIsBadUsage() {
        assertThat(CliRun.run().exitCode()).isEqualTo(2);
        assertThat(CliRun.run("frobnicate").exitCode()).isEqualTo(2);
    }
}
