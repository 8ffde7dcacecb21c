package org.conflictkg.extract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.conflictkg.facts.Actor;
import org.conflictkg.facts.ActorKind;
import org.conflictkg.facts.Article;
import org.conflictkg.facts.ArticleFacts;
import org.conflictkg.facts.ControlState;
import org.conflictkg.facts.Event;
import org.conflictkg.facts.Evidence;
import org.conflictkg.facts.Figure;
import org.conflictkg.facts.Highway;
import org.conflictkg.facts.Place;
import org.conflictkg.facts.ReducedDate;
import org.conflictkg.names.NameFolding;

/**
 * Builds the facts@1 document from what the stages found: mints document-local ids (slugs of
 * names, made unique), lists every actor, place and highway found with the words that named it,
 * and turns spans into evidence (code point offsets). A control change whose losing side cannot
 * be told (no opponent in the article) is left out rather than guessed.
 */
final class FactsAssembler {
    private final ArticleContext ctx;
    private final OffsetMap offsets;
    /** Place key to document id, in order of minting. */
    private final Map<String, String> placeIds = new LinkedHashMap<>();
    private final Map<String, String> highwayIds = new HashMap<>();
    private final Set<String> used = new HashSet<>();
    private final Set<String> actorIds = new LinkedHashSet<>();

    FactsAssembler(ArticleContext ctx) {
        this.ctx = ctx;
        this.offsets = new OffsetMap(ctx.body);
    }

