package org.conflictkg.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.conflictkg.store.Converters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

/** Reading {@code --data} files makes no network request. */
class QuerySourcesOfflineTest {

    @Test
    void aJsonLdFileWithARemoteContextIsRefusedWithoutFetchingIt(@TempDir Path dir) throws IOException {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            requests.incrementAndGet();
            byte[] body = "{\"@context\": {\"name\": \"http://schema.org/name\"}}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/ld+json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            Path remote = dir.resolve("remote.jsonld");
            Files.writeString(remote, "{\"@context\": \"http://127.0.0.1:" + server.getAddress().getPort()
                    + "/ctx.jsonld\", \"@id\": \"http://example.org/a\", \"name\": \"A\"}");
            assertThatThrownBy(() -> QuerySources.files(List.of(remote), Converters.standardInputs(), null))
                    .isInstanceOf(KgQueryException.class)
                    .hasMessageContaining("remote.jsonld").hasMessageContaining("not fetched");
            assertThat(requests).hasValue(0);

            Path inline = dir.resolve("inline.jsonld");
            Files.writeString(inline, "{\"@context\": {\"name\": \"http://schema.org/name\"},"
                    + " \"@id\": \"http://example.org/a\", \"name\": \"A\"}");
            QueryRunner runner = new QueryRunner(QuerySources.files(List.of(inline), Converters.standardInputs(), null),
                    java.time.Duration.ofSeconds(10));
            assertThat(runner.select(NamedQuery.parse("q", "q.rq",
                    "SELECT ?n { <http://example.org/a> <http://schema.org/name> ?n }"), java.util.Map.of()).size())
                    .isEqualTo(1);
        } finally {
            server.stop(0);
        }
    }
}
