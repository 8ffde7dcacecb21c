package org.conflictkg.review;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.conflictkg.extract.Countries;
import org.conflictkg.facts.Actor;
import org.conflictkg.facts.ArticleFacts;
import org.conflictkg.facts.Event;
import org.conflictkg.facts.FactsReader;
import org.conflictkg.facts.Figure;
import org.conflictkg.facts.Place;
import org.conflictkg.gazetteer.Gazetteer;

/**
 * How good the drafts of a review folder were: each {@code NAME.draft.json} is paired with its
 * reviewed {@code NAME.json} and every drafted fact is scored. A drafted fact that the reviewed
 * document holds unchanged (same id, same content, confidence aside) was right; one that was
 * rejected or edited was wrong; a reviewed fact that is not an unchanged draft fact (edited or
 * added) was missed. Precision is the share of drafted facts kept, recall the share of reviewed
 * facts the draft held. Drafts without a reviewed document are listed, not scored.
 *
 * <pre>{@code
 * ReviewReport report = ReviewReport.of(dir);
 * report.print(out);
 * double p = report.byKind().get(ReviewReport.Kind.FIGURE).precision();
 * }</pre>
 */
public final class ReviewReport {

    /** The file name ending of a draft kept for review. */
    public static final String DRAFT_SUFFIX = ".draft.json";

    /** The kinds of fact scored. */
    public enum Kind {
        CONTROL_CHANGE("control changes"), CONTROL_STATE("control states"), FIGURE("figures"), ACTOR("actors"),
        PLACE("places");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Confidence bands of the facts that carry a confidence (control changes and figures). */
    public enum Band {
        LOW("< 0.5"), MIDDLE("0.5 to 0.8"), HIGH(">= 0.8"), NONE("none");

        private final String label;

        Band(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The band of a confidence: below 0.5, from 0.5 up to 0.8, from 0.8; null is {@link #NONE}. */
        public static Band of(Double confidence) {
            if (confidence == null) {
                return NONE;
            }
            return confidence < 0.5 ? LOW : confidence < 0.8 ? MIDDLE : HIGH;
        }
    }

    /** What became of a fact: a drafted one kept, rejected or edited; or one the reviewer added. */
    public enum Outcome {
        KEPT, REJECTED, EDITED, ADDED
    }

    /**
     * One scored fact: a drafted fact (kept, rejected, edited), or a reviewed fact the draft did not
     * hold (added). {@code band} is null for kinds without a confidence; an edited fact is in the
     * band of its draft.
     */
    public record Fact(String article, String war, Kind kind, String id, Band band, Outcome outcome) {
    }

    /** One article of the folder: its name (NAME of NAME.draft.json), article id, war, and whether it was reviewed. */
    public record Article(String name, String id, String war, boolean reviewed) {
    }

    /**
     * Counts of outcomes. {@code draft} facts = kept + rejected + edited; {@code reviewed} facts =
     * kept + edited + added. Precision and recall are NaN when there is nothing to divide by.
     */
    public record Score(int kept, int rejected, int edited, int added) {
        public static final Score ZERO = new Score(0, 0, 0, 0);

        public int draft() {
            return kept + rejected + edited;
        }

        public int reviewed() {
            return kept + edited + added;
        }

        /** Kept drafted facts over drafted facts. */
        public double precision() {
            return draft() == 0 ? Double.NaN : (double) kept / draft();
        }

        /** Kept drafted facts over reviewed facts. */
        public double recall() {
            return reviewed() == 0 ? Double.NaN : (double) kept / reviewed();
        }

        Score plus(Outcome o) {
            return new Score(kept + (o == Outcome.KEPT ? 1 : 0), rejected + (o == Outcome.REJECTED ? 1 : 0),
                    edited + (o == Outcome.EDITED ? 1 : 0), added + (o == Outcome.ADDED ? 1 : 0));
        }
    }

    private final Path dir;
    private final List<Article> articles;
    private final List<Fact> facts;

    private ReviewReport(Path dir, List<Article> articles, List<Fact> facts) {
        this.dir = dir;
        this.articles = List.copyOf(articles);
        this.facts = List.copyOf(facts);
    }

    /**
     * Reads every {@code NAME.draft.json} of {@code dir} (not its sub-folders) and the
     * {@code NAME.json} beside it, if any; the wars come from the bundled gazetteer.
     *
     * @throws ReviewException if {@code dir} is not a folder or a pair describes two articles
     * @throws org.conflictkg.facts.FactsException if a document is invalid
     */
    public static ReviewReport of(Path dir) {
        return of(dir, Gazetteer::bundled);
    }

    /** As {@link #of(Path)}, resolving places to countries with {@code gazetteer} (asked for only if needed). */
    public static ReviewReport of(Path dir, Supplier<Gazetteer> gazetteer) {
        if (!Files.isDirectory(dir)) {
            throw ReviewException.badInput(dir + ": not a folder; expected a review folder of NAME.draft.json files");
        }
        List<Path> drafts;
        try (Stream<Path> s = Files.list(dir)) {
            drafts = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(DRAFT_SUFFIX))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw ReviewException.badInput("cannot list " + dir + ": " + e.getMessage());
        }
        Gazetteer[] loaded = new Gazetteer[1];
        Wars wars = new Wars(Countries.bundled(), () -> {
            if (loaded[0] == null) {
                loaded[0] = gazetteer.get();
            }
            return loaded[0];
        });
        List<Article> articles = new ArrayList<>();
        List<Fact> facts = new ArrayList<>();
        for (Path draftFile : drafts) {
            String file = draftFile.getFileName().toString();
            String name = file.substring(0, file.length() - DRAFT_SUFFIX.length());
            ArticleFacts draft = FactsReader.read(draftFile);
            Path reviewedFile = draftFile.resolveSibling(name + ".json");
            if (!Files.isRegularFile(reviewedFile)) {
                articles.add(new Article(name, draft.article().id(), null, false));
                continue;
            }
            ArticleFacts reviewed = FactsReader.read(reviewedFile);
            if (!reviewed.article().id().equals(draft.article().id())) {
                throw ReviewException.badInput(reviewedFile + ": article id \"" + reviewed.article().id()
                        + "\" is not its draft's (\"" + draft.article().id() + "\" in " + file
                        + "); expected the reviewed document of the same article");
            }
            String war = wars.of(reviewed);
            articles.add(new Article(name, draft.article().id(), war, true));
            new Scorer(name, war, facts).score(draft, reviewed);
        }
        return new ReviewReport(dir, articles, facts);
    }