    ArticleFacts assemble(List<Mention> allActorMentions, Map<String, ActorEntity> persons, List<ControlChange> changes,
                          List<ControlStateFinder.State> states, List<FigureFinder.Found> figures) {
        ArticleText a = ctx.article;
        // credits: agencies by their registry names, else as news agencies of their own
        List<String> credits = new ArrayList<>();
        Map<String, ActorEntity> extra = new LinkedHashMap<>(persons);
        for (String c : a.credits()) {
            String id = null;
            for (ActorLexicon.Entry e : ctx.lexicon.entries()) {
                if (e.when().equals("*") && e.pattern().matcher(c).matches()) {
                    id = e.actor().id();
                    extra.putIfAbsent(id, e.actor());
                    break;
                }
            }
            if (id == null) {
                id = NameFolding.slug(c);
                extra.putIfAbsent(id, new ActorEntity(id, c, ActorKind.NEWS_AGENCY, null, null, null, null));
            }
            credits.add(id);
        }
        // the format requires a title: an article without one (no TITLE line, a page without a title) is named by its file
        String title = a.title() == null || a.title().isBlank() ? a.name() : a.title();
        Article article = new Article(NameFolding.slug(a.name()), title, a.publisher(), ReducedDate.of(a.published()),
                a.url(), a.language() == null ? "en" : a.language(), credits, a.body());

        // places: every one found, ids minted in order of first mention
        Map<String, Set<String>> placeMentions = new LinkedHashMap<>();
        for (Mention m : ctx.placeMentions) {
            placeMentions.computeIfAbsent(m.ref(), k -> new LinkedHashSet<>()).add(m.text());
        }
        for (String key : placeMentions.keySet()) {
            placeId(key);
        }
        List<Event> events = new ArrayList<>();
        Map<String, Integer> eventCount = new HashMap<>();
        for (ControlChange c : changes) {
            String from = c.from() != null ? c.from() : holder(c, states);
            double confidence = c.confidence();
            if (from == null) {
                from = ctx.alignments.adversary(ctx.country, ctx.side(c.to()));
                confidence = ControlConfidence.round(confidence - 0.05); // the loser is the war's usual one
                if (from != null) {
                    ctx.ensureActor(from);
                }
            }
            if (from == null || from.equals(c.to())) {
                continue;
            }
            String target = c.place() != null ? placeId(c.place()) : highwayId(c.highway());
            String id = unique("cc-" + target, eventCount);
            actorIds.add(from);
            actorIds.add(c.to());
            actorIds.addAll(c.according());
            events.add(new Event(id, Event.CONTROL_CHANGE, null, c.place() != null ? target : null,
                    c.highway() != null ? target : null, from, c.to(), c.status(), List.of(), List.of(), List.of(), null,
                    null, c.date(), c.dateText(), c.according(), evidence(c.evidence()), confidence));
        }
        List<ControlState> controlStates = new ArrayList<>();
        for (ControlStateFinder.State s : states) {
            actorIds.add(s.controller());
            controlStates.add(new ControlState(placeId(s.place()), s.controller(), s.from(), s.to(), s.asOf(), s.status(),
                    evidence(List.of(s.evidence()))));
        }
        List<Figure> figs = new ArrayList<>();
        Map<String, Integer> figCount = new HashMap<>();
        for (FigureFinder.Found f : figures) {
            BigDecimal v = f.value() != null ? f.value() : f.low();
            String id = unique(f.measure() + "-" + v.toPlainString(), figCount);
            String place = null;
            String highway = null;
            if (f.placeOrHighway() != null) {
                if (ctx.places.containsKey(f.placeOrHighway())) {
                    place = placeId(f.placeOrHighway());
                } else if (ctx.highways.containsKey(f.placeOrHighway())) {
                    highway = highwayId(f.placeOrHighway());
                }
            }
            actorIds.addAll(f.according());
            figs.add(new Figure(id, f.measure(), f.value(), f.low(), f.high(), f.qualifier(), f.unit(), f.group(), null,
                    place, List.of(), highway, f.period(), null, f.dateText(), f.according(),
                    evidence(List.of(f.evidence())), figureConfidence(f)));
        }
        // every actor named in the article, then those only the facts use
        Map<String, Set<String>> mentions = new LinkedHashMap<>();
        for (Mention m : allActorMentions) {
            mentions.computeIfAbsent(m.ref(), k -> new LinkedHashSet<>()).add(m.text());
        }
        Set<String> all = new LinkedHashSet<>(mentions.keySet());
        all.addAll(credits);
        all.addAll(actorIds);
        List<Actor> actors = new ArrayList<>();
        for (String id : all) {
            ActorEntity e = ctx.actors.get(id);
            if (e == null) {
                e = extra.get(id);
            }
            if (e == null) {
                e = ctx.lexicon.actor(id);
            }
            if (e == null) {
                continue;
            }
            List<String> ms = new ArrayList<>(mentions.getOrDefault(id, Set.of()));
            ms.remove(e.name());
            actors.add(new Actor(e.id(), e.name(), e.kind(), e.side(), ms, List.of(), null, null, List.of(), null, null,
                    e.wikidata()));
        }
        List<Place> places = new ArrayList<>();
        for (Map.Entry<String, String> e : List.copyOf(placeIds.entrySet())) {
            PlaceEntity p = ctx.places.get(e.getKey());
            List<String> ms = new ArrayList<>(placeMentions.getOrDefault(e.getKey(), Set.of()));
            ms.remove(p.name());
            places.add(new Place(e.getValue(), p.name(), p.kind(), within(p), p.geonames(), null, ms));
        }
        List<Highway> highways = new ArrayList<>();
        for (HighwayFinder.HighwayEntity h : ctx.highways.values()) {
            String id = highwayId(h.key());
            List<String> route = new ArrayList<>();
            for (String k : h.route()) {
                route.add(placeId(k));
            }
            if (route.size() < 2) {
                route = List.of();
            }
            highways.add(new Highway(id, h.name(), route, evidence(List.of(h.routeEvidence()))));
        }
        // places the routes added late
        for (Map.Entry<String, String> e : placeIds.entrySet()) {
            if (places.stream().noneMatch(p -> p.id().equals(e.getValue()))) {
                PlaceEntity p = ctx.places.get(e.getKey());
                places.add(new Place(e.getValue(), p.name(), p.kind(), null, p.geonames(), null, List.of()));
            }
        }
        return new ArticleFacts(article, actors, places, highways, events, controlStates, figs);
    }

