package org.conflictkg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.conflictkg.facts.ArticleFacts;
import org.conflictkg.facts.FactsReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The save path of a review folder: checked before written, atomic, nothing lost on a refusal. */
class ReviewFolderTest {
    static final Path FIXTURE = Path.of("src/test/resources/org/conflictkg/server/review");
    static final String NAME = "tel-qasr";

    @TempDir
    Path dir;
    ReviewFolder folder;
    List<Path> loaded = new ArrayList<>();

    /** A review folder holding the fixture article, as the review command leaves it. */
    static ReviewFolder.Builder fixtureFolder(Path dir) throws IOException {
        ReviewFolder.Builder b = ReviewFolder.create(dir);
        b.build().add(NAME, Files.readString(FIXTURE.resolve(NAME + ".draft.json")), FIXTURE.resolve(NAME + ".txt"));
        return b;
    }

    @BeforeEach
    void setUp() throws IOException {
        folder = fixtureFolder(dir).reviewer("desk-1")
                .clock(Clock.fixed(Instant.parse("2026-12-04T23:30:00Z"), ZoneOffset.UTC))
                .loader(p -> {
                    loaded.add(p);
                    return "1 loaded";
                }).build();
    }

    ObjectNode draft() {
        return (ObjectNode) folder.article(NAME).get("draft").deepCopy();
    }

    /** A save body: the document and one item per fact of its lists, all with {@code decision}. */
    static ObjectNode body(ObjectNode document, String decision, boolean reviewed) {
        ObjectNode b = ReviewFolder.MAPPER.createObjectNode();
        b.set("document", document);
        ArrayNode items = b.putArray("items");
        for (String kind : List.of("events", "controlStates", "figures", "actors", "places")) {
            int n = 0;
            for (JsonNode f : document.path(kind)) {
                items.addObject().put("kind", kind).put("key", kind + "/" + n++).put("decision", decision).set("fact", f);
            }
        }
        b.put("reviewed", reviewed);
        return b;
    }