    /** The articles of the folder, reviewed or not, by name. */
    public List<Article> articles() {
        return articles;
    }

    /** Every scored fact, article by article, kind by kind. */
    public List<Fact> facts() {
        return facts;
    }

    /** All scored facts. */
    public Score total() {
        return score(f -> true);
    }

    /** Scores per kind of fact, every kind, in the order of {@link Kind}. */
    public Map<Kind, Score> byKind() {
        Map<Kind, Score> out = new LinkedHashMap<>();
        for (Kind k : Kind.values()) {
            out.put(k, score(f -> f.kind() == k));
        }
        return out;
    }

    /** Scores per war (see docs/review.md), in order of first reviewed article. */
    public Map<String, Score> byWar() {
        Map<String, Score> out = new LinkedHashMap<>();
        articles.stream().filter(Article::reviewed).map(Article::war).distinct()
                .forEach(w -> out.put(w, score(f -> f.war().equals(w))));
        return out;
    }

    /** Scores of control changes and figures per confidence band, every band, in the order of {@link Band}. */
    public Map<Band, Score> byBand() {
        Map<Band, Score> out = new LinkedHashMap<>();
        for (Band b : Band.values()) {
            out.put(b, score(f -> f.band() == b));
        }
        return out;
    }

    private Score score(Predicate<Fact> which) {
        Score s = Score.ZERO;
        for (Fact f : facts) {
            if (which.test(f)) {
                s = s.plus(f.outcome());
            }
        }
        return s;
    }

    /** Prints the report: the articles, then tables by kind, by war and by confidence band. */
    public void print(PrintWriter out) {
        long reviewed = articles.stream().filter(Article::reviewed).count();
        List<String> open = articles.stream().filter(a -> !a.reviewed()).map(Article::name).toList();
        out.println("review report of " + dir);
        out.println("articles: " + articles.size() + " drafted, " + reviewed + " reviewed, " + open.size()
                + " not reviewed yet" + (open.isEmpty() ? "" : " (" + String.join(", ", open) + ")"));
        out.println();
        table(out, "kind of fact", byKind().entrySet().stream()
                .map(e -> Map.entry(e.getKey().label(), e.getValue())).toList(), true);
        out.println();
        table(out, "war", byWar().entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList(), false);
        out.println();
        table(out, "confidence", byBand().entrySet().stream()
                .map(e -> Map.entry(e.getKey().label(), e.getValue())).toList(), false);
        out.println("(confidence: control changes and figures; an edited fact counts in its draft's band)");
        out.flush();
    }

