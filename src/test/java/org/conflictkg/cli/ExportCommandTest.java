package org.conflictkg.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.core.DatasetGraph;
import org.conflictkg.GdalLib;
import org.conflictkg.export.CsvExport;
import org.conflictkg.query.NamedQueries;
import org.conflictkg.query.QueryRunner;
import org.conflictkg.query.QuerySources;
import org.conflictkg.rdf.IriLib;
import org.conflictkg.store.TdbStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code export --format geojson|csv} and parameters by name, through the command line, on the
 * store {@code demo} builds from the bundled example (loaded, linked, derived). The files are
 * read back with GDAL's ogrinfo (skipped where it is not installed, except in CI), validated
 * against the GeoJSON JSON Schema, and the CSV read with Python's csv module and with commons-csv.
 * Expected values come from the store's own named queries, not from a previous run.
 */
class ExportCommandTest {
    static final boolean CI = "true".equals(System.getenv("CI"));
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SARAQEB = IriLib.geonamesPlace("164816").getURI();
    static final String MAARAT = IriLib.geonamesPlace("167611").getURI();

    @TempDir
    static Path tmp;
    static Path db;
    static Map<String, Path> files = new HashMap<>();

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Main.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void buildStore() {
        db = tmp.resolve("kg");
        Run demo = run("demo", "--db", db.toString(), "--no-serve");
        assertThat(demo.code()).as(demo.err()).isZero();
        export("places.geojson");
        export("places-0128.geojson", "--date", "2020-01-28");
        export("places-0130.geojson", "--date", "2020-01-30");
        export("periods.geojson", "--layer", "periods");
        export("events.geojson", "--layer", "events");
        export("highways.geojson", "--layer", "highways", "--date", "2020-01-30");
        export("highways-0131.geojson", "--layer", "highways", "--date", "2020-01-31");
        export("events.csv");
        export("figures.csv", "--layer", "figures");
    }

    static void export(String name, String... more) {
        Path f = tmp.resolve(name);
        List<String> args = new ArrayList<>(List.of("export", "--db", db.toString(), "-o", f.toString()));
        args.addAll(List.of(more));
        Run r = run(args.toArray(new String[0]));
        assertThat(r.code()).as(r.err()).isZero();
        files.put(name, f);
    }

    /** Rows of a named query on the store, IRIs and literals as text. */
    static List<Map<String, String>> rows(String query, Map<String, String> params) {
        DatasetGraph dsg = TdbStores.openExisting(db);
        ResultSetRewindable rs = new QueryRunner(QuerySources.dataset(dsg, "kg"), Duration.ofSeconds(30))
                .select(NamedQueries.named(query), params);
        List<Map<String, String>> out = new ArrayList<>();
        while (rs.hasNext()) {
            QuerySolution s = rs.next();
            Map<String, String> row = new HashMap<>();
            for (String v : rs.getResultVars()) {
                RDFNode n = s.get(v);
                row.put(v, n == null ? "" : n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString());
            }
            out.add(row);
        }
        return out;
    }

    static JsonNode read(String name) throws IOException {
        return JSON.readTree(files.get(name).toFile());
    }

    // ---- GeoJSON, as JSON ----

    static final JsonSchema GEOJSON_SCHEMA = JsonSchemaFactory
            .getInstance(SpecVersion.VersionFlag.V7, b -> b
                    .schemaMappers(m -> m.mapPrefix("https://geojson.org/schema/", "classpath:geojson/"))
                    .schemaLoaders(l -> l.values(list -> list.add(0,
                            new AllowSchemaLoader(iri -> iri.toString().startsWith("classpath:"))))))
            .getSchema(SchemaLocation.of("https://geojson.org/schema/FeatureCollection.json"));

