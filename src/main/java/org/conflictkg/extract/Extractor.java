package org.conflictkg.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.conflictkg.facts.ArticleFacts;

/**
 * Drafts the facts of one article. The pipeline: sentences, the article's country, actors, places,
 * highways, dates, people and attribution, control changes, control states, figures, assembly.
 * Deterministic and offline; an instance is immutable and may be shared by threads.
 *
 * <pre>{@code
 * Extractor x = Extractor.builder().build();             // bundled gazetteer, registry and patterns
 * ArticleFacts facts = x.extract(ArticleText.read(path));
 * }</pre>
 */
public final class Extractor {
    private final PlaceResolver places;
    private final ActorLexicon actors;
    private final List<ControlPattern> controlPatterns;
    private final FigureFinder figures;
    private final ActorFinder actorFinder;
    private final ControlChangeFinder controlChanges;
    private final Alignments alignments = Alignments.bundled();
    private final Countries countryTable = Countries.bundled();
    private final java.util.function.Consumer<String> warnings;

    private Extractor(Builder b) {
        this.places = b.places != null ? b.places : LinkPlaceResolver.bundled();
        this.actors = b.actors != null ? b.actors : ActorLexicon.bundled();
        this.controlPatterns = b.controlPatterns != null ? b.controlPatterns : ControlPattern.bundled();
        this.figures = b.figures != null ? b.figures : FigureFinder.bundled();
        this.actorFinder = new ActorFinder(actors);
        this.controlChanges = new ControlChangeFinder(controlPatterns);
        this.warnings = b.warnings != null ? b.warnings : w -> { };
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder; anything not set is the bundled default. */
    public static final class Builder {
        private PlaceResolver places;
        private ActorLexicon actors;
        private List<ControlPattern> controlPatterns;
        private FigureFinder figures;
        private java.util.function.Consumer<String> warnings;

        public Builder places(PlaceResolver r) {
            this.places = r;
            return this;
        }

        public Builder actors(ActorLexicon l) {
            this.actors = l;
            return this;
        }

        public Builder controlPatterns(List<ControlPattern> p) {
            this.controlPatterns = List.copyOf(p);
            return this;
        }

        public Builder figures(FigureFinder f) {
            this.figures = f;
            return this;
        }

        /**
         * Where to say that an article names no known actor or no country (one line each, naming
         * the article); by default nowhere.
         */
        public Builder warnings(java.util.function.Consumer<String> w) {
            this.warnings = w;
            return this;
        }

        public Extractor build() {
            return new Extractor(this);
        }
    }

    public ArticleFacts extract(ArticleText article) {
        String body = article.body();
        int[] overLong = {0};
        List<Sentence> sentences = SentenceSplitter.split(body, SentenceSplitter.MAX_LENGTH, span -> overLong[0]++);
        if (overLong[0] > 0) {
            warnings.accept(article.name() + ": " + overLong[0] + " sentence" + (overLong[0] == 1 ? "" : "s")
                    + " longer than " + SentenceSplitter.MAX_LENGTH + " characters cut at word breaks");
        }
        // the article's countries: the words that name them, then its actors, then its places
        Map<String, Integer> votes = new HashMap<>();
        for (Countries.Cue c : countryTable.cues(body)) {
            votes.merge(c.country().code(), 1, Integer::sum);
        }
        List<Mention> anyCountry = actorFinder.anyCountry(body);
        voteActors(actorFinder.find(body, null, anyCountry), votes);
        List<String> countries = ranked(votes);
        String country = countries.isEmpty() ? null : countries.get(0);
        List<Mention> actorMentions = actorFinder.find(body, country, anyCountry);
        PlaceFinder.Result placeResult = new PlaceFinder(places).find(body, country, lookupOrder(countries), actorMentions);
        for (Mention m : placeResult.mentions()) {
            PlaceEntity p = placeResult.places().get(m.ref());
            if (p.country() != null && p.kind() != org.conflictkg.facts.PlaceKind.COUNTRY) {
                votes.merge(p.country(), p.geonames() != null ? 2 : 1, Integer::sum);
            }
        }
        List<String> byPlaces = ranked(votes);
        if (!byPlaces.isEmpty() && !byPlaces.get(0).equals(country)) {
            countries = byPlaces;
            country = byPlaces.get(0);
            actorMentions = actorFinder.find(body, country, anyCountry);
            placeResult = new PlaceFinder(places).find(body, country, lookupOrder(countries), actorMentions);
        }
        if (country == null) {
            warnings.accept(article.name() + ": no country found (no country, place or actor of one is named)");
        }
        if (actorMentions.stream().map(m -> actors.actor(m.ref())).noneMatch(a -> a != null && a.fights())) {
            warnings.accept(article.name() + ": no known actor (the actor registry names none of its fighting sides)");
        }
        HighwayFinder.Result highwayResult = HighwayFinder.find(body, placeResult.mentions());
        List<DateMention> dates = new ArrayList<>();
        for (Sentence s : sentences) {
            checkpoint();
            dates.addAll(DateResolver.find(s.text(), s.start(), article.published()));
        }
        AttributionFinder attribution = new AttributionFinder();
        for (Sentence s : sentences) {
            checkpoint();
            attribution.findPersons(s, actorMentions);
        }
        List<Mention> sources = new SortedMentions(actorMentions);
        sources.addAll(attribution.personMentions());
        sources.sort(java.util.Comparator.comparingInt(Mention::start));
        Map<String, ActorEntity> persons = new LinkedHashMap<>(attribution.persons());
        ArticleContext ctx = new ArticleContext(article, country, sentences, actorMentions, placeResult, highwayResult,
                dates, actors, alignments, persons);
        persons.values().forEach(p -> ctx.actors.putIfAbsent(p.id(), p));
        List<AttributionFinder.Attribution> attrs = new ArrayList<>();
        for (Sentence s : sentences) {
            checkpoint();
            attrs.add(attribution.find(s, sources, ctx));
        }
        List<ControlChange> changes = controlChanges.find(ctx, attrs);
        List<ControlStateFinder.State> states = ControlStateFinder.find(ctx, changes);
        changes = new ArrayList<>(changes);
        changes.addAll(ControlStateFinder.starts(ctx, states, changes));
        List<FigureFinder.Found> figs = figures.find(ctx, attrs);
        return new FactsAssembler(ctx).assemble(sources, persons, changes, states, figs);
    }

    /**
     * A point where an extraction stops, throwing {@link ExtractException#interrupted}, when its
     * thread is interrupted: a batch's time budget per article interrupts the thread of an article
     * that runs over it. Every stage reaches one at least once per sentence or match.
     */
    static void checkpoint() {
        if (Thread.currentThread().isInterrupted()) {
            throw ExtractException.interrupted("extraction interrupted");
        }
    }

    /**
     * Names are looked up in the article's countries (never on another continent); when nothing
     * names a country, in every country of the table, in its order.
     */
    private List<String> lookupOrder(List<String> countries) {
        return countries.isEmpty() ? countryTable.codes() : countries;
    }

    /**
     * State forces and armed groups of a country vote for it when named by the registry ("the RSF",
     * not "rebels"); foreign states, bodies, sources and persons do not. The registry's generic words
     * ("rebels", "regime forces") vote only when nothing else does.
     */
    private void voteActors(List<Mention> mentions, Map<String, Integer> votes) {
        Map<String, Integer> generic = new HashMap<>();
        for (Mention m : mentions) {
            ActorEntity a = actors.actor(m.ref());
            if (a != null && a.country() != null && actors.isGenericAlias(m.text())) {
                generic.merge(a.country(), 1, Integer::sum);
            }
            if (a != null && a.country() != null && actors.isRegistryName(m.text()) && (a.kind() == org.conflictkg.facts.ActorKind.STATE_FORCE
                    || a.kind() == org.conflictkg.facts.ActorKind.ARMED_GROUP)) {
                votes.merge(a.country(), 1, Integer::sum);
            }
        }
        if (votes.isEmpty()) {
            votes.putAll(generic); // a generic word ("rebels") decides only where nothing else names a country
        }
    }

    /** Country codes by votes, most first; ties by code, so that the answer depends on nothing else. */
    private static List<String> ranked(Map<String, Integer> votes) {
        List<String> out = new ArrayList<>(votes.keySet());
        out.sort(java.util.Comparator.<String>comparingInt(votes::get).reversed().thenComparing(java.util.Comparator.naturalOrder()));
        return out;
    }
}
