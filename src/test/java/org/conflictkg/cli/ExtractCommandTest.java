package org.conflictkg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code extract} command: outputs that validate and convert, batches, HTML, bad input. */
class ExtractCommandTest {
    private static final Path EXAMPLE = Path.of("examples", "2020-01-31-newarab-saraqeb.txt");
    private static final Path DEV = Path.of("..", "shared", "eval", "dev");

    @TempDir
    Path tmp;

    @Test
    void exampleToFileValidatesAndConverts() {
        Path out = tmp.resolve("saraqeb.json");
        CliRun r = CliRun.run("extract", EXAMPLE.toString(), "-o", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(out).exists();
        assertValidAndConvertible(List.of(out));
    }

    @Test
    void developmentSetFolderValidatesAndConverts() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(DEV), "the development set is not beside the repository");
        Path out = tmp.resolve("dev");
        CliRun r = CliRun.run("extract", DEV.toString(), "-o", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<Path> written = list(out);
        long articles;
        try (Stream<Path> s = Files.list(DEV)) {
            articles = s.filter(p -> p.toString().endsWith(".txt")).count();
        }
        assertThat(written).hasSize((int) articles);
        assertValidAndConvertible(written);
    }

    @Test
    void oneArticleIntoANewFolderNamedWithATrailingSlash() {
        Path folder = tmp.resolve("drafts");
        CliRun r = CliRun.run("extract", EXAMPLE.toString(), "-o", folder + "/");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(folder).isDirectory();
        Path written = folder.resolve("2020-01-31-newarab-saraqeb.json");
        assertThat(written).isRegularFile();
        assertValidAndConvertible(List.of(written));
    }

    @Test
    void oneArticleToStandardOutput() {
        CliRun r = CliRun.run("extract", EXAMPLE.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"format\" : \"conflict-kg/facts@1\"").contains("\"control-change\"");
    }