    /**
     * The id of the place in this article that contains {@code p}: its province when the article
     * names it, else its country when the article names that; null otherwise.
     */
    private String within(PlaceEntity p) {
        if (p.country() == null || p.kind() == org.conflictkg.facts.PlaceKind.COUNTRY) {
            return null;
        }
        String country = null;
        for (PlaceEntity o : ctx.places.values()) {
            if (o == p || !p.country().equals(o.country())) {
                continue;
            }
            if (o.kind() == org.conflictkg.facts.PlaceKind.PROVINCE && p.kind() != org.conflictkg.facts.PlaceKind.PROVINCE
                    && p.admin1() != null && p.admin1().equals(o.admin1()) && placeIds.containsKey(o.key())) {
                return placeIds.get(o.key());
            }
            if (o.kind() == org.conflictkg.facts.PlaceKind.COUNTRY && placeIds.containsKey(o.key())) {
                country = placeIds.get(o.key());
            }
        }
        return country;
    }

    /** Who held the place before: a control state of it by a side not allied to the gainer, else the gainer's opponent. */
    /**
     * How sure extraction is of a figure: high for a number with its measure and source; lower
     * for vague quantities ("dozens", "hundreds") and for figures the sentence attributes to no one.
     */
    private static final java.util.regex.Pattern VAGUE = java.util.regex.Pattern.compile(
            "\\b(?:dozens|scores|hundreds|thousands|tens of thousands|hundreds of thousands)\\b",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    private double figureConfidence(FigureFinder.Found f) {
        double c = 0.85;
        if (f.group() == null) {
            c -= 0.05;
        }
        if (f.according().isEmpty()) {
            c -= 0.1;
        }
        if (f.evidence() != null && VAGUE.matcher(ctx.body.substring(f.evidence().start(), f.evidence().end())).find()) {
            c -= 0.15; // read from "dozens", "scores", "hundreds", "thousands"
        }
        return ControlConfidence.round(c);
    }

    private String holder(ControlChange c, List<ControlStateFinder.State> states) {
        if (c.place() != null) {
            for (ControlStateFinder.State s : states) {
                if (s.place().equals(c.place()) && !ctx.allied(s.controller(), c.to())) {
                    return s.controller();
                }
            }
        }
        return ctx.opponentOf(c.to());
    }

    private String placeId(String key) {
        String id = placeIds.get(key);
        if (id == null) {
            PlaceEntity p = ctx.places.get(key);
            String base = NameFolding.slug(p.name());
            if (p.kind() == org.conflictkg.facts.PlaceKind.PROVINCE && !base.endsWith("province")) {
                base = base + "-" + p.kind().code();
            }
            id = uniqueId(base.isEmpty() ? "place" : base);
            placeIds.put(key, id);
        }
        return id;
    }

    private String highwayId(String key) {
        return highwayIds.computeIfAbsent(key, k -> uniqueId(k.toLowerCase(Locale.ROOT)));
    }

    private String uniqueId(String base) {
        String id = base;
        int n = 2;
        while (!used.add(id) || ctx.lexicon.actor(id) != null || ctx.actors.containsKey(id)) {
            id = base + "-" + n++;
        }
        return id;
    }

    private String unique(String base, Map<String, Integer> counts) {
        int n = counts.merge(base, 1, Integer::sum);
        return uniqueId(n == 1 ? base : base + "-" + n);
    }

    private List<Evidence> evidence(List<Span> spans) {
        List<Evidence> out = new ArrayList<>();
        for (Span s : spans) {
            Evidence e = offsets.evidence(s);
            if (!out.contains(e)) {
                out.add(e);
            }
        }
        return out;
    }
}
