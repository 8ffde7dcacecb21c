package org.conflictkg.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.conflictkg.facts.Actor;
import org.conflictkg.names.NameKeys;
import org.conflictkg.facts.ActorRegistry;
import org.conflictkg.facts.ArticleFacts;
import org.conflictkg.facts.ControlState;
import org.conflictkg.facts.DateSpec;
import org.conflictkg.facts.Event;
import org.conflictkg.facts.Figure;
import org.conflictkg.facts.Highway;
import org.conflictkg.facts.Place;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pattern families, case by case: {@code cases.tsv} gives a sentence, its publication date and
 * the facts extraction must (or must not) draft from it. See the file's header for the notation.
 */
class ExtractionCasesTest {
    private static final Extractor EXTRACTOR = Extractor.builder().build();
    private static final ActorRegistry REGISTRY = ActorRegistry.bundled();

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                ExtractionCasesTest.class.getResourceAsStream("cases.tsv"), StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\t", -1);
                assertThat(c).as("cases.tsv:%d has 4 columns", n).hasSize(4);
                out.add(Arguments.of(n + ":" + c[0], LocalDate.parse(c[1]), c[2], c[3]));
            }
        }
        return out.stream();
    }

    @Test
    void thereAreEnoughCasesInEveryFamily() throws IOException {
        Map<String, Integer> families = new LinkedHashMap<>();
        cases().forEach(a -> families.merge(((String) a.get()[0]).replaceFirst("^\\d+:", "").replaceFirst("-.*", ""),
                1, Integer::sum));
        assertThat(families.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(260);
        assertThat(families).containsKeys("control", "attribution", "date", "figure", "state", "place", "highway",
                "actor");
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("cases")
    void extracts(String id, LocalDate published, String text, String expect) {
        ArticleText article = new ArticleText("case", "Case", "Test", published, null, "en", List.of(), text + "\n");
        ArticleFacts facts = EXTRACTOR.extract(article);
        for (String check : expect.split(" ; ")) {
            Map<String, String> kv = parse(check);
            String kind = kv.remove("");
            switch (kind) {
                case "cc" -> assertThat(facts.events()).as("%s in %s", check, describe(facts))
                        .anySatisfy(e -> assertThat(matchesChange(facts, e, kv)).isTrue());
                case "no-cc" -> assertThat(facts.events()).as("no control change in %s", describe(facts))
                        .noneMatch(e -> e.isControlChange()
                                && (!kv.containsKey("place") || placeNamed(facts, e.place(), e.highway(), kv.get("place"))));
                case "fig" -> assertThat(facts.figures()).as("%s in %s", check, facts.figures())
                        .anySatisfy(f -> assertThat(matchesFigure(facts, f, kv)).isTrue());
                case "no-fig" -> assertThat(facts.figures()).isEmpty();
                case "no-place" -> assertThat(facts.places()).as("places").noneMatch(p -> p.name().equals(kv.get("text"))
                        || p.mentions().contains(kv.get("text")));
                case "state" -> assertThat(facts.controlStates()).as("%s in %s", check, facts.controlStates())
                        .anySatisfy(s -> assertThat(matchesState(facts, s, kv)).isTrue());
                case "date" -> {
                    DateMention d = DateResolver.find(text, 0, published).stream()
                            .filter(x -> x.text().equals(kv.get("text"))).findFirst().orElse(null);
                    assertThat(d).as("date expression \"%s\" found", kv.get("text")).isNotNull();
                    assertThat(dateText(d.spec())).isEqualTo(kv.get("value"));
                }
                case "actor" -> {
                    Actor a = facts.actors().stream().filter(x -> x.id().equals(kv.get("id"))).findFirst().orElse(null);
                    assertThat(a).as("actor %s in %s", kv.get("id"), facts.actors()).isNotNull();
                    assertThat(a.mentions().contains(kv.get("text")) || a.name().equals(kv.get("text")))
                            .as("%s named by \"%s\"", a, kv.get("text")).isTrue();
                }
                case "place" -> assertThat(facts.places()).as("%s in %s", check, facts.places()).anySatisfy(p -> {
                    assertThat(p.name().equals(kv.get("text")) || p.mentions().contains(kv.get("text"))).isTrue();
                    if (kv.containsKey("geonames")) {
                        assertThat(p.geonames()).isEqualTo(kv.get("geonames"));
                    }
                    if (kv.containsKey("kind")) {
                        assertThat(p.kind().code()).isEqualTo(kv.get("kind"));
                    }
                    if (kv.containsKey("within")) {
                        assertThat(facts.places()).anyMatch(o -> o.id().equals(p.within()) && o.name().equals(kv.get("within")));
                    }
                });
                case "highway" -> assertThat(facts.highways()).as("%s in %s", check, facts.highways()).anySatisfy(h -> {
                    assertThat(h.name()).isEqualTo(kv.get("name"));
                    if (kv.containsKey("route")) {
                        assertThat(route(facts, h)).isEqualTo(kv.get("route"));
                    }
                });
                default -> throw new AssertionError("unknown check " + kind);
            }
        }
    }

    private static boolean matchesChange(ArticleFacts f, Event e, Map<String, String> kv) {
        return e.isControlChange()
                && placeNamed(f, e.place(), e.highway(), kv.get("place"))
                && Objects.equals(coarse(f, e.to()), kv.get("to"))
                && (!kv.containsKey("from") || Objects.equals(coarse(f, e.from()), kv.get("from")))
                && (!kv.containsKey("status") || e.status().code().equals(kv.get("status")))
                && (!kv.containsKey("date") || e.date() != null && dateText(e.date()).equals(kv.get("date")))
                && (!kv.containsKey("according") || e.according().contains(kv.get("according")));
    }

    private static boolean matchesFigure(ArticleFacts f, Figure g, Map<String, String> kv) {
        return g.measure().equals(kv.get("measure"))
                && (!kv.containsKey("value") || g.value() != null && g.value().compareTo(new BigDecimal(kv.get("value"))) == 0)
                && (!kv.containsKey("low") || g.low() != null && g.low().compareTo(new BigDecimal(kv.get("low"))) == 0)
                && (!kv.containsKey("high") || g.high() != null && g.high().compareTo(new BigDecimal(kv.get("high"))) == 0)
                && (!kv.containsKey("qualifier") || g.qualifier() != null && g.qualifier().code().equals(kv.get("qualifier")))
                && (!kv.containsKey("group") || kv.get("group").equals(g.group()))
                && (!kv.containsKey("according") || g.according().contains(kv.get("according")))
                && (!kv.containsKey("period") || g.period() != null && dateText(g.period()).equals(kv.get("period")));
    }

    private static boolean matchesState(ArticleFacts f, ControlState s, Map<String, String> kv) {
        return placeNamed(f, s.place(), null, kv.get("place"))
                && Objects.equals(coarse(f, s.controller()), kv.get("controller"))
                && (!kv.containsKey("from") || s.from() != null && s.from().toString().equals(kv.get("from")))
                && (!kv.containsKey("to") || s.to() != null && s.to().toString().equals(kv.get("to")))
                && (!kv.containsKey("asOf") || s.asOf() != null && s.asOf().toString().equals(kv.get("asOf")))
                && (!kv.containsKey("status") || s.status() != null && s.status().code().equals(kv.get("status")));
    }

    private static boolean placeNamed(ArticleFacts f, String placeId, String highwayId, String name) {
        String key = NameKeys.variantKey(name);
        for (Place p : f.places()) {
            if (p.id().equals(placeId) && (NameKeys.variantKey(p.name()).equals(key)
                    || p.mentions().stream().anyMatch(m -> NameKeys.variantKey(m).equals(key)))) {
                return true;
            }
        }
        for (Highway h : f.highways()) {
            if (h.id().equals(highwayId) && NameKeys.variantKey(h.name()).equals(key)) {
                return true;
            }
        }
        return false;
    }

    private static String coarse(ArticleFacts f, String actorId) {
        return f.actors().stream().filter(a -> a.id().equals(actorId)).findFirst()
                .map(a -> REGISTRY.coarseSide(a.side())).orElse(null);
    }

    private static String route(ArticleFacts f, Highway h) {
        List<String> names = new ArrayList<>();
        for (String id : h.route()) {
            f.places().stream().filter(p -> p.id().equals(id)).findFirst().ifPresent(p -> names.add(p.name()));
        }
        return String.join(",", names);
    }

    private static String dateText(DateSpec d) {
        return d.interval() ? d.from() + ".." + d.to() : String.valueOf(d.from());
    }

    private static String describe(ArticleFacts f) {
        return f.events() + " " + f.actors().stream().map(a -> a.id() + "/" + a.side()).toList();
    }

    /** "cc place=\"Khan Shaykhun\" to=government" to {""=cc, place=Khan Shaykhun, to=government}. */
    static Map<String, String> parse(String check) {
        Map<String, String> out = new LinkedHashMap<>();
        String s = check.strip();
        int sp = s.indexOf(' ');
        out.put("", sp < 0 ? s : s.substring(0, sp));
        int i = sp < 0 ? s.length() : sp + 1;
        while (i < s.length()) {
            int eq = s.indexOf('=', i);
            String key = s.substring(i, eq).strip();
            int j = eq + 1;
            String value;
            if (s.charAt(j) == '"') {
                int close = s.indexOf('"', j + 1);
                value = s.substring(j + 1, close);
                i = close + 1;
            } else {
                int end = s.indexOf(' ', j);
                value = end < 0 ? s.substring(j) : s.substring(j, end);
                i = end < 0 ? s.length() : end;
            }
            out.put(key, value);
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
        }
        return out;
    }
}
