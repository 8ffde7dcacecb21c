package org.conflictkg.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.conflictkg.facts.ReducedDate;
import org.conflictkg.facts.Status;

/**
 * Finds statements of who holds a place: "the rebel-held town of X" (as of publication), "X had
 * held Y since 2014", "Y had been under X control since March", "Y had been in the hands of X
 * since 2014", "Y had been out of regime hands since 2012" (the other side held it), "Y is
 * dominated by X" (partial). A period that a control change in the article ends gets that end.
 */
public final class ControlStateFinder {
    /** A control state before assembly. */
    public record State(String place, String controller, ReducedDate from, ReducedDate to, ReducedDate asOf,
                        Status status, Span evidence) {
    }

    private static final Pattern HELD = Pattern.compile("\\b([A-Za-z]+)-(?:held|controlled)\\b");
    private static final Pattern HELD_GAP = Pattern.compile(
            "^\\s*(?:(?:the|a|an|two|three|several|border|strategic|key|northern|southern|eastern|western|nearby|town|towns"
                    + "|city|cities|village|villages|district|districts|of|neighbourhood|areas?|including)\\s+)*+$");
    private static final Pattern HELD_SINCE = Pattern.compile(
            "\\b(?:had|has|have)(?: [a-z]+)? (?:controlled|held|run|ruled|occupied) ");
    private static final Pattern UNDER = Pattern.compile(
            "\\b(?:had|has|have) been (?:under the control of |under ([\\w-]+(?: [\\w-]+)?) control|in the hands of |held by |controlled by "
                    + "|out of ([\\w-]+) (?:hands|control)|in ([\\w-]+) hands)");
    private static final Pattern LEADING_ANAPHOR = Pattern.compile("^(?:the (?:[a-z-]+ )?(?:city|town|village)|it)\\b");
    /** "since" opening a clause, up to the clause's end. */
    private static final Pattern SINCE_CLAUSE = Pattern.compile("^[^,;.]{0,60}?\\bsince\\b[^,;]*");
    private static final Pattern DOMINATED = Pattern.compile("\\b(?:is|was|are|were) (?:dominated|controlled) by ");

    private ControlStateFinder() {
    }

    public static List<State> find(ArticleContext ctx, List<ControlChange> changes) {
        List<State> out = new ArrayList<>();
        ReducedDate pub = ReducedDate.of(ctx.published);
        for (Sentence s : ctx.sentences) {
            Extractor.checkpoint();
            Matcher m = HELD.matcher(s.text());
            while (m.find()) {
                String who = ControlChangeFinder.heldActor(ctx, m.group(1));
                if (who == null) {
                    continue;
                }
                int pos = s.abs(m.end());
                for (Mention p : placesAfter(ctx, s, pos)) {
                    out.add(new State(p.ref(), who, null, null, pub, null, new Span(s.abs(m.start()), p.end())));
                }
            }
            m = HELD_SINCE.matcher(s.text());
            while (m.find()) {
                int vs = s.abs(m.start());
                String who = subject(ctx, s, vs);
                Mention place = firstPlaceOrAnaphor(ctx, s, s.abs(m.end()));
                since(ctx, s, changes, out, who, place, vs, place == null ? 0 : place.end(), null);
            }
            m = UNDER.matcher(s.text());
            while (m.find()) {
                int vs = s.abs(m.start());
                Mention place = lastPlaceBefore(ctx, s, vs);
                String who;
                if (m.group(1) != null) {
                    who = ControlChangeFinder.heldActor(ctx, m.group(1).replaceFirst(".* ", ""));
                    if (who == null) {
                        who = actorIn(ctx, new Span(s.abs(m.start(1)), s.abs(m.end(1))));
                    }
                } else if (m.group(3) != null) {
                    who = ControlChangeFinder.heldActor(ctx, m.group(3));
                } else if (m.group(2) != null) {
                    String outOf = ControlChangeFinder.heldActor(ctx, m.group(2));
                    who = outOf == null ? null : ctx.opponentOf(outOf);
                } else {
                    who = actorAt(ctx, s.abs(m.end()));
                }
                since(ctx, s, changes, out, who, place, place == null ? vs : place.start(), s.abs(m.end()), null);
            }
            m = DOMINATED.matcher(s.text());
            while (m.find()) {
                int vs = s.abs(m.start());
                Mention place = lastPlaceBefore(ctx, s, vs);
                String who = null;
                for (Mention a : ctx.actorMentions) {
                    if (a.start() >= s.abs(m.end()) && a.start() <= s.abs(m.end()) + 30 && ctx.actor(a.ref()) != null
                            && ctx.actor(a.ref()).fights()) {
                        who = a.ref();
                        break;
                    }
                }
                if (place != null && who != null) {
                    Mention w = null;
                    for (Mention a : ctx.actorMentions) {
                        if (a.ref().equals(who) && a.start() >= s.abs(m.end())) {
                            w = a;
                            break;
                        }
                    }
                    out.add(new State(place.ref(), who, null, null, pub, Status.PARTIAL, place.span().union(w.span())));
                }
            }
        }
        return out;
    }

