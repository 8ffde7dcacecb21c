package org.conflictkg.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.conflictkg.facts.FactsEnum;
import org.conflictkg.facts.PlaceKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every place of the gold facts files with a GeoNames id in the bundled gazetteer, plus spelling
 * variants and province/city pairs (fixture {@code gold-links.csv}), links to its id given only its
 * name, kind and within-context.
 */
class GoldLinksTest {

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (InputStream in = GoldLinksTest.class.getResourceAsStream("gold-links.csv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",", -1);
                out.add(Arguments.of(f[0], f[1], f[2], f[3], Long.parseLong(f[4].strip())));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} ({1}, {2}, in {3}) -> {4}")
    @MethodSource("cases")
    void linksToGoldId(String name, String kind, String country, String province, long expected) {
        PlaceMatcher matcher = new PlaceMatcher(Gazetteer.bundled());
        String admin1 = null;
        if (!province.isEmpty()) {
            LinkResult p = matcher.link(PlaceQuery.builder(province).kind(PlaceKind.PROVINCE).country(country).build());
            assertThat(p.status()).as("province %s", province).isEqualTo(LinkResult.Status.LINKED);
            assertThat(p.best().record().featureCode()).isEqualTo("ADM1");
            admin1 = p.best().record().admin1();
        }
        PlaceKind placeKind = FactsEnum.fromCode(PlaceKind.class, kind);
        assertThat(placeKind).as("kind %s", kind).isNotNull();
        LinkResult r = matcher.link(PlaceQuery.builder(name).kind(placeKind).country(country).admin1(admin1).build());
        assertThat(r.status()).as("status; candidates %s", r.candidates()).isEqualTo(LinkResult.Status.LINKED);
        assertThat(r.geonamesId()).hasValue(expected);
        assertThat(r.confidence()).isBetween(matcher.threshold(), 1.0);
        assertThat(r.geonamesIri()).hasValue("https://sws.geonames.org/" + expected + "/");
        assertThat(r.method()).isEqualTo(LinkResult.METHOD_MATCH);
    }
}
