package org.conflictkg.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.conflictkg.facts.PlaceKind;
import org.junit.jupiter.api.Test;

/** The built-in theatres, read from their place table. */
class TheatreTest {

    @Test
    void builtInSettlementsLieInTheirTheatresCountryAndProvinces() {
        List<Theatre> theatres = Theatre.builtIn();
        assertThat(theatres).extracting(Theatre::name).containsExactly("Syria", "Ukraine");
        for (Theatre t : theatres) {
            assertThat(t.settlements()).isNotEmpty().allSatisfy(s -> {
                assertThat(s.kind()).isIn(PlaceKind.CITY, PlaceKind.TOWN, PlaceKind.VILLAGE);
                assertThat(s.country().name()).isEqualTo(t.name());
                assertThat(s.country().kind()).isEqualTo(PlaceKind.COUNTRY);
                if (s.province() != null) {
                    assertThat(s.province().kind()).isIn(PlaceKind.PROVINCE, PlaceKind.REGION);
                    assertThat(s.province().country()).isSameAs(s.country());
                }
                assertThat(s.geonames()).satisfiesAnyOf(g -> assertThat(g).isNull(), g -> assertThat(g).containsOnlyDigits());
            });
            assertThat(t.settlements().stream().map(SynthPlace::country).distinct()).hasSize(1);
        }
    }

    @Test
    void aSettlementAndAProvinceMayShareANameWithoutBeingConfused() {
        for (Theatre t : Theatre.builtIn()) {
            t.settlements().stream().filter(s -> s.province() != null).forEach(s ->
                    assertThat(s.province()).isNotSameAs(s));
        }
        assertThat(Theatre.builtIn().get(0).settlements()).anySatisfy(s -> {
            assertThat(s.province()).isNotNull();
            assertThat(s.province().name()).isEqualTo(s.name());
        });
    }
}
