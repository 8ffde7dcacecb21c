package org.conflictkg.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.conflictkg.facts.PlaceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Names shared by several places are reported with their candidates, and context resolves them. */
class AmbiguityTest {
    private final PlaceMatcher matcher = new PlaceMatcher(Gazetteer.bundled());

    private LinkResult link(String name, PlaceKind kind, String country, String admin1) {
        return matcher.link(PlaceQuery.builder(name).kind(kind).country(country).admin1(admin1).build());
    }

    private static List<Long> ids(LinkResult r) {
        return r.candidates().stream().map(c -> c.record().id()).toList();
    }

    @ParameterizedTest(name = "{0} in {1}: one of {2}; in province {3} -> {4}")
    @CsvSource({
            // three Dmytrivkas in three Ukrainian oblasts
            "Dmytrivka,   UA, 710007 709983 710033, 05, 710007",
            "Dmytrivka,   UA, 710007 709983 710033, 10, 709983",
            // Zolochiv in Kharkiv and in Lviv oblast
            "Zolochiv,    UA, 686895 686896,        15, 686896",
            // At Tayyibah in three Jordanian governorates
            "At Tayyibah, JO, 250186 250187 250188, 09, 250187",
            "Taybeh,      JO, 250186 250187 250188, 19, 250188",
    })
    void sameNameInSeveralProvinces(String name, String country, String candidates, String admin1, long expected) {
        LinkResult open = link(name, PlaceKind.VILLAGE, country, null);
        assertThat(open.status()).isEqualTo(LinkResult.Status.AMBIGUOUS);
        assertThat(open.confidence()).isLessThan(matcher.threshold());
        assertThat(ids(open)).containsAll(java.util.Arrays.stream(candidates.split(" ")).map(Long::valueOf).toList());
        assertThat(open.geonamesId()).isEmpty();

        LinkResult inProvince = link(name, PlaceKind.VILLAGE, country, admin1);
        assertThat(inProvince.status()).isEqualTo(LinkResult.Status.LINKED);
        assertThat(inProvince.geonamesId()).hasValue(expected);
    }

    @ParameterizedTest(name = "province hint {0}")
    @CsvSource({"05", "Donetsk", "Donetsk Oblast", "Donetsk region"})
    void provinceHintMayBeACodeOrAName(String hint) {
        LinkResult r = link("Dmytrivka", PlaceKind.VILLAGE, "UA", hint);
        assertThat(r.geonamesId()).hasValue(710007L);
        assertThat(r.query().admin1()).isEqualTo("05");
    }

    @Test
    void provinceNameAloneGivesTheCountryToo() {
        LinkResult r = link("Saraqeb", PlaceKind.TOWN, null, "Idleb");
        assertThat(r.query().countryCode()).isEqualTo("SY");
        assertThat(r.query().admin1()).isEqualTo("12");
        assertThat(r.geonamesId()).hasValue(164816L);
        // an unknown province is dropped, not used against every candidate
        LinkResult unknown = link("Dmytrivka", PlaceKind.VILLAGE, "UA", "Atlantis");
        assertThat(unknown.query().admin1()).isNull();
        assertThat(unknown.status()).isEqualTo(LinkResult.Status.AMBIGUOUS);
    }

    @Test
    void twoPlacesInTheSameProvinceNeedSpatialContext() {
        // Two villages called Rafat, both in the West Bank (PS admin1 WE).
        LinkResult r = link("Rafat", PlaceKind.VILLAGE, "PS", "WE");
        assertThat(r.status()).isEqualTo(LinkResult.Status.AMBIGUOUS);
        assertThat(ids(r)).contains(282264L, 282265L);

        PlaceQuery nearRamallah = PlaceQuery.builder("Rafat").kind(PlaceKind.VILLAGE).country("PS").admin1("WE")
                .near(new GeoPoint(31.90, 35.20)).build();
        LinkResult near = matcher.link(nearRamallah);
        assertThat(near.status()).isEqualTo(LinkResult.Status.LINKED);
        assertThat(near.geonamesId()).hasValue(282265L);
        assertThat(near.best().distanceKm()).isLessThan(10);
    }

    @Test
    void cityNamesSharedAcrossCountriesNeedTheCountry() {
        LinkResult open = link("Tripoli", PlaceKind.CITY, null, null);
        assertThat(open.status()).isEqualTo(LinkResult.Status.AMBIGUOUS);
        assertThat(ids(open)).contains(266826L, 2210247L);
        assertThat(link("Tripoli", PlaceKind.CITY, "LB", null).geonamesId()).hasValue(266826L);
        assertThat(link("Tripoli", PlaceKind.CITY, "LY", null).geonamesId()).hasValue(2210247L);
    }

    @Test
    void namesTheGazetteerLacksAreNotLinkedToSomethingElse() {
        // Nayrab (Idlib and Aleppo) is not in the bundled cities1000 snapshot; districts and
        // landmarks are not in a populated-places gazetteer at all.
        assertThat(link("Nayrab", PlaceKind.VILLAGE, "SY", "12").status()).isNotEqualTo(LinkResult.Status.LINKED);
        assertThat(link("eastern Aleppo", PlaceKind.DISTRICT, "SY", "09").status())
                .isEqualTo(LinkResult.Status.UNLINKED);
        assertThat(link("Temple of Bel", PlaceKind.LANDMARK, "SY", "11").status())
                .isNotEqualTo(LinkResult.Status.LINKED);
    }

    @Test
    void aLinkCarriesProvinceCountryAndPoint() {
        LinkResult r = link("Saraqeb", PlaceKind.TOWN, "SY", null);
        assertThat(r.province().id()).isEqualTo(169387L);
        assertThat(r.country().id()).isEqualTo(163843L);
        GeoPoint p = r.point().orElseThrow();
        assertThat(p.latitude()).isBetween(35.8, 35.9);
        assertThat(p.longitude()).isBetween(36.7, 36.9);
        assertThat(p.wkt()).startsWith("POINT (36.8").contains(" 35.8");
    }
}
