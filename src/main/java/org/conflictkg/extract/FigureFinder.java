package org.conflictkg.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.conflictkg.facts.DateSpec;
import org.conflictkg.facts.Qualifier;

/**
 * Finds figures with the patterns of {@code figure-patterns.tsv}: a number (digits, words, vague
 * quantities, ranges) with its qualifier, the group counted, the measure (from the pattern), the
 * period (the nearest date expression of the sentence) and the sources (the sentence's attribution).
 * A number followed by "and N GROUP" or "among them N GROUP" gives a second figure of the same measure.
 */
public final class FigureFinder {
    /** A figure before assembly. */
    public record Found(String measure, String unit, BigDecimal value, BigDecimal low, BigDecimal high,
                        Qualifier qualifier, String group, String placeOrHighway, DateSpec period, String dateText,
                        List<String> according, Span evidence) {
    }

    /** A pattern of the data file, with the literals one of which a sentence must hold for it to match ({@link RegexLiterals#required}). */
    private record Rule(String measure, String unit, Pattern pattern, List<String> literals) {
        Rule(String measure, String unit, Pattern pattern) {
            this(measure, unit, pattern, RegexLiterals.required(pattern));
        }
    }

    private static final String NUM = "(?<q>(?:" + NumberParser.QUALIFIER + ") )?(?:between (?<lo>" + NumberParser.NUMBER
            + ") and (?<hi>" + NumberParser.NUMBER + ")|(?<v>" + NumberParser.NUMBER + ")(?:(?: to |-)(?<v2>"
            + NumberParser.NUMBER + "))?)";
    private static final String STOP = "(?-i:and|or|in|on|at|of|from|to|since|over|during|with|by|the|a|an|were|was|had|have"
            + "|has|according|who|which|that|are|is|been|said|still|remain|remained|as|after|before|this|last|them|those|whom|killed|wounded|injured|dead|died|displaced|fled)\\b";
    private static final String GROUP = "(?:of )?(?<g>(?!" + STOP + ")[A-Za-z][\\w-]*(?: (?!" + STOP + ")[A-Za-z][\\w-]*){0,3}"
            + "(?: (?:linked|affiliated|belonging) to [\\w-]+)?)";
    /** A place or highway named by a figure: at most 12 words, as {@link PlaceFinder#MAX_NAME_WORDS}. */
    private static final String PLACE = "(?<p>(?:the )?(?-i:[A-Z][\\w-]*(?: [A-Z][\\w-]*){0,11})(?: highway)?)";
    private static final Pattern FOLLOW = Pattern.compile("^(?:,? and|[^.;]{0,60}?(?:, among them|, including|, of whom|,? of them)) "
            + NUM.replace("?<q>", "?<q2>").replace("?<lo>", "?<lo2>").replace("?<hi>", "?<hi2>").replace("?<v>", "?<vv>")
            .replace("?<v2>", "?<vv2>") + " " + GROUP.replace("?<g>", "?<g2>"), Pattern.CASE_INSENSITIVE);

    private static final Pattern CLAUSE_BREAK = Pattern.compile("[;:]|, (?:which|while|but|where|as|whereas|who)\\b");
    private static final Pattern NUMERIC = Pattern.compile("\\d|\\b(?:one|two|three|four|five|six|seven|eight|nine|ten"
            + "|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|dozens?|scores|hundreds?"
            + "|thousands?)\\b", Pattern.CASE_INSENSITIVE);

    private final List<Rule> rules;

    private FigureFinder(List<Rule> rules) {
        this.rules = rules;
    }

    public static final String BUNDLED = "figure-patterns.tsv";

