package org.conflictkg.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.conflictkg.extract.Countries;
import org.conflictkg.facts.Article;
import org.conflictkg.facts.ArticleFacts;
import org.conflictkg.facts.Place;
import org.conflictkg.facts.PlaceKind;
import org.conflictkg.facts.ReducedDate;
import org.conflictkg.gazetteer.Gazetteer;
import org.conflictkg.gazetteer.GeoNamesRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The war of an article: the country most of its places lie in. Places are written
 * {@code id:kind:within:geonames:name} (empty parts absent); the small gazetteer knows two towns,
 * 1001 in SY and 1002 in UA.
 */
class WarsTest {

    private static final Gazetteer GAZETTEER = Gazetteer.builder().source("test")
            .add(town(1001, "Town One", "SY")).add(town(1002, "Town Two", "UA")).build();

    private static GeoNamesRecord town(long id, String name, String country) {
        return new GeoNamesRecord(id, name, name, List.of(), 0, 0, "P", "PPL", country, "01", "", 1000);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a country by name                            | sy:country:::Syria                                  | Syria (SY)      | false
            a country by its GeoNames id, any name       | x:country::163843:Sham                              | Syria (SY)      | false
            within a country                             | sy:country:::Sudan ; t:town:sy::Test                | Sudan (SD)      | false
            within a chain                               | c:country:::Sudan ; p:province:c::P ; t:town:p::T   | Sudan (SD)      | false
            by the gazetteer                             | t:town::1001:One                                    | Syria (SY)      | true
            most places win                              | t1:town::1002:A ; t2:town::1002:B ; s:country:::Syria | Ukraine (UA)  | true
            a tie goes to the first code                 | t:town::1002:A ; s:country:::Syria                  | Syria (SY)      | true
            own id before within                         | s:country:::Syria ; t:town:s:1002:A ; u:country:::Ukraine | Ukraine (UA) | true
            a cycle of within is no country              | a:town:b::A ; b:town:a::B                           | unknown         | false
            no place                                     | ''                                                  | unknown         | false
            an unknown country name                      | x:country:::Atlantis                                | unknown         | false
            """)
    void theWarIsTheCountryOfMostPlaces(String what, String places, String war, boolean needsGazetteer) {
        AtomicInteger asked = new AtomicInteger();
        Wars wars = new Wars(Countries.bundled(), () -> {
            asked.incrementAndGet();
            return GAZETTEER;
        });
        assertThat(wars.of(facts(places))).isEqualTo(war);
        assertThat(asked.get() > 0).as("gazetteer asked").isEqualTo(needsGazetteer);
    }

    private static ArticleFacts facts(String places) {
        List<Place> list = places.isBlank() ? List.of() : Arrays.stream(places.split(";")).map(String::trim)
                .map(s -> s.split(":", -1))
                .map(f -> new Place(f[0], f[4], PlaceKind.valueOf(f[1].toUpperCase()), f[2].isEmpty() ? null : f[2],
                        f[3].isEmpty() ? null : f[3], null, List.of()))
                .toList();
        Article a = new Article("a", "A", null, ReducedDate.parse(LocalDate.of(2024, 1, 1).toString()), null, "en",
                List.of(), "");
        return new ArticleFacts(a, List.of(), list, List.of(), List.of(), List.of(), List.of());
    }
}
