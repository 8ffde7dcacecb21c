package org.conflictkg.derive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.jena.graph.Node;
import org.conflictkg.facts.ArticleFacts;
import org.conflictkg.facts.FactsReader;
import org.conflictkg.rdf.RdfTestLib;
import org.junit.jupiter.api.Test;

/**
 * Figures that disagree are one disagreement per set of figures linked by disagreeing pairs
 * (different sources, overlapping periods, values that differ), with every figure of the set as
 * a version: many reports of one number do not give one disagreement per pair.
 */
class FigureDisagreementsTest {

    /** One article from {@code publisher} reporting {@code value} civilians killed in one town on {@code day}. */
    static ArticleFacts article(int n, String publisher, int value, String day) {
        return FactsReader.read("figure-" + n, String.format(Locale.ROOT, """
                {"format": "conflict-kg/facts@1",
                 "article": {"id": "figures-%d", "title": "Casualties", "published": "%s", "publisher": "%s"},
                 "places": [{"id": "t", "name": "Tell Ward", "kind": "town"}],
                 "figures": [{"id": "f", "measure": "killed", "value": %d, "group": "civilians", "place": "t", "period": "%s"}]}
                """, n, day, publisher, value, day));
    }

    static List<Timeline.Disagreement> figureDisagreements(ArticleFacts... docs) {
        return Derivation.create().build().run(RdfTestLib.convert(docs)).disagreements().stream()
                .filter(d -> d.aspect().equals("figure")).toList();
    }

    @Test
    void figuresLinkedByDisagreeingPairsAreOneDisagreementWithEveryVersion() {
        List<ArticleFacts> docs = new ArrayList<>();
        // March: 100, 200, 300 and 100 again, from four sources: five disagreeing pairs, one set.
        docs.add(article(1, "Gazette One", 100, "2021-03-01"));
        docs.add(article(2, "Gazette Two", 200, "2021-03-01"));
        docs.add(article(3, "Gazette Three", 300, "2021-03-01"));
        docs.add(article(4, "Gazette Four", 100, "2021-03-01"));
        // September, not overlapping March: 10 against 20, a set of its own.
        docs.add(article(5, "Gazette One", 10, "2021-09-01"));
        docs.add(article(6, "Gazette Two", 20, "2021-09-01"));
        // 10 again, from a fifth source: it differs from September's 20, so it joins that set.
        docs.add(article(7, "Gazette Five", 10, "2021-09-01"));
        List<Timeline.Disagreement> ds = figureDisagreements(docs.toArray(ArticleFacts[]::new));
        assertThat(ds).hasSize(2);
        assertThat(ds).extracting(d -> d.versions().size()).containsExactlyInAnyOrder(4, 3);
        Timeline.Disagreement march = ds.stream().filter(d -> d.versions().size() == 4).findFirst().orElseThrow();
        assertThat(march.versions()).extracting(Node::getURI).allMatch(u -> u.contains("/figure/"))
                .isSortedAccordingTo(String::compareTo);
        assertThat(march.versions()).extracting(Node::getURI).anyMatch(u -> u.contains("figures-4"))
                .noneMatch(u -> u.contains("figures-5"));
    }

    @Test
    void aPairIsOneDisagreementAndAgreeingOrSameSourceFiguresNone() {
        assertThat(figureDisagreements(article(1, "Gazette One", 100, "2021-03-01"),
                article(2, "Gazette Two", 200, "2021-03-01"))).singleElement()
                .satisfies(d -> assertThat(d.versions()).hasSize(2));
        assertThat(figureDisagreements(article(1, "Gazette One", 100, "2021-03-01"),
                article(2, "Gazette Two", 100, "2021-03-01"))).isEmpty();
        assertThat(figureDisagreements(article(1, "Gazette One", 100, "2021-03-01"),
                article(2, "Gazette One", 200, "2021-03-01"))).isEmpty();
        assertThat(figureDisagreements(article(1, "Gazette One", 100, "2021-03-01"),
                article(2, "Gazette Two", 200, "2021-09-01"))).isEmpty();
    }

    @Test
    void theDerivedGraphGrowsWithTheFiguresNotWithTheirPairs() {
        // Forty sources, forty different numbers for the same day: 780 disagreeing pairs, one set.
        ArticleFacts[] docs = new ArticleFacts[40];
        for (int i = 0; i < docs.length; i++) {
            docs[i] = article(i, "Gazette " + i, 100 + i, "2021-03-01");
        }
        List<Timeline.Disagreement> ds = figureDisagreements(docs);
        assertThat(ds).singleElement().satisfies(d -> assertThat(d.versions()).hasSize(40));
    }
}
