package org.conflictkg.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.conflictkg.facts.ArticleFacts;
import org.conflictkg.facts.Place;
import org.conflictkg.facts.PlaceKind;
import org.junit.jupiter.api.Test;
import org.conflictkg.gazetteer.Gazetteer;
import org.conflictkg.gazetteer.LinkResult;
import org.conflictkg.gazetteer.PlaceMatcher;

class ArticleLinkerTest {
    private final PlaceMatcher matcher = new PlaceMatcher(Gazetteer.bundled());

    private static Place place(String id, String name, PlaceKind kind, String within, String geonames) {
        return new Place(id, name, kind, within, geonames, null, List.of());
    }

    private static ArticleFacts facts(List<Place> places) {
        return new ArticleFacts(null, List.of(), places, List.of(), List.of(), List.of(), List.of());
    }

    /** The places of the reference example, children listed before their parents on purpose. */
    private static List<Place> saraqebPlaces(boolean withIds) {
        return List.of(
                place("saraqeb", "Saraqeb", PlaceKind.TOWN, "idlib-governorate", withIds ? "164816" : null),
                place("maarat-al-numan", "Maarat al-Numan", PlaceKind.TOWN, "idlib-governorate", null),
                place("aleppo", "Aleppo", PlaceKind.CITY, "aleppo-governorate", null),
                place("latakia", "Latakia", PlaceKind.CITY, "latakia-governorate", null),
                place("idlib-governorate", "Idlib", PlaceKind.PROVINCE, "syria", null),
                place("aleppo-governorate", "Aleppo", PlaceKind.PROVINCE, "syria", null),
                place("latakia-governorate", "Latakia", PlaceKind.PROVINCE, "syria", null),
                place("hama-governorate", "Hama", PlaceKind.PROVINCE, "syria", null),
                place("damascus", "Damascus", PlaceKind.CITY, "syria", null),
                place("western-aleppo-countryside", "western countryside of Aleppo province", PlaceKind.REGION,
                        "aleppo-governorate", null),
                place("syria", "Syria", PlaceKind.COUNTRY, null, withIds ? "163843" : null));
    }

    @Test
    void linksEveryPlaceOfAnArticleUsingWithinChains() {
        Map<String, LinkResult> links = new ArticleLinker(matcher).ignoreCurated().link(facts(saraqebPlaces(false)));
        assertThat(links.keySet()).containsExactly("saraqeb", "maarat-al-numan", "aleppo", "latakia",
                "idlib-governorate", "aleppo-governorate", "latakia-governorate", "hama-governorate", "damascus",
                "western-aleppo-countryside", "syria");
        Map<String, Long> expected = Map.of("saraqeb", 164816L, "maarat-al-numan", 167611L, "aleppo", 170063L,
                "latakia", 173576L, "idlib-governorate", 169387L, "aleppo-governorate", 170062L,
                "latakia-governorate", 173578L, "hama-governorate", 170015L, "damascus", 170654L, "syria", 163843L);
        expected.forEach((id, gn) -> assertThat(links.get(id).geonamesId()).as(id).hasValue(gn));
        assertThat(links.get("western-aleppo-countryside").isLinked()).isFalse();
        // context came from the chain: the towns were matched inside Idlib province
        assertThat(links.get("saraqeb").query().admin1()).isEqualTo("12");
        assertThat(links.get("saraqeb").query().countryCode()).isEqualTo("SY");
        assertThat(links.get("aleppo").query().admin1()).isEqualTo("09");
    }

    @Test
    void curatedIdsAreKeptAndUsedAsContext() {
        Map<String, LinkResult> links = new ArticleLinker(matcher).link(facts(saraqebPlaces(true)));
        LinkResult syria = links.get("syria");
        assertThat(syria.method()).isEqualTo(LinkResult.METHOD_CURATED);
        assertThat(syria.confidence()).isEqualTo(1.0);
        assertThat(links.get("saraqeb").method()).isEqualTo(LinkResult.METHOD_CURATED);
        assertThat(links.get("damascus").method()).isEqualTo(LinkResult.METHOD_MATCH);
        assertThat(links.get("damascus").query().countryCode()).isEqualTo("SY");
    }

    @Test
    void countryWithoutIdIsLinkedByNameAndGivesContext() {
        List<Place> places = List.of(
                place("ukraine", "Ukraine", PlaceKind.COUNTRY, null, null),
                place("kharkiv-oblast", "Kharkiv region", PlaceKind.PROVINCE, "ukraine", null),
                place("izium", "Izium", PlaceKind.CITY, "kharkiv-oblast", null),
                place("dmytrivka", "Dmytrivka", PlaceKind.VILLAGE, "ukraine", null));
        Map<String, LinkResult> links = new ArticleLinker(matcher).link(facts(places));
        assertThat(links.get("ukraine").geonamesId()).hasValue(690791L);
        assertThat(links.get("kharkiv-oblast").geonamesId()).hasValue(706482L);
        assertThat(links.get("izium").geonamesId()).hasValue(707292L);
        // Three Dmytrivkas in three other oblasts, all far from Izium: the second pass adds Izium's
        // position as context, which does not decide, so the village is reported as ambiguous.
        LinkResult d = links.get("dmytrivka");
        assertThat(d.status()).isEqualTo(LinkResult.Status.AMBIGUOUS);
        assertThat(d.candidates()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(d.query().near()).isNotEmpty();
    }

    @Test
    void aRegionIsNotLinkedToTheTownWithinIt() {
        List<Place> places = List.of(
                place("syria", "Syria", PlaceKind.COUNTRY, null, null),
                place("afrin-region", "Afrin region", PlaceKind.REGION, "syria", null),
                place("afrin", "Afrin", PlaceKind.TOWN, "afrin-region", null));
        Map<String, LinkResult> links = new ArticleLinker(matcher).link(facts(places));
        assertThat(links.get("afrin").geonamesId()).hasValue(174186L);
        assertThat(links.get("afrin-region").isLinked()).isFalse();
    }

    @Test
    void withinCyclesDoNotLoop() {
        List<Place> places = List.of(
                place("a", "Saraqeb", PlaceKind.TOWN, "b", null),
                place("b", "Idlib", PlaceKind.PROVINCE, "a", null));
        Map<String, LinkResult> links = new ArticleLinker(matcher).link(facts(places));
        assertThat(links).hasSize(2);
        assertThat(links.get("a").geonamesId()).hasValue(164816L);
    }
}