    private void table(PrintWriter out, String heading, List<Map.Entry<String, Score>> rows, boolean withTotal) {
        int width = heading.length();
        for (var r : rows) {
            width = Math.max(width, r.getKey().length());
        }
        String format = "%-" + width + "s %6s %9s %5s %9s %7s %6s %10s %7s%n";
        out.printf(Locale.ROOT, format, heading, "draft", "reviewed", "kept", "rejected", "edited", "added",
                "precision", "recall");
        for (var r : rows) {
            row(out, format, r.getKey(), r.getValue());
        }
        if (withTotal) {
            row(out, format, "all", total());
        }
    }

    private static void row(PrintWriter out, String format, String label, Score s) {
        out.printf(Locale.ROOT, format, label, s.draft(), s.reviewed(), s.kept(), s.rejected(), s.edited(), s.added(),
                ratio(s.precision()), ratio(s.recall()));
    }

    private static String ratio(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }

    // ------------------------------------------------------------------ matching

    /** Scores one draft against its reviewed document, kind by kind. */
    private record Scorer(String article, String war, List<Fact> out) {

        void score(ArticleFacts draft, ArticleFacts reviewed) {
            byId(Kind.CONTROL_CHANGE, controlChanges(draft), controlChanges(reviewed), Event::id,
                    Scorer::withoutConfidence, Event::confidence);
            byContent(Kind.CONTROL_STATE, draft.controlStates(), reviewed.controlStates());
            byId(Kind.FIGURE, draft.figures(), reviewed.figures(), Figure::id, Scorer::withoutConfidence,
                    Figure::confidence);
            byId(Kind.ACTOR, draft.actors(), reviewed.actors(), Actor::id, a -> a, null);
            byId(Kind.PLACE, draft.places(), reviewed.places(), Place::id, p -> p, null);
        }

        private static List<Event> controlChanges(ArticleFacts f) {
            return f.events().stream().filter(Event::isControlChange).toList();
        }

        /** Facts with ids: the same id with the same content is kept, with other content edited. */
        private <T> void byId(Kind kind, List<T> draft, List<T> reviewed, Function<T, String> id,
                              UnaryOperator<T> content, Function<T, Double> confidence) {
            Map<String, T> reviewedById = new HashMap<>();
            reviewed.forEach(r -> reviewedById.put(id.apply(r), r));
            Set<String> drafted = new HashSet<>();
            for (T d : draft) {
                String key = id.apply(d);
                drafted.add(key);
                T r = reviewedById.get(key);
                Outcome o = r == null ? Outcome.REJECTED
                        : content.apply(d).equals(content.apply(r)) ? Outcome.KEPT : Outcome.EDITED;
                add(kind, key, confidence == null ? null : Band.of(confidence.apply(d)), o);
            }
            for (T r : reviewed) {
                if (!drafted.contains(id.apply(r))) {
                    add(kind, id.apply(r), confidence == null ? null : Band.of(confidence.apply(r)), Outcome.ADDED);
                }
            }
        }

        /** Facts without ids (control states): an equal reviewed fact keeps a drafted one, each at most once. */
        private <T> void byContent(Kind kind, List<T> draft, List<T> reviewed) {
            List<T> left = new ArrayList<>(reviewed);
            for (T d : draft) {
                add(kind, null, null, left.remove(d) ? Outcome.KEPT : Outcome.REJECTED);
            }
            left.forEach(r -> add(kind, null, null, Outcome.ADDED));
        }

        private void add(Kind kind, String id, Band band, Outcome outcome) {
            out.add(new Fact(article, war, kind, id, band, outcome));
        }

        private static Event withoutConfidence(Event e) {
            return new Event(e.id(), e.type(), e.name(), e.place(), e.highway(), e.from(), e.to(), e.status(),
                    e.actors(), e.against(), e.places(), e.group(), e.distanceKm(), e.date(), e.dateText(),
                    e.according(), e.evidence(), null);
        }

        private static Figure withoutConfidence(Figure f) {
            return new Figure(f.id(), f.measure(), f.value(), f.low(), f.high(), f.qualifier(), f.unit(), f.group(),
                    f.subject(), f.place(), f.places(), f.highway(), f.period(), f.asOf(), f.dateText(), f.according(),
                    f.evidence(), null);
        }
    }
}