    @ParameterizedTest
    @ValueSource(strings = {"places.geojson", "places-0130.geojson", "periods.geojson", "events.geojson", "highways.geojson"})
    void everyLayerIsValidGeoJsonWithCoordinatesInSyria(String name) throws IOException {
        JsonNode fc = read(name);
        Set<ValidationMessage> errors = GEOJSON_SCHEMA.validate(fc);
        assertThat(errors).isEmpty();
        assertThat(fc.get("features").size()).isPositive();
        for (JsonNode f : fc.get("features")) {
            assertThat(f.get("geometry").isNull()).isFalse();
            // RFC 7946: longitude first. The example's places lie between 35-38 E and 33-37 N.
            List<JsonNode> positions = new ArrayList<>();
            JsonNode c = f.get("geometry").get("coordinates");
            if (c.get(0).isArray()) {
                c.forEach(positions::add);
            } else {
                positions.add(c);
            }
            for (JsonNode p : positions) {
                assertThat(p.get(0).asDouble()).isBetween(35.0, 38.5);
                assertThat(p.get(1).asDouble()).isBetween(32.0, 37.5);
            }
        }
    }

    @Test
    void placesWithoutCoordinatesAreCountedOnStandardErrorNotWritten() throws IOException {
        List<Map<String, String>> places = rows("places", Map.of());
        long located = places.stream().filter(r -> !r.get("lat").isEmpty()).count();
        long unlocated = places.size() - located;
        assertThat(unlocated).as("the example has a place no gazetteer locates").isPositive();
        Run r = run("export", "--db", db.toString(), "--format", "geojson");
        assertThat(r.code()).isZero();
        assertThat(JSON.readTree(r.out()).get("features").size()).isEqualTo((int) located);
        assertThat(r.err()).contains(unlocated + " places without coordinates left out");
    }

    // ---- GeoJSON and CSV, with GDAL ----

