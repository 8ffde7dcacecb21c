package org.conflictkg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.DatasetGraph;
import org.conflictkg.derive.Derivation;
import org.conflictkg.rdf.CKG;
import org.conflictkg.server.KgServer;
import org.conflictkg.store.Converters;
import org.conflictkg.store.GspTarget;
import org.conflictkg.store.LoadReport;
import org.conflictkg.store.PasswordFixture;
import org.conflictkg.store.StoreLoader;
import org.conflictkg.store.TdbStores;
import org.conflictkg.store.TdbTarget;
import org.conflictkg.synth.CorpusGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote derivation runs in memory bounded by its batch, not by the store: in a child JVM with a
 * heap of {@value #HEAP}, {@code derive --endpoint} derives a served store of {@value #ARTICLES}
 * generated articles (some 200,000 quads) and writes the derived graph a local derivation writes,
 * while the former way (one Graph Store GET of the whole dataset, derived in memory, still used
 * for an endpoint without a query endpoint) runs out of memory in the same heap.
 */
class RemoteDeriveMemoryTest {
    static final int ARTICLES = 400;
    static final String HEAP = "-Xmx64m";
    static final String USER = "loader";
    static final String PASSWORD = "memory-test-password";

    @TempDir
    static Path tmp;
    static Path passwords;
    static DatasetGraph served;
    static KgServer server;

    @BeforeAll
    static void serveCorpus() throws IOException {
        Path generated = tmp.resolve("generated.jsonl");
        try (Writer w = Files.newBufferedWriter(generated, StandardCharsets.UTF_8)) {
            CorpusGenerator.create().seed(64).build().write(w, 0, ARTICLES);
        }
        served = TdbStores.createInMemory();
        LoadReport r = StoreLoader.create(new TdbTarget(served, 200_000), Converters.standardInputs()).build()
                .load(List.of(generated));
        assertThat(r.ok()).isTrue();
        passwords = PasswordFixture.write(tmp.resolve("passwords"), USER + ": " + PASSWORD + "\n");
        server = KgServer.create().dataset(served, null).ui(false).port(0).update(true).passwordFile(passwords)
                .build().start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Runs {@code main} of {@link Child} in a JVM with the small heap; its exit code and standard error. */
    static Child.Result child(String mode) throws IOException, InterruptedException {
        Path err = Files.createTempFile(tmp, "child", ".err");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Child.class.getName(), mode,
                server.datasetUrl() + "/data", USER, PASSWORD));
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the child JVM did not end: " + mode);
        }
        return new Child.Result(p.exitValue(), Files.readString(err));
    }

    @Test
    void remoteDerivationFitsASmallHeapWhereTheWholeDatasetDoesNot() throws Exception {
        Child.Result batched = child("batched");
        assertThat(batched.exitCode()).as(batched.err()).isZero();
        Graph remote = RemoteStagesTest.graph(served, CKG.GRAPH_DERIVED);
        Derivation.create().build().runFull(served);
        Graph local = RemoteStagesTest.graph(served, CKG.GRAPH_DERIVED);
        assertThat(remote.size()).isEqualTo(local.size()).isGreaterThan(1000);
        assertThat(remote.isIsomorphicWith(local)).isTrue();

        Child.Result whole = child("whole");
        assertThat(whole.exitCode()).isNotZero();
        assertThat(whole.err()).contains("OutOfMemoryError");
    }

    /** The child: derives the served store, batched ({@code derive --endpoint}) or from one GET of it all. */
    public static final class Child {
        record Result(int exitCode, String err) {
        }

        public static void main(String[] args) {
            String mode = args[0];
            String gsp = args[1];
            if (mode.equals("batched")) {
                System.exit(Main.newCommandLine().execute("derive", "--endpoint", gsp, "--user", args[2],
                        "--password-file", writePassword(args[2], args[3]), "--no-progress", "--quiet"));
            }
            try (GspTarget t = GspTarget.create(gsp).credentials(args[2], args[3]).queryEndpoint(null).build()) {
                t.derive(Stages.derivation());
            }
            System.exit(0);
        }

        private static String writePassword(String user, String password) {
            try {
                Path f = Files.createTempFile("pw", ".txt",
                        java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
                f.toFile().deleteOnExit();
                Files.writeString(f, user + ": " + password + "\n");
                return f.toString();
            } catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        }
    }
}
