package org.conflictkg.facts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Binds one located JSON tree to the facts@1 model: types, required fields, closed value lists,
 * unknown fields, dates, numbers and evidence spans. Reports every problem through the handler and
 * carries on, so that one run shows them all. Cross-references are checked by {@link FactsChecks}.
 */
final class FactsBinder implements FactsChecks.Report {

    static final Pattern ARTICLE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
    static final Pattern OPEN_TERM = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    static final Pattern GEONAMES_ID = Pattern.compile("[1-9][0-9]{0,11}");
    static final Pattern WIKIDATA_ID = Pattern.compile("Q[1-9][0-9]{0,11}");
    static final Pattern LANGUAGE = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*");

    static final Set<String> TOP = Set.of("format", "review", "article", "actors", "places", "highways", "events",
            "controlStates", "figures");
    static final Set<String> REVIEW = Set.of("reviewer", "reviewedAt", "draft");
    static final Set<String> ARTICLE = Set.of("id", "title", "publisher", "published", "url", "language",
            "credits", "text");
    static final Set<String> ACTOR = Set.of("id", "name", "kind", "side", "mentions", "alliedWith", "ledBy",
            "memberOf", "formerlyAffiliatedWith", "basedIn", "role", "wikidata");
    static final Set<String> PLACE = Set.of("id", "name", "kind", "within", "geonames", "wikidata", "mentions");
    static final Set<String> HIGHWAY = Set.of("id", "name", "route", "evidence");
    static final Set<String> EVENT = Set.of("id", "type", "name", "place", "highway", "from", "to", "status",
            "actors", "against", "places", "group", "distanceKm", "date", "dateText", "according", "evidence", "confidence");
    static final Set<String> STATE = Set.of("place", "controller", "from", "to", "asOf", "status", "evidence");
    static final Set<String> FIGURE = Set.of("id", "measure", "value", "low", "high", "qualifier", "unit",
            "group", "subject", "place", "places", "highway", "period", "asOf", "dateText", "according",
            "evidence", "confidence");
    static final Set<String> EVIDENCE = Set.of("quote", "start", "end");
    static final Set<String> INTERVAL = Set.of("from", "to");

    private final String source;
    private final LocatedJson json;
    private final ProblemHandler handler;
    private int[] body;
    private boolean articleBound;
    private boolean errors;

    FactsBinder(String source, LocatedJson json, ProblemHandler handler) {
        this.source = source;
        this.json = json;
        this.handler = handler;
    }

    boolean hadErrors() {
        return errors;
    }

    @Override
    public void error(String pointer, String message) {
        errors = true;
        report(Problem.Severity.ERROR, pointer, message);
    }

    @Override
    public void warning(String pointer, String message) {
        report(Problem.Severity.WARNING, pointer, message);
    }

    private void report(Problem.Severity severity, String pointer, String message) {
        LocatedJson.Position pos = json.position(pointer);
        handler.report(new Problem(severity, source, pos.line(), pos.column(), pointer, message));
    }

    /** The model, or null when the document is too broken to bind (errors have been reported). */
    ArticleFacts bind() {
        ObjectNode top = object(json.root(), "", "the facts document");
        if (top == null) {
            return null;
        }
        checkFields(top, "", TOP);
        JsonNode format = top.get("format");
        if (format == null) {
            error("", "missing required field \"format\"; expected " + Problem.quote(ArticleFacts.FORMAT));
        } else if (!format.isTextual() || !ArticleFacts.FORMAT.equals(format.asText())) {
            error("/format", "unsupported format " + format + "; this reader reads " + Problem.quote(ArticleFacts.FORMAT));
        }
        Review review = review(top);
        Article article = article(top);
        List<Actor> actors = list(top, "", "actors", this::actor);
        List<Place> places = list(top, "", "places", this::place);
        List<Highway> highways = list(top, "", "highways", this::highway);
        List<Event> events = list(top, "", "events", this::event);
        List<ControlState> states = list(top, "", "controlStates", this::controlState);
        List<Figure> figures = list(top, "", "figures", this::figure);
        if (article == null) {
            return null;
        }
        return new ArticleFacts(article, actors, places, highways, events, states, figures, review);
    }

