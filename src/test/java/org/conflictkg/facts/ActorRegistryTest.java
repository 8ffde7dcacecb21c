package org.conflictkg.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ActorRegistryTest {

    private final ActorRegistry registry = ActorRegistry.bundled();

    @Test
    void aliasesResolveToOneActor() {
        assertThat(registry.byName("regime forces")).map(ActorRegistry.Entry::id).hasValue("syrian-government");
        assertThat(registry.byName("Government troops")).map(ActorRegistry.Entry::id).hasValue("syrian-government");
        assertThat(registry.byName("the Syrian army")).map(ActorRegistry.Entry::id).hasValue("syrian-government");
        assertThat(registry.byName("Damascus")).isEmpty();
        assertThat(registry.byMetonym("Damascus")).map(ActorRegistry.Entry::id).hasValue("syrian-government");
    }

    /** Every organised actor (not a person) of the gold files resolves, to an actor of the same side. */
    @ParameterizedTest
    @MethodSource("org.conflictkg.facts.FactsReaderTest#goldFiles")
    void coversGoldActors(Path file) {
        ArticleFacts facts = FactsReader.read(file);
        for (Actor a : facts.actors()) {
            // People, and groups described rather than named ("local tribal elders"), stay article-local.
            if (a.kind() == ActorKind.PERSON || a.id().equals("tribal-elders")) {
                continue;
            }
            assertThat(registry.resolve(a)).as("%s in %s", a.id(), file).isPresent();
            if (a.side() != null) {
                String side = registry.resolve(a).orElseThrow().side();
                assertThat(registry.coarseSide(side)).as("side of %s", a.id()).isEqualTo(registry.coarseSide(a.side()));
            }
        }
    }

    @Test
    void coarseSidesGroupAllies() {
        assertThat(registry.coarseSide("turkish-backed")).isEqualTo("opposition");
        assertThat(registry.coarseSide("kurdish-led")).isEqualTo("kurdish");
        assertThat(registry.coarseSide("somebody-new")).isEqualTo("somebody-new");
    }

    @Test
    void wikidataIdsAreWellFormedAndUnique() {
        java.util.Map<String, String> seen = new java.util.HashMap<>();
        for (ActorRegistry.Entry e : ActorRegistry.bundled().entries()) {
            if (e.wikidata() == null) {
                continue;
            }
            assertThat(e.wikidata()).as("Wikidata id of %s", e.id()).matches("Q[1-9][0-9]*");
            assertThat(seen.put(e.wikidata(), e.id())).as("%s used by %s and %s", e.wikidata(), seen.get(e.wikidata()), e.id())
                    .isNull();
        }
        assertThat(seen).containsEntry("Q7747", "vladimir-putin").containsEntry("Q130879", "reuters")
                .containsEntry("Q28877411", "jnim");
    }

    /**
     * The registry marks descriptions of a side ("Syrian rebels") with "generic": true. They are no
     * single organisation, so they carry no Wikidata id; the marker names only actors the registry has.
     */
    @Test
    void genericActorsAreMarkedAndCarryNoWikidataId() throws IOException {
        JsonNode root;
        try (InputStream in = ActorRegistry.class.getResourceAsStream("/reference/actors.json")) {
            root = new ObjectMapper().readTree(in);
        }
        List<String> generic = new ArrayList<>();
        for (JsonNode a : root.path("actors")) {
            JsonNode mark = a.path("generic");
            assertThat(mark.isMissingNode() || mark.isBoolean()).as("generic of %s is true or false", a.path("id")).isTrue();
            if (mark.asBoolean(false)) {
                generic.add(a.path("id").asText());
                assertThat(a.has("wikidata")).as("generic actor %s with a Wikidata id", a.path("id")).isFalse();
            }
        }
        assertThat(generic).contains("syrian-opposition", "myanmar-resistance")
                .doesNotContain("hts", "rsf", "islamic-state");
        generic.forEach(id -> assertThat(registry.byId(id)).as(id).isPresent());
    }

    @Test
    void unknownActorsDoNotResolve() {
        Actor a = new Actor("x", "Brigade of the Example", ActorKind.ARMED_GROUP, null, java.util.List.of("the brigade"),
                java.util.List.of(), null, null, java.util.List.of(), null, null, null);
        assertThat(registry.resolve(a)).isEmpty();
    }
}
