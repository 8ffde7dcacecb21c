package org.conflictkg.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the mention stages found in one article, shared by the pattern stages: sentences, actor,
 * place, highway and date mentions, and the entities they refer to. Also answers the discourse
 * questions patterns ask: what "the city" or "they" refers to, and who an actor's opponent is.
 */
public final class ArticleContext {
    final ArticleText article;
    final String body;
    final LocalDate published;
    final String country;
    final List<Sentence> sentences;
    final List<Mention> actorMentions;
    final List<Mention> placeMentions;
    final List<Mention> highwayMentions;
    final List<DateMention> dates;
    /** Whether {@link #dates} are in text order, so that {@link #datesIn} may search them. */
    private final boolean datesSorted;
    final Map<String, ActorEntity> actors = new LinkedHashMap<>();
    final Map<String, PlaceEntity> places;
    final Map<String, HighwayFinder.HighwayEntity> highways;
    final ActorLexicon lexicon;
    final Alignments alignments;
    private static final java.util.regex.Pattern CONTAINER_GAP = java.util.regex.Pattern.compile(
            "^,? (?:in|near|outside) (?:the )?(?:(?:town|city|province|region|district) of )?$");
    /** Actors that gain control in events found so far, with counts (filled by the control-change stage). */
    final Map<String, Integer> gainers = new LinkedHashMap<>();
    /** The gainers of changes whose sentence names them, by the position of their words (filled by the control-change stage). */
    final java.util.NavigableMap<Integer, String> namedGains = new java.util.TreeMap<>();

    ArticleContext(ArticleText article, String country, List<Sentence> sentences, List<Mention> actorMentions,
                   PlaceFinder.Result places, HighwayFinder.Result highways, List<DateMention> dates,
                   ActorLexicon lexicon, Alignments alignments, Map<String, ActorEntity> extraActors) {
        this.article = article;
        this.body = article.body();
        this.published = article.published();
        this.country = country;
        this.sentences = sentences;
        this.actorMentions = actorMentions;
        this.placeMentions = places.mentions();
        this.places = places.places();
        this.highwayMentions = highways.mentions();
        this.highways = highways.highways();
        this.dates = dates;
        boolean inOrder = true;
        for (int i = 1; i < dates.size() && inOrder; i++) {
            inOrder = dates.get(i - 1).span().start() <= dates.get(i).span().start();
        }
        this.datesSorted = inOrder;
        this.lexicon = lexicon;
        this.alignments = alignments;
        for (Mention m : actorMentions) {
            ActorEntity a = lexicon.actor(m.ref());
            if (a == null) {
                a = extraActors.get(m.ref());
            }
            if (a != null) {
                actors.putIfAbsent(a.id(), a);
            }
        }
    }

    /** The state force of the article's country (who "government forces" are; {@code countries.tsv}), or null. */
    String stateActor() {
        Countries.Country c = Countries.bundled().byCode(country);
        return c == null ? null : c.state();
    }

    /** The armed group "rebel-held" means in the article's country ({@code countries.tsv}), or null. */
    String rebelActor() {
        Countries.Country c = Countries.bundled().byCode(country);
        return c == null ? null : c.rebels();
    }

    /** Makes a lexicon actor known to this article even if no mention named it ("rebel-held"). */
    void ensureActor(String id) {
        ActorEntity a = lexicon.actor(id);
        if (a != null) {
            actors.putIfAbsent(id, a);
        }
    }

    public ActorEntity actor(String id) {
        return id == null ? null : actors.get(id);
    }

    public PlaceEntity place(String key) {
        return places.get(key);
    }

    public String side(String actorId) {
        ActorEntity a = actor(actorId);
        return a == null ? null : a.coarseSide();
    }

    List<Mention> actorsIn(Span s) {
        return MentionLib.within(actorMentions, s);
    }

    List<Mention> placesIn(Span s) {
        return MentionLib.within(placeMentions, s);
    }