    // ------------------------------------------------------------------ sections

    /** The optional review record: who reviewed the drafted document, when, and the kept draft's file name. */
    private Review review(ObjectNode top) {
        JsonNode node = top.get("review");
        if (node == null || node.isNull()) {
            return null;
        }
        String p = "/review";
        ObjectNode o = object(node, p, "the review record {reviewer, reviewedAt, draft}");
        if (o == null) {
            return null;
        }
        checkFields(o, p, REVIEW);
        String reviewer = text(o, p, "reviewer", true);
        String at = text(o, p, "reviewedAt", true);
        Instant reviewedAt = null;
        if (at != null) {
            try {
                reviewedAt = DateTimeFormatter.ISO_INSTANT.parse(at, Instant::from);
            } catch (DateTimeParseException e) {
                error(p + "/reviewedAt", Problem.quote(at) + " is not an ISO 8601 instant such as "
                        + "\"2026-12-04T23:10:00Z\" (a date, 'T', a time with seconds, and 'Z' or an offset)");
            }
        }
        String draft = text(o, p, "draft", false);
        if (draft != null && !Review.isPlainFileName(draft)) {
            error(p + "/draft", Problem.quote(draft) + " is not a file name beside the document: expected a name "
                    + "without '/' or '\\', not \".\" or \"..\"");
            return null;
        }
        return reviewer == null || reviewedAt == null ? null : new Review(reviewer, reviewedAt, draft);
    }

