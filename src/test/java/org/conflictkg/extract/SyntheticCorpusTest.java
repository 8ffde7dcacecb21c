package org.conflictkg.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.conflictkg.facts.ActorRegistry;
import org.conflictkg.names.NameKeys;
import org.conflictkg.facts.ArticleFacts;
import org.conflictkg.facts.DateSpec;
import org.conflictkg.facts.Event;
import org.conflictkg.facts.Figure;
import org.conflictkg.synth.CorpusGenerator;
import org.junit.jupiter.api.Test;

/**
 * Extraction against the project's synthetic corpus (org.conflictkg.synth): its article bodies are
 * generated from facts, so the facts are a gold standard with many place names, actors, verbs and
 * date forms. Control changes match on place name, coarse gaining side and date (two days either
 * way), as the evaluation scorer matches them; figures on measure and value.
 */
class SyntheticCorpusTest {
    private static final ActorRegistry REGISTRY = ActorRegistry.bundled();

    @Test
    void controlChangesAndFiguresOfGeneratedArticles() {
        CorpusGenerator generator = CorpusGenerator.create().seed(20260101L).build();
        Extractor extractor = Extractor.builder().build();
        int gold = 0;
        int found = 0;
        int drafted = 0;
        int correct = 0;
        int goldFigures = 0;
        int foundFigures = 0;
        for (int i = 0; i < 150; i++) {
            ArticleFacts g = generator.article(i);
            ArticleFacts x = extractor.extract(new ArticleText("synthetic-" + i, g.article().title(), "synthetic",
                    LocalDate.parse(g.article().published().toString()), null, "en", List.of(), g.article().text()));
            List<Event> goldChanges = g.events().stream().filter(Event::isControlChange).toList();
            gold += goldChanges.size();
            drafted += x.events().size();
            for (Event e : goldChanges) {
                if (x.events().stream().anyMatch(s -> same(g, e, x, s))) {
                    found++;
                }
            }
            for (Event s : x.events()) {
                if (goldChanges.stream().anyMatch(e -> same(g, e, x, s))) {
                    correct++;
                }
            }
            goldFigures += g.figures().size();
            for (Figure f : g.figures()) {
                if (x.figures().stream().anyMatch(s -> s.measure().equals(f.measure())
                        && Objects.equals(s.value(), f.value()) && Objects.equals(s.low(), f.low()))) {
                    foundFigures++;
                }
            }
        }
        assertThat(gold).isGreaterThan(300);
        assertThat((double) found / gold).as("control-change recall %d/%d", found, gold).isGreaterThan(0.95);
        assertThat((double) correct / drafted).as("control-change precision %d/%d", correct, drafted).isGreaterThan(0.97);
        assertThat((double) foundFigures / goldFigures).as("figure recall %d/%d", foundFigures, goldFigures)
                .isGreaterThan(0.95);
    }

    private static boolean same(ArticleFacts gf, Event g, ArticleFacts xf, Event x) {
        return placeKey(gf, g.place()).equals(placeKey(xf, x.place()))
                && Objects.equals(coarse(gf, g.to()), coarse(xf, x.to()))
                && datesMeet(g.date(), x.date());
    }

    private static String placeKey(ArticleFacts f, String id) {
        return f.places().stream().filter(p -> p.id().equals(id)).findFirst().map(p -> NameKeys.variantKey(p.name()))
                .orElse("?" + id);
    }

    private static String coarse(ArticleFacts f, String id) {
        return f.actors().stream().filter(a -> a.id().equals(id)).findFirst()
                .map(a -> REGISTRY.coarseSide(a.side())).orElse(null);
    }

    private static boolean datesMeet(DateSpec gold, DateSpec x) {
        if (gold == null) {
            return true;
        }
        return x != null && !x.latest().isBefore(gold.earliest().minusDays(2))
                && !x.earliest().isAfter(gold.latest().plusDays(2));
    }
}