    List<DateMention> datesIn(Span s) {
        List<DateMention> out = new ArrayList<>();
        if (datesSorted) {
            // binary search for the first date that starts at or after s.start()
            int lo = 0;
            int hi = dates.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (dates.get(mid).span().start() < s.start()) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            for (int i = lo; i < dates.size() && dates.get(i).span().start() <= s.end(); i++) {
                if (s.contains(dates.get(i).span())) {
                    out.add(dates.get(i));
                }
            }
            return out;
        }
        for (DateMention d : dates) {
            if (s.contains(d.span())) {
                out.add(d);
            }
        }
        return out;
    }

    /** The settlement (city, town, village) or, failing that, any place last named before {@code pos}. */
    String lastSettlementBefore(int pos) {
        String any = null;
        for (int i = MentionLib.lastStartingAtOrBefore(placeMentions, pos); i >= 0; i--) {
            Mention m = placeMentions.get(i);
            if (m.end() > pos) {
                continue;
            }
            PlaceEntity p = places.get(m.ref());
            if (p.settlement()) {
                return p.key();
            }
            if (any == null && p.kind() != org.conflictkg.facts.PlaceKind.COUNTRY
                    && p.kind() != org.conflictkg.facts.PlaceKind.PROVINCE) {
                any = p.key();
            }
        }
        return any;
    }

    /** The actor last named before {@code pos}; {@code fighting} keeps only actors that hold ground. */
    String lastActorBefore(int pos, boolean fighting) {
        for (int i = MentionLib.lastStartingAtOrBefore(actorMentions, pos); i >= 0; i--) {
            Mention m = actorMentions.get(i);
            if (m.end() <= pos) {
                ActorEntity a = actor(m.ref());
                if (a != null && (!fighting || a.fights())) {
                    return a.id();
                }
            }
        }
        return null;
    }

    /** The armed group or alliance last named before {@code pos} (what "the group" refers to), or null. */
    String lastArmedGroupBefore(int pos) {
        for (int i = actorMentions.size() - 1; i >= 0; i--) {
            Mention m = actorMentions.get(i);
            ActorEntity a = actor(m.ref());
            if (m.end() <= pos && a != null && (a.kind() == org.conflictkg.facts.ActorKind.ARMED_GROUP
                    || a.kind() == org.conflictkg.facts.ActorKind.ALLIANCE)) {
                return a.id();
            }
        }
        return null;
    }

    /** The fighting actor that stands for {@code actorId}'s side ("its forces" after "Turkey's defence ministry"). */
    String forceOf(String actorId) {
        ActorEntity a = actor(actorId);
        if (a == null || a.fights() || a.coarseSide() == null) {
            return a == null ? null : a.id();
        }
        String best = null;
        int bestCount = 0;
        for (ActorEntity o : actors.values()) {
            if (o.fights() && Objects.equals(o.coarseSide(), a.coarseSide())) {
                int c = count(o.id());
                if (c > bestCount) {
                    best = o.id();
                    bestCount = c;
                }
            }
        }
        return best;
    }

    /** Adds a place found by a pattern stage, and its mention, keeping mentions in text order. */
    Mention addPlace(PlaceEntity p, Span span, String text) {
        PlaceEntity known = places.putIfAbsent(p.key(), p);
        Mention m = new Mention(span, text, (known != null ? known : p).key());
        int i = 0;
        while (i < placeMentions.size() && placeMentions.get(i).start() < span.start()) {
            i++;
        }
        placeMentions.add(i, m);
        return m;
    }

    /** True when the two actors are on one side or allied sides. */
    boolean allied(String a, String b) {
        return alignments.allied(side(a), side(b));
    }