    private Article article(ObjectNode top) {
        JsonNode node = top.get("article");
        if (node == null || node.isNull()) {
            error("", "missing required field \"article\"");
            return null;
        }
        ObjectNode o = object(node, "/article", "the article");
        if (o == null) {
            return null;
        }
        String p = "/article";
        articleBound = true;
        checkFields(o, p, ARTICLE);
        String text = text(o, p, "text", false);
        if (text != null) {
            body = text.codePoints().toArray();
        }
        String id = text(o, p, "id", true);
        if (id != null && !ARTICLE_ID.matcher(id).matches()) {
            error(p + "/id", "article id " + Problem.quote(id) + " is not a slug: expected letters, digits, '.', '_' or '-'"
                    + " (at most 200), starting with a letter or digit");
        }
        String url = text(o, p, "url", false);
        if (url != null) {
            FactsChecks.checkUrl(this, p + "/url", url);
        }
        String language = text(o, p, "language", false);
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            error(p + "/language", Problem.quote(language) + " is not a language tag such as \"en\" or \"ar\"");
        }
        ReducedDate published = date(o, p, "published", true);
        if (published != null && published.precision() != ReducedDate.Precision.DAY) {
            error(p + "/published", "the publication date must be a full date YYYY-MM-DD, got " + Problem.quote(published));
        }
        return new Article(id, text(o, p, "title", true), text(o, p, "publisher", false), published, url,
                language, textList(o, p, "credits"), text);
    }

    private Actor actor(ObjectNode o, String p) {
        checkFields(o, p, ACTOR);
        return new Actor(text(o, p, "id", true), text(o, p, "name", true),
                enumValue(o, p, "kind", ActorKind.class, true), openTerm(o, p, "side", false),
                textList(o, p, "mentions"), textList(o, p, "alliedWith"), text(o, p, "ledBy", false),
                text(o, p, "memberOf", false), textList(o, p, "formerlyAffiliatedWith"),
                text(o, p, "basedIn", false), text(o, p, "role", false), pattern(o, p, "wikidata", WIKIDATA_ID,
                        "a Wikidata id such as \"Q159\""));
    }

    private Place place(ObjectNode o, String p) {
        checkFields(o, p, PLACE);
        return new Place(text(o, p, "id", true), text(o, p, "name", true),
                enumValue(o, p, "kind", PlaceKind.class, true), text(o, p, "within", false),
                pattern(o, p, "geonames", GEONAMES_ID, "a GeoNames id: digits, as a string such as \"164816\""),
                pattern(o, p, "wikidata", WIKIDATA_ID, "a Wikidata id such as \"Q858\""),
                textList(o, p, "mentions"));
    }

    private Highway highway(ObjectNode o, String p) {
        checkFields(o, p, HIGHWAY);
        return new Highway(text(o, p, "id", true), text(o, p, "name", true), textList(o, p, "route"),
                evidence(o, p));
    }

    private Event event(ObjectNode o, String p) {
        checkFields(o, p, EVENT);
        return new Event(text(o, p, "id", true), openTerm(o, p, "type", true), text(o, p, "name", false),
                text(o, p, "place", false), text(o, p, "highway", false), text(o, p, "from", false),
                text(o, p, "to", false), enumValue(o, p, "status", Status.class, false),
                textList(o, p, "actors"), textList(o, p, "against"), textList(o, p, "places"),
                text(o, p, "group", false), number(o, p, "distanceKm"), dateSpec(o, p, "date"),
                text(o, p, "dateText", false), textList(o, p, "according"), evidence(o, p), confidence(o, p));
    }

    private ControlState controlState(ObjectNode o, String p) {
        checkFields(o, p, STATE);
        return new ControlState(text(o, p, "place", true), text(o, p, "controller", true),
                date(o, p, "from", false), date(o, p, "to", false), date(o, p, "asOf", false),
                enumValue(o, p, "status", Status.class, false), evidence(o, p));
    }

    private Figure figure(ObjectNode o, String p) {
        checkFields(o, p, FIGURE);
        return new Figure(text(o, p, "id", true), openTerm(o, p, "measure", true), number(o, p, "value"),
                number(o, p, "low"), number(o, p, "high"), enumValue(o, p, "qualifier", Qualifier.class, false),
                text(o, p, "unit", false), text(o, p, "group", false), text(o, p, "subject", false),
                text(o, p, "place", false), textList(o, p, "places"), text(o, p, "highway", false),
                dateSpec(o, p, "period"), date(o, p, "asOf", false), text(o, p, "dateText", false),
                textList(o, p, "according"), evidence(o, p), confidence(o, p));
    }

    // ------------------------------------------------------------------ values

    private ObjectNode object(JsonNode node, String pointer, String what) {
        if (node instanceof ObjectNode o) {
            return o;
        }
        error(pointer, "expected " + what + " as a JSON object, got " + kindOf(node));
        return null;
    }

    private interface ElementBinder<T> {
        T bind(ObjectNode o, String pointer);
    }

    private <T> List<T> list(ObjectNode parent, String p, String key, ElementBinder<T> binder) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            return List.of();
        }
        String lp = p + "/" + key;
        if (!node.isArray()) {
            error(lp, "expected an array of objects, got " + kindOf(node));
            return List.of();
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            ObjectNode o = object(node.get(i), lp + "/" + i, "an element of " + Problem.quote(key));
            if (o != null) {
                out.add(binder.bind(o, lp + "/" + i));
            }
        }
        return List.copyOf(out);
    }

    private void checkFields(ObjectNode o, String p, Set<String> allowed) {
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                String hint = closest(name, allowed);
                error(p + "/" + name.replace("~", "~0").replace("/", "~1"), "unknown field " + Problem.quote(name)
                        + (hint == null ? "; expected one of " + String.join(", ", new java.util.TreeSet<>(allowed))
                                : "; did you mean " + Problem.quote(hint) + "?"));
            }
        }
    }

    String text(ObjectNode o, String p, String key, boolean required) {
        JsonNode n = o.get(key);
        if (n == null || n.isNull()) {
            if (required) {
                error(p, "missing required field " + Problem.quote(key));
            }
            return null;
        }
        if (!n.isTextual()) {
            error(p + "/" + key, "expected a string, got " + kindOf(n));
            return null;
        }
        String s = n.asText();
        if (required && s.isBlank()) {
            error(p + "/" + key, Problem.quote(key) + " must not be empty");
            return null;
        }
        return printable(s, p + "/" + key, key.equals("text")) ? s : null;
    }

    /**
     * Whether {@code s} holds no control character (NUL, an ANSI escape, ...); reports the
     * first one found. Only free text ({@code multiLine}) may hold tabs and line breaks.
     */
    private boolean printable(String s, String pointer, boolean multiLine) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) && !(multiLine && (c == '\t' || c == '\n' || c == '\r'))) {
                error(pointer, String.format("control character U+%04X at character %d; expected printable text", (int) c, i + 1));
                return false;
            }
        }
        return true;
    }

    private String openTerm(ObjectNode o, String p, String key, boolean required) {
        String s = text(o, p, key, required);
        if (s != null && !OPEN_TERM.matcher(s).matches()) {
            error(p + "/" + key, Problem.quote(s) + " is not a valid " + key
                    + ": expected lower-case words joined by hyphens, such as \"control-change\"");
            return null;
        }
        return s;
    }

    private String pattern(ObjectNode o, String p, String key, Pattern pattern, String expected) {
        JsonNode n = o.get(key);
        if (n != null && n.isNumber()) {
            error(p + "/" + key, "expected " + expected + ", got a number");
            return null;
        }
        String s = text(o, p, key, false);
        if (s != null && !pattern.matcher(s).matches()) {
            error(p + "/" + key, Problem.quote(s) + " is not " + expected);
            return null;
        }
        return s;
    }

    private List<String> textList(ObjectNode o, String p, String key) {
        JsonNode n = o.get(key);
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            error(p + "/" + key, "expected an array of strings, got " + kindOf(n));
            return List.of();
        }
        List<String> out = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) {
            JsonNode e = n.get(i);
            if (!e.isTextual() || e.asText().isBlank()) {
                error(p + "/" + key + "/" + i, "expected a non-empty string, got " + kindOf(e));
            } else if (printable(e.asText(), p + "/" + key + "/" + i, false)) {
                out.add(e.asText());
            }
        }
        return List.copyOf(out);
    }

    private <E extends Enum<E> & FactsEnum> E enumValue(ObjectNode o, String p, String key, Class<E> type,
                                                         boolean required) {
        String s = text(o, p, key, required);
        if (s == null) {
            return null;
        }
        E e = FactsEnum.fromCode(type, s);
        if (e == null) {
            error(p + "/" + key, "unknown " + key + " " + Problem.quote(s) + "; expected one of " + FactsEnum.codes(type));
        }
        return e;
    }

    ReducedDate date(ObjectNode o, String p, String key, boolean required) {
        JsonNode n = o.get(key);
        if ((n == null || n.isNull()) && !required) {
            return null;
        }
        String s = text(o, p, key, required);
        if (s == null) {
            return null;
        }
        return parseDate(p + "/" + key, s);
    }

    private ReducedDate parseDate(String pointer, String s) {
        try {
            return ReducedDate.parse(s);
        } catch (IllegalArgumentException e) {
            error(pointer, e.getMessage());
            return null;
        }
    }

    private DateSpec dateSpec(ObjectNode o, String p, String key) {
        JsonNode n = o.get(key);
        String dp = p + "/" + key;
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isTextual()) {
            ReducedDate d = parseDate(dp, n.asText());
            return d == null ? null : DateSpec.single(d);
        }
        if (!n.isObject()) {
            error(dp, "expected an ISO date string or an object {\"from\", \"to\"}, got " + kindOf(n));
            return null;
        }
        ObjectNode io = (ObjectNode) n;
        checkFields(io, dp, INTERVAL);
        ReducedDate from = date(io, dp, "from", false);
        ReducedDate to = date(io, dp, "to", false);
        boolean fromGiven = io.hasNonNull("from");
        boolean toGiven = io.hasNonNull("to");
        if (!fromGiven && !toGiven) {
            error(dp, "an interval needs \"from\", \"to\" or both");
            return null;
        }
        if (from != null && to != null && from.firstDay().isAfter(to.lastDay())) {
            error(dp, "interval runs backwards: from " + from + " is after to " + to);
        }
        return DateSpec.between(from, to);
    }

    /** The optional "confidence" of a drafted fact: a number from 0 to 1. */
    private Double confidence(ObjectNode o, String p) {
        JsonNode n = o.get("confidence");
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isNumber() || n.doubleValue() < 0 || n.doubleValue() > 1) {
            error(p + "/confidence", "expected a number from 0 to 1, got " + (n.isNumber() ? n.asText() : kindOf(n)));
            return null;
        }
        return n.doubleValue();
    }

    private BigDecimal number(ObjectNode o, String p, String key) {
        JsonNode n = o.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isNumber()) {
            error(p + "/" + key, "expected a number, got " + kindOf(n));
            return null;
        }
        BigDecimal v = n.decimalValue();
        if (v.signum() < 0) {
            error(p + "/" + key, "must not be negative, got " + v.toPlainString());
            return null;
        }
        return v;
    }

    private List<Evidence> evidence(ObjectNode o, String p) {
        JsonNode n = o.get("evidence");
        String ep = p + "/evidence";
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            error(ep, "expected an array of evidence objects {quote, start, end}, got " + kindOf(n));
            return List.of();
        }
        List<Evidence> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            String ip = ep + "/" + i;
            ObjectNode e = object(n.get(i), ip, "evidence {quote, start, end}");
            if (e == null) {
                continue;
            }
            checkFields(e, ip, EVIDENCE);
            String quote = text(e, ip, "quote", true);
            Integer start = offset(e, ip, "start");
            Integer end = offset(e, ip, "end");
            if (quote == null || start == null || end == null) {
                continue;
            }
            if (start > end) {
                error(ip + "/end", "end " + end + " is before start " + start);
                continue;
            }
            if (body == null) {
                if (!articleBound) {
                    continue;  // the missing article was reported; one error, not one per span
                }
                error(ip, "evidence needs the article body: \"article.text\" is missing");
                continue;
            }
            if (end > body.length) {
                error(ip + "/end", "end " + end + " is past the end of the article text (" + body.length
                        + " code points)");
                continue;
            }
            String actual = new String(body, start, end - start);
            if (!actual.equals(quote)) {
                int at = codePointIndexOf(quote);
                error(ip + "/quote", "quote does not match the article text at " + start + ".." + end
                        + ": the text there reads " + Problem.quote((actual))
                        + (at >= 0 ? "; the quote occurs at " + at + ".." + (at + quote.codePointCount(0,
                        quote.length())) : ""));
                continue;
            }
            out.add(new Evidence(quote, start, end));
        }
        return List.copyOf(out);
    }

    private Integer offset(ObjectNode o, String p, String key) {
        JsonNode n = o.get(key);
        if (n == null || n.isNull()) {
            error(p, "missing required field " + Problem.quote(key));
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            error(p + "/" + key, "expected a code point offset (an integer), got " + kindOf(n));
            return null;
        }
        if (n.intValue() < 0) {
            error(p + "/" + key, "must not be negative, got " + n.intValue());
            return null;
        }
        return n.intValue();
    }

    private int codePointIndexOf(String quote) {
        String text = new String(body, 0, body.length);
        int charIndex = text.indexOf(quote);
        return charIndex < 0 ? -1 : text.codePointCount(0, charIndex);
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    static String kindOf(JsonNode n) {
        if (n == null) {
            return "nothing";
        }
        return switch (n.getNodeType()) {
            case STRING -> "a string " + Problem.quote((n.asText()));
            case NUMBER -> "a number " + n.asText();
            case BOOLEAN -> "a boolean " + n.asText();
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** The allowed name nearest to {@code name} (edit distance at most 2), or null. */
    private static String closest(String name, Set<String> allowed) {
        String best = null;
        int bestD = 3;
        for (String a : allowed) {
            int d = org.conflictkg.names.NameFolding.editDistance(name.toLowerCase(java.util.Locale.ROOT),
                    a.toLowerCase(java.util.Locale.ROOT));
            if (d < bestD) {
                bestD = d;
                best = a;
            }
        }
        return best;
    }
}
