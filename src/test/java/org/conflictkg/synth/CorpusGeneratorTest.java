package org.conflictkg.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.conflictkg.facts.ArticleFacts;
import org.conflictkg.facts.Event;
import org.conflictkg.facts.Evidence;
import org.conflictkg.facts.FactsReader;
import org.conflictkg.facts.Figure;
import org.conflictkg.facts.Place;
import org.conflictkg.facts.Problem;
import org.conflictkg.facts.Status;
import org.conflictkg.rdf.FactsToRdf;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusGeneratorTest {

    static final int N = 400;
    static final List<ArticleFacts> READ = new ArrayList<>();
    static final List<Problem> PROBLEMS = new ArrayList<>();

    /** One corpus, written to disk by the generator and read back by the facts reader. */
    @BeforeAll
    static void generateAndRead(@TempDir Path dir) {
        List<Path> files = CorpusGenerator.create().seed(7).build().writeFiles(dir, "c", N, 3);
        for (Path f : files) {
            FactsReader.readEach(f, p -> {
                PROBLEMS.addAll(p.problems());
                if (p.ok()) {
                    READ.add(p.facts());
                }
            });
        }
    }

    @Test
    void everyDocumentValidatesWithoutWarnings() {
        assertThat(PROBLEMS).isEmpty();
        assertThat(READ).hasSize(N);
        assertThat(READ).extracting(f -> f.article().id()).doesNotHaveDuplicates();
    }

    @Test
    void readingBackGivesTheGeneratedModel() {
        CorpusGenerator gen = CorpusGenerator.create().seed(7).build();
        for (int i = 0; i < N; i += 37) {
            assertThat(READ.get(i)).isEqualTo(gen.article(i));
        }
    }

    @Test
    void evidenceQuotesAreTheBodyAtTheirCodePointOffsets() {
        int spans = 0;
        boolean astral = false;
        for (ArticleFacts f : READ) {
            String text = f.article().text();
            int[] cps = text.codePoints().toArray();
            for (Evidence ev : evidence(f)) {
                assertThat(new String(cps, ev.start(), ev.end() - ev.start())).isEqualTo(ev.quote());
                // Past a character outside the BMP, code point and UTF-16 offsets differ.
                astral |= text.offsetByCodePoints(0, ev.start()) != ev.start();
                spans++;
            }
        }
        assertThat(spans).isGreaterThan(N * 5);
        assertThat(astral).as("some spans lie after a character outside the BMP").isTrue();
    }

    @Test
    void eachArticleHasFiveToThirtyFactsEachWithEvidence() {
        for (ArticleFacts f : READ) {
            int facts = f.events().size() + f.controlStates().size() + f.figures().size();
            assertThat(facts).isBetween(5, 30);
            f.events().forEach(e -> assertThat(e.evidence()).hasSize(1));
            f.controlStates().forEach(c -> assertThat(c.evidence()).hasSize(1));
            f.figures().forEach(g -> assertThat(g.evidence()).hasSize(1));
        }
    }

    @Test
    void theCorpusHasTheShapeOfRealReporting() {
        Set<Status> controlStatuses = EnumSet.noneOf(Status.class);
        Set<String> eventTypes = new HashSet<>();
        Set<Integer> years = new HashSet<>();
        Set<String> geonames = new HashSet<>();
        int ranges = 0;
        int attributed = 0;
        int intervals = 0;
        for (ArticleFacts f : READ) {
            years.add(f.article().published().year());
            for (Event e : f.events()) {
                eventTypes.add(e.type());
                if (e.isControlChange()) {
                    controlStatuses.add(e.status());
                }
                attributed += e.according().isEmpty() ? 0 : 1;
                intervals += e.date().interval() ? 1 : 0;
            }
            for (Figure g : f.figures()) {
                ranges += g.low() != null ? 1 : 0;
                attributed += g.according().isEmpty() ? 0 : 1;
            }
            for (Place p : f.places()) {
                assertThat(p.geonames()).as("every gazetteer place has its GeoNames id").isNotNull();
                geonames.add(p.geonames());
            }
            assertThat(f.controlStates().size() + f.events().size() + f.figures().size()).isPositive();
        }
        assertThat(controlStatuses).containsExactlyInAnyOrder(Status.COMPLETED, Status.PARTIAL, Status.CONTESTED,
                Status.IMMINENT);
        assertThat(eventTypes).contains(Event.CONTROL_CHANGE, "clash", "bombardment", "siege");
        assertThat(years.size()).as("publication years").isGreaterThanOrEqualTo(10);
        // Countries, first-level regions and hundreds of towns of the bundled GeoNames extract.
        assertThat(geonames).contains("163843", "690791").hasSizeGreaterThan(200);
        assertThat(ranges).isPositive();
        assertThat(attributed).isPositive();
        assertThat(intervals).isPositive();
    }

    @Test
    void theBuiltInTheatresGiveValidDocumentsToo() {
        CorpusGenerator gen = CorpusGenerator.create().seed(3).theatres(Theatre.builtIn()).build();
        StringWriter w = new StringWriter();
        gen.write(w, 0, 100);
        List<Problem> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        FactsReader.readEach("built-in", new java.io.ByteArrayInputStream(w.toString().getBytes(StandardCharsets.UTF_8)),
                p -> {
                    problems.addAll(p.problems());
                    p.facts().places().forEach(pl -> names.add(pl.name()));
                });
        assertThat(problems).isEmpty();
        assertThat(names).contains("Saraqeb", "Izium");
    }

    @Test
    void everyDocumentConverts() {
        DatasetGraph dsg = DatasetGraphFactory.create();
        FactsToRdf conv = FactsToRdf.create().build();
        READ.subList(0, 50).forEach(f -> conv.convert(f, StreamRDFLib.dataset(dsg)));
        assertThat(dsg.stream().count()).isGreaterThan(50L * 100);
    }

    @Test
    void sameSeedSameBytesHoweverSplit(@TempDir Path dir) throws IOException {
        CorpusGenerator gen = CorpusGenerator.create().seed(99).build();
        List<Path> one = gen.writeFiles(dir.resolve("one"), "x", 50, 1);
        List<Path> five = CorpusGenerator.create().seed(99).build().writeFiles(dir.resolve("five"), "x", 50, 5);
        StringBuilder joined = new StringBuilder();
        for (Path p : five) {
            joined.append(Files.readString(p, StandardCharsets.UTF_8));
        }
        assertThat(joined.toString()).isEqualTo(Files.readString(one.get(0), StandardCharsets.UTF_8));
        assertThat(Files.readAllLines(one.get(0))).hasSize(50);
        try (var listing = Files.list(dir.resolve("five"))) {
            assertThat(listing.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("x-0001.jsonl", "x-0002.jsonl", "x-0003.jsonl", "x-0004.jsonl", "x-0005.jsonl");
        }
    }

    @Test
    void otherSeedsOrSettingsGiveOtherCorpora() {
        StringWriter a = new StringWriter();
        StringWriter b = new StringWriter();
        CorpusGenerator.create().seed(1).build().write(a, 0, 20);
        CorpusGenerator.create().seed(2).build().write(b, 0, 20);
        assertThat(a.toString()).isNotEqualTo(b.toString());
        CorpusGenerator few = CorpusGenerator.create().seed(1).facts(1, 2)
                .published(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 31)).build();
        for (int i = 0; i < 30; i++) {
            ArticleFacts f = few.article(i);
            assertThat(f.events().size() + f.controlStates().size() + f.figures().size()).isBetween(1, 2);
            assertThat(f.article().published().toString()).startsWith("2020-01-");
        }
    }

    @Test
    void badSettingsAreRejected(@TempDir Path dir) {
        assertThatThrownBy(() -> CorpusGenerator.create().facts(0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CorpusGenerator.create().facts(5, 4)).isInstanceOf(IllegalArgumentException.class);
        CorpusGenerator gen = CorpusGenerator.create().build();
        assertThatThrownBy(() -> gen.writeFiles(dir, "x", 3, 4)).hasMessageContaining("files");
        assertThatThrownBy(() -> gen.article(-1)).hasMessageContaining("index");
    }

    private static List<Evidence> evidence(ArticleFacts f) {
        List<Evidence> all = new ArrayList<>();
        f.events().forEach(e -> all.addAll(e.evidence()));
        f.controlStates().forEach(c -> all.addAll(c.evidence()));
        f.figures().forEach(g -> all.addAll(g.evidence()));
        f.highways().forEach(h -> all.addAll(h.evidence()));
        return all;
    }
}
