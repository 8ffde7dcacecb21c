package org.conflictkg.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.conflictkg.facts.PlaceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PlaceMatcherTest {
    private final PlaceMatcher matcher = new PlaceMatcher(Gazetteer.bundled());

    @ParameterizedTest
    @EnumSource(PlaceKind.class)
    void scoresAndConfidenceStayInTheUnitInterval(PlaceKind kind) {
        for (String name : List.of("Aleppo", "Tripoli", "Springfield", "Saraqep", "Kharkiv")) {
            LinkResult r = matcher.link(PlaceQuery.builder(name).kind(kind).build());
            assertThat(r.confidence()).isBetween(0.0, 1.0);
            assertThat(r.candidates()).allSatisfy(c -> {
                assertThat(c.score()).isBetween(0.0, 1.0);
                assertThat(c.nameScore()).isBetween(0.0, 1.0);
                assertThat(c.featureScore()).isBetween(0.0, 1.0);
                assertThat(c.contextScore()).isBetween(0.0, 1.0);
                assertThat(c.populationScore()).isBetween(0.0, 1.0);
            });
            assertThat(r.candidates()).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
            assertThat(r.candidates()).hasSizeLessThanOrEqualTo(PlaceMatcher.DEFAULT_CANDIDATES);
        }
    }

    @Test
    void theKindPicksTheFeature() {
        assertThat(matcher.link(PlaceQuery.builder("Kharkiv").kind(PlaceKind.CITY).country("UA").build())
                .geonamesId()).hasValue(706483L);
        assertThat(matcher.link(PlaceQuery.builder("Kharkiv").kind(PlaceKind.PROVINCE).country("UA").build())
                .geonamesId()).hasValue(706482L);
        assertThat(matcher.link(PlaceQuery.builder("Syria").kind(PlaceKind.COUNTRY).build())
                .geonamesId()).hasValue(163843L);
    }

    @Test
    void mentionsAreTriedWhenTheNameFindsNothing() {
        LinkResult r = matcher.link(PlaceQuery.builder("the ancient desert city").kind(PlaceKind.CITY).country("SY")
                .mentions(List.of("Palmyra")).build());
        assertThat(r.geonamesId()).hasValue(163808L);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "Palmyra | true", "Ras al-Ain | true", "Idlib province | true", "سراقب | true", "Deir ez-Zor | true",
            "the east | false", "the city | false", "a key logistics hub | false", "eastern Aleppo | false",
            "province | false"})
    void onlyMentionsThatLookLikeNamesAreTried(String mention, boolean name) {
        assertThat(PlaceMatcher.looksLikeName(mention)).isEqualTo(name);
    }

    @Test
    void descriptiveMentionsDoNotProduceCandidates() {
        LinkResult r = matcher.link(PlaceQuery.builder("eastern Aleppo").kind(PlaceKind.DISTRICT).country("SY")
                .mentions(List.of("the east", "the rebel-held east of the city")).build());
        assertThat(r.status()).isEqualTo(LinkResult.Status.UNLINKED);
        assertThat(r.candidates()).isEmpty();
    }

    @Test
    void aRegionNamedAfterATownIsNotLinkedToTheTown() {
        LinkResult r = matcher.link(PlaceQuery.builder("Afrin region").kind(PlaceKind.REGION).country("SY").build());
        assertThat(r.isLinked()).isFalse();
        assertThat(r.candidates()).extracting(c -> c.record().id()).contains(174186L);
    }

    @Test
    void aStricterThresholdLeavesWeakLinksAmbiguous() {
        PlaceQuery q = PlaceQuery.builder("Tal Tamr").kind(PlaceKind.TOWN).country("SY").build();
        LinkResult normal = matcher.link(q);
        assertThat(normal.isLinked()).isTrue();
        LinkResult strict = matcher.withThreshold(Math.min(1.0, normal.confidence() + 0.01)).link(q);
        assertThat(strict.status()).isEqualTo(LinkResult.Status.AMBIGUOUS);
        assertThat(strict.best().record().id()).isEqualTo(163434L);
        assertThatThrownBy(() -> matcher.withThreshold(1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anotherCountryIsPenalisedNotHidden() {
        List<Candidate> ranked = matcher.rank(PlaceQuery.builder("Tripoli").kind(PlaceKind.CITY).country("LB").build());
        assertThat(ranked.get(0).record().id()).isEqualTo(266826L);
        assertThat(ranked).extracting(c -> c.record().id()).contains(2210247L);
    }
}
