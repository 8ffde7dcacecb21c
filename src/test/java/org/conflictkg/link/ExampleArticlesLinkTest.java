package org.conflictkg.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.conflictkg.facts.ArticleFacts;
import org.conflictkg.facts.FactsReader;
import org.conflictkg.facts.Place;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.conflictkg.gazetteer.Gazetteer;
import org.conflictkg.gazetteer.LinkResult;
import org.conflictkg.gazetteer.PlaceMatcher;

/**
 * End to end over the project's example facts: read with {@link FactsReader}, link every place
 * ignoring the curated ids, and compare with those ids.
 */
class ExampleArticlesLinkTest {

    static Stream<Path> examples() throws IOException {
        return Files.list(Path.of("examples")).filter(p -> p.toString().endsWith(".facts.json")).sorted();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void linkingByNameFindsTheCuratedIds(Path file) {
        ArticleFacts facts = FactsReader.read(file);
        Gazetteer g = Gazetteer.bundled();
        Map<String, LinkResult> links = new ArticleLinker(new PlaceMatcher(g)).ignoreCurated().link(facts);
        int checked = 0;
        for (Place p : facts.places()) {
            LinkResult r = links.get(p.id());
            assertThat(r).as(p.id()).isNotNull();
            assertThat(r.method()).isEqualTo(LinkResult.METHOD_MATCH);
            if (p.geonames() != null && g.byId(Long.parseLong(p.geonames())).isPresent()) {
                assertThat(r.geonamesId()).as("%s (%s)", p.id(), r.candidates()).hasValue(Long.parseLong(p.geonames()));
                checked++;
            }
        }
        assertThat(checked).isPositive();
    }
}
