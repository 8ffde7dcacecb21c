package org.conflictkg.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.http.GSP;
import org.conflictkg.http.RemoteDataset;
import org.conflictkg.rdf.CKG;
import org.conflictkg.server.KgServer;
import org.conflictkg.store.Converters;
import org.conflictkg.store.DerivedGraphUpdater;
import org.conflictkg.store.GspTarget;
import org.conflictkg.store.StoreLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load over HTTP stopped after its writes and before its derived graph was rebuilt: the store
 * records the owed derivation, and the next load (which writes nothing) derives and forgets it,
 * ending where an uninterrupted load ends.
 */
class HttpLoadDerivePendingTest {
    static final String EXAMPLE = "examples/2020-01-31-newarab-saraqeb.facts.json";

    @TempDir
    Path tmp;
    KgServer stopped;
    KgServer clean;

    @AfterEach
    void stop() {
        for (KgServer s : new KgServer[] {stopped, clean}) {
            if (s != null) {
                s.close();
            }
        }
    }

    @Test
    void theNextLoadDerivesWhatAStoppedLoadOwed() throws Exception {
        Path passwords = startServers();
        List<Path> inputs = List.of(Path.of(EXAMPLE));

        // Killed in derivation: the articles are written, the derived graph is not.
        try (GspTarget target = GspTarget.create(stopped.datasetUrl() + "/data").credentials("loader", "pw-for-tests").build()) {
            DerivedGraphUpdater dies = new Dying(Stages.derivation());
            assertThatThrownBy(() -> StoreLoader.create(target, Converters.standardInputs()).derivation(dies).build()
                    .load(inputs)).hasMessageContaining("stopped");
            assertThat(target.derivePending()).isTrue();
        }
        assertThat(graph(stopped, CKG.GRAPH_DERIVED).isEmpty()).isTrue();

        CliRun again = load(stopped, passwords);
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out() + again.err()).contains("0 loaded").contains("1 unchanged");
        CliRun once = load(clean, passwords);
        assertThat(once.exitCode()).as(once.err()).isZero();

        Graph derived = graph(stopped, CKG.GRAPH_DERIVED);
        assertThat(derived.isEmpty()).isFalse();
        assertThat(derived.isIsomorphicWith(graph(clean, CKG.GRAPH_DERIVED))).isTrue();
        assertThat(graph(stopped, CKG.GRAPH_DERIVE_PENDING).isEmpty()).isTrue();
        try (GspTarget target = GspTarget.create(stopped.datasetUrl() + "/data").credentials("loader", "pw-for-tests").build()) {
            assertThat(target.derivePending()).isFalse();
        }

        // A load with nothing to write and nothing owed does not derive again.
        CliRun idle = load(stopped, passwords);
        assertThat(idle.exitCode()).as(idle.err()).isZero();
        assertThat(graph(stopped, CKG.GRAPH_DERIVE_PENDING).isEmpty()).isTrue();
    }

    @Test
    void aLoadWithoutDerivationRecordsItsDebtAndDeriveOrTheNextLoadPaysIt() throws Exception {
        Path passwords = startServers();
        CliRun once = load(clean, passwords);
        assertThat(once.exitCode()).as(once.err()).isZero();
        Graph expected = graph(clean, CKG.GRAPH_DERIVED);
        assertThat(expected.isEmpty()).isFalse();

        // --no-derive: the articles, and the record that their derivation is owed.
        CliRun noDerive = load(stopped, passwords, "--no-derive");
        assertThat(noDerive.exitCode()).as(noDerive.err()).isZero();
        assertThat(graph(stopped, CKG.GRAPH_DERIVED).isEmpty()).isTrue();
        assertThat(graph(stopped, CKG.GRAPH_DERIVE_PENDING).isEmpty()).isFalse();
        CliRun doctor = CliRun.run("doctor", "--endpoint", stopped.datasetUrl());
        assertThat(doctor.exitCode()).as(doctor.out() + doctor.err()).isZero();
        assertThat(doctor.out()).contains("warn server").contains("the timeline is behind its articles");

        // The next load writes nothing, and derives because of the record.
        CliRun again = load(stopped, passwords);
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out() + again.err()).contains("0 loaded").contains("1 unchanged");
        assertThat(graph(stopped, CKG.GRAPH_DERIVED).isIsomorphicWith(expected)).isTrue();
        assertThat(graph(stopped, CKG.GRAPH_DERIVE_PENDING).isEmpty()).isTrue();

        // derive --endpoint pays it too.
        CliRun force = load(stopped, passwords, "--no-derive", "--force");
        assertThat(force.exitCode()).as(force.err()).isZero();
        assertThat(graph(stopped, CKG.GRAPH_DERIVE_PENDING).isEmpty()).isFalse();
        CliRun derive = CliRun.run("derive", "--endpoint", stopped.datasetUrl(), "--user", "loader", "--password-file",
                passwords.toString(), "--no-progress");
        assertThat(derive.exitCode()).as(derive.err()).isZero();
        assertThat(graph(stopped, CKG.GRAPH_DERIVE_PENDING).isEmpty()).isTrue();
        assertThat(graph(stopped, CKG.GRAPH_DERIVED).isIsomorphicWith(expected)).isTrue();
        CliRun healthy = CliRun.run("doctor", "--endpoint", stopped.datasetUrl());
        assertThat(healthy.out()).contains("ok   server").doesNotContain("behind");
    }

    /** Starts the two servers, {@code stopped} and {@code clean}, with one loader account; returns its password file. */
    private Path startServers() throws Exception {
        Path passwords = org.conflictkg.store.PasswordFixture.write(tmp.resolve("passwords"), "loader: pw-for-tests\n");
        stopped = KgServer.create().database(tmp.resolve("a")).port(0).ui(false).update(true).passwordFile(passwords)
                .build().start();
        clean = KgServer.create().database(tmp.resolve("b")).port(0).ui(false).update(true).passwordFile(passwords)
                .build().start();
        return passwords;
    }

    /**
     * A load with the loader's retries, as a user runs it: the first request to each endpoint (the
     * Graph Store, the update endpoint) is answered with the credentials challenge, which may close
     * the connection while a body is still being sent (an I/O error, retried).
     */
    private static CliRun load(KgServer server, Path passwords, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("load", EXAMPLE, "--endpoint", server.datasetUrl(), "--user",
                "loader", "--password-file", passwords.toString(), "--no-progress", "--retries", "3"));
        args.addAll(List.of(more));
        return CliRun.run(args.toArray(String[]::new));
    }

    private static Graph graph(KgServer server, Node name) {
        try {
            return GSP.service(server.datasetUrl() + "/get").graphName(name).GET();
        } catch (org.apache.jena.atlas.web.HttpException ex) {
            if (ex.getStatusCode() == 404) {
                return org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
            }
            throw ex;
        }
    }

    /** A derivation that stops, as a killed process would, before the derived graph is written. */
    private record Dying(DerivedGraphUpdater real) implements DerivedGraphUpdater {
        @Override
        public void updateAll(DatasetGraph dsg) {
            throw new IllegalStateException("stopped");
        }

        @Override
        public void updatePlaces(DatasetGraph dsg, Collection<Node> places, boolean placelessFigures) {
            throw new IllegalStateException("stopped");
        }

        @Override
        public void updateRemote(RemoteDataset remote) {
            throw new IllegalStateException("stopped");
        }

        @Override
        public void derive(DatasetGraph all, Consumer<Quad> out) {
            throw new IllegalStateException("stopped");
        }
    }
}
