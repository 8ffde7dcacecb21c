package org.conflictkg.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.conflictkg.store.EndpointUrl;
import org.conflictkg.server.KgServer;
import org.conflictkg.store.StoreException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** load --endpoint takes what a Fuseki user gives: the dataset URL or the Graph Store URL. */
class LoadEndpointTest {
    static final String EXAMPLE = "examples/2020-01-31-newarab-saraqeb.facts.json";

    @TempDir
    static Path tmp;
    static KgServer server;
    static Path passwords;

    @BeforeAll
    static void start() throws Exception {
        passwords = org.conflictkg.store.PasswordFixture.write(tmp.resolve("passwords"), "loader: pw-for-tests\n");
        server = KgServer.create().database(tmp.resolve("kg")).port(0).ui(false).update(true).passwordFile(passwords)
                .build().start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static CliRun load(String url) {
        return CliRun.run("load", EXAMPLE, "--endpoint", url, "--user", "loader", "--password-file", passwords.toString(),
                "--no-progress", "--retries", "1");
    }

    @Test
    void theDatasetUrlAndTheGraphStoreUrlBothLoad() {
        CliRun byDataset = load(server.datasetUrl());
        assertThat(byDataset.exitCode()).as(byDataset.err()).isZero();
        assertThat(byDataset.out()).contains("0 failed").endsWith("-> " + server.datasetUrl() + System.lineSeparator());
        CliRun byGsp = load(server.datasetUrl() + "/data/");
        assertThat(byGsp.exitCode()).as(byGsp.err()).isZero();
        assertThat(byGsp.out()).startsWith("0 loaded, 1 unchanged"); // the same store, found through /data
        CliRun query = CliRun.run("query", "controller-at", "--endpoint", server.datasetUrl(), "-p", "date=2020-01-30",
                "-f", "csv");
        assertThat(query.exitCode()).as(query.err()).isZero();
        assertThat(query.out()).contains("Syrian government forces");
    }

    @Test
    void aQueryUrlFailsInOneLineNamingTheUrlToGive() {
        for (String service : new String[] {"/query", "/sparql", "/update", "/get"}) {
            CliRun r = load(server.datasetUrl() + service);
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err().lines().toList()).as(r.err()).hasSize(1);
            assertThat(r.err()).startsWith("error: " + server.datasetUrl() + service + " is the ")
                    .contains("the dataset URL " + server.datasetUrl() + " or its Graph Store URL "
                            + server.datasetUrl() + "/data");
        }
        CliRun q = CliRun.run("query", "places", "--endpoint", server.datasetUrl() + "/data");
        assertThat(q.exitCode()).isEqualTo(2);
        assertThat(q.err()).contains(server.datasetUrl() + "/query");
    }

    @ParameterizedTest
    @CsvSource({
            "http://h:3030/kg,           http://h:3030/kg,      http://h:3030/kg/data",
            "http://h:3030/kg/,          http://h:3030/kg,      http://h:3030/kg/data",
            "http://h:3030/kg/data,      http://h:3030/kg,      http://h:3030/kg/data",
            "https://h/a/b/kg/data/,     https://h/a/b/kg,      https://h/a/b/kg/data",
            "http://h:3030/data,         http://h:3030,         http://h:3030/data",
    })
    void urlsAreUnderstoodTheWayFusekiLaysThemOut(String given, String dataset, String graphStore) {
        EndpointUrl u = EndpointUrl.parse(given);
        assertThat(u.dataset()).isEqualTo(dataset);
        assertThat(u.graphStoreForWriting(false)).isEqualTo(graphStore);
    }

    @Test
    void aServerWithoutFusekisDataServiceIsTakenAtItsUrl() throws Exception {
        com.sun.net.httpserver.HttpServer http = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", ex -> {
            ex.sendResponseHeaders(ex.getRequestURI().getPath().endsWith("/data") ? 404 : 200, -1);
            ex.close();
        });
        http.start();
        try {
            String base = "http://127.0.0.1:" + http.getAddress().getPort() + "/store";
            assertThat(EndpointUrl.parse(base).graphStoreForWriting(true)).isEqualTo(base);
            assertThat(EndpointUrl.parse(server.datasetUrl()).graphStoreForWriting(true)).isEqualTo(server.datasetUrl() + "/data");
        } finally {
            http.stop(0);
        }
    }

    @Test
    void notAnHttpUrlIsBadInput() {
        assertThatThrownBy(() -> EndpointUrl.parse("ftp://h/kg")).isInstanceOf(StoreException.class)
                .hasMessageContaining("http(s) URL");
        assertThatThrownBy(() -> EndpointUrl.parse("kg")).isInstanceOf(StoreException.class);
    }
}
