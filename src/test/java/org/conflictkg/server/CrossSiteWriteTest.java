package org.conflictkg.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.conflictkg.store.PasswordFixture;
import org.conflictkg.store.TdbStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Forged cross-site writes: each row of {@code src/test/resources/csrf-cases.csv} is a request,
 * sent with valid credentials (as a browser holding them would), with its {@code Origin} and
 * {@code Referer} headers ({@code SELF}: this server's origin; {@code HOSTNAME}: the same, by
 * the name localhost; {@code OTHERPORT}: this host on another port), and the status it must get.
 * A refused write changes nothing.
 */
class CrossSiteWriteTest {
    static final Path CASES = Path.of("src/test/resources/csrf-cases.csv");
    static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("writer:pw-for-tests".getBytes(StandardCharsets.UTF_8));
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path tmp;
    static KgServer server;
    static DatasetGraph dsg;

    @BeforeAll
    static void start() {
        Path pw = PasswordFixture.write(tmp.resolve("passwords"), "writer: pw-for-tests\n");
        dsg = TdbStores.createInMemory();
        server = KgServer.create().dataset(dsg, tmp.resolve("kg.fuseki")).ui(false).port(0).update(true)
                .passwordFile(pw).build().start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static Stream<CSVRecord> cases() throws IOException {
        String text = Files.readString(CASES).lines().filter(l -> !l.startsWith("#")).reduce("", (a, b) -> a + b + "\n");
        List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new java.io.StringReader(text)).getRecords();
        return rows.stream();
    }

    static String header(String value) {
        String self = "http://127.0.0.1:" + server.port();
        return value.replace("SELF", self).replace("HOSTNAME", "http://localhost:" + server.port())
                .replace("OTHERPORT", "http://127.0.0.1:" + (server.port() == 65535 ? 1 : server.port() + 1));
    }

    static HttpRequest.BodyPublisher body(String kind, int n) {
        String insert = "INSERT DATA { GRAPH <urn:test:csrf> { <urn:test:s" + n + "> <urn:test:p> \"x\" } }";
        return switch (kind) {
            case "INSERT" -> HttpRequest.BodyPublishers.ofString(insert);
            case "FORM" -> HttpRequest.BodyPublishers.ofString("update=" + URLEncoder.encode(insert, StandardCharsets.UTF_8));
            case "TRIPLE" -> HttpRequest.BodyPublishers.ofString("<urn:test:t" + n + "> <urn:test:p> \"x\" .\n");
            default -> HttpRequest.BodyPublishers.noBody();
        };
    }

    static long quads() {
        return Txn.calculateRead(dsg, () -> Iter.count(dsg.find()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachRequestGetsItsStatus(CSVRecord row) throws Exception {
        String url = server.datasetUrl() + row.get(2);
        String host = "HOSTNAME".equals(row.get(5)) ? url.replace("127.0.0.1", "localhost") : url;
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(host)).header("Authorization", AUTH)
                .method(row.get(1), body(row.get(4), (int) row.getRecordNumber()));
        if (!row.get(3).isEmpty()) {
            req.header("Content-Type", row.get(3));
        }
        if (!row.get(5).isEmpty()) {
            req.header("Origin", header(row.get(5)));
        }
        if (!row.get(6).isEmpty()) {
            req.header("Referer", header(row.get(6)));
        }
        long before = quads();
        HttpResponse<String> r = HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
        int expected = Integer.parseInt(row.get(7));
        assertThat(r.statusCode()).as(row.get(0) + ": " + r.body()).isEqualTo(expected);
        if (expected == 403) {
            assertThat(quads()).as("nothing written").isEqualTo(before);
        }
    }
}