    static String ogrinfo(String... args) throws Exception {
        GdalLib.requireOgrinfo();
        List<String> cmd = new ArrayList<>(List.of("ogrinfo", "-ro", "-al"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    static int featureCount(String summary) {
        Matcher m = Pattern.compile("Feature Count: (\\d+)").matcher(summary);
        assertThat(m.find()).as(summary).isTrue();
        return Integer.parseInt(m.group(1));
    }

    static String geometryType(String summary) {
        Matcher m = Pattern.compile("(?m)^Geometry: (.+)$").matcher(summary);
        assertThat(m.find()).as(summary).isTrue();
        return m.group(1).strip();
    }

    @Test
    void gdalReadsEveryLayerWithItsFeatureCountAndGeometryType() throws Exception {
        List<Map<String, String>> places = rows("places", Map.of());
        List<Map<String, String>> located = places.stream().filter(r -> !r.get("lat").isEmpty()).toList();
        int periods = 0;
        for (Map<String, String> p : located) {
            periods += rows("timeline", Map.of("place", p.get("place"))).size();
        }
        String s = ogrinfo("-so", files.get("places.geojson").toString());
        assertThat(geometryType(s)).isEqualTo("Point");
        assertThat(featureCount(s)).isEqualTo(located.size());
        s = ogrinfo("-so", files.get("periods.geojson").toString());
        assertThat(geometryType(s)).isEqualTo("Point");
        assertThat(featureCount(s)).isEqualTo(periods).isPositive();
        s = ogrinfo("-so", files.get("events.geojson").toString());
        assertThat(geometryType(s)).isEqualTo("Point");
        assertThat(featureCount(s)).isEqualTo(read("events.geojson").get("features").size()).isPositive();
        s = ogrinfo("-so", files.get("highways.geojson").toString());
        assertThat(geometryType(s)).isEqualTo("Line String");
        // One stretch per located town of each highway's route.
        Set<String> highways = new java.util.HashSet<>();
        rows("highway-towns", Map.of()).forEach(r -> highways.add(r.get("highway")));
        assertThat(featureCount(s)).isGreaterThanOrEqualTo(2 * highways.size());
        s = ogrinfo("-so", files.get("events.csv").toString());
        assertThat(featureCount(s)).isEqualTo(rows("control-changes", Map.of()).size());
        s = ogrinfo("-so", files.get("figures.csv").toString());
        assertThat(featureCount(s)).isEqualTo(rows("figures", Map.of()).size());
    }

    @Test
    void theHighwayStretchesAddUpToWhatHighwayControlComputes() throws IOException {
        List<Map<String, String>> computed = rows("highway-control", Map.of("date", "2020-01-31"));
        assertThat(computed).as("derive computes the M5 on the 31st").isNotEmpty();
        Map<String, Double> km = new HashMap<>();
        for (JsonNode f : read("highways-0131.geojson").get("features")) {
            JsonNode p = f.get("properties");
            km.merge(p.get("highway").asText() + " " + p.get("side").asText(), p.get("km").asDouble(), Double::sum);
        }
        for (Map<String, String> r : computed) {
            assertThat(km.get(r.get("highway") + " " + r.get("side"))).as(r.toString())
                    .isCloseTo(Double.parseDouble(r.get("km")), org.assertj.core.data.Offset.offset(0.5));
        }
    }

    static String feature(String file, String label) throws Exception {
        return ogrinfo("-q", "-where", "label = '" + label + "'", files.get(file).toString());
    }

    static String field(String feature, String name) {
        Matcher m = Pattern.compile("(?m)^\\s+" + name + " \\(\\w+\\) = (.*)$").matcher(feature);
        return m.find() ? m.group(1).strip() : null;
    }

    @Test
    void gdalFindsSaraqebAt36point80East35point86North() throws Exception {
        String f = feature("places.geojson", "Saraqeb");
        Matcher m = Pattern.compile("POINT \\(([-0-9.]+) ([-0-9.]+)\\)").matcher(f);
        assertThat(m.find()).as(f).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isCloseTo(36.80, org.assertj.core.data.Offset.offset(0.02));
        assertThat(Double.parseDouble(m.group(2))).isCloseTo(35.86, org.assertj.core.data.Offset.offset(0.02));
        assertThat(field(f, "place")).isEqualTo(SARAQEB);
    }

    @Test
    void gdalShowsWhoHeldMaaratAlNumanBeforeAndAfterTheChange() throws Exception {
        // The example's completed change of Maarat al-Numan: who held it before and after, and when.
        Map<String, String> change = rows("control-changes", Map.of("place", MAARAT)).stream()
                .filter(r -> r.get("status").endsWith("/completed")).findFirst().orElseThrow();
        assertThat(change.get("date")).isEqualTo("2020-01-29");
        String before = feature("places-0128.geojson", "Maarat al-Numan");
        String after = feature("places-0130.geojson", "Maarat al-Numan");
        assertThat(field(before, "controller")).isEqualTo(change.get("fromLabel"));
        assertThat(field(after, "controller")).isEqualTo(change.get("toLabel"));
        assertThat(field(before, "side")).isEqualTo("opposition");
        assertThat(field(after, "side")).isEqualTo("government");
        assertThat(field(after, "since").replace('/', '-')).isEqualTo(change.get("date")); // GDAL reads it as a date
        assertThat(field(after, "sources")).isNotBlank();
    }

    // ---- CSV ----

    /** The control-changes rows in the columns the CSV maps them to (docs/exports.md). */
    static List<List<String>> controlChangesAsCsvColumns() {
        List<List<String>> out = new ArrayList<>();
        for (Map<String, String> r : rows("control-changes", Map.of())) {
            out.add(List.of(r.get("date"), r.get("placeLabel"), r.get("toLabel"), r.get("fromLabel"),
                    r.get("sourceLabel"), r.get("quote")));
        }
        return out;
    }

    static final List<String> MAPPED = List.of("event_date", "location", "actor1", "actor2", "source", "notes");

    @Test
    void theCsvHasTheAcledColumnsAndTheRowsOfControlChanges() throws IOException {
        try (Reader in = Files.newBufferedReader(files.get("events.csv"), StandardCharsets.UTF_8);
             CSVParser csv = CSVParser.builder().setReader(in)
                     .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            assertThat(csv.getHeaderNames()).containsExactlyElementsOf(CsvExport.EVENT_COLUMNS);
            List<List<String>> got = new ArrayList<>();
            for (CSVRecord rec : csv) {
                got.add(MAPPED.stream().map(rec::get).toList());
                assertThat(rec.get("event_id_cnty")).isNotBlank().doesNotStartWith("http");
                assertThat(rec.get("country")).isEqualTo("Syria");
                assertThat(rec.get("event_type")).isIn("Battles", "Strategic developments");
                if (!rec.get("latitude").isEmpty()) {
                    assertThat(Double.parseDouble(rec.get("latitude"))).isBetween(32.0, 37.5);
                    assertThat(Double.parseDouble(rec.get("longitude"))).isBetween(35.0, 38.5);
                }
            }
            assertThat(got).containsExactlyInAnyOrderElementsOf(controlChangesAsCsvColumns());
        }
    }

    @Test
    void pythonsCsvModuleReadsTheSameRows() throws Exception {
        String script = """
                import csv, json, sys
                with open(sys.argv[1], newline='', encoding='utf-8') as f:
                    rows = list(csv.DictReader(f))
                print(json.dumps([[r[c] for c in sys.argv[2].split(',')] for r in rows]))
                """;
        Process p;
        try {
            p = new ProcessBuilder("python3", "-c", script, files.get("events.csv").toString(), String.join(",", MAPPED))
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            if (CI) {
                throw e;
            }
            assumeTrue(false, "python3 not installed");
            return;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        List<List<String>> got = new ArrayList<>();
        JSON.readTree(out).forEach(row -> {
            List<String> r = new ArrayList<>();
            row.forEach(v -> r.add(v.asText()));
            got.add(r);
        });
        assertThat(got).containsExactlyInAnyOrderElementsOf(controlChangesAsCsvColumns());
    }

    @Test
    void theFiguresTableHasLabelsNotIris() throws IOException {
        try (Reader in = Files.newBufferedReader(files.get("figures.csv"), StandardCharsets.UTF_8);
             CSVParser csv = CSVParser.builder().setReader(in)
                     .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            assertThat(csv.getHeaderNames()).containsExactlyElementsOf(CsvExport.FIGURE_COLUMNS);
            List<CSVRecord> records = csv.getRecords();
            assertThat(records).hasSize(rows("figures", Map.of()).size());
            for (CSVRecord r : records) {
                for (String c : List.of("measure", "qualifier", "location", "source")) {
                    assertThat(r.get(c)).doesNotStartWith("http");
                }
            }
            assertThat(records).extracting(r -> r.get("measure")).contains("killed");
        }
    }

    // ---- format and file name ----

    @Test
    void theFormatFollowsTheFileExtensionAndAMismatchIsRefused() throws IOException {
        Path geo = tmp.resolve("by-extension.geojson");
        assertThat(run("export", "--db", db.toString(), "-o", geo.toString()).code()).isZero();
        assertThat(JSON.readTree(geo.toFile()).get("type").asText()).isEqualTo("FeatureCollection");
        Path ttl = tmp.resolve("by-extension.ttl");
        assertThat(run("export", "--db", db.toString(), "-o", ttl.toString()).code()).isZero();
        assertThat(Files.readString(ttl)).contains("PREFIX");

        Run layerOnly = run("export", "--db", db.toString(), "--layer", "periods");
        assertThat(layerOnly.code()).as(layerOnly.err()).isZero();
        assertThat(JSON.readTree(layerOnly.out()).get("type").asText()).isEqualTo("FeatureCollection");
        Run figures = run("export", "--db", db.toString(), "--layer", "figures");
        assertThat(figures.out()).startsWith(String.join(",", CsvExport.FIGURE_COLUMNS));

        Path wrong = tmp.resolve("wrong.geojson");
        Run r = run("export", "--db", db.toString(), "-o", wrong.toString(), "--format", "trig");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip().lines().findFirst().orElse("")).contains("trig").contains("geojson");
        assertThat(wrong).doesNotExist();
        r = run("export", "--db", db.toString(), "-o", tmp.resolve("wrong.csv").toString(), "--format", "geojson");
        assertThat(r.code()).isEqualTo(2);
        r = run("export", "--db", db.toString(), "--format", "csv", "--layer", "highways");
        assertThat(r.code()).isEqualTo(2);
    }

    // ---- query: parameters by name, geojson, labels ----

    @Test
    void queryTakesAPlaceByNameIdOrIriAndRefusesAmbiguousAndUnknownNames() {
        Run byIri = run("query", "timeline", "--db", db.toString(), "-p", "place=" + MAARAT, "--format", "csv");
        assertThat(byIri.code()).as(byIri.err()).isZero();
        for (String given : List.of("Maarat al-Numan", "maarrat al-nu'man", "167611", "<" + MAARAT + ">")) {
            Run r = run("query", "timeline", "--db", db.toString(), "-p", "place=" + given, "--format", "csv");
            assertThat(r.code()).as(given + ": " + r.err()).isZero();
            assertThat(r.out()).isEqualTo(byIri.out());
        }
        Run ambiguous = run("query", "timeline", "--db", db.toString(), "-p", "place=Aleppo");
        assertThat(ambiguous.code()).isEqualTo(2);
        assertThat(ambiguous.err().strip()).doesNotContain("\n").contains("ambiguous")
                .contains(IriLib.geonamesPlace("170062").getURI()).contains(IriLib.geonamesPlace("170063").getURI());
        Run unknown = run("query", "timeline", "--db", db.toString(), "-p", "place=Nowhereville");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err().strip()).doesNotContain("\n").contains("Nowhereville");
        Run code = run("query", "figures", "--db", db.toString(), "-p", "measure=kiled");
        assertThat(code.code()).isEqualTo(2);
        assertThat(code.err().strip()).doesNotContain("\n").contains("killed");
    }

    @Test
    void queryWritesGeoJsonForRowsWithCoordinatesAndLabelsInEveryFormat() throws IOException {
        Run geo = run("query", "places", "--db", db.toString(), "--format", "geojson");
        assertThat(geo.code()).as(geo.err()).isZero();
        JsonNode fc = JSON.readTree(geo.out());
        assertThat(GEOJSON_SCHEMA.validate(fc)).isEmpty();
        long located = rows("places", Map.of()).stream().filter(r -> !r.get("lat").isEmpty()).count();
        assertThat(fc.get("features").size()).isEqualTo((int) located);
        Run plain = run("query", "controller-at", "--db", db.toString(), "-p", "date=2020-01-30", "--format", "csv");
        Run labelled = run("query", "controller-at", "--db", db.toString(), "-p", "date=2020-01-30", "--format", "csv", "--labels");
        assertThat(plain.out()).contains(IriLib.registryActor("syrian-government").getURI());
        assertThat(labelled.code()).isZero();
        assertThat(labelled.out()).doesNotContain("https://").contains("Syrian government forces").contains("partial");
        Run table = run("query", "controller-at", "--db", db.toString(), "-p", "date=2020-01-30", "--labels");
        assertThat(table.out()).doesNotContain("actor:").contains("Syrian government forces");
    }

    @Test
    void queryWritesGeoJsonFromAWktColumn() throws IOException {
        Path rq = Files.writeString(tmp.resolve("points.rq"), """
                # points: every place with its geometry as WKT.
                PREFIX geo: <http://www.opengis.net/ont/geosparql#>
                SELECT ?place ?wkt WHERE { ?place geo:hasGeometry/geo:asWKT ?wkt }
                """);
        Run r = run("query", rq.toString(), "--db", db.toString(), "--format", "geojson");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode fc = JSON.readTree(r.out());
        assertThat(GEOJSON_SCHEMA.validate(fc)).isEmpty();
        Set<String> types = new java.util.HashSet<>();
        fc.get("features").forEach(f -> {
            types.add(f.get("geometry").get("type").asText());
            assertThat(f.get("properties").has("wkt")).isFalse();
        });
        assertThat(types).contains("Point", "LineString"); // places, and the highways' lines from derive
    }

    /**
     * Every kind of export ends as the other commands do: {@code --json} prints one JSON object on
     * standard output whose counts are those of the file written, {@code -q} prints nothing, and
     * {@code --json} without {@code -o} (standard output carries the export) is bad usage.
     */
    @ParameterizedTest(name = "{0} {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "store.trig   |                        | quads",
            "store.nq     |                        | quads",
            "article.trig | --article 2020-01-31-newarab-saraqeb | quads",
            "store.ttl    |                        | triples",
            "places.geojson | --date 2020-01-30     | features",
            "events.geojson | --layer events       | features",
            "events.csv   |                        | rows",
            "figures.csv  | --layer figures        | rows",
    })
    void jsonGivesTheSummaryAndQuietPrintsNothing(String name, String extra, String count) throws IOException {
        Path f = tmp.resolve("summary-" + name);
        List<String> args = new ArrayList<>(List.of("export", "--db", db.toString(), "-o", f.toString()));
        if (extra != null) {
            args.addAll(List.of(extra.split(" ")));
        }
        List<String> withJson = new ArrayList<>(args);
        withJson.add("--json");
        Run r = run(withJson.toArray(new String[0]));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().strip()).doesNotContain("\n");
        JsonNode summary = JSON.readTree(r.out());
        assertThat(summary.get("command").asText()).isEqualTo("export");
        assertThat(summary.get("target").asText()).isEqualTo(f.toString());
        assertThat(summary.get(count).asLong()).isPositive().isEqualTo(countIn(f, count));

        Files.delete(f);
        List<String> quiet = new ArrayList<>(args);
        quiet.add("-q");
        Run q = run(quiet.toArray(new String[0]));
        assertThat(q.code()).as(q.err()).isZero();
        assertThat(q.out()).isEmpty();
        assertThat(q.err()).isEmpty();
        assertThat(f).isNotEmptyFile();

        Run human = run(args.toArray(new String[0]));
        assertThat(human.out()).isEmpty();
        assertThat(human.err().strip()).doesNotContain("\n").startsWith("wrote " + summary.get(count).asLong() + " ")
                .endsWith(" -> " + f);

        args.remove("-o");
        args.remove(f.toString());
        args.add("--json");
        Run toStdout = run(args.toArray(new String[0]));
        assertThat(toStdout.code()).isEqualTo(2);
        assertThat(toStdout.out()).isEmpty();
        assertThat(toStdout.err()).startsWith("error: --json").contains("give -o");
    }

    /** What a written export holds, counted by reading it back. */
    private static long countIn(Path f, String what) throws IOException {
        switch (what) {
            case "quads" -> {
                DatasetGraph dsg = org.apache.jena.riot.RDFDataMgr.loadDatasetGraph(f.toString());
                long n = 0;
                for (var it = dsg.find(); it.hasNext(); it.next()) {
                    n++;
                }
                return n;
            }
            case "triples" -> {
                org.apache.jena.riot.lang.StreamRDFCounting n = org.apache.jena.riot.system.StreamRDFLib.count();
                org.apache.jena.riot.RDFParser.source(f).parse(n);
                return n.countTriples();
            }
            case "features" -> {
                return JSON.readTree(f.toFile()).get("features").size();
            }
            default -> {
                try (Reader in = Files.newBufferedReader(f, StandardCharsets.UTF_8);
                     CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
                    return csv.getRecords().size();
                }
            }
        }
    }

    @AfterAll
    static void release() {
        TdbStores.release(TdbStores.openExisting(db));
    }
}
