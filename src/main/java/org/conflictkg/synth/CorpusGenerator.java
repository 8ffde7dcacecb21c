package org.conflictkg.synth;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

import org.conflictkg.facts.Actor;
import org.conflictkg.facts.ActorRegistry;
import org.conflictkg.facts.Article;
import org.conflictkg.facts.ArticleFacts;
import org.conflictkg.facts.ControlState;
import org.conflictkg.facts.DateSpec;
import org.conflictkg.facts.Event;
import org.conflictkg.facts.Evidence;
import org.conflictkg.facts.Figure;
import org.conflictkg.facts.FactsWriter;
import org.conflictkg.facts.Place;
import org.conflictkg.facts.PlaceKind;
import org.conflictkg.facts.Qualifier;
import org.conflictkg.facts.ReducedDate;
import org.conflictkg.facts.Status;
import org.conflictkg.names.NameFolding;

/**
 * Generates synthetic {@code conflict-kg/facts@1} documents for benchmarks. Article {@code i} of a
 * generator depends only on the seed, the settings and {@code i}: the same seed gives the same
 * corpus, byte for byte, however it is split into files.
 *
 * <p>Each article has a body of generated sentences, one per fact plus some filler, and every
 * fact's evidence span is the clause of the body that states it (offsets in code points; bodies
 * contain characters outside the Basic Multilingual Plane, so code points and UTF-16 units
 * differ). Places come from the {@linkplain Theatre theatres}, actors from the actor registry;
 * publication dates spread uniformly over the configured years; facts refer to days, months or
 * intervals before publication.
 *
 * <p>Writing streams: one document is built, written and dropped at a time.
 */
public final class CorpusGenerator {
    /** The qualified amounts a figure is written with (the words before its number), besides a range. */
    private static final List<Map.Entry<Qualifier, String>> QUALIFIED = List.of(
            Map.entry(Qualifier.EXACT, ""), Map.entry(Qualifier.MORE_THAN, "more than "),
            Map.entry(Qualifier.ABOUT, "around "), Map.entry(Qualifier.AT_LEAST, "at least "),
            Map.entry(Qualifier.UP_TO, "up to "));

    private final long seed;
    private final int minFacts;
    private final int maxFacts;
    private final List<Theatre> theatres;
    private final ActorRegistry registry;
    private final LocalDate firstDay;
    private final int days;
    /** Slugs of place names: folding is costly and the names are few. */
    private final Map<String, String> slugs = new java.util.concurrent.ConcurrentHashMap<>();

    private CorpusGenerator(Builder b) {
        this.seed = b.seed;
        this.minFacts = b.minFacts;
        this.maxFacts = b.maxFacts;
        this.theatres = b.theatres == null ? Theatre.fromBundledGazetteer() : List.copyOf(b.theatres);
        this.registry = b.registry;
        this.firstDay = b.firstDay;
        this.days = (int) ChronoUnit.DAYS.between(b.firstDay, b.lastDay) + 1;
        for (Theatre t : theatres) {
            t.sides().forEach(side -> side.forEach(this::entry));
            t.sources().forEach(this::entry);
            t.agencies().forEach(this::entry);
        }
    }

    public static Builder create() {
        return new Builder();
    }

    /** Settings of a generator, with their defaults. */
    public static final class Builder {
        private long seed = 1;
        private int minFacts = 5;
        private int maxFacts = 30;
        private List<Theatre> theatres;
        private ActorRegistry registry = ActorRegistry.bundled();
        private LocalDate firstDay = LocalDate.of(2012, 1, 1);
        private LocalDate lastDay = LocalDate.of(2024, 12, 31);

        /** The seed: equal seeds (and settings) give equal corpora. Default 1. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** How many facts (events, control states, figures) an article has, inclusive. Default 5..30. */
        public Builder facts(int min, int max) {
            if (min < 1 || max < min) {
                throw new IllegalArgumentException("facts per article: need 1 <= min <= max, got " + min + ".." + max);
            }
            this.minFacts = min;
            this.maxFacts = max;
            return this;
        }

        /** The wars articles report on. Default: {@link Theatre#fromBundledGazetteer()}. */
        public Builder theatres(List<Theatre> theatres) {
            if (theatres.isEmpty()) {
                throw new IllegalArgumentException("at least one theatre is needed");
            }
            this.theatres = List.copyOf(theatres);
            return this;
        }