    public static FigureFinder bundled() {
        try (InputStream in = FigureFinder.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw ExtractException.failure("bundled " + BUNDLED + " missing", null);
            }
            return read(in, BUNDLED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static FigureFinder read(InputStream in, String source) throws IOException {
        List<Rule> rules = new ArrayList<>();
        DataFiles.rows(in, source, 3, (c, where) -> {
            String regex = c[2].replace("{N}", NUM).replace("{G}", GROUP).replace("{P}", PLACE);
            rules.add(new Rule(c[0], c[1].isEmpty() ? null : c[1], DataFiles.phrase(regex, where)));
        });
        return new FigureFinder(rules);
    }

    public List<Found> find(ArticleContext ctx, List<AttributionFinder.Attribution> attributions) {
        List<Found> out = new ArrayList<>();
        for (Sentence s : ctx.sentences) {
            Extractor.checkpoint();
            if (!NUMERIC.matcher(s.text()).find()) {
                continue; // no number, no figure
            }
            List<Found> inSentence = new ArrayList<>();
            List<Span> numbers = new ArrayList<>();
            String lower = RegexLiterals.lower(s.text());
            for (Rule r : rules) {
                if (!RegexLiterals.containsAny(lower, r.literals)) {
                    continue; // none of the words every match holds
                }
                Matcher m = r.pattern.matcher(s.text());
                while (m.find()) {
                    Span numSpan = numberSpan(s, m, "q", "lo", "v");
                    if (numbers.stream().anyMatch(x -> x.overlaps(numSpan))) {
                        continue;
                    }
                    Span ev = new Span(s.abs(m.start()), s.abs(m.end()));
                    Found f = build(ctx, s, attributions.get(s.index()), r.measure, r.unit, m, "q", "lo", "hi", "v", "v2",
                            groupOf(m, "g"), place(m), ev);
                    if (f == null) {
                        continue;
                    }
                    numbers.add(numSpan);
                    inSentence.add(f);
                    // "... and 220 anti-regime combatants", "..., among them 1,130 civilians"
                    Matcher fm = FOLLOW.matcher(s.text());
                    fm.region(m.end(), s.text().length());
                    fm.useTransparentBounds(true).useAnchoringBounds(true);
                    if (fm.lookingAt()) {
                        Span ev2 = new Span(s.abs(m.start()), s.abs(fm.end()));
                        Found g = build(ctx, s, attributions.get(s.index()), r.measure, r.unit, fm, "q2", "lo2", "hi2",
                                "vv", "vv2", groupOf(fm, "g2"), null, ev2);
                        if (g != null) {
                            numbers.add(numberSpan(s, fm, "q2", "lo2", "vv"));
                            inSentence.add(g);
                        }
                    }
                }
            }
            inSentence.sort(Comparator.comparingInt(f -> f.evidence().start()));
            out.addAll(inSentence);
        }
        return out;
    }

    private static Span numberSpan(Sentence s, Matcher m, String q, String lo, String v) {
        int st = m.start(q) >= 0 ? m.start(q) : m.start(lo) >= 0 ? m.start(lo) : m.start(v);
        int en = Math.max(m.end(lo), m.end(v));
        if (m.start(lo) >= 0) {
            st = Math.min(st, m.start(lo) - 8);
        }
        return new Span(s.abs(Math.max(0, st)), s.abs(Math.max(en, Math.max(0, st))));
    }

    private static String groupOf(Matcher m, String g) {
        String group;
        try {
            group = m.group(g);
        } catch (IllegalArgumentException e) {
            return null; // the pattern counts no group
        }
        if (group == null) {
            return null;
        }
        String t = group.strip();
        return t.equalsIgnoreCase("people") || t.equalsIgnoreCase("persons") ? null : t;
    }

    private static String place(Matcher m) {
        try {
            return m.group("p");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Found build(ArticleContext ctx, Sentence s, AttributionFinder.Attribution attr, String measure,
                               String unit, Matcher m, String q, String lo, String hi, String v, String v2, String group,
                               String place, Span evidence) {
        BigDecimal value = null;
        BigDecimal low = null;
        BigDecimal high = null;
        boolean vague;
        if (m.group(lo) != null) {
            low = NumberParser.value(m.group(lo));
            high = NumberParser.value(m.group(hi));
            vague = NumberParser.vague(m.group(lo));
        } else if (m.group(v2) != null) {
            low = NumberParser.value(m.group(v));
            high = NumberParser.value(m.group(v2));
            vague = NumberParser.vague(m.group(v));
        } else {
            value = NumberParser.value(m.group(v));
            vague = NumberParser.vague(m.group(v));
        }
        if (value == null && (low == null || high == null)) {
            return null;
        }
        if (vague) {
            return null; // "dozens", "scores", "thousands" give no number to record
        }
        if (low != null && low.compareTo(high) > 0) {
            return null;
        }
        Qualifier qual = low != null ? null : vague ? Qualifier.ABOUT : NumberParser.qualifier(m.group(q));
        DateMention date = nearest(ctx, s, evidence);
        DateSpec period = null;
        if (date != null) {
            DateSpec spec = date.spec();
            period = spec.interval() ? spec : DateSpec.between(spec.from(), spec.to());
        }
        String pl = null;
        if (place != null) {
            for (Mention pm : ctx.placeMentions) {
                if (pm.start() >= evidence.start() && pm.end() <= evidence.end()) {
                    pl = pm.ref();
                }
            }
            for (Mention hm : ctx.highwayMentions) {
                if (hm.start() >= evidence.start() && hm.end() <= evidence.end()) {
                    pl = hm.ref();
                }
            }
        }
        return new Found(measure, unit, value, low, high, qual, group,
                pl, period, date == null ? null : date.text(), attr.sources(), evidence);
    }

    /**
     * A "since" expression after the figure in its clause (its period), else the date expression
     * nearest the figure; never one beyond a clause break after the figure (", which ...").
     */
    private static DateMention nearest(ArticleContext ctx, Sentence s, Span ev) {
        DateMention best = null;
        int bestDist = Integer.MAX_VALUE;
        List<DateMention> dates = new ArrayList<>();
        for (DateMention d : ctx.datesIn(s.span())) {
            if (d.span().start() < ev.end() || !CLAUSE_BREAK.matcher(ctx.body.substring(ev.end(), d.span().start())).find()) {
                dates.add(d);
            }
        }
        for (DateMention d : dates) {
            if (d.since() && d.span().start() >= ev.start()) {
                return d;
            }
        }
        for (DateMention d : dates) {
            int dist = d.span().start() >= ev.end() ? d.span().start() - ev.end()
                    : d.span().end() <= ev.start() ? ev.start() - d.span().end() : 0;
            if (dist < bestDist) {
                best = d;
                bestDist = dist;
            }
        }
        return best;
    }
}
