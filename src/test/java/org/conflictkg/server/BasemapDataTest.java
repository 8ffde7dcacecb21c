package org.conflictkg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.conflictkg.GdalLib;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.resource.AllowSchemaLoader;

/**
 * The map page's bundled basemap (classpath {@code org/conflictkg/server/web/}): each file is
 * RFC 7946 GeoJSON of the kind the page draws, it covers the whole world (not one region), its
 * three files agree with each other, and the NOTICE names every file, its source and licence.
 */
class BasemapDataTest {
    static final String WEB = "org/conflictkg/server/web/";
    static final ObjectMapper JSON = new ObjectMapper();
    static final GeometryFactory GF = new GeometryFactory();

    static final JsonSchema GEOJSON_SCHEMA = JsonSchemaFactory
            .getInstance(SpecVersion.VersionFlag.V7, b -> b
                    .schemaMappers(m -> m.mapPrefix("https://geojson.org/schema/", "classpath:geojson/"))
                    .schemaLoaders(l -> l.values(list -> list.add(0,
                            new AllowSchemaLoader(iri -> iri.toString().startsWith("classpath:"))))))
            .getSchema(SchemaLocation.of("https://geojson.org/schema/FeatureCollection.json"));

    /**
     * Countries of wars far from the Levant and Ukraine, which the basemap must hold (Natural
     * Earth's adm0_a3 codes: ISO 3166-1 alpha-3, except SDS for South Sudan).
     */
    static final List<String> FAR_COUNTRIES = List.of("SDN", "SDS", "MMR", "MLI", "COD", "YEM", "SOM", "AFG", "ETH", "HTI");

    static JsonNode read(String file) throws IOException {
        try (InputStream in = BasemapDataTest.class.getClassLoader().getResourceAsStream(WEB + file)) {
            assertThat(in).as(WEB + file).isNotNull();
            return JSON.readTree(in);
        }
    }

    static String text(String file) throws IOException {
        try (InputStream in = BasemapDataTest.class.getClassLoader().getResourceAsStream(WEB + file)) {
            assertThat(in).as(WEB + file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The GeoJSON files in the page's folder. */
    static Set<String> geojsonFiles() throws IOException, URISyntaxException {
        Path dir = Path.of(BasemapDataTest.class.getClassLoader().getResource(WEB).toURI());
        Set<String> out = new TreeSet<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".geojson")).forEach(out::add);
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "countries.geojson,    Polygon MultiPolygon,         name adm0_a3",
        "admin1-lines.geojson, LineString MultiLineString,   name adm0_a3",
        "admin1-names.geojson, Point,                        name adm0_a3",
    })
    void eachFileIsRfc7946GeoJsonOfItsKindWithANameOnEachFeature(String file, String types, String properties)
            throws IOException {
        JsonNode fc = read(file);
        assertThat(GEOJSON_SCHEMA.validate(fc)).as(file).isEmpty();
        // RFC 7946: no "crs" member, WGS 84 longitude and latitude
        assertThat(fc.has("crs")).isFalse();
        Set<String> allowed = Set.of(types.split(" "));
        assertThat(fc.get("features").size()).isPositive();
        int i = 0;
        for (JsonNode f : fc.get("features")) {
            String at = file + " feature " + i++;
            JsonNode g = f.get("geometry");
            assertThat(g.isNull()).as(at + ": geometry").isFalse();
            assertThat(allowed).as(at).contains(g.get("type").asText());
            for (String p : properties.split(" ")) {
                assertThat(f.path("properties").path(p).asText()).as(at + ": " + p).isNotBlank();
            }
            checkCoordinates(at, g.get("type").asText(), g.get("coordinates"));
        }
    }

    static void checkCoordinates(String at, String type, JsonNode c) {
        switch (type) {
            case "Point" -> position(at, c);
            case "LineString" -> line(at, c);
            case "MultiLineString" -> c.forEach(l -> line(at, l));
            case "Polygon" -> polygon(at, c);
            case "MultiPolygon" -> c.forEach(p -> polygon(at, p));
            default -> fail(at + ": unexpected geometry " + type);
        }
    }

    static Coordinate position(String at, JsonNode p) {
        assertThat(p.size()).as(at + ": position " + p).isEqualTo(2);
        double lon = p.get(0).asDouble();
        double lat = p.get(1).asDouble();
        assertThat(lon).as(at + ": longitude").isBetween(-180.0, 180.0);
        assertThat(lat).as(at + ": latitude").isBetween(-90.0, 90.0);
        return new Coordinate(lon, lat);
    }

