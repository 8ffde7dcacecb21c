package org.conflictkg.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FactsReaderTest {

    static final Path EXAMPLE = Path.of("examples/2020-01-31-newarab-saraqeb.facts.json");

    /** The example and, when the shared dev set sits beside the checkout, its gold files. */
    static Stream<Path> goldFiles() throws IOException {
        List<Path> files = new ArrayList<>(List.of(EXAMPLE));
        Path dev = Path.of("../shared/eval/dev");
        if (Files.isDirectory(dev)) {
            try (Stream<Path> s = Files.list(dev)) {
                s.filter(p -> p.toString().endsWith(".facts.json")).sorted().forEach(files::add);
            }
        }
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("goldFiles")
    void readsGoldFacts(Path file) {
        ArticleFacts f = FactsReader.read(file);
        assertThat(f.article().id()).isEqualTo(file.getFileName().toString().replace(".facts.json", ""));
        assertThat(f.events()).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("goldFiles")
    void writerRoundTrips(Path file) {
        ArticleFacts f = FactsReader.read(file);
        ArticleFacts again = FactsReader.read("round-trip", FactsWriter.toJson(f));
        assertThat(again).isEqualTo(f);
    }

    @Test
    void exampleModelHoldsEveryKindOfFact() {
        ArticleFacts f = FactsReader.read(EXAMPLE);
        assertThat(f.article().published()).isEqualTo(ReducedDate.parse("2020-01-31"));
        assertThat(f.article().credits()).containsExactly("afp");
        assertThat(f.actors()).hasSize(10);
        assertThat(f.places()).hasSize(11);
        assertThat(f.highways()).extracting(Highway::id).containsExactly("m5", "m4");
        assertThat(f.events()).filteredOn(Event::isControlChange).extracting(Event::status)
                .containsExactly(Status.IMMINENT, Status.COMPLETED);
        assertThat(f.controlStates()).hasSize(3);
        assertThat(f.figures()).hasSize(11);
        Event bombardment = f.events().stream().filter(e -> e.id().equals("saraqeb-bombardment")).findFirst().orElseThrow();
        assertThat(bombardment.date().interval()).isTrue();
        assertThat(bombardment.date().earliest()).hasToString("2020-01-17");
    }

    @Test
    void messagesCutLongValuesAndShowControlCharacters() {
        String huge = "x".repeat(1_000_000);
        String json = "{\"format\": \"conflict-kg/facts@1\", \"article\": {\"id\": \"a1\", \"title\": \"T\","
                + " \"published\": \"2020-01-01\", \"language\": \"" + huge + "\"},"
                + " \"actors\": [{\"id\": \"" + huge + "\", \"name\": \"A\\u001b[2J\", \"kind\": \"militia\"}]}";
        assertThatThrownBy(() -> FactsReader.read("doc.json", json))
                .isInstanceOfSatisfying(FactsException.class, e -> {
                    assertThat(e.problems()).extracting(Problem::pointer)
                            .contains("/article/language", "/actors/0/kind", "/actors/0/name");
                    assertThat(e.problems()).allSatisfy(p -> assertThat(p.toString()).hasSizeLessThan(400)
                            .doesNotContain("\u001b"));
                    assertThat(e.problems()).filteredOn(p -> p.pointer().equals("/article/language"))
                            .singleElement().satisfies(p -> assertThat(p.message())
                                    .contains("\"" + "x".repeat(Problem.QUOTE_LIMIT) + "\u2026\""));
                    assertThat(e.problems()).filteredOn(p -> p.pointer().equals("/actors/0/name"))
                            .singleElement().satisfies(p -> assertThat(p.message()).contains("U+001B"));
                    assertThat(e.getMessage()).hasSizeLessThan(2000);
                });
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource({
            "overlong slash, c0af",
            "overlong three-byte, e080af",
            "CESU-8 surrogate pair, eda0bdedb880",
            "lone encoded surrogate, eda080",
            "past U+10FFFF, f4908080",
            "cut-off sequence, e282"})
    void malformedUtf8IsRefusedWhereItIs(String what, String hex, @TempDir Path dir) throws IOException {
        byte[] bad = java.util.HexFormat.of().parseHex(hex);
        java.io.ByteArrayOutputStream doc = new java.io.ByteArrayOutputStream();
        doc.write(("{\"format\": \"conflict-kg/facts@1\",\n \"article\": {\"id\": \"a1\", \"title\": \"T")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        doc.write(bad);
        doc.write("\", \"published\": \"2020-01-01\"}}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path file = dir.resolve("bad.facts.json");
        Files.write(file, doc.toByteArray());
        assertThatThrownBy(() -> FactsReader.read(file))
                .isInstanceOfSatisfying(FactsException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.toString()).startsWith(file + ":2:37: ").contains("invalid UTF-8")));
        List<FactsReader.Parsed> lines = new ArrayList<>();
        FactsReader.readEach(file.toString(), new java.io.ByteArrayInputStream(doc.toByteArray()), lines::add);
        assertThat(lines).singleElement().satisfies(p -> assertThat(p.ok()).isFalse());
        assertThat(FactsReader.readLine("x.jsonl", 0, doc.toByteArray(), 5).problems()).singleElement()
                .satisfies(p -> assertThat(p.toString()).startsWith("x.jsonl:6:37: ").contains("invalid UTF-8"));
    }

    @Test
    void aReplacementCharacterInTheTextIsWellFormedAndDoesNotHideAMalformedOneAfterIt() {
        String line = "{\"format\": \"conflict-kg/facts@1\", \"article\": {\"id\": \"a1\", \"title\": \"T\uFFFD\","
                + " \"published\": \"2020-01-01\"}}";
        FactsReader.Parsed ok = FactsReader.readLine("x.jsonl", 0, line.getBytes(java.nio.charset.StandardCharsets.UTF_8), 1);
        assertThat(ok.problems()).isEmpty();
        assertThat(ok.facts().article().title()).isEqualTo("T\uFFFD");

        byte[] bad = line.replace("\"T\uFFFD\"", "\"T\uFFFDxx\"").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int at = indexOf(bad, "xx".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        bad[at] = (byte) 0xc0; // an overlong slash where "xx" was, after the U+FFFD
        bad[at + 1] = (byte) 0xaf;
        assertThat(FactsReader.readLine("x.jsonl", 0, bad, 3).problems()).singleElement()
                .satisfies(p -> assertThat(p.toString()).startsWith("x.jsonl:3:" + (line.indexOf("\uFFFD") + 2) + ": ")
                        .contains("invalid UTF-8"));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void reportsAllErrorsAtOnceWithPositions() {
        String json = """
                {"format": "conflict-kg/facts@1",
                 "article": {"id": "a1", "title": "T", "published": "2020-02-30"},
                 "actors": [{"id": "x", "name": "X", "kind": "militia"}],
                 "events": [{"id": "e", "type": "control-change", "place": "nowhere", "from": "x", "to": "y",
                             "status": "completed"}]}
                """;
        assertThatThrownBy(() -> FactsReader.read("doc.json", json))
                .isInstanceOfSatisfying(FactsException.class, e -> {
                    assertThat(e.problems()).extracting(Problem::pointer).containsExactlyInAnyOrder(
                            "/article/published", "/actors/0/kind", "/events/0/place", "/events/0/to");
                    Problem date = e.problems().get(0);
                    assertThat(date.toString()).startsWith("doc.json:2:");
                    assertThat(e.exitCode()).isEqualTo(2);
                });
    }

    @Test
    void readsJsonLinesAsSeparateDocuments(@TempDir Path dir) throws IOException {
        String one = FactsWriter.toJson(FactsReader.read(EXAMPLE)).replace("\n", " ");
        String bad = "{\"format\": \"conflict-kg/facts@1\", \"article\": {\"id\": \"b\"}}";
        Path f = dir.resolve("corpus.jsonl");
        Files.writeString(f, one + "\n" + bad + "\n" + one + "\n");
        List<FactsReader.Parsed> docs = new ArrayList<>();
        FactsReader.readEach(f, docs::add);
        assertThat(docs).extracting(FactsReader.Parsed::ok).containsExactly(true, false, true);
        assertThat(docs.get(1).errors()).extracting(Problem::line).containsOnly(2L);
    }

    @Test
    void noSuchFileIsBadInput() {
        Assumptions.assumeFalse(Files.exists(Path.of("nope.json")));
        assertThatThrownBy(() -> FactsReader.read(Path.of("nope.json")))
                .isInstanceOf(FactsException.class).hasMessageContaining("nope.json").hasMessageContaining("no such file");
    }
}
