package org.conflictkg.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final Pattern COUNTRY_CUES = Pattern.compile(
            "\\b(Syria|Syrian|Damascus|Idlib|Aleppo|Ukraine|Ukrainian|Kyiv|Kharkiv|Donetsk|Iraq|Iraqi|Baghdad|Mosul"
                    + "|Lebanon|Lebanese|Beirut)\\b");

    private final PlaceResolver places;
    private final ActorLexicon actors;
    private final List<ControlPattern> controlPatterns;
    private final FigureFinder figures;
    private final ActorFinder actorFinder;
    private final ControlChangeFinder controlChanges;
    private final Alignments alignments = Alignments.bundled();

    private Extractor(Builder b) {
        this.places = b.places != null ? b.places : LinkPlaceResolver.bundled();
        this.actors = b.actors != null ? b.actors : ActorLexicon.bundled();
        this.controlPatterns = b.controlPatterns != null ? b.controlPatterns : ControlPattern.bundled();
        this.figures = b.figures != null ? b.figures : FigureFinder.bundled();
        this.actorFinder = new ActorFinder(actors);
        this.controlChanges = new ControlChangeFinder(controlPatterns);
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

        public Extractor build() {
            return new Extractor(this);
        }
    }

    public ArticleFacts extract(ArticleText article) {
        String body = article.body();
        List<Sentence> sentences = SentenceSplitter.split(body);
        String country = country(body);
        List<String> countries = new ArrayList<>();
        if (country != null) {
            countries.add(country);
        }
        for (String c : List.of("SY", "UA", "IQ", "LB", "JO")) {
            if (!countries.contains(c)) {
                countries.add(c);
            }
        }
        List<Mention> actorMentions = actorFinder.find(body, country);
        PlaceFinder.Result placeResult = new PlaceFinder(places).find(body, countries, actorMentions);
        HighwayFinder.Result highwayResult = HighwayFinder.find(body, placeResult.mentions());
        List<DateMention> dates = new ArrayList<>();
        for (Sentence s : sentences) {
            dates.addAll(DateResolver.find(s.text(), s.start(), article.published()));
        }
        AttributionFinder attribution = new AttributionFinder();
        for (Sentence s : sentences) {
            attribution.findPersons(s, actorMentions);
        }
        List<Mention> sources = new ArrayList<>(actorMentions);
        sources.addAll(attribution.personMentions());
        sources.sort(java.util.Comparator.comparingInt(Mention::start));
        Map<String, ActorEntity> persons = new LinkedHashMap<>(attribution.persons());
        ArticleContext ctx = new ArticleContext(article, country, sentences, actorMentions, placeResult, highwayResult,
                dates, actors, alignments, persons);
        persons.values().forEach(p -> ctx.actors.putIfAbsent(p.id(), p));
        List<AttributionFinder.Attribution> attrs = new ArrayList<>();
        for (Sentence s : sentences) {
            attrs.add(attribution.find(s, sources, ctx));
        }
        List<ControlChange> changes = controlChanges.find(ctx, attrs);
        List<ControlStateFinder.State> states = ControlStateFinder.find(ctx, changes);
        List<FigureFinder.Found> figs = figures.find(ctx, attrs);
        return new FactsAssembler(ctx).assemble(sources, persons, changes, states, figs);
    }

    /** The ISO code of the country the article is most about, by the words that name it; null if none. */
    static String country(String body) {
        Map<String, Integer> counts = new HashMap<>();
        Matcher m = COUNTRY_CUES.matcher(body);
        while (m.find()) {
            String c = switch (m.group(1)) {
                case "Ukraine", "Ukrainian", "Kyiv", "Kharkiv", "Donetsk" -> "UA";
                case "Iraq", "Iraqi", "Baghdad", "Mosul" -> "IQ";
                case "Lebanon", "Lebanese", "Beirut" -> "LB";
                default -> "SY";
            };
            counts.merge(c, 1, Integer::sum);
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }
}