    /**
     * The changes that dated holding periods begin with: "X had been in the hands of Y since
     * March 25" says that Y took X on March 25. Only a start known to the day is a change ("since
     * early April", "since 2014" tell the background of the story, not an event of its timeline),
     * and only when no change the article states already says so.
     */
    public static List<ControlChange> starts(ArticleContext ctx, List<State> states, List<ControlChange> changes) {
        List<ControlChange> out = new ArrayList<>();
        for (State st : states) {
            if (st.from() == null || st.from().precision() != ReducedDate.Precision.DAY
                    || !st.from().firstDay().isBefore(ctx.published) || ctx.place(st.place()) == null) {
                continue;
            }
            boolean told = false;
            for (ControlChange c : changes) {
                if (Objects.equals(c.place(), st.place()) && ctx.allied(c.to(), st.controller()) && c.date() != null
                        && !c.date().latest().isBefore(st.from().firstDay()) && !c.date().earliest().isAfter(st.from().lastDay())) {
                    told = true;
                }
            }
            if (told) {
                continue;
            }
            String from = ctx.opponentOf(st.controller());
            PlaceEntity pe = ctx.place(st.place());
            double confidence = ControlConfidence.round(ControlConfidence.of(Status.COMPLETED, true, pe.geonames() != null,
                    true, true, false, from != null, false) - 0.1);
            out.add(new ControlChange(st.place(), null, from, st.controller(), Status.COMPLETED,
                    org.conflictkg.facts.DateSpec.single(st.from()), null, List.of(), List.of(st.evidence()), confidence));
        }
        return out;
    }

    private static void since(ArticleContext ctx, Sentence s, List<ControlChange> changes, List<State> out, String who,
                              Mention place, int start, int end, Status status) {
        if (who == null || place == null || ctx.side(who) == null) {
            return;
        }
        DateMention since = null;
        DateMention until = null;
        for (DateMention d : ctx.datesIn(s.span())) {
            if (d.span().start() >= end) {
                if (d.since() && since == null) {
                    since = d;
                } else if (since != null && until == null && ctx.body.substring(since.span().end(), d.span().start())
                        .strip().equals("until")) {
                    until = d;
                }
            }
        }
        if (since == null) {
            // "since soldiers defected on March 25": the date of the clause that "since" opens
            Matcher sm = SINCE_CLAUSE.matcher(ctx.body.substring(end, s.end()));
            if (sm.find()) {
                Span clause = new Span(end + sm.start(), end + sm.end());
                for (DateMention d : ctx.datesIn(s.span())) {
                    if (clause.start() <= d.span().start() && d.span().end() <= clause.end() && d.spec().from() != null) {
                        since = new DateMention(d.span(), d.text(), d.spec(), true);
                        break;
                    }
                }
            }
        }
        if (since == null) {
            return;
        }
        // the period ends with the first completed change of hands after it began
        ReducedDate to = null;
        for (ControlChange c : changes) {
            if (Objects.equals(c.place(), place.ref()) && !ctx.allied(c.to(), who)
                    && c.status() == Status.COMPLETED && c.date() != null && c.date().to() != null
                    && !c.date().to().lastDay().isBefore(since.spec().from().firstDay())
                    && (to == null || c.date().to().compareTo(to) < 0)) {
                to = c.date().to();
            }
        }
        if (to == null && until != null) {
            to = until.spec().to();
        }
        Span ev = new Span(Math.min(start, place.start()), (until != null ? until : since).span().end());
        out.add(new State(place.ref(), who, since.spec().from(), to, null, status, ev));
    }

    private static List<Mention> placesAfter(ArticleContext ctx, Sentence s, int pos) {
        List<Mention> out = new ArrayList<>();
        int at = pos;
        for (Mention p : MentionLib.within(ctx.placeMentions, new Span(pos, s.end()))) {
            String gap = ctx.body.substring(at, p.start());
            boolean ok = out.isEmpty() ? HELD_GAP.matcher(gap).matches() : gap.matches(",? and |, ");
            if (!ok) {
                break;
            }
            out.add(p);
            at = p.end();
        }
        return out;
    }

    private static String subject(ArticleContext ctx, Sentence s, int verb) {
        int cs = ControlChangeFinder.clauseStart(ctx.body, s, verb);
        for (Mention a : MentionLib.within(ctx.actorMentions, new Span(cs, verb))) {
            ActorEntity e = ctx.actor(a.ref());
            if (e != null && e.side() != null) {
                return ctx.forceOf(a.ref());
            }
        }
        return null;
    }

    private static Mention firstPlaceOrAnaphor(ArticleContext ctx, Sentence s, int pos) {
        String rest = ctx.body.substring(pos, s.end());
        Matcher am = LEADING_ANAPHOR.matcher(rest);
        if (am.find()) {
            String key = ctx.lastSettlementBefore(pos);
            return key == null ? null : new Mention(new Span(pos, pos + am.end()), am.group(), key);
        }
        for (Mention p : ctx.placeMentions) {
            if (p.start() == pos) {
                return p;
            }
        }
        return null;
    }

    /** The place right before {@code pos}, or the sentence's subject place before an apposition ("Lyman, a hub, had"). */
    private static Mention lastPlaceBefore(ArticleContext ctx, Sentence s, int pos) {
        List<Mention> in = MentionLib.within(ctx.placeMentions, new Span(s.start(), pos));
        if (in.isEmpty()) {
            return null;
        }
        Mention last = in.get(in.size() - 1);
        if (ctx.body.substring(last.end(), pos).matches("\\s*(?:(?:region|province|governorate|area|countryside"
                + "|enclave|city|town|district)\\s*)?")) {
            return last;
        }
        Mention first = in.get(0);
        String gap = ctx.body.substring(first.end(), pos);
        if (first.start() == s.start() && gap.matches(",[^,;]{1,80},\\s*")) {
            return first;
        }
        return null;
    }

    private static String actorAt(ArticleContext ctx, int pos) {
        for (Mention a : ctx.actorMentions) {
            if (a.start() >= pos && a.start() - pos <= 4) {
                return ctx.forceOf(a.ref());
            }
        }
        return null;
    }

    private static String actorIn(ArticleContext ctx, Span span) {
        for (Mention a : ctx.actorMentions) {
            if (span.overlaps(a.span())) {
                return ctx.forceOf(a.ref());
            }
        }
        return null;
    }
}
