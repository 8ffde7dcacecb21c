package org.conflictkg.facts;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;

/**
 * Consistency checks on a bound document: unique ids, references that name something of the
 * right kind, what a control change needs, figure ranges, date order, evidence for facts.
 * Pointers are rebuilt from list positions, which the binder preserves.
 */
final class FactsChecks {

    private static final Set<Status> CONTROL_STATUSES =
            EnumSet.of(Status.COMPLETED, Status.PARTIAL, Status.CONTESTED, Status.IMMINENT);

    private enum Kind {
        ACTOR("actor"), PLACE("place"), HIGHWAY("highway"), EVENT("event"), FIGURE("figure");

        final String word;

        Kind(String word) {
            this.word = word;
        }
    }

    /** Where the checks send what they find, by JSON pointer. */
    interface Report {
        void error(String pointer, String message);

        void warning(String pointer, String message);
    }

    private final Report out;
    /** Each id of the document: its kind, and where it was first declared (the pointer is built on demand). */
    private final Map<String, Declared> declared = new HashMap<>(64);

    private record Declared(Kind kind, String list, int index) {
        String pointer() {
            return list + "/" + index + "/id";
        }
    }

    private FactsChecks(Report out) {
        this.out = out;
    }

    static void check(ArticleFacts facts, Report out) {
        new FactsChecks(out).run(facts);
    }

    static void checkUrl(Report out, String pointer, String url) {
        try {
            if (!isHttp(IRIx.create(url))) {
                out.error(pointer, Problem.quote(url) + " is not an absolute http(s) URL");
            }
        } catch (IRIException e) {
            out.error(pointer, Problem.quote(url) + " is not a valid URL: " + e.getMessage());
        }
    }

    /** Whether {@code url} passes {@link #checkUrl}: a valid, absolute http(s) IRI. */
    static boolean isHttpUrl(String url) {
        try {
            return isHttp(IRIx.create(url));
        } catch (IRIException e) {
            return false;
        }
    }

    private static boolean isHttp(IRIx iri) {
        String scheme = iri.scheme();
        return iri.isAbsolute() && scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
    }

    private void run(ArticleFacts f) {
        ids(f.actors(), "/actors", Kind.ACTOR, Actor::id);
        ids(f.places(), "/places", Kind.PLACE, Place::id);
        ids(f.highways(), "/highways", Kind.HIGHWAY, Highway::id);
        ids(f.events(), "/events", Kind.EVENT, Event::id);
        ids(f.figures(), "/figures", Kind.FIGURE, Figure::id);

        refs("/article", "credits", f.article().credits(), Kind.ACTOR);
        for (int i = 0; i < f.actors().size(); i++) {
            Actor a = f.actors().get(i);
            String p = "/actors/" + i;
            refs(p, "alliedWith", a.alliedWith(), Kind.ACTOR);
            ref(p, "ledBy", a.ledBy(), Kind.ACTOR);
            ref(p, "memberOf", a.memberOf(), Kind.ACTOR);
            refs(p, "formerlyAffiliatedWith", a.formerlyAffiliatedWith(), Kind.ACTOR);
            notSelf(p, "alliedWith", a.id(), a.alliedWith());
            notSelf(p, "ledBy", a.id(), a.ledBy());
            notSelf(p, "memberOf", a.id(), a.memberOf());
        }
        Map<String, String> within = new HashMap<>();
        for (int i = 0; i < f.places().size(); i++) {
            Place pl = f.places().get(i);
            String p = "/places/" + i;
            ref(p, "within", pl.within(), Kind.PLACE);
            if (pl.within() != null && pl.id() != null) {
                within.put(pl.id(), pl.within());
            }
        }
        withinCycles(f.places(), within);
        for (int i = 0; i < f.highways().size(); i++) {
            Highway h = f.highways().get(i);
            String p = "/highways/" + i;
            refs(p, "route", h.route(), Kind.PLACE);
            if (h.route().size() == 1) {
                out.error(p + "/route", "a route needs at least two places, in order along the road");
            }
        }
        for (int i = 0; i < f.events().size(); i++) {
            event(f.events().get(i), "/events/" + i, f.article().published());
        }
        for (int i = 0; i < f.controlStates().size(); i++) {
            ControlState c = f.controlStates().get(i);
            String p = "/controlStates/" + i;
            ref(p, "place", c.place(), Kind.PLACE);
            ref(p, "controller", c.controller(), Kind.ACTOR);
            if (c.from() != null && c.to() != null && c.from().firstDay().isAfter(c.to().lastDay())) {
                out.error(p + "/to", "\"to\" " + c.to() + " is before \"from\" " + c.from());
            }
            if (c.status() == Status.ONGOING) {
                out.error(p + "/status", "a control state's status is one of \"completed\", \"partial\", "
                        + "\"contested\", \"imminent\"");
            }
        }
        for (int i = 0; i < f.figures().size(); i++) {
            figure(f.figures().get(i), "/figures/" + i);
        }
    }