        /** The registry actors come from. Default: the bundled registry. */
        public Builder registry(ActorRegistry registry) {
            this.registry = Objects.requireNonNull(registry);
            return this;
        }

        /** The publication dates, inclusive. Default 2012-01-01 to 2024-12-31. */
        public Builder published(LocalDate first, LocalDate last) {
            if (last.isBefore(first)) {
                throw new IllegalArgumentException("publication dates: " + last + " is before " + first);
            }
            this.firstDay = first;
            this.lastDay = last;
            return this;
        }

        public CorpusGenerator build() {
            return new CorpusGenerator(this);
        }
    }

    /** The id of article {@code index}: a slug naming the seed and the index. */
    public String articleId(long index) {
        return String.format(Locale.ROOT, "synth-%s-%08d", Long.toHexString(seed), index);
    }

    /** Article {@code index} (from 0). */
    public ArticleFacts article(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("article index must be >= 0, got " + index);
        }
        return new Draft(index).build();
    }

    /** Writes articles {@code from} (inclusive) to {@code to} (exclusive) as JSON Lines. */
    public void write(Writer out, long from, long to) {
        for (long i = from; i < to; i++) {
            FactsWriter.writeLine(article(i), out);
        }
    }

    /**
     * Writes {@code articles} articles into {@code files} JSON Lines files in {@code dir}, named
     * {@code prefix-0001.jsonl} and so on, each holding a contiguous range of articles. Each file
     * is written beside its name and moved into place when complete.
     *
     * @return the files, in article order
     */
    public List<Path> writeFiles(Path dir, String prefix, long articles, int files) {
        if (articles < 1) {
            throw new IllegalArgumentException("the number of articles must be >= 1, got " + articles);
        }
        if (files < 1 || files > articles) {
            throw new IllegalArgumentException("the number of files must be 1.." + articles + ", got " + files);
        }
        List<Path> out = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (int f = 0; f < files; f++) {
                long from = articles * f / files;
                long to = articles * (f + 1) / files;
                Path target = dir.resolve(String.format(Locale.ROOT, "%s-%04d.jsonl", prefix, f + 1));
                Path tmp = dir.resolve("." + target.getFileName() + ".part");
                try {
                    try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                        write(w, from, to);
                    }
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException | RuntimeException e) {
                    Files.deleteIfExists(tmp); // a full disk leaves no partial file behind
                    if (e instanceof UncheckedIOException u) {
                        throw u.getCause();
                    }
                    throw e;
                }
                out.add(target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write corpus to " + dir + ": " + e.getMessage(), e);
        }
        return out;
    }

    private ActorRegistry.Entry entry(String id) {
        return registry.byId(id).orElseThrow(() -> new IllegalArgumentException(
                "synthetic corpus: actor \"" + id + "\" is not in the actor registry"));
    }

    /** SplitMix64 finaliser: spreads (seed, index) over the whole state space. */
    static long mix(long seed, long index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    // ------------------------------------------------------------------ one article

    private static final String[] FILLER = {
            "Residents said the streets were almost empty.",
            "The claims could not be independently verified.",
            "Aid groups warned that the humanitarian situation was deteriorating.",
            "Communications in the area were cut for several hours.",
            "Local officials did not respond to requests for comment.",
            "The town’s hospitals were reported to be overwhelmed.",
    };

    /** Builds one article: body and facts together, so that every span is where the facts say. */
    private final class Draft {
        private final long index;
        private final SplittableRandom rnd;
        private final StringBuilder body = new StringBuilder();
        private int codePoints;
        private final Map<String, Actor> actors = new LinkedHashMap<>();
        private final Map<String, List<String>> mentions = new LinkedHashMap<>();
        private final Map<SynthPlace, Place> places = new LinkedHashMap<>();
        private final java.util.Set<String> placeIds = new java.util.HashSet<>();
        private final List<Event> events = new ArrayList<>();
        private final List<ControlState> states = new ArrayList<>();
        private final List<Figure> figures = new ArrayList<>();
        private final Theatre theatre;
        private final LocalDate published;
        private final List<SynthPlace> focus = new ArrayList<>();
        private final List<String> sideA;
        private final List<String> sideB;
        private String title;

        Draft(long index) {
            this.index = index;
            this.rnd = new SplittableRandom(mix(seed, index));
            this.theatre = theatres.get(rnd.nextInt(theatres.size()));
            this.published = firstDay.plusDays(rnd.nextInt(days));
            int a = rnd.nextInt(theatre.sides().size());
            int b = (a + 1 + rnd.nextInt(theatre.sides().size() - 1)) % theatre.sides().size();
            this.sideA = theatre.sides().get(a);
            this.sideB = theatre.sides().get(b);
            int n = 1 + rnd.nextInt(Math.min(3, theatre.settlements().size()));
            while (focus.size() < n) {
                SynthPlace p = pick(theatre.settlements());
                if (!focus.contains(p)) {
                    focus.add(p);
                }
            }
        }

        ArticleFacts build() {
            String agency = pick(theatre.agencies());
            join(agency);
            if (rnd.nextInt(5) == 0) {
                // A photo caption, as scraped pages have: the camera is outside the BMP.
                append("\uD83D\uDCF7 Smoke rises over " + focus.get(0).name() + " [" + mention(agency) + "]");
                paragraph();
            }
            int facts = minFacts + rnd.nextInt(maxFacts - minFacts + 1);
            for (int i = 0; i < facts; i++) {
                int kind = rnd.nextInt(100);
                if (kind < 30) {
                    controlChange();
                } else if (kind < 55) {
                    otherEvent();
                } else if (kind < 70) {
                    controlState();
                } else {
                    figure();
                }
                if (rnd.nextInt(5) == 0) {
                    separator();
                    append(FILLER[rnd.nextInt(FILLER.length)]);
                }
                if (i < facts - 1) {
                    separator();
                }
            }
            body.append('\n');
            if (title == null) {
                title = "Fighting around " + focus.get(0).name();
            }
            String id = articleId(index);
            Article article = new Article(id, title, pick(theatre.publishers()), ReducedDate.of(published),
                    String.format(Locale.ROOT, "https://news.example.org/%d/%02d/%s", published.getYear(),
                            published.getMonthValue(), id),
                    "en", List.of(agency), body.toString());
            List<Actor> actorList = new ArrayList<>();
            for (Actor x : actors.values()) {
                actorList.add(new Actor(x.id(), x.name(), x.kind(), x.side(), List.copyOf(mentions.get(x.id())),
                        List.of(), null, null, List.of(), null, null, x.wikidata()));
            }
            return new ArticleFacts(article, actorList, List.copyOf(places.values()), List.of(), List.copyOf(events),
                    List.copyOf(states), List.copyOf(figures));
        }

        // -------------------------------------------------------------- facts

        private void controlChange() {
            SynthPlace place = pick(focus);
            boolean aGains = rnd.nextBoolean();
            String to = pick(aGains ? sideA : sideB);
            String from = pick(aGains ? sideB : sideA);
            Status status = switch (rnd.nextInt(6)) {
                case 0, 1, 2 -> Status.COMPLETED;
                case 3 -> Status.PARTIAL;
                case 4 -> Status.CONTESTED;
                default -> Status.IMMINENT;
            };
            When when = when();
            String toM = mention(to);
            String fromM = mention(from);
            String name = placeId(place);
            String clause = switch (status) {
                case COMPLETED -> toM + " captured " + place.name() + " from " + fromM + " " + when.text;
                case PARTIAL -> toM + " took control of parts of " + place.name() + " " + when.text;
                case CONTESTED -> toM + " and " + fromM + " were fighting for control of " + place.name() + " "
                        + when.text;
                default -> toM + " were poised " + when.text + " to retake " + place.name() + " from " + fromM;
            };
            List<String> according = attribution();
            Evidence ev = sentence(clause, according);
            if (title == null) {
                title = capitalize(clause);
            }
            events.add(new Event("e" + (events.size() + 1), Event.CONTROL_CHANGE, null, name, null, from, to, status,
                    List.of(), List.of(), List.of(), null, null, when.date, when.text, according, List.of(ev)));
        }

        private void otherEvent() {
            SynthPlace place = pick(focus);
            boolean aActs = rnd.nextBoolean();
            String actor = pick(aActs ? sideA : sideB);
            String other = pick(aActs ? sideB : sideA);
            When when = when();
            String am = mention(actor);
            String type;
            String clause;
            List<String> against = List.of();
            Status status = null;
            switch (rnd.nextInt(6)) {
                case 0 -> {
                    type = "clash";
                    clause = am + " clashed with " + mention(other) + " near " + place.name() + " " + when.text;
                    against = List.of(other);
                }
                case 1 -> {
                    type = "bombardment";
                    clause = am + " shelled " + place.name() + " " + when.text;
                }
                case 2 -> {
                    type = "strike";
                    clause = "air strikes by " + am + " hit " + place.name() + " " + when.text;
                }
                case 3 -> {
                    type = "offensive";
                    clause = am + " launched an offensive against " + mention(other) + " near " + place.name() + " "
                            + when.text;
                    against = List.of(other);
                }
                case 4 -> {
                    type = "withdrawal";
                    clause = am + " withdrew from positions around " + place.name() + " " + when.text;
                }
                default -> {
                    type = "siege";
                    clause = am + " besieged " + mention(other) + " in " + place.name() + " " + when.text;
                    against = List.of(other);
                    status = Status.ONGOING;
                }
            }
            placeId(place);
            List<String> according = attribution();
            Evidence ev = sentence(clause, according);
            if (title == null) {
                title = capitalize(clause);
            }
            events.add(new Event("e" + (events.size() + 1), type, null, null, null, null, null, status,
                    List.of(actor), against, List.of(placeId(place)), null, null, when.date, when.text, according,
                    List.of(ev)));
        }

        private void controlState() {
            SynthPlace place = pick(focus);
            String controller = pick(rnd.nextBoolean() ? sideA : sideB);
            String cm = mention(controller);
            int back = 1 + rnd.nextInt(6);
            ReducedDate from = new ReducedDate(published.getYear() - back, 0, 0);
            String clause;
            ControlState state;
            switch (rnd.nextInt(3)) {
                case 0 -> {
                    clause = place.name() + " has been held by " + cm + " since " + from;
                    state = new ControlState(placeId(place), controller, from, null, null, Status.COMPLETED, null);
                }
                case 1 -> {
                    clause = place.name() + " is dominated by " + cm;
                    state = new ControlState(placeId(place), controller, null, null, ReducedDate.of(published),
                            Status.PARTIAL, null);
                }
                default -> {
                    ReducedDate to = new ReducedDate(published.getYear() - rnd.nextInt(back), 0, 0);
                    clause = cm + " controlled " + place.name() + " from " + from + " until " + to;
                    state = new ControlState(placeId(place), controller, from, to, null, Status.COMPLETED, null);
                }
            }
            Evidence ev = sentence(clause, List.of());
            states.add(new ControlState(state.place(), state.controller(), state.from(), state.to(), state.asOf(),
                    state.status(), List.of(ev)));
        }

        private void figure() {
            SynthPlace place = pick(focus);
            String measure;
            String verb;
            switch (rnd.nextInt(3)) {
                case 0 -> {
                    measure = "killed";
                    verb = "were killed in";
                }
                case 1 -> {
                    measure = "wounded";
                    verb = "were wounded in";
                }
                default -> {
                    measure = "displaced";
                    verb = "fled";
                }
            }
            String group = switch (rnd.nextInt(3)) {
                case 0 -> "civilians";
                case 1 -> "fighters";
                default -> "people";
            };
            int magnitude = switch (rnd.nextInt(3)) {
                case 0 -> 100;
                case 1 -> 1000;
                default -> 100_000;
            };
            long v = 2 + rnd.nextInt(magnitude);
            BigDecimal value = BigDecimal.valueOf(v);
            BigDecimal low = null;
            BigDecimal high = null;
            Qualifier q;
            String amount;
            int kind = rnd.nextInt(QUALIFIED.size() + 1);
            if (kind < QUALIFIED.size()) {
                q = QUALIFIED.get(kind).getKey();
                amount = QUALIFIED.get(kind).getValue() + v;
            } else {
                q = Qualifier.EXACT;
                long hi = v + 1 + rnd.nextInt((int) Math.max(2, v));
                low = value;
                high = BigDecimal.valueOf(hi);
                value = null;
                amount = "between " + v + " and " + hi;
            }
            DateSpec period;
            String dateText;
            if (rnd.nextInt(5) < 3) {
                LocalDate since = published.minusMonths(1 + rnd.nextInt(11));
                ReducedDate month = new ReducedDate(since.getYear(), since.getMonthValue(), 0);
                dateText = "since " + monthName(since) + " " + since.getYear();
                period = DateSpec.between(month, ReducedDate.of(published));
            } else {
                When when = day();
                dateText = when.text;
                period = when.date;
            }
            String clause = amount + " " + group + " " + verb + " " + place.name() + " " + dateText;
            List<String> according = attribution();
            Evidence ev = sentence(clause, according);
            figures.add(new Figure("f" + (figures.size() + 1), measure, value, low, high, q, null, group, null,
                    placeId(place), List.of(), null, period, null, dateText, according, List.of(ev)));
        }

        // -------------------------------------------------------------- dates

        private record When(DateSpec date, String text) {
        }

        private When when() {
            int r = rnd.nextInt(10);
            if (r < 6) {
                return day();
            }
            if (r < 8) {
                LocalDate d = published.minusMonths(rnd.nextInt(3));
                return new When(DateSpec.single(new ReducedDate(d.getYear(), d.getMonthValue(), 0)),
                        "in " + monthName(d) + " " + d.getYear());
            }
            if (r < 9) {
                return new When(DateSpec.single(new ReducedDate(published.getYear(), 0, 0)), "earlier this year");
            }
            LocalDate to = published.minusDays(rnd.nextInt(4));
            LocalDate from = to.minusDays(1 + rnd.nextInt(10));
            return new When(DateSpec.between(ReducedDate.of(from), ReducedDate.of(to)),
                    "between " + from.getDayOfMonth() + " " + monthName(from) + " and " + to.getDayOfMonth() + " "
                            + monthName(to));
        }

        private When day() {
            LocalDate d = published.minusDays(rnd.nextInt(7));
            return new When(DateSpec.single(ReducedDate.of(d)),
                    "on " + d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        }

        // -------------------------------------------------------------- text

        /** Appends a sentence made of {@code clause} and its attribution; the evidence is the clause. */
        private Evidence sentence(String clause, List<String> according) {
            String text = capitalize(clause);
            int start = codePoints;
            append(text);
            int end = codePoints;
            if (!according.isEmpty()) {
                append(rnd.nextBoolean() ? ", " + mention(according.get(0)) + " said."
                        : ", according to " + mention(according.get(0)) + ".");
            } else {
                append(".");
            }
            return new Evidence(text, start, end);
        }

        private List<String> attribution() {
            return rnd.nextInt(5) < 2 ? List.of(pick(theatre.sources())) : List.of();
        }

        private void append(String s) {
            body.append(s);
            codePoints += s.codePointCount(0, s.length());
        }

        private void separator() {
            if (rnd.nextInt(3) == 0) {
                paragraph();
            } else {
                append(" ");
            }
        }

        private void paragraph() {
            append("\n\n");
        }

        // -------------------------------------------------------------- references

        /** The words that name registry actor {@code id} here; the actor joins the document. */
        private String mention(String id) {
            ActorRegistry.Entry e = join(id);
            String m = e.aliases().isEmpty() || rnd.nextInt(4) == 0 ? e.name()
                    : e.aliases().get(rnd.nextInt(e.aliases().size()));
            List<String> ms = mentions.get(id);
            if (!ms.contains(m) && !m.equals(e.name())) {
                ms.add(m);
            }
            return m;
        }

        /** Adds registry actor {@code id} to the document, once. */
        private ActorRegistry.Entry join(String id) {
            ActorRegistry.Entry e = entry(id);
            if (!actors.containsKey(id)) {
                actors.put(id, new Actor(id, e.name(), e.kind(), e.side(), List.of(), List.of(), null, null,
                        List.of(), null, null, e.wikidata()));
                mentions.put(id, new ArrayList<>());
            }
            return e;
        }

        /** The document id of {@code p}; it joins the document with the places it lies within. */
        private String placeId(SynthPlace p) {
            Place existing = places.get(p);
            if (existing != null) {
                return existing.id();
            }
            String within = p.province() != null ? placeId(p.province())
                    : p.country() != null ? placeId(p.country()) : null;
            String id = slugs.computeIfAbsent(p.name(), NameFolding::slug);
            if ((p.kind() == PlaceKind.PROVINCE || p.kind() == PlaceKind.REGION || p.kind() == PlaceKind.DISTRICT)
                    && !id.endsWith("-" + p.kind().code())) {
                id = id + "-" + p.kind().code();
            }
            if (id.isEmpty()) {
                id = "place";
            }
            String base = id;
            for (int n = 2; placeIds.contains(id); n++) {
                id = base + "-" + n;
            }
            placeIds.add(id);
            places.put(p, new Place(id, p.name(), p.kind(), within, p.geonames(), null, List.of()));
            return id;
        }

        private <T> T pick(List<T> list) {
            return list.get(rnd.nextInt(list.size()));
        }
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static String monthName(LocalDate d) {
        return d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }
}