    /**
     * The local force that holds what {@code actorId} takes: itself unless it is a state from
     * outside the article's country fighting beside a local force of an allied side named in the
     * article, then that force (the most named).
     */
    String holderFor(String actorId) {
        ActorEntity a = actor(actorId);
        if (a == null || !a.foreignTo(country)) {
            return actorId;
        }
        String best = actorId;
        int bestCount = 0;
        for (ActorEntity o : actors.values()) {
            if (o.fights() && !o.foreignTo(country) && alignments.allied(o.coarseSide(), a.coarseSide())) {
                int c = count(o.id()) + gainers.getOrDefault(o.id(), 0) * 100;
                if (c > bestCount) {
                    best = o.id();
                    bestCount = c;
                }
            }
        }
        return best;
    }

    /**
     * What "the city", "the town" or "it" at {@code pos} refers to: a settlement named earlier in
     * the same sentence; else the latest-named of {@code topics} (places control statements are
     * about); else the last settlement named. Null if none.
     */
    String resolveAnaphor(int pos, Sentence s, Set<String> topics) {
        String inSentence = null;
        Mention previous = null;
        for (Mention m : pos >= s.start() ? MentionLib.within(placeMentions, new Span(s.start(), pos)) : List.<Mention>of()) {
            if (m.start() >= s.start() && m.end() <= pos) {
                // "X in Y": Y only locates X, so "it" is X
                boolean container = previous != null && CONTAINER_GAP.matcher(body.substring(previous.end(), m.start())).matches();
                if (places.get(m.ref()).settlement() && !container) {
                    inSentence = m.ref();
                }
                previous = m;
            }
        }
        if (inSentence != null) {
            return inSentence;
        }
        for (int i = MentionLib.lastStartingAtOrBefore(placeMentions, pos); i >= 0; i--) {
            Mention m = placeMentions.get(i);
            if (m.end() <= pos && topics.contains(m.ref()) && places.get(m.ref()).settlement()) {
                return m.ref();
            }
        }
        return lastSettlementBefore(pos);
    }

    /**
     * Who gains in a statement that names no gainer ("the fall of X", "X was retaken") at {@code pos}:
     * the gainer of the nearest change before it that names its gainer; else the gainer of the most
     * such changes, on a tie the first in the text. It depends on positions only, never on the order
     * in which statements were read. Null when no change names its gainer.
     */
    String gainerBefore(int pos) {
        Map.Entry<Integer, String> before = namedGains.floorEntry(pos);
        if (before != null) {
            return before.getValue();
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        namedGains.values().forEach(a -> counts.merge(a, 1, Integer::sum));
        String best = null;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (best == null || e.getValue() > counts.get(best)) {
                best = e.getKey();
            }
        }
        return best;
    }

    /** How often each actor is named (the actor mentions do not change once found). */
    private Map<String, Integer> mentionCounts;

    int count(String actorId) {
        if (mentionCounts == null) {
            Map<String, Integer> counts = new HashMap<>();
            for (Mention m : actorMentions) {
                counts.merge(m.ref(), 1, Integer::sum);
            }
            mentionCounts = counts;
        }
        return mentionCounts.getOrDefault(actorId, 0);
    }

    /**
     * Who fights {@code actorId} in this article: the actor of another side that gains ground most
     * often in the article's control changes, else the most named fighting actor of another side,
     * local forces before foreign states (a foreign state fighting beside local allies leaves the
     * ground to them). Null when the article names no such actor.
     */
    String opponentOf(String actorId) {
        String side = side(actorId);
        if (side == null) {
            return null;
        }
        String best = null;
        int bestScore = 0;
        for (ActorEntity o : actors.values()) {
            if (!o.fights() || o.coarseSide() == null || alignments.allied(o.coarseSide(), side)) {
                continue;
            }
            int score = gainers.getOrDefault(o.id(), 0) * 1000 + count(o.id()) * 10
                    + (o.foreignTo(country) ? 0 : 500);
            if (score > bestScore) {
                best = o.id();
                bestScore = score;
            }
        }
        return best;
    }
}
