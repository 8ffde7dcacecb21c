package org.conflictkg.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GazetteerTest {

    @Test
    void bundledCoversTheWorldAndTheRegionsItNeeds() {
        Gazetteer g = Gazetteer.bundled();
        assertThat(g.size()).isGreaterThan(130_000);
        for (String cc : List.of("SY", "IQ", "TR", "LB", "JO", "IL", "PS", "UA")) {
            assertThat(g.country(cc)).as(cc).isPresent();
        }
        // every Syrian town's province is known
        assertThat(g.admin1("SY", "12")).hasValueSatisfying(r -> assertThat(r.id()).isEqualTo(169387));
        assertThat(g.admin1("UA", "07")).hasValueSatisfying(r -> assertThat(r.id()).isEqualTo(706482));
        // hand-written regions get a position inside their country
        GeoNamesRecord idlib = g.byId(169387).orElseThrow();
        assertThat(idlib.latitude()).isBetween(35.0, 37.0);
        assertThat(idlib.longitude()).isBetween(36.0, 37.5);
    }

    @Test
    void loadingADumpAddsTheBundledRegionsItLacks(@TempDir Path dir) throws IOException {
        Path dump = dir.resolve("SY-sample.txt");
        try (InputStream in = getClass().getResourceAsStream("sample-dump.txt")) {
            Files.copy(in, dump);
        }
        Gazetteer g = Gazetteer.load(dump);
        assertThat(g.source()).isEqualTo(dump.toString());
        assertThat(g.byId(164816)).isPresent();
        assertThat(g.byId(169387)).isPresent(); // Idlib governorate, not in the dump
        // its position is the mean of the dump's two Idlib towns (Saraqib and Idlib)
        GeoNamesRecord province = g.byId(169387).orElseThrow();
        GeoNamesRecord saraqib = g.byId(164816).orElseThrow();
        GeoNamesRecord idlib = g.byId(169389).orElseThrow();
        assertThat(province.latitude()).isCloseTo((saraqib.latitude() + idlib.latitude()) / 2,
                org.assertj.core.data.Offset.offset(1e-4));
        assertThat(g.byId(707292)).isEmpty(); // no Ukrainian towns in this dump
    }

    @Test
    void lookupFindsEachRecordOnceWithItsBestSpelling() {
        List<Gazetteer.NameHit> hits = Gazetteer.bundled().lookup("Saraqeb");
        assertThat(hits).filteredOn(h -> h.record().id() == 164816).hasSize(1);
        Gazetteer.NameHit top = hits.get(0);
        assertThat(top.record().id()).isEqualTo(164816);
        assertThat(top.matchedName()).isEqualTo("Saraqeb");
        assertThat(top.similarity()).isEqualTo(1.0);
    }

    @Test
    void lookupInArabicScript() {
        assertThat(Gazetteer.bundled().lookup("سراقب")).extracting(h -> h.record().id()).contains(164816L);
    }

    @Test
    void oneEditAwayIsAWeakerFallback() {
        // "Saraqep" is a misspelling no gazetteer lists; its key is one consonant from Saraqib's.
        List<Gazetteer.NameHit> hits = Gazetteer.bundled().lookup("Saraqep");
        assertThat(hits).isNotEmpty();
        assertThat(hits).extracting(h -> h.record().id()).contains(164816L);
        assertThat(hits).allSatisfy(h -> assertThat(h.similarity()).isLessThanOrEqualTo(0.7));
    }

    @Test
    void oneEditHelper() {
        assertThat(Gazetteer.withinOneEdit("srkb", "srkb")).isTrue();
        assertThat(Gazetteer.withinOneEdit("srkb", "srkp")).isTrue();
        assertThat(Gazetteer.withinOneEdit("srkb", "srb")).isTrue();
        assertThat(Gazetteer.withinOneEdit("srkb", "srkbt")).isTrue();
        assertThat(Gazetteer.withinOneEdit("srkb", "skrb")).isFalse();
        assertThat(Gazetteer.withinOneEdit("srkb", "sr")).isFalse();
    }
}