    static void line(String at, JsonNode l) {
        assertThat(l.size()).as(at + ": positions of a line").isGreaterThanOrEqualTo(2);
        l.forEach(p -> position(at, p));
    }

    /**
     * RFC 7946 3.1.6: closed rings of four or more positions, the exterior counterclockwise, holes
     * clockwise. A ring without area (an islet whose points the generalisation left in one line)
     * has no orientation; it may only be that, a few hundredths of a degree across.
     */
    static void polygon(String at, JsonNode rings) {
        for (int r = 0; r < rings.size(); r++) {
            Coordinate[] ring = ring(at, rings.get(r));
            assertThat(ring.length).as(at + ": positions of a ring").isGreaterThanOrEqualTo(4);
            assertThat(ring[0]).as(at + ": ring closed").isEqualTo(ring[ring.length - 1]);
            double area = Area.ofRingSigned(ring);
            if (Math.abs(area) < 1e-9) {
                Envelope e = new Envelope();
                for (Coordinate c : ring) {
                    e.expandToInclude(c);
                }
                assertThat(Math.max(e.getWidth(), e.getHeight())).as(at + ": a ring without area").isLessThan(0.2);
                continue;
            }
            // JTS's signed area is positive for a clockwise ring
            assertThat(area < 0).as(at + (r == 0 ? ": exterior ring counterclockwise" : ": hole clockwise"))
                    .isEqualTo(r == 0);
        }
    }

    static Coordinate[] ring(String at, JsonNode ring) {
        Coordinate[] out = new Coordinate[ring.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = position(at, ring.get(i));
        }
        return out;
    }

    static Geometry geometry(JsonNode g) {
        List<Polygon> polygons = new ArrayList<>();
        JsonNode c = g.get("coordinates");
        List<JsonNode> each = new ArrayList<>();
        if (g.get("type").asText().equals("Polygon")) {
            each.add(c);
        } else {
            c.forEach(each::add);
        }
        for (JsonNode rings : each) {
            LinearRing shell = GF.createLinearRing(ring("", rings.get(0)));
            LinearRing[] holes = new LinearRing[rings.size() - 1];
            for (int i = 1; i < rings.size(); i++) {
                holes[i - 1] = GF.createLinearRing(ring("", rings.get(i)));
            }
            polygons.add(GF.createPolygon(shell, holes));
        }
        return GF.createMultiPolygon(polygons.toArray(new Polygon[0]));
    }

    @Test
    void theBasemapCoversTheWorldNotOneRegion() throws IOException {
        double minLon = 180, maxLon = -180, minLat = 90, maxLat = -90;
        Set<String> countries = new HashSet<>();
        for (JsonNode f : read("countries.geojson").get("features")) {
            countries.add(f.get("properties").get("adm0_a3").asText());
            Geometry g = geometry(f.get("geometry"));
            minLon = Math.min(minLon, g.getEnvelopeInternal().getMinX());
            maxLon = Math.max(maxLon, g.getEnvelopeInternal().getMaxX());
            minLat = Math.min(minLat, g.getEnvelopeInternal().getMinY());
            maxLat = Math.max(maxLat, g.getEnvelopeInternal().getMaxY());
        }
        assertThat(maxLon - minLon).as("longitudes spanned").isGreaterThan(350);
        assertThat(minLat).isLessThan(-55);
        assertThat(maxLat).isGreaterThan(70);
        assertThat(countries).hasSizeGreaterThan(200).containsAll(FAR_COUNTRIES);
        Set<String> named = new HashSet<>();
        read("admin1-names.geojson").get("features").forEach(f -> named.add(f.get("properties").get("adm0_a3").asText()));
        assertThat(named).containsAll(FAR_COUNTRIES);
        Set<String> lined = new HashSet<>();
        read("admin1-lines.geojson").get("features").forEach(f -> lined.add(f.get("properties").get("adm0_a3").asText()));
        assertThat(lined).containsAll(FAR_COUNTRIES);
    }

    /** One country's outline: a point is in it, or within 0.02 degree (coordinates are rounded to 0.01). */
    record Outline(PreparedGeometry area, IndexedFacetDistance edges) {
        Outline(Geometry g) {
            this(PreparedGeometryFactory.prepare(g), new IndexedFacetDistance(g));
        }

        boolean holds(JsonNode position) {
            Geometry p = GF.createPoint(new Coordinate(position.get(0).asDouble(), position.get(1).asDouble()));
            return area.covers(p) || edges.distance(p) <= 0.02;
        }
    }