    @Test
    void theFolderHoldsTheArticleAndItsDraftUnchanged() throws IOException {
        assertThat(folder.names()).containsExactly(NAME);
        assertThat(Files.readString(dir.resolve(NAME + ".txt"))).isEqualTo(Files.readString(FIXTURE.resolve(NAME + ".txt")));
        assertThat(Files.readString(dir.resolve(NAME + ".draft.json")))
                .isEqualTo(Files.readString(FIXTURE.resolve(NAME + ".draft.json")));
        assertThat(folder.add(NAME, "{}", null)).as("an article already there keeps its draft").isFalse();
        assertThat(folder.queue().get("reviewed").asInt()).isZero();
        assertThat(folder.queue().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void aSaveInProgressKeepsTheStateAndWritesNoReviewedDocument() {
        ReviewFolder.Saved s = folder.save(NAME, body(draft(), "undecided", false));
        assertThat(s.reviewed()).isFalse();
        assertThat(dir.resolve(NAME + ".state")).exists();
        assertThat(dir.resolve(NAME + ".json")).doesNotExist();
        assertThat(folder.article(NAME).get("state").get("items")).hasSize(9);
        assertThat(loaded).isEmpty();
    }

    @Test
    void aReviewedSaveWritesAValidDocumentWithItsReviewAndLoadsIt() {
        ObjectNode doc = draft();
        ((ArrayNode) doc.get("events")).remove(1);
        ReviewFolder.Saved s = folder.save(NAME, body(doc, "accepted", true));
        assertThat(s.reviewed()).isTrue();
        assertThat(s.reviewedCount()).isEqualTo(1);
        assertThat(s.loaded()).isEqualTo("1 loaded");
        Path reviewed = dir.resolve(NAME + ".json");
        assertThat(loaded).containsExactly(reviewed);
        ArticleFacts facts = FactsReader.read(reviewed);
        assertThat(facts.events()).hasSize(1);
        JsonNode review = folder.article(NAME).get("reviewedDocument").get("review");
        assertThat(review.get("reviewer").asText()).isEqualTo("desk-1");
        assertThat(review.get("reviewedAt").asText()).isEqualTo("2026-12-04T23:30:00Z");
        assertThat(review.get("draft").asText()).isEqualTo(NAME + ".draft.json");
        assertThat(folder.reviewed(NAME)).isTrue();
    }

    @Test
    void aDocumentThatDoesNotReadIsRefusedWithTheReadersMessageAndTheFilesStayAsTheyWere() throws IOException {
        folder.save(NAME, body(draft(), "accepted", true));
        byte[] reviewedBefore = Files.readAllBytes(dir.resolve(NAME + ".json"));
        byte[] stateBefore = Files.readAllBytes(dir.resolve(NAME + ".state"));
        ObjectNode bad = draft();
        ((ObjectNode) bad.get("events").get(0)).put("from", "nobody");
        assertThatThrownBy(() -> folder.save(NAME, body(bad, "accepted", true)))
                .isInstanceOf(ReviewFolder.SaveException.class)
                .hasMessageContaining("/events/0/from").hasMessageContaining("nobody");
        ObjectNode badQuote = draft();
        ((ObjectNode) badQuote.get("figures").get(0).get("evidence").get(0)).put("start", 3);
        assertThatThrownBy(() -> folder.save(NAME, body(badQuote, "accepted", true)))
                .isInstanceOf(ReviewFolder.SaveException.class).hasMessageContaining("/figures/0/evidence/0");
        assertThat(Files.readAllBytes(dir.resolve(NAME + ".json"))).isEqualTo(reviewedBefore);
        assertThat(Files.readAllBytes(dir.resolve(NAME + ".state"))).isEqualTo(stateBefore);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("no temporary file left behind")
                    .containsExactlyInAnyOrder(NAME + ".txt", NAME + ".draft.json", NAME + ".json", NAME + ".state");
        }
    }

    @Test
    void anArticleIsReviewedOnlyWhenEveryFactIsDecided() {
        assertThatThrownBy(() -> folder.save(NAME, body(draft(), "undecided", true)))
                .isInstanceOf(ReviewFolder.SaveException.class).hasMessageContaining("9 facts are still undecided");
        assertThat(dir.resolve(NAME + ".json")).doesNotExist();
        assertThat(dir.resolve(NAME + ".state")).doesNotExist();
    }

    @Test
    void theArticleItselfCannotBeChanged() {
        ObjectNode doc = draft();
        ((ObjectNode) doc.get("article")).put("title", "Another title");
        assertThatThrownBy(() -> folder.save(NAME, body(doc, "accepted", false)))
                .isInstanceOf(ReviewFolder.SaveException.class).hasMessageContaining("/article");
    }

    @Test
    void onlyArticlesOfTheFolderCanBeSaved() {
        for (String name : new String[] {"../tel-qasr", "other", ".hidden", "a/b", ""}) {
            assertThatThrownBy(() -> folder.save(name, body(draft(), "accepted", false)))
                    .as(name).isInstanceOf(ReviewFolder.SaveException.class);
        }
        assertThatThrownBy(() -> folder.save(NAME, ReviewFolder.MAPPER.createObjectNode()))
                .isInstanceOf(ReviewFolder.SaveException.class).hasMessageContaining("expected {\"document\"");
    }

    @Test
    void aReviewedDocumentKeepsTheDraftsTextByteForByte() throws IOException {
        folder.save(NAME, body(draft(), "accepted", true));
        String text = FactsReader.read(dir.resolve(NAME + ".json")).article().text();
        String draftText = FactsReader.read(dir.resolve(NAME + ".draft.json")).article().text();
        assertThat(text).isEqualTo(draftText);
        assertThat(Files.readString(dir.resolve(NAME + ".json"), StandardCharsets.UTF_8)).contains("\uD83D\uDE4F");
    }
}
