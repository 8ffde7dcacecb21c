package org.conflictkg.rdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.conflictkg.facts.ActorRegistry;
import org.conflictkg.facts.ArticleFacts;
import org.conflictkg.facts.FactsReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Wikidata ids of the actor registry reach the graph: an article naming a registry actor gets,
 * on that actor's registry node, {@code ckg:wikidataId} and {@code skos:exactMatch} to the Wikidata
 * entity; an actor without an id (a generic one such as "Syrian rebels") gets neither.
 */
class RegistryWikidataRdfTest {

    private static final ActorRegistry REGISTRY = ActorRegistry.bundled();

    static Stream<ActorRegistry.Entry> actorsWithIds() {
        return REGISTRY.entries().stream().filter(e -> e.wikidata() != null);
    }

    /** The example article with one more actor: the registry's {@code e}, by its canonical name. */
    private static DatasetGraph exampleNaming(ActorRegistry.Entry e) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode doc = (ObjectNode) json.readTree(Files.readString(RdfTestLib.EXAMPLE));
        ArrayNode actors = (ArrayNode) doc.get("actors");
        for (int i = actors.size() - 1; i >= 0; i--) {
            if (actors.get(i).path("id").asText().equals(e.id())) {
                actors.remove(i); // the example names it already: use the registry's name instead
            }
        }
        actors.addObject().put("id", e.id()).put("name", e.name()).put("kind", e.kind().code());
        ArticleFacts f = FactsReader.read("with-" + e.id() + ".json", json.writeValueAsString(doc));
        return RdfTestLib.convert(f);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actorsWithIds")
    void idReachesTheRegistryActorNode(ActorRegistry.Entry e) throws IOException {
        DatasetGraph ds = exampleNaming(e);
        Node actor = IriLib.registryActor(e.id());
        assertThat(objects(ds, actor, CKG.wikidataId)).as("ckg:wikidataId of %s", e.id())
                .containsExactly(NodeFactory.createLiteralString(e.wikidata()));
        assertThat(objects(ds, actor, CKG.skos_exactMatch)).as("skos:exactMatch of %s", e.id())
                .contains(IriLib.wikidataEntity(e.wikidata()));
    }

    @Test
    void actorsWithIdsIncludeArmedGroupsNotOnlyStatesAndPeople() {
        assertThat(actorsWithIds().map(ActorRegistry.Entry::id)).contains("jnim", "wagner", "ypg");
    }

    @Test
    void aGenericActorGetsNoWikidataLink() throws IOException {
        ActorRegistry.Entry rebels = REGISTRY.byId("syrian-opposition").orElseThrow();
        assertThat(rebels.wikidata()).isNull();
        DatasetGraph ds = exampleNaming(rebels);
        Node actor = IriLib.registryActor(rebels.id());
        assertThat(objects(ds, actor, CKG.wikidataId)).isEmpty();
        assertThat(objects(ds, actor, CKG.skos_exactMatch)).isEmpty();
    }

    private static List<Node> objects(DatasetGraph ds, Node s, Node p) {
        return ds.stream(Node.ANY, s, p, Node.ANY).map(q -> q.getObject()).distinct().toList();
    }
}
