package org.conflictkg.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds highways: numbered roads ("M4", "the M5 highway"), roads named by their ends ("the
 * Damascus-Aleppo highway") and "the international highway". A route is read from the road's name
 * or from "connects X to Y" / "linking X to Y" after the mention.
 */
public final class HighwayFinder {
    /** A highway: its key (slug), name, and the place keys along it as far as the text says. */
    public record HighwayEntity(String key, String name, List<String> route, Span routeEvidence) {
    }

    public record Result(List<Mention> mentions, Map<String, HighwayEntity> highways) {
    }

    private static final Pattern NUMBERED = Pattern.compile("(?<![\\w-])(?:the )?(M\\d{1,2})(?: (?:highway|motorway|road))?(?![\\w-])");
    private static final Pattern ENDS = Pattern.compile(
            "(?<![\\w-])(?:the )?([A-Z][\\p{L}]+(?: [A-Z][\\p{L}]+)?)-([A-Z][\\p{L}]+(?: [A-Z][\\p{L}]+)?) (highway|motorway|road)\\b");
    private static final Pattern INTERNATIONAL = Pattern.compile("(?<![\\w-])the international (highway|road)\\b");
    private static final Pattern ROUTE = Pattern.compile(
            "^[^.;]{0,60}?\\b(?:connects|connecting|links|linking|runs from|running from|between)\\b([^.;]{1,120}?)\\b(?:to|and|with)\\b([^.;,]{1,80})");

    private HighwayFinder() {
    }

    /** Highways in {@code body}; {@code places} are the place mentions, to fill routes. */
    public static Result find(String body, List<Mention> places) {
        Map<String, HighwayEntity> hw = new LinkedHashMap<>();
        List<Mention> found = new ArrayList<>();
        Matcher m = NUMBERED.matcher(body);
        while (m.find()) {
            String name = m.group(1);
            add(hw, found, body, places, new Span(m.start(), m.end()), name, List.of());
        }
        m = ENDS.matcher(body);
        while (m.find()) {
            Span a = new Span(m.start(1), m.end(1));
            Span b = new Span(m.start(2), m.end(2));
            List<String> route = new ArrayList<>();
            for (Mention p : places) {
                if (p.span().equals(a) || p.span().equals(b)) {
                    route.add(p.ref());
                }
            }
            String name = m.group(1) + "-" + m.group(2) + " " + m.group(3);
            add(hw, found, body, places, new Span(m.start(), m.end()), name, route);
        }
        m = INTERNATIONAL.matcher(body);
        while (m.find()) {
            add(hw, found, body, places, new Span(m.start(), m.end()), "international " + m.group(1), List.of());
        }
        return new Result(MentionLib.longestFirst(found), hw);
    }

    private static void add(Map<String, HighwayEntity> hw, List<Mention> found, String body, List<Mention> places,
                            Span span, String name, List<String> route) {
        String key = org.conflictkg.names.NameFolding.slug(name);
        HighwayEntity h = hw.get(key);
        if (h == null || h.route().isEmpty()) {
            List<String> r = route;
            Span ev = null;
            if (r.isEmpty()) {
                int end = body.indexOf('\n', span.end());
                String after = body.substring(span.end(), end < 0 ? body.length() : end);
                Matcher rm = ROUTE.matcher(after);
                if (rm.find()) {
                    List<String> keys = new ArrayList<>();
                    for (int g = 1; g <= 2; g++) {
                        Span gs = new Span(span.end() + rm.start(g), span.end() + rm.end(g));
                        List<Mention> in = MentionLib.within(places, gs);
                        if (!in.isEmpty()) {
                            keys.add(in.get(in.size() - 1).ref());
                        }
                    }
                    if (keys.size() == 2) {
                        r = keys;
                        ev = new Span(span.start(), span.end() + rm.end(2));
                    }
                }
            }
            if (h == null || !r.isEmpty()) {
                hw.put(key, new HighwayEntity(key, name, r, ev != null ? ev : span));
            }
        }
        found.add(new Mention(span, body.substring(span.start(), span.end()), key));
    }
}
