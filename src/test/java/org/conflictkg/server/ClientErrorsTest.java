package org.conflictkg.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.sse.SSE;
import org.apache.jena.system.Txn;
import org.conflictkg.store.PasswordFixture;
import org.conflictkg.store.TdbStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests a client gets wrong ({@code client-errors.tsv}) get the 4xx the table says, never a
 * server error. Requests are written by hand on a socket, so that malformed ones (bad
 * percent-encoding, broken credentials) reach the server as they are.
 */
class ClientErrorsTest {
    static final Path CASES = Path.of("src/test/resources/org/conflictkg/server/client-errors.tsv");

    @TempDir
    static Path tmp;
    static KgServer server;

    @BeforeAll
    static void start() {
        DatasetGraph dsg = TdbStores.createInMemory();
        Txn.executeWrite(dsg, () -> dsg.add(SSE.parseQuad("(quad <https://example.org/g> <https://example.org/s> <https://example.org/p> 1)")));
        Path pw = PasswordFixture.write(tmp.resolve("pw"), "writer: s3cret\n");
        server = KgServer.create().passwordFile(pw).dataset(dsg, tmp.resolve("fuseki")).update(true).port(0).build().start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static Stream<Arguments> cases() throws IOException {
        return Files.readAllLines(CASES).stream().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\t", -1))
                .map(c -> Arguments.of(c[7], c[0], c[1], c[2], c[3], c[4], c[5], Integer.parseInt(c[6])));
    }

    @Test
    void theTableIsWellFormedAndCoversEveryEndpoint() throws IOException {
        assertThat(Files.readAllLines(CASES).stream().filter(l -> !l.isBlank() && !l.startsWith("#")))
                .allSatisfy(l -> assertThat(l.split("\t", -1)).hasSize(8))
                .hasSizeGreaterThanOrEqualTo(50);
        String paths = Files.readString(CASES);
        assertThat(paths).contains("/kg/query", "/kg/get", "/kg/data", "/kg/update", "/api/day", "/api/place",
                "/api/search", "/api/query/", "/app/", "/$/");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersWithTheClientErrorItIs(String what, String method, String path, String type, String auth, String header,
                                       String body, int expected) throws IOException {
        int status = send(method, expand(path), expand(type), auth.equals("auth"), expand(header), expand(body));
        assertThat(status).as("%s %s", method, path.length() > 120 ? path.substring(0, 120) + "..." : path).isEqualTo(expected);
    }

    static String expand(String s) {
        if (s.equals("-")) {
            return null;
        }
        java.util.regex.Matcher repeat = java.util.regex.Pattern.compile("@repeat:([^:]+):(\\d+)").matcher(s);
        if (repeat.find()) {
            return s.substring(0, repeat.start()) + repeat.group(1).repeat(Integer.parseInt(repeat.group(2)))
                    + s.substring(repeat.end());
        }
        if (s.startsWith("@form-fields:")) {
            return "query=ASK%7B%7D&" + IntStream.range(0, Integer.parseInt(s.substring("@form-fields:".length())))
                    .mapToObj(i -> "k" + i + "=1").collect(Collectors.joining("&"));
        }
        return s;
    }

    /** Sends one HTTP/1.1 request as written; returns the status of the answer. */
    static int send(String method, String path, String type, boolean auth, String header, String body) throws IOException {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder req = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(server.port()).append("\r\n")
                .append("Connection: close\r\n");
        if (type != null) {
            req.append("Content-Type: ").append(type).append("\r\n");
        }
        if (auth) {
            req.append("Authorization: Basic ")
                    .append(Base64.getEncoder().encodeToString("writer:s3cret".getBytes(StandardCharsets.UTF_8))).append("\r\n");
        }
        if (header != null) {
            req.append(header).append("\r\n");
        }
        if (body != null) {
            req.append("Content-Length: ").append(content.length).append("\r\n");
        }
        req.append("\r\n");
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
                line.write(b);
            }
            String status = line.toString(StandardCharsets.ISO_8859_1);
            assertThat(status).as("status line").startsWith("HTTP/1.1 ");
            return Integer.parseInt(status.substring(9, 12));
        }
    }
}
