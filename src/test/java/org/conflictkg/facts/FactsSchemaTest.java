package org.conflictkg.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.conflictkg.rdf.FactsToRdf;
import org.conflictkg.rdf.ShapesLib;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bundled JSON Schema for facts@1 accepts and rejects what {@link FactsReader} does, and what
 * both accept converts to a graph that conforms to the SHACL shapes.
 */
class FactsSchemaTest {

    static final String SCHEMA_ID = "https://w3id.org/conflict-kg/schema/facts-1.schema.json";
    static final ObjectMapper JSON = new ObjectMapper();
    // The schema's own id resolves to the bundled copy; loading anything but classpath resources
    // fails, so validation never touches the network.
    static final JsonSchema SCHEMA = JsonSchemaFactory
            .getInstance(SpecVersion.VersionFlag.V202012, b -> b
                    .schemaMappers(m -> m.mapPrefix("https://w3id.org/conflict-kg/schema/", "classpath:schema/"))
                    .schemaLoaders(l -> l.values(list -> list.add(0,
                            new AllowSchemaLoader(iri -> iri.toString().startsWith("classpath:"))))))
            .getSchema(SchemaLocation.of(SCHEMA_ID));

    static Stream<Path> goldFiles() throws IOException {
        return FactsReaderTest.goldFiles();
    }

