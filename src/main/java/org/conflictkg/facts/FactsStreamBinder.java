package org.conflictkg.facts;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Binds a document that has no problem straight from Jackson's token stream to the facts@1 model,
 * without a tree, JSON pointers or positions, then runs {@link FactsChecks} on the bound records.
 * It accepts only what {@link FactsBinder} accepts without a problem (error or warning), and binds
 * it to the same model: at the first thing it would have to report (an unknown or repeated field,
 * a wrong type, a bad value, a failed check), or anything it is not sure of, it gives up, and the
 * document is read again by the located tree and {@link FactsBinder}, which say what and where.
 * Most documents have no problem, so most are read once, by this.
 */
final class FactsStreamBinder {

    /** Why binding stopped: the document needs the full reading. Carries no stack trace. */
    private static final class NotSure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotSure() {
            super(null, null, false, false);
        }
    }

    private static final NotSure NOT_SURE = new NotSure();

    private static final JsonFactory JSON = new JsonFactory();

    /** Checks on the bound records that give up at the first problem instead of reporting it. */
    private static final FactsChecks.Report GIVE_UP = new FactsChecks.Report() {
        @Override
        public void error(String pointer, String message) {
            throw NOT_SURE;
        }

        @Override
        public void warning(String pointer, String message) {
            throw NOT_SURE;
        }
    };

    private final JsonParser p;
    /** Evidence spans, checked against the body once the whole document is read. */
    private final List<Evidence> spans = new ArrayList<>();

    private FactsStreamBinder(JsonParser p) {
        this.p = p;
    }

    /**
     * The document held by {@code bytes} (one JSON object), if it is well-formed UTF-8 and valid
     * facts@1 with no problem at all; null if it has any problem or might have one, to be read by
     * the full reader.
     */
    static ArticleFacts bind(byte[] bytes) {
        try {
            Utf8CheckingInputStream.check(bytes);
        } catch (Utf8CheckingInputStream.MalformedUtf8Exception e) {
            return null;
        }
        try (JsonParser parser = JSON.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            FactsStreamBinder binder = new FactsStreamBinder(parser);
            ArticleFacts facts = binder.document();
            if (parser.nextToken() != null) {
                return null;
            }
            binder.checkSpans(facts.article().text());
            FactsChecks.check(facts, GIVE_UP);
            return facts;
        } catch (NotSure | IOException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ sections

    private ArticleFacts document() throws IOException {
        boolean format = false;
        Review review = null;
        Article article = null;
        List<Actor> actors = List.of();
        List<Place> places = List.of();
        List<Highway> highways = List.of();
        List<Event> events = List.of();
        List<ControlState> states = List.of();
        List<Figure> figures = List.of();
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "format" -> {
                    seen = once(seen, 0);
                    format = p.currentToken() == JsonToken.VALUE_STRING && ArticleFacts.FORMAT.equals(p.getText());
                }
                case "review" -> {
                    seen = once(seen, 1);
                    review = review();
                }
                case "article" -> {
                    seen = once(seen, 2);
                    article = article();
                }
                case "actors" -> {
                    seen = once(seen, 3);
                    actors = list(this::actor);
                }
                case "places" -> {
                    seen = once(seen, 4);
                    places = list(this::place);
                }
                case "highways" -> {
                    seen = once(seen, 5);
                    highways = list(this::highway);
                }
                case "events" -> {
                    seen = once(seen, 6);
                    events = list(this::event);
                }
                case "controlStates" -> {
                    seen = once(seen, 7);
                    states = list(this::controlState);
                }
                case "figures" -> {
                    seen = once(seen, 8);
                    figures = list(this::figure);
                }
                default -> throw NOT_SURE;
            }
        }
        if (!format || article == null) {
            throw NOT_SURE;
        }
        return new ArticleFacts(article, actors, places, highways, events, states, figures, review);
    }

    private Review review() throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        startObject();
        String reviewer = null;
        String at = null;
        String draft = null;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "reviewer" -> {
                    seen = once(seen, 0);
                    reviewer = text();
                }
                case "reviewedAt" -> {
                    seen = once(seen, 1);
                    at = text();
                }
                case "draft" -> {
                    seen = once(seen, 2);
                    draft = text();
                }
                default -> throw NOT_SURE;
            }
        }
        required(reviewer);
        required(at);
        if (draft != null && !Review.isPlainFileName(draft)) {
            throw NOT_SURE;
        }
        try {
            return new Review(reviewer, DateTimeFormatter.ISO_INSTANT.parse(at, Instant::from), draft);
        } catch (DateTimeParseException e) {
            throw NOT_SURE;
        }
    }

    private Article article() throws IOException {
        startObject();
        String id = null;
        String title = null;
        String publisher = null;
        ReducedDate published = null;
        String url = null;
        String language = null;
        List<String> credits = List.of();
        String text = null;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "id" -> {
                    seen = once(seen, 0);
                    id = matching(FactsBinder.ARTICLE_ID);
                }
                case "title" -> {
                    seen = once(seen, 1);
                    title = text();
                }
                case "publisher" -> {
                    seen = once(seen, 2);
                    publisher = text();
                }
                case "published" -> {
                    seen = once(seen, 3);
                    published = date();
                }
                case "url" -> {
                    seen = once(seen, 4);
                    url = text();
                    if (url != null && !FactsChecks.isHttpUrl(url)) {
                        throw NOT_SURE;
                    }
                }
                case "language" -> {
                    seen = once(seen, 5);
                    language = matching(FactsBinder.LANGUAGE);
                }
                case "credits" -> {
                    seen = once(seen, 6);
                    credits = textList();
                }
                case "text" -> {
                    seen = once(seen, 7);
                    text = freeText();
                }
                default -> throw NOT_SURE;
            }
        }
        required(id);
        required(title);
        if (published == null || published.precision() != ReducedDate.Precision.DAY) {
            throw NOT_SURE;
        }
        return new Article(id, title, publisher, published, url, language, credits, text);
    }

    private Actor actor() throws IOException {
        String id = null;
        String name = null;
        ActorKind kind = null;
        String side = null;
        List<String> mentions = List.of();
        List<String> alliedWith = List.of();
        String ledBy = null;
        String memberOf = null;
        List<String> formerly = List.of();
        String basedIn = null;
        String role = null;
        String wikidata = null;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "id" -> {
                    seen = once(seen, 0);
                    id = text();
                }
                case "name" -> {
                    seen = once(seen, 1);
                    name = text();
                }
                case "kind" -> {
                    seen = once(seen, 2);
                    kind = code(ActorKind.class);
                }
                case "side" -> {
                    seen = once(seen, 3);
                    side = matching(FactsBinder.OPEN_TERM);
                }
                case "mentions" -> {
                    seen = once(seen, 4);
                    mentions = textList();
                }
                case "alliedWith" -> {
                    seen = once(seen, 5);
                    alliedWith = textList();
                }
                case "ledBy" -> {
                    seen = once(seen, 6);
                    ledBy = text();
                }
                case "memberOf" -> {
                    seen = once(seen, 7);
                    memberOf = text();
                }
                case "formerlyAffiliatedWith" -> {
                    seen = once(seen, 8);
                    formerly = textList();
                }
                case "basedIn" -> {
                    seen = once(seen, 9);
                    basedIn = text();
                }
                case "role" -> {
                    seen = once(seen, 10);
                    role = text();
                }
                case "wikidata" -> {
                    seen = once(seen, 11);
                    wikidata = matching(FactsBinder.WIKIDATA_ID);
                }
                default -> throw NOT_SURE;
            }
        }
        required(id);
        required(name);
        required(kind);
        return new Actor(id, name, kind, side, mentions, alliedWith, ledBy, memberOf, formerly, basedIn, role,
                wikidata);
    }

    private Place place() throws IOException {
        String id = null;
        String name = null;
        PlaceKind kind = null;
        String within = null;
        String geonames = null;
        String wikidata = null;
        List<String> mentions = List.of();
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "id" -> {
                    seen = once(seen, 0);
                    id = text();
                }
                case "name" -> {
                    seen = once(seen, 1);
                    name = text();
                }
                case "kind" -> {
                    seen = once(seen, 2);
                    kind = code(PlaceKind.class);
                }
                case "within" -> {
                    seen = once(seen, 3);
                    within = text();
                }
                case "geonames" -> {
                    seen = once(seen, 4);
                    geonames = matching(FactsBinder.GEONAMES_ID);
                }
                case "wikidata" -> {
                    seen = once(seen, 5);
                    wikidata = matching(FactsBinder.WIKIDATA_ID);
                }
                case "mentions" -> {
                    seen = once(seen, 6);
                    mentions = textList();
                }
                default -> throw NOT_SURE;
            }
        }
        required(id);
        required(name);
        required(kind);
        return new Place(id, name, kind, within, geonames, wikidata, mentions);
    }

    private Highway highway() throws IOException {
        String id = null;
        String name = null;
        List<String> route = List.of();
        List<Evidence> evidence = List.of();
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "id" -> {
                    seen = once(seen, 0);
                    id = text();
                }
                case "name" -> {
                    seen = once(seen, 1);
                    name = text();
                }
                case "route" -> {
                    seen = once(seen, 2);
                    route = textList();
                }
                case "evidence" -> {
                    seen = once(seen, 3);
                    evidence = evidence();
                }
                default -> throw NOT_SURE;
            }
        }
        required(id);
        required(name);
        return new Highway(id, name, route, evidence);
    }

    private Event event() throws IOException {
        String id = null;
        String type = null;
        String name = null;
        String place = null;
        String highway = null;
        String from = null;
        String to = null;
        Status status = null;
        List<String> actors = List.of();
        List<String> against = List.of();
        List<String> places = List.of();
        String group = null;
        BigDecimal distance = null;
        DateSpec date = null;
        String dateText = null;
        List<String> according = List.of();
        List<Evidence> evidence = List.of();
        Double confidence = null;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "id" -> {
                    seen = once(seen, 0);
                    id = text();
                }
                case "type" -> {
                    seen = once(seen, 1);
                    type = matching(FactsBinder.OPEN_TERM);
                }
                case "name" -> {
                    seen = once(seen, 2);
                    name = text();
                }
                case "place" -> {
                    seen = once(seen, 3);
                    place = text();
                }
                case "highway" -> {
                    seen = once(seen, 4);
                    highway = text();
                }
                case "from" -> {
                    seen = once(seen, 5);
                    from = text();
                }
                case "to" -> {
                    seen = once(seen, 6);
                    to = text();
                }
                case "status" -> {
                    seen = once(seen, 7);
                    status = code(Status.class);
                }
                case "actors" -> {
                    seen = once(seen, 8);
                    actors = textList();
                }
                case "against" -> {
                    seen = once(seen, 9);
                    against = textList();
                }
                case "places" -> {
                    seen = once(seen, 10);
                    places = textList();
                }
                case "group" -> {
                    seen = once(seen, 11);
                    group = text();
                }
                case "distanceKm" -> {
                    seen = once(seen, 12);
                    distance = number();
                }
                case "date" -> {
                    seen = once(seen, 13);
                    date = dateSpec();
                }
                case "dateText" -> {
                    seen = once(seen, 14);
                    dateText = text();
                }
                case "according" -> {
                    seen = once(seen, 15);
                    according = textList();
                }
                case "evidence" -> {
                    seen = once(seen, 16);
                    evidence = evidence();
                }
                case "confidence" -> {
                    seen = once(seen, 17);
                    confidence = confidence();
                }
                default -> throw NOT_SURE;
            }
        }
        required(id);
        required(type);
        return new Event(id, type, name, place, highway, from, to, status, actors, against, places, group, distance,
                date, dateText, according, evidence, confidence);
    }

    private ControlState controlState() throws IOException {
        String place = null;
        String controller = null;
        ReducedDate from = null;
        ReducedDate to = null;
        ReducedDate asOf = null;
        Status status = null;
        List<Evidence> evidence = List.of();
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "place" -> {
                    seen = once(seen, 0);
                    place = text();
                }
                case "controller" -> {
                    seen = once(seen, 1);
                    controller = text();
                }
                case "from" -> {
                    seen = once(seen, 2);
                    from = date();
                }
                case "to" -> {
                    seen = once(seen, 3);
                    to = date();
                }
                case "asOf" -> {
                    seen = once(seen, 4);
                    asOf = date();
                }
                case "status" -> {
                    seen = once(seen, 5);
                    status = code(Status.class);
                }
                case "evidence" -> {
                    seen = once(seen, 6);
                    evidence = evidence();
                }
                default -> throw NOT_SURE;
            }
        }
        required(place);
        required(controller);
        return new ControlState(place, controller, from, to, asOf, status, evidence);
    }

    private Figure figure() throws IOException {
        String id = null;
        String measure = null;
        BigDecimal value = null;
        BigDecimal low = null;
        BigDecimal high = null;
        Qualifier qualifier = null;
        String unit = null;
        String group = null;
        String subject = null;
        String place = null;
        List<String> places = List.of();
        String highway = null;
        DateSpec period = null;
        ReducedDate asOf = null;
        String dateText = null;
        List<String> according = List.of();
        List<Evidence> evidence = List.of();
        Double confidence = null;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "id" -> {
                    seen = once(seen, 0);
                    id = text();
                }
                case "measure" -> {
                    seen = once(seen, 1);
                    measure = matching(FactsBinder.OPEN_TERM);
                }
                case "value" -> {
                    seen = once(seen, 2);
                    value = number();
                }
                case "low" -> {
                    seen = once(seen, 3);
                    low = number();
                }
                case "high" -> {
                    seen = once(seen, 4);
                    high = number();
                }
                case "qualifier" -> {
                    seen = once(seen, 5);
                    qualifier = code(Qualifier.class);
                }
                case "unit" -> {
                    seen = once(seen, 6);
                    unit = text();
                }
                case "group" -> {
                    seen = once(seen, 7);
                    group = text();
                }
                case "subject" -> {
                    seen = once(seen, 8);
                    subject = text();
                }
                case "place" -> {
                    seen = once(seen, 9);
                    place = text();
                }
                case "places" -> {
                    seen = once(seen, 10);
                    places = textList();
                }
                case "highway" -> {
                    seen = once(seen, 11);
                    highway = text();
                }
                case "period" -> {
                    seen = once(seen, 12);
                    period = dateSpec();
                }
                case "asOf" -> {
                    seen = once(seen, 13);
                    asOf = date();
                }
                case "dateText" -> {
                    seen = once(seen, 14);
                    dateText = text();
                }
                case "according" -> {
                    seen = once(seen, 15);
                    according = textList();
                }
                case "evidence" -> {
                    seen = once(seen, 16);
                    evidence = evidence();
                }
                case "confidence" -> {
                    seen = once(seen, 17);
                    confidence = confidence();
                }
                default -> throw NOT_SURE;
            }
        }
        required(id);
        required(measure);
        return new Figure(id, measure, value, low, high, qualifier, unit, group, subject, place, places, highway,
                period, asOf, dateText, according, evidence, confidence);
    }

    // ------------------------------------------------------------------ values

    private interface Element<T> {
        /** Binds the object whose START_OBJECT is the current token. */
        T bind() throws IOException;
    }

    private <T> List<T> list(Element<T> element) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw NOT_SURE;
        }
        List<T> out = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            out.add(element.bind());
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
            throw NOT_SURE;
        }
        return List.copyOf(out);
    }

    private void startObject() {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw NOT_SURE;
        }
    }

    /** Marks field {@code bit} of an object as seen; a repeated field needs the full reading. */
    private static int once(int seen, int bit) {
        int mask = 1 << bit;
        if ((seen & mask) != 0) {
            throw NOT_SURE;
        }
        return seen | mask;
    }

    private static void required(Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw NOT_SURE;
        }
    }

    /** A string (printable, on one line), or null for JSON null. */
    private String text() throws IOException {
        return text(false);
    }

    /** A string that may hold tabs and line breaks (the article body), or null for JSON null. */
    private String freeText() throws IOException {
        return text(true);
    }

    private String text(boolean multiLine) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.VALUE_STRING) {
            throw NOT_SURE;
        }
        String s = p.getText();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) && !(multiLine && (c == '\t' || c == '\n' || c == '\r'))) {
                throw NOT_SURE;
            }
        }
        return s;
    }

    /** A string matching {@code pattern}, or null for JSON null. */
    private String matching(Pattern pattern) throws IOException {
        String s = text();
        if (s != null && !pattern.matcher(s).matches()) {
            throw NOT_SURE;
        }
        return s;
    }

    private <E extends Enum<E> & FactsEnum> E code(Class<E> type) throws IOException {
        String s = text();
        if (s == null) {
            return null;
        }
        E e = FactsEnum.fromCode(type, s);
        if (e == null) {
            throw NOT_SURE;
        }
        return e;
    }

    private List<String> textList() throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw NOT_SURE;
        }
        List<String> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String s = text();
            required(s);
            out.add(s);
        }
        return List.copyOf(out);
    }

    private ReducedDate date() throws IOException {
        String s = text();
        if (s == null) {
            return null;
        }
        try {
            return ReducedDate.parse(s);
        } catch (IllegalArgumentException e) {
            throw NOT_SURE;
        }
    }

    private DateSpec dateSpec() throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_STRING) {
            return DateSpec.single(date());
        }
        startObject();
        ReducedDate from = null;
        ReducedDate to = null;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "from" -> {
                    seen = once(seen, 0);
                    from = date();
                }
                case "to" -> {
                    seen = once(seen, 1);
                    to = date();
                }
                default -> throw NOT_SURE;
            }
        }
        if (from == null && to == null || from != null && to != null && from.firstDay().isAfter(to.lastDay())) {
            throw NOT_SURE;
        }
        return DateSpec.between(from, to);
    }

    /** A number as the tree reading makes it (same value, same scale), not negative; null for JSON null. */
    private BigDecimal number() throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        BigDecimal v = switch (t) {
            case VALUE_NUMBER_INT -> JsonNodeFactory.instance.numberNode(p.getBigIntegerValue()).decimalValue();
            case VALUE_NUMBER_FLOAT -> JsonNodeFactory.instance.numberNode(p.getDecimalValue()).decimalValue();
            default -> throw NOT_SURE;
        };
        if (v.signum() < 0) {
            throw NOT_SURE;
        }
        return v;
    }

    private Double confidence() throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        double d = switch (t) {
            case VALUE_NUMBER_INT -> JsonNodeFactory.instance.numberNode(p.getBigIntegerValue()).doubleValue();
            case VALUE_NUMBER_FLOAT -> JsonNodeFactory.instance.numberNode(p.getDecimalValue()).doubleValue();
            default -> throw NOT_SURE;
        };
        if (d < 0 || d > 1) {
            throw NOT_SURE;
        }
        return d;
    }

    private List<Evidence> evidence() throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw NOT_SURE;
        }
        List<Evidence> out = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String quote = null;
            int start = -1;
            int end = -1;
            int seen = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "quote" -> {
                        seen = once(seen, 0);
                        quote = text();
                    }
                    case "start" -> {
                        seen = once(seen, 1);
                        start = offset();
                    }
                    case "end" -> {
                        seen = once(seen, 2);
                        end = offset();
                    }
                    default -> throw NOT_SURE;
                }
            }
            required(quote);
            if (start < 0 || end < 0 || start > end) {
                throw NOT_SURE;
            }
            Evidence e = new Evidence(quote, start, end);
            spans.add(e);
            out.add(e);
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
            throw NOT_SURE;
        }
        return List.copyOf(out);
    }

    /** A code point offset: an integer that fits an int, not negative; -1 for anything else. */
    private int offset() throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
            return -1;
        }
        return p.getIntValue();
    }

    /** Whether every evidence span quotes the body at its code point offsets. */
    private void checkSpans(String body) {
        if (spans.isEmpty()) {
            return;
        }
        if (body == null) {
            throw NOT_SURE;
        }
        int length = body.codePointCount(0, body.length());
        if (length == body.length()) {
            // No surrogate pairs: code point offsets are char offsets.
            for (Evidence e : spans) {
                if (e.end() > length || e.end() - e.start() != e.quote().length()
                        || !body.regionMatches(e.start(), e.quote(), 0, e.quote().length())) {
                    throw NOT_SURE;
                }
            }
            return;
        }
        int[] cps = body.codePoints().toArray();
        for (Evidence e : spans) {
            if (e.end() > cps.length || !new String(cps, e.start(), e.end() - e.start()).equals(e.quote())) {
                throw NOT_SURE;
            }
        }
    }
}
