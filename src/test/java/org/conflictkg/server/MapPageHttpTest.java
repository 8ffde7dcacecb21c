package org.conflictkg.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.apache.jena.sparql.core.DatasetGraph;
import org.conflictkg.server.KgServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The map page over HTTP, against the example store, on a read-only and on a writable server. */
class MapPageHttpTest {
    @TempDir
    static Path tmp;
    static DatasetGraph dsg;
    static KgServer readOnly;
    static KgServer writable;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        dsg = ExampleStore.build(tmp);
        readOnly = KgServer.create().dataset(dsg, tmp.resolve("ro.fuseki")).port(0).build().start();
        Path pw = tmp.resolve("passwords");
        org.conflictkg.store.PasswordFixture.write(pw, "editor: secret\n");
        writable = KgServer.create().dataset(dsg, tmp.resolve("rw.fuseki")).port(0).update(true).passwordFile(pw)
                .build().start();
    }

    @AfterAll
    static void stop() {
        if (readOnly != null) readOnly.close();
        if (writable != null) writable.close();
    }

    static HttpResponse<String> get(KgServer server, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(KgServer server, String path) throws Exception {
        HttpResponse<String> r = get(server, path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static Stream<Arguments> servers() {
        return Stream.of(Arguments.of("read-only", false), Arguments.of("with --update and a password file", true));
    }

    static KgServer server(boolean w) {
        return w ? writable : readOnly;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void pageIsServedWithoutCredentialsUnderItsPolicy(String name, boolean w) throws Exception {
        HttpResponse<String> page = get(server(w), "");
        assertThat(page.statusCode()).isEqualTo(200);
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'self'").contains("script-src 'self'").contains("style-src 'self'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        // same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on the
        // page's own writes, which the write endpoints refuse as cross-site
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("same-origin");
        Document doc = Jsoup.parse(page.body());
        for (Element s : doc.select("script")) {
            assertThat(s.attr("src")).as("inline script").isNotEmpty();
            assertThat(s.attr("src")).startsWith("/");
        }
        assertThat(doc.select("style")).isEmpty();
        assertThat(doc.select("[style]")).isEmpty();
        assertThat(doc.select("[onclick], [onload], [onchange], [oninput]")).isEmpty();
        // every referenced file is ours and is there
        List<String> refs = new ArrayList<>();
        doc.select("script[src]").forEach(e -> refs.add(e.attr("src")));
        doc.select("link[rel=stylesheet]").forEach(e -> refs.add(e.attr("href")));
        refs.add("/app/countries.geojson");
        refs.add("/app/admin1-lines.geojson");
        refs.add("/app/admin1-names.geojson");
        refs.add("/app/NOTICE-basemap.txt");
        for (String ref : refs) {
            HttpResponse<String> r = get(server(w), ref.substring(1));
            assertThat(r.statusCode()).as(ref).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(ref).isPresent();
        }
        assertThat(json(server(w), "api/day?date=2020-01-30").get("places")).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void theBasemapGoesGzippedToABrowserThatAcceptsIt(String name, boolean w) throws Exception {
        byte[] file;
        try (var in = getClass().getClassLoader().getResourceAsStream("org/conflictkg/server/web/countries.geojson")) {
            file = in.readAllBytes();
        }
        URI uri = URI.create(server(w).baseUrl() + "app/countries.geojson");
        HttpResponse<byte[]> plain = HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.headers().firstValue("Vary")).contains("Accept-Encoding");
        assertThat(plain.body()).isEqualTo(file);

        HttpResponse<byte[]> gz = HTTP.send(HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip, deflate, br").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gz.statusCode()).isEqualTo(200);
        assertThat(gz.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(gz.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(gz.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(gz.body().length).isLessThan(file.length / 2);
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gz.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(file);
        }
        // refused: as it is
        HttpResponse<byte[]> refused = HTTP.send(HttpRequest.newBuilder(uri).header("Accept-Encoding", "gzip;q=0, br").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(refused.body()).isEqualTo(file);
        HttpResponse<String> missing = HTTP.send(HttpRequest.newBuilder(URI.create(server(w).baseUrl() + "app/no-such.geojson"))
                .header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    @ParameterizedTest(name = "Accept-Encoding: \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
        "gzip, deflate, br   | true",
        "GZIP                | true",
        "x-gzip              | true",
        "deflate, *;q=0.1    | true",
        "gzip;q=0.5          | true",
        "br                  | false",
        "identity            | false",
        "gzip;q=0            | false",
        "gzip;q=0, *         | false",
        "*;q=0               | false",
        "gzip;q=x            | false",
        "''                  | false",
    })
    void acceptEncodingIsReadWithItsWeights(String header, boolean gzip) {
        assertThat(PageServlet.acceptsGzip(header)).isEqualTo(gzip);
    }

    @Test
    void theApiOnlyReads() throws Exception {
        for (String method : List.of("POST", "PUT", "DELETE")) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(writable.baseUrl() + "api/day?date=2020-01-30"))
                    .method(method, HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(method).isEqualTo(405);
        }
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(writable.datasetUrl() + "/update"))
                .header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString("CLEAR ALL")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
    }

    @Test
    void badInputIsOneClearError() throws Exception {
        HttpResponse<String> r = get(readOnly, "api/day?date=2020-02-30");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("error").asText()).contains("2020-02-30");
        r = get(readOnly, "api/query/controller-at");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("error").asText()).contains("date");
        assertThat(get(readOnly, "api/query/no-such-query").statusCode()).isEqualTo(400);
        assertThat(get(readOnly, "api/place?iri=" + enc("javascript:alert(1)")).statusCode()).isEqualTo(400);
        assertThat(get(readOnly, "app/%2e%2e/%2e%2e/pom.xml").statusCode()).isIn(400, 404);
    }

    @Test
    void dayMapFollowsTheTimeline() throws Exception {
        assertThat(side(json(readOnly, "api/day?date=2020-01-28"), "Maarat al-Numan")).isEqualTo("opposition");
        assertThat(side(json(readOnly, "api/day?date=2020-01-30"), "Maarat al-Numan")).isEqualTo("government");
        JsonNode day = json(readOnly, "api/day?date=2020-01-31");
        JsonNode saraqeb = place(day, "Saraqeb");
        assertThat(saraqeb.get("contested").asBoolean()).as("an imminent capture reported that day").isTrue();
        assertThat(place(day, "Idlib").get("status").asText()).isEqualTo("partial");
        // highways: consecutive halves, each coloured by the town at its end
        JsonNode m5 = null;
        for (JsonNode h : day.get("highways")) {
            if (h.get("label").asText().equals("M5")) m5 = h;
        }
        assertThat(m5).isNotNull();
        assertThat(m5.get("segments").size()).isEven();
        List<String> sides = new ArrayList<>();
        m5.get("segments").forEach(s -> sides.add(s.get("side").asText()));
        assertThat(sides).contains("government", "opposition");
    }

    @Test
    void placePanelHasSourcesQuotesAndArticles() throws Exception {
        JsonNode p = json(readOnly, "api/place?iri=" + enc(ExampleStore.MAARAT));
        assertThat(p.get("label").asText()).isEqualTo("Maarat al-Numan");
        JsonNode periods = p.get("periods");
        assertThat(periods).hasSize(2);
        assertThat(periods.get(0).get("side").asText()).isEqualTo("opposition");
        assertThat(periods.get(0).get("until").asText()).isEqualTo("2020-01-29");
        assertThat(periods.get(1).get("side").asText()).isEqualTo("government");
        JsonNode start = periods.get(1).get("reports").get(0);
        assertThat(start.get("role").asText()).isEqualTo("start");
        assertThat(start.get("quotes")).isNotEmpty();
        assertThat(start.get("article").get("title").asText()).isNotBlank();
        assertThat(start.get("article").get("publisher").asText()).isEqualTo("The New Arab");
        assertThat(start.get("article").get("date").asText()).isEqualTo("2020-01-31");
    }

    @Test
    void searchFindsPlacesInAnyCaseAndPunctuation() throws Exception {
        for (String q : List.of("maarat", "MAARAT AL NUMAN", "Maarat al-Numan", "numan")) {
            JsonNode r = json(readOnly, "api/search?q=" + enc(q));
            assertThat(r.findValuesAsText("iri")).as(q).contains(ExampleStore.MAARAT);
        }
        // a spelling no article uses, known to GeoNames
        assertThat(json(readOnly, "api/search?q=" + enc("Saraqib")).findValuesAsText("iri")).contains(ExampleStore.SARAQEB);
        assertThat(json(readOnly, "api/search?q=" + enc("\") } DROP ALL #"))).isEmpty();
    }

    @Test
    void searchPutsFirstWhatThePlaceParameterResolvesTo() throws Exception {
        // The same resolution as --param place=NAME: a GeoNames id, an IRI, another spelling.
        for (String q : List.of("164816", "<" + ExampleStore.SARAQEB + ">", "Saraqib", "saraqeb")) {
            JsonNode r = json(readOnly, "api/search?q=" + enc(q));
            assertThat(r.get(0).get("iri").asText()).as(q).isEqualTo(ExampleStore.SARAQEB);
            assertThat(r.get(0).get("label").asText()).as(q).isNotBlank();
        }
    }

    @Test
    void namedQueryFormsAnswerAsTablesCsvAndGeoJson() throws Exception {
        JsonNode meta = json(readOnly, "api/meta");
        assertThat(meta.get("first").asText()).isLessThanOrEqualTo("2020-01-28");
        assertThat(meta.get("last").asText()).isGreaterThanOrEqualTo("2020-01-31");
        assertThat(meta.get("queries").findValuesAsText("name")).contains("controller-at", "timeline", "places");
        JsonNode t = json(readOnly, "api/query/controller-at?date=2020-01-30");
        assertThat(t.get("columns").toString()).contains("placeLabel");
        assertThat(t.get("rows")).hasSize(3);
        assertThat(t.get("geo").asBoolean()).isTrue();
        HttpResponse<String> csv = get(readOnly, "api/query/controller-at?date=2020-01-30&format=csv");
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body().lines().count()).isEqualTo(4);
        JsonNode geo = json(readOnly, "api/query/controller-at?date=2020-01-30&format=geojson");
        assertThat(geo.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(geo.get("features")).hasSize(3);
        assertThat(geo.get("features").get(0).get("geometry").get("coordinates")).hasSize(2);
    }

    @Test
    void fusekiUiLivesUnderItsOwnPathAndOffersNoWritesWhenReadOnly() throws Exception {
        HttpResponse<String> ro = get(readOnly, "ui/");
        assertThat(ro.statusCode()).isEqualTo(200);
        assertThat(ro.body()).contains("/ui/static/").contains("/ui/read-only.css");
        HttpResponse<String> css = get(readOnly, "ui/read-only.css");
        assertThat(css.body()).contains("/upload").contains("/edit").contains("display: none");
        HttpResponse<String> rw = get(writable, "ui/");
        assertThat(rw.body()).doesNotContain("read-only.css");
        // the UI reaches the server and the dataset below its own path
        assertThat(get(readOnly, "ui/$/server").body()).contains("\"/kg\"");
        HttpClient follow = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> q = follow.send(HttpRequest.newBuilder(URI.create(readOnly.baseUrl() + "ui/kg/query?query="
                + enc("ASK { ?s ?p ?o }"))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(q.statusCode()).isEqualTo(200);
        assertThat(q.body()).contains("true");
        // writes go to the dataset's own endpoints, under their own rules
        for (KgServer s : List.of(readOnly, writable)) {
            HttpResponse<String> up = HTTP.send(HttpRequest.newBuilder(URI.create(s.baseUrl() + "ui/kg/update"))
                    .header("Content-Type", "application/sparql-update")
                    .POST(HttpRequest.BodyPublishers.ofString("CLEAR ALL")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(up.statusCode()).isEqualTo(307);
            assertThat(up.headers().firstValue("Location").orElse("")).isEqualTo("/kg/update");
        }
        HttpResponse<String> upw = HTTP.send(HttpRequest.newBuilder(URI.create(writable.baseUrl() + "kg/update"))
                .header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString("CLEAR ALL")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(upw.statusCode()).isEqualTo(401);
        HttpResponse<String> upr = HTTP.send(HttpRequest.newBuilder(URI.create(readOnly.baseUrl() + "kg/update"))
                .header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString("CLEAR ALL")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(upr.statusCode()).isIn(404, 405);
    }

    static String side(JsonNode day, String label) {
        return place(day, label).get("side").asText();
    }

    static JsonNode place(JsonNode day, String label) {
        for (JsonNode p : day.get("places")) {
            if (p.get("label").asText().equals(label)) {
                return p;
            }
        }
        throw new AssertionError("no place " + label + " in " + day);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