    @ParameterizedTest
    @MethodSource("goldFiles")
    void goldFactsMatchTheSchema(Path file) throws IOException {
        Set<ValidationMessage> errors = SCHEMA.validate(JSON.readTree(file.toFile()));
        assertThat(errors).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("goldFiles")
    void writerOutputMatchesTheSchema(Path file) throws IOException {
        String written = FactsWriter.toJson(FactsReader.read(file));
        assertThat(SCHEMA.validate(JSON.readTree(written))).isEmpty();
    }

    @Test
    void writerOutputWithAReviewRecordMatchesTheSchema() throws IOException {
        ArticleFacts reviewed = FactsReader.read(FactsReaderTest.EXAMPLE).withReview(new Review("A. Analyst",
                java.time.Instant.parse("2026-12-04T23:10:00.123456789Z"), "2020-01-31-newarab-saraqeb.draft.json"));
        String written = FactsWriter.toJson(reviewed);
        assertThat(written).contains("\"reviewedAt\" : \"2026-12-04T23:10:00.123456789Z\"");
        assertThat(SCHEMA.validate(JSON.readTree(written))).isEmpty();
        assertThat(FactsReader.read("reviewed", written)).isEqualTo(reviewed);
    }

    @Test
    void schemaDeclaresDraft202012AndItsId() throws IOException {
        try (InputStream in = FactsSchemaTest.class.getResourceAsStream("/schema/facts-1.schema.json")) {
            JsonNode schema = JSON.readTree(in);
            assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(schema.path("$id").asText()).isEqualTo(SCHEMA_ID);
        }
    }

    @Test
    void schemaListsTheClosedValuesOfTheModel() throws IOException {
        JsonNode defs;
        try (InputStream in = FactsSchemaTest.class.getResourceAsStream("/schema/facts-1.schema.json")) {
            defs = JSON.readTree(in).path("$defs");
        }
        assertThat(texts(defs.at("/actor/properties/kind/enum"))).containsExactlyInAnyOrderElementsOf(codes(ActorKind.class));
        assertThat(texts(defs.at("/place/properties/kind/enum"))).containsExactlyInAnyOrderElementsOf(codes(PlaceKind.class));
        assertThat(texts(defs.at("/status/enum"))).containsExactlyInAnyOrderElementsOf(codes(Status.class));
        assertThat(texts(defs.at("/figure/properties/qualifier/enum"))).containsExactlyInAnyOrderElementsOf(codes(Qualifier.class));
        // The fields each object allows are the binder's.
        assertThat(fieldNames(defs.at("/article/properties"))).isEqualTo(FactsBinder.ARTICLE);
        assertThat(fieldNames(defs.at("/actor/properties"))).isEqualTo(FactsBinder.ACTOR);
        assertThat(fieldNames(defs.at("/place/properties"))).isEqualTo(FactsBinder.PLACE);
        assertThat(fieldNames(defs.at("/highway/properties"))).isEqualTo(FactsBinder.HIGHWAY);
        assertThat(fieldNames(defs.at("/event/properties"))).isEqualTo(FactsBinder.EVENT);
        assertThat(fieldNames(defs.at("/controlState/properties"))).isEqualTo(FactsBinder.STATE);
        assertThat(fieldNames(defs.at("/figure/properties"))).isEqualTo(FactsBinder.FIGURE);
        assertThat(fieldNames(defs.at("/evidence/items/properties"))).isEqualTo(FactsBinder.EVIDENCE);
        assertThat(fieldNames(defs.at("/review/properties"))).isEqualTo(FactsBinder.REVIEW);
    }

    @Test
    void schemaListsTheTopLevelFieldsOfTheBinder() throws IOException {
        try (InputStream in = FactsSchemaTest.class.getResourceAsStream("/schema/facts-1.schema.json")) {
            assertThat(fieldNames(JSON.readTree(in).path("properties"))).isEqualTo(FactsBinder.TOP);
        }
    }

    // ------------------------------------------------------------------ changed documents

    /** One line of the case table. */
    record Change(String op, String pointer, JsonNode value) {
    }

    record SchemaCase(String name, boolean accept, List<Change> changes) {
        @Override
        public String toString() {
            return name + (accept ? " (accepted)" : " (rejected)");
        }
    }

    static Stream<SchemaCase> cases() throws IOException {
        Map<String, SchemaCase> cases = new LinkedHashMap<>();
        try (InputStream in = FactsSchemaTest.class.getResourceAsStream("schema-cases.tsv")) {
            String table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : table.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                JsonNode value = f.length > 4 ? JSON.readTree(f[4]) : null;
                SchemaCase c = cases.computeIfAbsent(f[0], n -> new SchemaCase(n, f[1].equals("accept"), new ArrayList<>()));
                assertThat(c.accept()).as("expect column of %s", f[0]).isEqualTo(f[1].equals("accept"));
                c.changes().add(new Change(f[2], f[3], value));
            }
        }
        assertThat(cases.values()).filteredOn(c -> !c.accept()).hasSizeGreaterThanOrEqualTo(10);
        return cases.values().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void schemaAndReaderAgree(SchemaCase c) throws IOException {
        JsonNode doc = JSON.readTree(FactsReaderTest.EXAMPLE.toFile());
        for (Change ch : c.changes()) {
            apply(doc, ch);
        }
        String text = JSON.writeValueAsString(doc);
        Set<ValidationMessage> schemaErrors = SCHEMA.validate(doc);
        if (c.accept()) {
            assertThat(schemaErrors).as("schema errors").isEmpty();
            ArticleFacts facts = FactsReader.read(c.name(), text);
            // What the reader accepts converts to a graph the shapes accept.
            DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
            FactsToRdf.create().build().convert(facts, StreamRDFLib.dataset(dsg));
            ValidationReport report = ShapesLib.validate(dsg);
            assertThat(report.conforms()).as(() -> String.join("\n", ShapesLib.describe(report))).isTrue();
        } else {
            assertThat(schemaErrors).as("schema errors").isNotEmpty();
            FactsException e = catchThrowableOfType(FactsException.class, () -> FactsReader.read(c.name(), text));
            assertThat(e).as("the reader rejects it").isNotNull();
            // The reader's error is at the changed field, at an object holding it, or within the same object.
            String at = c.changes().get(0).pointer();
            String object = at.substring(0, at.lastIndexOf('/'));
            assertThat(e.problems()).filteredOn(Problem::isError).as("reader errors")
                    .anySatisfy(p -> assertThat(at.startsWith(p.pointer() + "/") || at.equals(p.pointer())
                            || p.pointer().startsWith(object + "/")).as("%s relates to %s", p.pointer(), at).isTrue());
        }
    }

    @Test
    void malformedJsonIsRejectedByTheReader() {
        assertThatThrownBy(() -> FactsReader.read("broken", "{\"format\": ")).isInstanceOf(FactsException.class);
    }

    // ------------------------------------------------------------------ helpers

    static void apply(JsonNode doc, Change ch) {
        JsonPointer ptr = JsonPointer.compile(ch.pointer());
        JsonNode parent = doc.at(ptr.head());
        String last = ptr.last().getMatchingProperty();
        assertThat(parent.isMissingNode()).as("%s exists", ptr.head()).isFalse();
        switch (ch.op()) {
            case "remove" -> {
                if (parent instanceof ArrayNode a) {
                    a.remove(Integer.parseInt(last));
                } else {
                    assertThat(((ObjectNode) parent).remove(last)).as("%s exists", ch.pointer()).isNotNull();
                }
            }
            case "set" -> {
                if (parent instanceof ArrayNode a) {
                    a.set(Integer.parseInt(last), ch.value());
                } else {
                    ((ObjectNode) parent).set(last, ch.value());
                }
            }
            default -> throw new IllegalArgumentException("unknown op " + ch.op());
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> {
            if (!n.isNull()) {
                out.add(n.asText());
            }
        });
        return out;
    }

    private static <E extends Enum<E> & FactsEnum> List<String> codes(Class<E> type) {
        return Stream.of(type.getEnumConstants()).map(FactsEnum::code).toList();
    }

    private static Set<String> fieldNames(JsonNode properties) {
        List<String> names = new ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names.stream().collect(Collectors.toSet());
    }
}
