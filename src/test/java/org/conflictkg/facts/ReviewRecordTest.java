package org.conflictkg.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;

import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.conflictkg.rdf.FactsToRdf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The review record, an optional top-level object of a facts document: read, written back right
 * after "format", errors at their pointer; documents without it are written exactly as before.
 */
class ReviewRecordTest {

    private static final Review REVIEW = new Review("A. Analyst", Instant.parse("2026-12-04T23:10:00Z"),
            "2020-01-31-newarab-saraqeb.draft.json");

    private static String withReview(String reviewJson) throws IOException {
        String json = Files.readString(FactsReaderTest.EXAMPLE);
        return json.replaceFirst("\\{", "{\"review\": " + reviewJson.replace("\\", "\\\\").replace("$", "\\$") + ",");
    }

    @Test
    void aReviewedDocumentIsReadAndWrittenBack() throws IOException {
        ArticleFacts f = FactsReader.read("reviewed.json", withReview(
                "{\"reviewer\": \"A. Analyst\", \"reviewedAt\": \"2026-12-04T23:10:00Z\", "
                        + "\"draft\": \"2020-01-31-newarab-saraqeb.draft.json\"}"));
        assertThat(f.review()).isEqualTo(REVIEW);
        assertThat(f.withReview(null)).isEqualTo(FactsReader.read(FactsReaderTest.EXAMPLE));
        String written = FactsWriter.toJson(f);
        assertThat(written).startsWith("{\n  \"format\" : \"conflict-kg/facts@1\",\n  \"review\" : {\n"
                + "    \"reviewer\" : \"A. Analyst\",\n    \"reviewedAt\" : \"2026-12-04T23:10:00Z\",\n"
                + "    \"draft\" : \"2020-01-31-newarab-saraqeb.draft.json\"\n  },\n  \"article\" : {");
        assertThat(FactsReader.read("again.json", written)).isEqualTo(f);
    }

    @Test
    void anOffsetIsTheSameInstant() throws IOException {
        ArticleFacts f = FactsReader.read("offset.json", withReview(
                "{\"reviewer\": \"desk\", \"reviewedAt\": \"2026-12-05T00:10:00+01:00\"}"));
        assertThat(f.review()).isEqualTo(new Review("desk", Instant.parse("2026-12-04T23:10:00Z")));
        assertThat(FactsWriter.toJson(f)).contains("\"reviewedAt\" : \"2026-12-04T23:10:00Z\"").doesNotContain("draft");
    }

    @Test
    void aDocumentWithoutReviewIsWrittenExactlyAsBefore() {
        ArticleFacts f = FactsReader.read(FactsReaderTest.EXAMPLE);
        assertThat(f.review()).isNull();
        String plain = FactsWriter.toJson(f);
        String reviewed = FactsWriter.toJson(f.withReview(REVIEW));
        assertThat(plain).doesNotContain("\"review\"");
        // The record is one object after "format"; taking it out gives the document without it, byte for byte.
        String record = reviewed.substring(reviewed.indexOf("  \"review\""), reviewed.indexOf("  \"article\""));
        assertThat(reviewed.replace(record, "")).isEqualTo(plain);
    }

    @Test
    void theReviewRecordDoesNotReachTheGraph() {
        ArticleFacts f = FactsReader.read(FactsReaderTest.EXAMPLE);
        DatasetGraph plain = convert(f);
        assertThat(plain.isEmpty()).isFalse();
        assertThat(IsoMatcher.isomorphic(convert(f.withReview(REVIEW)), plain)).isTrue();
    }

    private static DatasetGraph convert(ArticleFacts f) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        FactsToRdf.create().build().convert(f, StreamRDFLib.dataset(dsg));
        return dsg;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"reviewer": "a", "reviewedAt": "2026-12-04T23:10:00Z", "by": "b"}      | /review/by         | unknown field "by"
            {"reviewedAt": "2026-12-04T23:10:00Z"}                                  | /review            | missing required field "reviewer"
            {"reviewer": "a"}                                                       | /review            | missing required field "reviewedAt"
            {"reviewer": "a", "reviewedAt": "2026-12-04 23:10"}                     | /review/reviewedAt | is not an ISO 8601 instant
            {"reviewer": "a", "reviewedAt": "2026-12-04T23:10:00Z", "draft": "../x"} | /review/draft     | is not a file name beside the document
            "a"                                                                     | /review            | expected the review record
            """)
    void aBadReviewIsAnErrorAtItsPointer(String review, String pointer, String message) throws IOException {
        String json = withReview(review);
        FactsException e = catchThrowableOfType(FactsException.class, () -> FactsReader.read("bad.json", json));
        assertThat(e).isNotNull();
        assertThat(e.problems()).filteredOn(Problem::isError).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo(pointer);
            assertThat(p.message()).contains(message);
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.source()).isEqualTo("bad.json");
        });
    }

    @Test
    void theModelRefusesWhatTheFormatRefuses() {
        Instant at = Instant.parse("2026-12-04T23:10:00Z");
        assertThatThrownBy(() -> new Review(" ", at)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Review("a", null)).isInstanceOf(NullPointerException.class);
        for (String bad : new String[] {"a/b.json", "a\\b.json", "..", ".", ""}) {
            assertThatThrownBy(() -> new Review("a", at, bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(new Review("a", at, "x.draft.json").draft()).isEqualTo("x.draft.json");
    }
}