    @Test
    void htmlPageIsStrippedOfBoilerplate() throws IOException {
        Path page = tmp.resolve("page.html");
        Files.writeString(page, """
                <html lang="en"><head><title>Town taken</title>
                <meta property="article:published_time" content="2020-02-07T10:00:00Z">
                <meta property="og:site_name" content="Example News"></head>
                <body><nav><p>Home | World | Sport</p></nav>
                <article><h1>Town taken</h1>
                <p>Regime forces captured the town of Sarmin on Thursday, the Syrian Observatory for Human Rights said.</p>
                <p>At least 12 civilians were killed in the fighting.</p></article>
                <footer><p>Copyright 2020</p></footer></body></html>
                """, StandardCharsets.UTF_8);
        Path out = tmp.resolve("page.json");
        CliRun r = CliRun.run("extract", page.toString(), "-o", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        String json = Files.readString(out);
        assertThat(json).contains("\"publisher\" : \"Example News\"").contains("\"published\" : \"2020-02-07\"")
                .contains("\"control-change\"").contains("\"killed\"").doesNotContain("Copyright").doesNotContain("Sport");
        assertValidAndConvertible(List.of(out));
    }

    @Test
    void badHeaderIsBadInputAndNothingIsWritten() throws IOException {
        Path good = tmp.resolve("a.txt");
        Files.writeString(good, Files.readString(EXAMPLE));
        Path bad = tmp.resolve("b.txt");
        Files.writeString(bad, "TITLE: x\nDATE: 31 January 2020\n\nBody.\n");
        Path out = tmp.resolve("out");
        CliRun r = CliRun.run("extract", good.toString(), bad.toString(), "-o", out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("b.txt:2:7").contains("expected an ISO publication date");
        assertThat(out).doesNotExist();
    }

    @Test
    void missingBlankLineIsBadInput() throws IOException {
        Path bad = tmp.resolve("c.txt");
        Files.writeString(bad, "TITLE: x\nDATE: 2020-01-31\nThe body starts without a blank line.\n");
        CliRun r = CliRun.run("extract", bad.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("c.txt:3:1: expected a header line KEY: value");
    }

    @Test
    void actorsFileAddsActorsAndAnArticleWithoutOneIsNamedOnStandardError() throws IOException {
        // an armed group of a made-up war, unknown to the bundled registry
        Path article = tmp.resolve("north.txt");
        Files.writeString(article, "TITLE: x\nDATE: 2031-05-09\n\nThe Northern Shield Brigades captured the town of "
                + "Velmora on Thursday from the Coastal Guard, a spokesman said.\n");
        CliRun without = CliRun.run("extract", article.toString());
        assertThat(without.exitCode()).isZero();
        assertThat(without.err()).contains("warning: north: no known actor").contains("warning: north: no country found");
        assertThat(without.out()).doesNotContain("northern-shield");

        Path actors = tmp.resolve("actors.json");
        Files.writeString(actors, """
                {"actors": [
                  {"id": "northern-shield", "name": "Northern Shield Brigades", "kind": "armed-group", "side": "north",
                   "aliases": ["Northern Shield Brigades", "the Northern Shield"], "country": "SD"},
                  {"id": "coastal-guard", "name": "Coastal Guard", "kind": "state-force", "side": "coast",
                   "aliases": ["Coastal Guard", "the Coastal Guard"], "country": "SD"}
                ], "sides": {"north": "north", "coast": "coast"}}
                """);
        Path out = tmp.resolve("north.json");
        CliRun with = CliRun.run("extract", article.toString(), "--actors", actors.toString(), "-o", out.toString());
        assertThat(with.exitCode()).isZero();
        assertThat(with.err()).doesNotContain("no known actor");
        String json = Files.readString(out);
        assertThat(json).contains("\"to\" : \"northern-shield\"").contains("\"from\" : \"coastal-guard\"")
                .contains("\"confidence\"");
        assertValidAndConvertible(List.of(out));
    }

    /** Actors files that are not registries: the one error line says where and what, and nothing is written. */
    static Stream<Arguments> badActorsFiles() {
        return Stream.of(
                Arguments.of("{\"actors\": [\n", ":2:1: not an actor registry: Unexpected end-of-input"),
                Arguments.of("{\"actors\": [\n {\"id\": \"x\",, }\n]}", ":2:13: not an actor registry: Unexpected character"),
                Arguments.of("{\"actors\": [ {\"id\": \"x\", \"kind\": \"no-such-kind\"} ]}",
                        ": not an actor registry: actor \"x\": unknown kind \"no-such-kind\", expected one of"),
                // an id that is no Wikidata item would make the drafted facts invalid
                Arguments.of("{\"actors\": [ {\"id\": \"north\", \"name\": \"Northern Shield Brigades\", \"kind\": \"armed-group\","
                                + " \"aliases\": [\"Northern Shield Brigades\"], \"wikidata\": \"north-1\"} ]}",
                        ": not an actor registry: actor \"north\": wikidata \"north-1\" is not a Wikidata id"),
                Arguments.of("{\"actors\": [ {\"id\": \"rebels\", \"name\": \"northern rebels\", \"kind\": \"armed-group\","
                                + " \"generic\": true, \"wikidata\": \"Q1\"} ]}",
                        ": not an actor registry: actor \"rebels\": a generic actor has no wikidata id"));
    }

    @ParameterizedTest
    @MethodSource("badActorsFiles")
    void aBadActorsFileIsOneErrorLineAtItsPosition(String content, String expected) throws IOException {
        Path actors = tmp.resolve("mine.json");
        Files.writeString(actors, content);
        Path out = tmp.resolve("out.json");
        CliRun r = CliRun.run("extract", EXAMPLE.toString(), "--actors", actors.toString(), "-o", out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").startsWith("error: " + actors)
                .contains(actors + expected).doesNotContain("REDACTED").doesNotContain("start marker");
        assertThat(out).doesNotExist();
    }

    @Test
    void severalArticlesNeedAnOutputFolder() {
        CliRun r = CliRun.run("extract", EXAMPLE.toString(), EXAMPLE.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("-o DIR");
    }

    private static void assertValidAndConvertible(List<Path> files) {
        List<String> args = new ArrayList<>(List.of("validate"));
        files.forEach(f -> args.add(f.toString()));
        CliRun v = CliRun.run(args.toArray(String[]::new));
        assertThat(v.exitCode()).as(v.out() + v.err()).isZero();
        assertThat(v.err()).doesNotContain("error");
        List<String> conv = new ArrayList<>(List.of("convert"));
        files.forEach(f -> conv.add(f.toString()));
        Path trig = files.get(0).resolveSibling("out.trig");
        conv.add("-o");
        conv.add(trig.toString());
        CliRun c = CliRun.run(conv.toArray(String[]::new));
        assertThat(c.exitCode()).as(c.err()).isZero();
        assertThat(trig).isNotEmptyFile();
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }
}