    @Test
    void theFilesAgreeEveryNameAndBoundaryLiesInItsCountry() throws IOException {
        Map<String, Outline> byName = new HashMap<>();
        Map<String, List<Outline>> byCode = new HashMap<>();
        for (JsonNode f : read("countries.geojson").get("features")) {
            String name = f.get("properties").get("name").asText();
            assertThat(byName).as("one feature per country: " + name).doesNotContainKey(name);
            Outline o = new Outline(geometry(f.get("geometry")));
            byName.put(name, o);
            byCode.computeIfAbsent(f.get("properties").get("adm0_a3").asText(), k -> new ArrayList<>()).add(o);
        }
        // a name lies in its country; islets the generalisation dropped leave their unit's name at
        // sea, but never on another country's land
        List<String> atSea = new ArrayList<>();
        int names = 0;
        for (JsonNode f : read("admin1-names.geojson").get("features")) {
            names++;
            List<Outline> country = byCode.get(f.get("properties").get("adm0_a3").asText());
            assertThat(country).as("the country of " + f.get("properties")).isNotNull();
            JsonNode at = f.get("geometry").get("coordinates");
            if (country.stream().noneMatch(o -> o.holds(at))) {
                assertThat(byName.values().stream().filter(o -> o.area().covers(GF.createPoint(
                        new Coordinate(at.get(0).asDouble(), at.get(1).asDouble())))).toList())
                        .as(f.get("properties") + " on another country's land").isEmpty();
                atSea.add(f.get("properties").toString());
            }
        }
        assertThat(atSea.size()).as("first-level names at sea: " + atSea).isLessThan(names / 200);
        for (JsonNode f : read("admin1-lines.geojson").get("features")) {
            String name = f.get("properties").get("name").asText();
            Outline country = byName.get(name);
            assertThat(country).as("the country of " + f.get("properties")).isNotNull();
            JsonNode g = f.get("geometry");
            for (JsonNode l : g.get("type").asText().equals("LineString") ? List.of(g.get("coordinates")) : iterable(g.get("coordinates"))) {
                for (JsonNode p : l) {
                    assertThat(country.holds(p)).as("a boundary point of " + name + " at " + p).isTrue();
                }
            }
        }
    }

    static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    @Test
    void theNoticeNamesEveryFileItsSourceAndLicence() throws Exception {
        String notice = text("NOTICE-basemap.txt");
        assertThat(geojsonFiles()).isNotEmpty();
        for (String file : geojsonFiles()) {
            assertThat(notice).as("NOTICE names " + file).contains(file);
        }
        assertThat(notice).contains("Natural Earth").contains("public domain").contains("4.1.0")
                .contains("qgis-common 3.22.16").contains("world_map.gpkg")
                .contains("ogr2ogr").contains("mapshaper@");
    }

    // ---- read back with GDAL, when installed (always in CI) ----

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "countries.geojson,    Multi Polygon",
        "admin1-lines.geojson, Multi Line String",
        "admin1-names.geojson, Point",
    })
    void gdalReadsEachFile(String file, String geometry) throws Exception {
        GdalLib.requireOgrinfo();
        Path copy = Files.createTempFile("basemap", ".geojson");
        try {
            Files.writeString(copy, text(file));
            Process p = new ProcessBuilder("ogrinfo", "-ro", "-so", "-al", copy.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            Matcher count = Pattern.compile("Feature Count: (\\d+)").matcher(out);
            assertThat(count.find()).as(out).isTrue();
            assertThat(Integer.parseInt(count.group(1))).isEqualTo(read(file).get("features").size());
            // a layer of Polygons and MultiPolygons (or lines) is "Unknown (any)" to GDAL
            assertThat(out).containsAnyOf("Geometry: " + geometry, "Geometry: Unknown (any)")
                    .contains("WGS 84").contains("name: String").contains("adm0_a3: String");
            Matcher extent = Pattern.compile("Extent: \\((\\S+), (\\S+)\\) - \\((\\S+), (\\S+)\\)").matcher(out);
            assertThat(extent.find()).as(out).isTrue();
            assertThat(Double.parseDouble(extent.group(1))).isGreaterThanOrEqualTo(-180);
            assertThat(Double.parseDouble(extent.group(2))).isGreaterThanOrEqualTo(-90);
            assertThat(Double.parseDouble(extent.group(3))).isLessThanOrEqualTo(180);
            assertThat(Double.parseDouble(extent.group(4))).isLessThanOrEqualTo(90);
        } finally {
            Files.deleteIfExists(copy);
        }
    }

}