    private void event(Event e, String p, ReducedDate published) {
        ref(p, "place", e.place(), Kind.PLACE);
        ref(p, "highway", e.highway(), Kind.HIGHWAY);
        ref(p, "from", e.from(), Kind.ACTOR);
        ref(p, "to", e.to(), Kind.ACTOR);
        refs(p, "actors", e.actors(), Kind.ACTOR);
        refs(p, "against", e.against(), Kind.ACTOR);
        refs(p, "places", e.places(), Kind.PLACE);
        according(p, e.according());
        if (e.isControlChange()) {
            if (e.place() == null && e.highway() == null) {
                out.error(p, "a control change needs a \"place\" or a \"highway\"");
            }
            if (e.place() != null && e.highway() != null) {
                out.error(p + "/highway", "a control change is of one \"place\" or one \"highway\", not both");
            }
            if (e.from() == null) {
                out.error(p, "a control change needs \"from\" (the actor that loses control)");
            }
            if (e.to() == null) {
                out.error(p, "a control change needs \"to\" (the actor that gains control)");
            }
            if (e.from() != null && e.from().equals(e.to())) {
                out.error(p + "/to", "\"from\" and \"to\" are the same actor " + Problem.quote(e.to()));
            }
            if (e.status() == null) {
                out.error(p, "a control change needs \"status\": one of \"completed\", \"partial\", "
                        + "\"contested\", \"imminent\"");
            } else if (!CONTROL_STATUSES.contains(e.status())) {
                out.error(p + "/status", "a control change's status is one of \"completed\", \"partial\", "
                        + "\"contested\", \"imminent\", got " + Problem.quote(e.status().code()));
            }
        }
        if (e.date() != null && published != null && e.date().from() != null
                && e.date().from().firstDay().isAfter(published.lastDay())) {
            out.warning(p + "/date", "date " + e.date() + " is after the article's publication date " + published);
        }
    }

    private void figure(Figure fg, String p) {
        ref(p, "subject", fg.subject(), Kind.ACTOR);
        ref(p, "place", fg.place(), Kind.PLACE);
        refs(p, "places", fg.places(), Kind.PLACE);
        ref(p, "highway", fg.highway(), Kind.HIGHWAY);
        according(p, fg.according());
        boolean range = fg.low() != null || fg.high() != null;
        if (fg.value() == null && !(fg.low() != null && fg.high() != null)) {
            if (range) {
                out.error(p, "a range needs both \"low\" and \"high\"");
            } else {
                out.error(p, "a figure needs a \"value\", or \"low\" and \"high\"");
            }
        }
        if (fg.value() != null && range) {
            out.error(p + "/value", "give either \"value\" or \"low\" and \"high\", not both");
        }
        if (fg.low() != null && fg.high() != null && fg.low().compareTo(fg.high()) > 0) {
            out.error(p + "/high", "\"high\" " + fg.high().toPlainString() + " is below \"low\" "
                    + fg.low().toPlainString());
        }
    }

    private void according(String p, List<String> according) {
        refs(p, "according", according, Kind.ACTOR);
    }

    private <T> void ids(List<T> items, String p, Kind kind, java.util.function.Function<T, String> id) {
        for (int i = 0; i < items.size(); i++) {
            String v = id.apply(items.get(i));
            if (v == null) {
                continue;
            }
            Declared first = declared.putIfAbsent(v, new Declared(kind, p, i));
            if (first != null) {
                out.error(p + "/" + i + "/id", "duplicate id " + Problem.quote(v) + " (first used at "
                        + first.pointer() + ")");
            }
        }
    }

    /** Checks the reference at {@code at + "/" + field}; the pointer is built only for an error. */
    private void ref(String at, String field, String id, Kind expected) {
        if (id == null) {
            return;
        }
        check(id, expected, at, field, -1);
    }

    private void refs(String at, String field, List<String> ids, Kind expected) {
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) != null) {
                check(ids.get(i), expected, at, field, i);
            }
        }
    }

    private void check(String id, Kind expected, String at, String field, int index) {
        Declared d = declared.get(id);
        if (d == null) {
            out.error(pointer(at, field, index), Problem.quote(id) + " names no " + expected.word + " in this document");
        } else if (d.kind() != expected) {
            out.error(pointer(at, field, index), Problem.quote(id) + " is " + article(d.kind().word) + ", expected "
                    + article(expected.word));
        }
    }

    private static String pointer(String at, String field, int index) {
        return at + "/" + field + (index < 0 ? "" : "/" + index);
    }

    private void notSelf(String at, String field, String self, List<String> ids) {
        if (self != null && ids.contains(self)) {
            out.error(at + "/" + field, Problem.quote(self) + " refers to itself");
        }
    }

    private void notSelf(String at, String field, String self, String id) {
        if (self != null && self.equals(id)) {
            out.error(at + "/" + field, Problem.quote(self) + " refers to itself");
        }
    }

    private void withinCycles(List<Place> places, Map<String, String> within) {
        for (int i = 0; i < places.size(); i++) {
            String start = places.get(i).id();
            if (start == null) {
                continue;
            }
            Set<String> seen = new HashSet<>();
            String cur = start;
            while (cur != null && seen.add(cur)) {
                cur = within.get(cur);
            }
            if (cur != null && cur.equals(start)) {
                out.error("/places/" + i + "/within", "\"within\" forms a cycle through " + Problem.quote(start));
            }
        }
    }

    private static String article(String word) {
        return (word.startsWith("a") || word.startsWith("e") ? "an " : "a ") + word;
    }
}
