package org.conflictkg.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.conflictkg.synth.CorpusGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The token-stream binder reads a document without a tree only when the located tree and
 * {@link FactsBinder} would find no problem in it, and then binds the same model; for anything
 * else it gives up and the full reading says what is wrong. Each case below is read both ways.
 */
class FactsStreamBinderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the full reading (located tree, binder, checks) gives for {@code bytes}. */
    private static FactsReader.Parsed full(byte[] bytes) {
        List<FactsReader.Parsed> all = new ArrayList<>();
        FactsReader.readEach("doc.json", new ByteArrayInputStream(bytes), all::add);
        assertThat(all).as("documents").isNotEmpty();
        return all.get(0);
    }

    /**
     * Asserts the two readings agree: the stream binder gives a model exactly when the full
     * reading finds no problem (error or warning), and then the same model.
     */
    private static void agree(String what, byte[] bytes) {
        FactsReader.Parsed full = full(bytes);
        ArticleFacts fast = FactsStreamBinder.bind(bytes);
        if (full.problems().isEmpty()) {
            assertThat(fast).as("%s: bound from the stream as by the tree", what).isEqualTo(full.facts());
        } else {
            assertThat(fast).as("%s: the stream binder gives up on a document with problems %s", what,
                    full.problems()).isNull();
        }
        // What the pipeline's reading of one line gives is the full reading's, problems and all.
        FactsReader.Parsed line = FactsReader.readLine("doc.json", 0, bytes, 1);
        assertThat(line.facts()).as(what).isEqualTo(full.facts());
        assertThat(line.problems()).as(what).isEqualTo(full.problems());
    }

    static Stream<FactsSchemaTest.SchemaCase> schemaCases() throws IOException {
        return FactsSchemaTest.cases();
    }

    /** Every change of the schema case table, accepted or rejected, applied to the example. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaCases")
    void schemaCasesReadAlike(FactsSchemaTest.SchemaCase c) throws IOException {
        JsonNode doc = JSON.readTree(FactsReaderTest.EXAMPLE.toFile());
        for (FactsSchemaTest.Change ch : c.changes()) {
            FactsSchemaTest.apply(doc, ch);
        }
        agree(c.name(), JSON.writeValueAsBytes(doc));
    }

    static Stream<Path> badInputs() throws IOException {
        try (Stream<Path> s = Files.list(FactsSplitterTest.BAD)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    /** The bad inputs of the command tests (syntax errors, duplicate fields, bad UTF-8, ...). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputsAreLeftToTheFullReading(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertThat(FactsStreamBinder.bind(bytes)).as(file.toString()).isNull();
        if (bytes.length > 0) {
            agree(file.toString(), bytes);
        }
    }

    @Test
    void theExampleAndGeneratedArticlesAreBoundFromTheStream() throws IOException {
        agree("example", Files.readAllBytes(FactsReaderTest.EXAMPLE));
        assertThat(FactsStreamBinder.bind(Files.readAllBytes(FactsReaderTest.EXAMPLE))).isNotNull();
        for (String line : generated(30)) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            assertThat(FactsStreamBinder.bind(bytes)).isNotNull();
            agree("generated", bytes);
        }
    }

    @Test
    void invalidUtf8AndControlCharactersAreLeftToTheFullReading() throws IOException {
        String ok = generated(1).get(0);
        byte[] overlong = ok.replaceFirst("\"title\":\"", "\"title\":\"@@").getBytes(StandardCharsets.UTF_8);
        int at = new String(overlong, StandardCharsets.ISO_8859_1).indexOf("@@");
        overlong[at] = (byte) 0xC0;  // an overlong '/' that a lenient decoder would read
        overlong[at + 1] = (byte) 0xAF;
        agree("overlong", overlong);
        assertThat(FactsStreamBinder.bind(overlong)).isNull();
        for (String control : List.of("\\u0007", "\\u001b", "\\u007f", "\\u0085", "\\t", "\\n")) {
            byte[] bytes = ok.replace("\"title\":\"", "\"title\":\"" + control)
                    .getBytes(StandardCharsets.UTF_8);
            agree("control " + control + " in the title", bytes);
            assertThat(FactsStreamBinder.bind(bytes)).isNull();
        }
        // The body may hold tabs and line breaks (added at its end, so that the evidence still matches).
        ObjectNode doc = (ObjectNode) JSON.readTree(ok);
        ObjectNode article = (ObjectNode) doc.get("article");
        article.put("text", article.get("text").asText() + "\t\r\n");
        byte[] bytes = JSON.writeValueAsBytes(doc);
        agree("line break in the body", bytes);
        assertThat(FactsStreamBinder.bind(bytes)).isNotNull();
    }

    /**
     * Random changes of generated articles: each field removed, nulled, made blank, given a value
     * of another type or an out-of-range one, an unknown field added, a repeated field, and so on.
     */
    @Test
    void randomChangesReadAlike() throws IOException {
        Random random = new Random(18);
        List<String> lines = generated(24);
        List<JsonNode> values = List.of(JsonNodeFactory.instance.nullNode(), JsonNodeFactory.instance.textNode(""),
                JsonNodeFactory.instance.textNode(" "), JsonNodeFactory.instance.textNode("x"),
                JsonNodeFactory.instance.textNode("Q1"), JsonNodeFactory.instance.textNode("2020-02-30"),
                JsonNodeFactory.instance.textNode("2020-13"), JsonNodeFactory.instance.textNode("2019"),
                JsonNodeFactory.instance.textNode("0000-00"), JsonNodeFactory.instance.textNode("a\u0000b"),
                JsonNodeFactory.instance.numberNode(-1), JsonNodeFactory.instance.numberNode(0),
                JsonNodeFactory.instance.numberNode(7), JsonNodeFactory.instance.numberNode(2_147_483_648L),
                JsonNodeFactory.instance.numberNode(new java.math.BigDecimal("0.50")),
                JsonNodeFactory.instance.numberNode(1.5), JsonNodeFactory.instance.booleanNode(true),
                JsonNodeFactory.instance.arrayNode(), JsonNodeFactory.instance.objectNode(),
                JsonNodeFactory.instance.textNode("completed"), JsonNodeFactory.instance.textNode("city"),
                JsonNodeFactory.instance.textNode("https://example.org/a"),
                JsonNodeFactory.instance.textNode("control-change"));
        int cases = 0;
        for (String line : lines) {
            for (int k = 0; k < 40; k++) {
                JsonNode doc = JSON.readTree(line);
                List<JsonNode> containers = new ArrayList<>();
                collect(doc, containers);
                JsonNode target = containers.get(random.nextInt(containers.size()));
                String text;
                if (target instanceof ObjectNode o && o.size() > 0) {
                    List<String> names = new ArrayList<>();
                    o.fieldNames().forEachRemaining(names::add);
                    String name = names.get(random.nextInt(names.size()));
                    switch (random.nextInt(5)) {
                        case 0 -> o.remove(name);
                        case 1 -> o.set("unknownField", values.get(random.nextInt(values.size())));
                        case 2 -> o.set(name, JSON.readTree(JSON.writeValueAsString(o.get(name))));
                        default -> o.set(name, values.get(random.nextInt(values.size())));
                    }
                    text = JSON.writeValueAsString(doc);
                    if (random.nextInt(8) == 0) {
                        // Repeat a member of some object: the tree model cannot say that, the text can.
                        String member = "\"" + name + "\":";
                        int at = text.indexOf(member);
                        if (at >= 0) {
                            int open = text.lastIndexOf('{', at);
                            text = text.substring(0, open + 1) + member + "null," + text.substring(open + 1);
                        }
                    }
                } else if (target instanceof ArrayNode a && a.size() > 0) {
                    int i = random.nextInt(a.size());
                    if (random.nextBoolean()) {
                        a.remove(i);
                    } else {
                        a.set(i, values.get(random.nextInt(values.size())));
                    }
                    text = JSON.writeValueAsString(doc);
                } else {
                    continue;
                }
                agree("change " + k + " of " + line.substring(0, 80), text.getBytes(StandardCharsets.UTF_8));
                cases++;
            }
        }
        assertThat(cases).isGreaterThan(800);
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainerNode()) {
            out.add(node);
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                collect(it.next().getValue(), out);
            }
            if (node.isArray()) {
                node.forEach(e -> collect(e, out));
            }
        }
    }

    private static List<String> generated(int n) {
        StringWriter w = new StringWriter();
        CorpusGenerator.create().seed(18).build().write(w, 0, n);
        return w.toString().lines().toList();
    }
}
