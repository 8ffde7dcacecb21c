package org.conflictkg.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** The review server over plain HTTP: the token, the cookie, the write guard, the page's headers. */
class ReviewServerHttpTest {
    @TempDir
    static Path dir;
    static ReviewServer server;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        server = ReviewServer.create(ReviewFolderTest.fixtureFolder(dir).build()).port(0).build().start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThat(server.baseUrl()).startsWith("http://127.0.0.1:");
        assertThat(server.url()).startsWith(server.baseUrl() + "?token=");
        assertThat(server.token()).hasSizeGreaterThanOrEqualTo(43); // 256 bits, base64url
    }

    @Test
    void everyRequestWithoutTheTokenGets403() throws Exception {
        for (String path : new String[] {"", "index.html", "app/review.js", "api/queue", "api/article?name=tel-qasr",
                "api/places?q=Aleppo", "nothing-here"}) {
            assertThat(send(get(path)).statusCode()).as(path).isEqualTo(403);
            assertThat(send(get(path).header(ReviewTokenFilter.HEADER, "wrong")).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(send(get("?token=wrong")).statusCode()).isEqualTo(403);
        assertThat(send(get("api/queue").header("Cookie", ReviewTokenFilter.cookieName(server.port()) + "=wrong"))
                .statusCode()).isEqualTo(403);
        HttpResponse<String> post = send(get("api/article?name=tel-qasr").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(post.statusCode()).isEqualTo(403);
    }

    @Test
    void theTokenInTheAddressBecomesAStrictHttpOnlyCookie() throws Exception {
        HttpResponse<String> first = send(get("?token=" + server.token()));
        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(first.headers().firstValue("Location")).hasValue("/");
        String cookie = first.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith(ReviewTokenFilter.cookieName(server.port()) + "=" + server.token() + ";")
                .contains("HttpOnly").contains("SameSite=Strict").contains("Path=/");
        HttpResponse<String> page = send(get("").header("Cookie", cookie.substring(0, cookie.indexOf(';'))));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script src=\"/app/review.js\"").doesNotContain("<script>")
                .doesNotContain("style=");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .startsWith("default-src 'self'").contains("script-src 'self'").contains("frame-ancestors 'none'");
    }

    @Test
    void theTokenInTheAddressOfAnApiCallIsTakenWithoutARedirect() throws Exception {
        HttpResponse<String> r = send(get("api/article?name=tel-qasr&token=" + server.token()));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(ReviewFolder.MAPPER.readTree(r.body()).get("name").asText()).isEqualTo("tel-qasr");
    }

    @Test
    void theApiAnswersWithTheTokenHeader() throws Exception {
        HttpResponse<String> q = send(get("api/queue").header(ReviewTokenFilter.HEADER, server.token()));
        assertThat(q.statusCode()).isEqualTo(200);
        JsonNode queue = ReviewFolder.MAPPER.readTree(q.body());
        assertThat(queue.get("total").asInt()).isEqualTo(1);
        assertThat(queue.get("articles").get(0).get("name").asText()).isEqualTo("tel-qasr");
        assertThat(queue.get("codes").get("qualifier").toString()).contains("\"about\"");
        HttpResponse<String> places = send(get("api/places?q=Aleppo").header(ReviewTokenFilter.HEADER, server.token()));
        assertThat(places.statusCode()).isEqualTo(200);
        JsonNode first = ReviewFolder.MAPPER.readTree(places.body()).get(0);
        assertThat(first.get("geonames").asText()).isEqualTo("170063");
        assertThat(first.get("kind").asText()).isEqualTo("city");
    }

    @Test
    void aSaveFromAnotherSiteIsRefusedEvenWithTheToken() throws Exception {
        HttpResponse<String> r = send(get("api/article?name=tel-qasr").header(ReviewTokenFilter.HEADER, server.token())
                .header("Content-Type", "application/json").header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("cross-site");
    }

    @Test
    void aMalformedSaveGets400WithTheReason() throws Exception {
        HttpResponse<String> r = send(get("api/article?name=tel-qasr").header(ReviewTokenFilter.HEADER, server.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"document\": 1}")));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(ReviewFolder.MAPPER.readTree(r.body()).get("error").asText()).startsWith("expected {\"document\"");
        HttpResponse<String> other = send(get("api/article?name=..%2Fx").header(ReviewTokenFilter.HEADER, server.token()));
        assertThat(other.statusCode()).isEqualTo(400);
    }
}
