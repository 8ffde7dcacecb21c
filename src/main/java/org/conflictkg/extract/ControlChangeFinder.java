package org.conflictkg.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.conflictkg.facts.DateSpec;
import org.conflictkg.facts.ReducedDate;
import org.conflictkg.facts.Status;

/**
 * Finds control changes with {@link ControlPattern}s. For each match it fills the place slot (a
 * place, highway or "the city"/"it" after the words, or before them for passives), the actor slot
 * (the clause's subject, pronouns resolved backwards; of coordinated subjects a local force is
 * preferred over a foreign state), then decides who gains (the role), the status (the pattern,
 * made partial by "most of"), the date (the date expression nearest the words) and the sources
 * (the sentence's attribution). Negated, conditional and denied statements give nothing.
 * Repeated statements of one change (same place, same gainer, compatible dates) are merged.
 */
public final class ControlChangeFinder {
    private static final Pattern CLAUSE_BREAK = Pattern.compile(
            "[;:]|, (?:while|but|whereas|as|which|where|when|after|before|and)\\b| (?:but|that|where|when|while|whereas|after|as)\\b");
    private static final Pattern NEGATION = Pattern.compile(
            "\\b(?:not|never|no longer|failed to|fail to|unable to|yet to|if|would|could|might|unless|whether|denied|denies|deny|rejected|n't)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Words before a claim that deny it or leave it unconfirmed: no fact is drafted from it. */
    private static final Pattern DENIAL = Pattern.compile("\\b(?:(?:denied|denies|deny|rejected|dismissed) (?:claims |reports )?that"
            + "|could not (?:independently )?(?:confirm|verify) (?:claims |reports )?that|unconfirmed reports|rumou?rs? that)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ANAPHOR = Pattern.compile(
            "\\b(?:the )?(?:[a-z-]+ ){0,2}(?:city|town|village)\\b(?!'s| of)|^\\s*it\\b");
    private static final Pattern ANAPHOR_TEXT = Pattern.compile("^(?:the |it\\b)|\\b(?:city|town|village)$");
    private static final Pattern ANAPHOR_BEFORE = Pattern.compile(
            "(?:\\b(?:the )?(?:[a-z-]+ ){0,2}(?:city|town|village)|\\bit)\\s*$");
    /** "central", "eastern", ... before a name: a part of the place. */
    private static final String DIRECTION = "(?:(?:central|eastern|western|northern|southern|north-?eastern|north-?western"
            + "|south-?eastern|south-?western) )";
    private static final String NAME_WORD = "[\u2018\u02bf']?\\p{Lu}[\\p{L}\\p{M}'\u2018\u2019\u02bf\u02be]+";
    private static final Pattern UNKNOWN_PLACE = Pattern.compile("\\s+(?:the )?" + DIRECTION + "?(" + NAME_WORD
            + "(?:(?: |-)(?:" + PlaceFinder.PARTICLE + "[- ])?" + NAME_WORD + "){0,3})"
            + "(?=\\s*(?:[,.;:)]|$)|\\s(?:from|on|in|after|and|as|late|early|earlier|overnight|last|this|near|before|while"
            + "|with|by|since|until|during|without)\\b)");
    /** A capitalised name that is the whole subject of a clause, right before its verb. */
    private static final Pattern UNKNOWN_SUBJECT = Pattern.compile("^\\s*(?:the (?:town|city|village) of )?(" + NAME_WORD
            + "(?:(?: |-)(?:" + PlaceFinder.PARTICLE + "[- ])?" + NAME_WORD + "){0,3})\\s*$");
    private static final String UNKNOWN_NAME = NAME_WORD + "(?:(?: |-)(?:" + PlaceFinder.PARTICLE + "[- ])?" + NAME_WORD + "){0,2}";
    private static final Pattern UNKNOWN_NAME_PATTERN = Pattern.compile(UNKNOWN_NAME);
    /** Two or more such names in a list, as the whole subject of a clause. */
    private static final Pattern UNKNOWN_LIST = Pattern.compile("^\\s*((?:" + UNKNOWN_NAME + ", )+(?:" + UNKNOWN_NAME + ",? and "
            + UNKNOWN_NAME + "|" + UNKNOWN_NAME + "))(?:,? and (?:the )?(?:whole |entire |surrounding |nearby |neighbouring |other )?"
            + "(?:[a-z-]+ )?(?:region|province|area|areas|villages|towns|countryside|districts?|outskirts|suburbs))?"
            + "\\s*(?:(?:had|has|have|also|already|finally|now|reportedly|were|are)\\s+)*$");
    private static final Pattern NOT_PLACE = Pattern.compile(
            "^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July"
                    + "|August|September|October|November|December|The|It|They|He|She|We|Its|Their|His)\\b");
    private static final Pattern PRONOUN = Pattern.compile(
            "\\b(?:(they|it)|(?:its|their|his|her) (?:forces|troops|fighters|units|soldiers|army))\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_AGENT_BEFORE = Pattern.compile(
            "(?:\\b(?:by|with|alongside|against|of|from|on|to|for|at|in|near|around|and its|backed|supported|led)|'s)\\s*$",
            Pattern.CASE_INSENSITIVE);
    /** ", a town outside X," right before the verb: an apposition. */
    private static final Pattern APPOSITION_END = Pattern.compile(",\\s[^,]{3,80},\\s*(?:(?:also|already|finally|now|reportedly) )?(?:was|were|has|have|had|is|are)?\\s*$");
    private static final Pattern LIST_GAP = Pattern.compile("^(?:,|,? and|,? as well as)\\s+(?:the )?(?:whole |entire )?(?:town of |city of |village of |villages of )?$");
    /** "the group", "the armed group", "the alliance" right after the words: the armed group named last. */
    private static final Pattern GROUP_AFTER = Pattern.compile("^\\s*the (?:[a-z-]+ ){0,2}(?:group|alliance|militia)\\b");
    /** A modal verb right after a nominal's place ("the fall of X would ..."): a hypothetical. */
    private static final Pattern HYPOTHETICAL_AFTER = Pattern.compile("^[^,;.]{0,30}?\\b(?:would|could|might)\\b");
    /** Unnamed places counted, then a named one: "three northern districts and the ". */
    private static final Pattern COUNT_AND = Pattern.compile("^\\s*(?:at least |more than )?(?:two|three|four|five|six|seven|eight"
            + "|nine|ten|several|\\d+) (?:[a-z-]+ )?(?:villages|towns|districts|neighbourhoods|positions|outposts|bases|areas)"
            + ",? (?:as well as|and) (?:the )?(?:town of |village of |city of |district of )?$");
    /** A list of places may end in a generic noun phrase: "A, B and the whole region were retaken". */
    private static final String LIST_TAIL = "(?:,? and (?:the )?(?:whole |entire |rest of the |surrounding |nearby |neighbouring |other )?"
            + "(?:[a-z-]+ )?(?:region|province|area|areas|villages|towns|countryside|districts?|outskirts|suburbs))?";
    private static final Pattern COORDINATION = Pattern.compile("^\\s*(?:,|and|, and)\\s*(?:its |their |allied )?$");
    /**
     * Between two places of one list: a comma or "and", "as well as", with at most a short phrase
     * locating the first ("in the northern countryside") and a noun introducing the next ("the towns of").
     */
    private static final Pattern MORE_PLACES = Pattern.compile(
            "^(?: (?:in|on|near|east of|west of|north of|south of) (?:the )?[a-z -]{1,30}?)?(?:,? and (?:then )?|, (?:and |as well as )?|,? as well as )"
                    + "(?:the )?(?:[a-z-]+ ){0,3}(?:(?:towns?|villages?|cities|city|districts?|areas?|neighbourhoods?) of )?$");
    private static final Pattern FROM_ACTOR = Pattern.compile("^\\s*from (?:the )?$");
    private static final Pattern HELD = Pattern.compile("\\b([A-Za-z]+)-held\\b");
    private static final Set<String> GAP_STOP = Set.of("out", "from", "to", "by", "with", "in", "on", "at", "into", "near",
            "around", "towards", "toward", "outside", "across", "through", "for", "over", "against", "after", "before",
            "during", "and", "or", "but", "while", "that", "which", "who", "their", "his", "her", "its", "dozens",
            "several", "many", "some", "two", "three", "four", "five", "hundreds", "scores", "section", "sections",
            "outskirts", "edges", "edge", "positions", "vicinity", "areas", "countryside", "push", "a", "an");
    /** Passive words that say nothing of control without their agent. */
    private static final Pattern AGENTLESS_NOT = Pattern.compile("\\b(?:taken|brought|is|are|being|fall|falls|fell|fallen)\\b(?! (?:back|over|into the hands))");
    /** What may stand between a passive's place and its words ("X, which had been"); possessive: no recursion per word. */
    private static final Pattern PLACE_GAP = Pattern.compile(
            "(?:\\s+(?:town|township|village|city))?" + LIST_TAIL
            + "[\\s,]*+(?:(?:which|that|had|has|have|also|already|finally|now|reportedly|itself|was|were|is|are)[\\s,]*+)*+");
    private static final Pattern FROM_ACTOR_GAP = Pattern.compile("^\\s*(?:[a-z]+ ){0,3}from (?:the )?$");
    /** A duration before "after"/"since" opens a clause about an earlier event ("a year after X seized it"). */
    private static final Pattern BACKGROUND = Pattern.compile(
            "\\b(?:(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|many|\\d+)"
                    + " (days?|weeks?|months?|years?)|(?:a )?decades?|long) (after|since|before)\\b[^,;]*$", Pattern.CASE_INSENSITIVE);
    /** Past perfect before the words: an earlier event, whose date the sentence does not give. */
    private static final Pattern PAST_PERFECT = Pattern.compile("\\bhad (?:already |earlier |previously |first )?(?:been )?\\S*$");
    /** "the Tigray region's capital X", "the province's main city, X": the name after the apposition is the place. */
    private static final Pattern APPOSED = Pattern.compile(
            "^(?:(?: region| province| state| governorate| oblast)?['\u2019]s |, )(?:[a-z-]+ ){0,3}(?:capital|city|town|stronghold|hub)(?:,? (?:of )?)$");
    private static final Pattern DETERMINER_BEFORE = Pattern.compile("\\b(?:the|a|an|its|their|recently|newly)\\s+$", Pattern.CASE_INSENSITIVE);
    /** "... to the PKK/YPG" after the places handed over: who receives them. */
    private static final Pattern TO_ACTOR = Pattern.compile("^[^;:]{0,40}?\\bto (?:the )?$");
    private static final Pattern PARTIAL_GAP = Pattern.compile("\\b(?:(?:most|parts?|much|half|large parts|swathes) of|"
            + DIRECTION.replace(" )", ")") + ")(?= )");

    private final List<ControlPattern> patterns;
    /** For each pattern, the literals one of which a sentence must hold for it to match ({@link RegexLiterals#required}). */
    private final List<List<String>> literals;

    public ControlChangeFinder(List<ControlPattern> patterns) {
        this.patterns = patterns;
        this.literals = patterns.stream().map(p -> RegexLiterals.required(p.pattern())).toList();
    }

    /** A pattern match with its slots filled, before merging. */
    private record Hit(ControlPattern pattern, Sentence sentence, Span words, String agent, List<Mention> places,
                       boolean partial, String heldBy, String explicitFrom, String after) {
    }

    /** Control changes of the article; {@code attributions} are the sentences' sources, by sentence index. */
    public List<ControlChange> find(ArticleContext ctx, List<AttributionFinder.Attribution> attributions) {
        List<Hit> hits = new ArrayList<>();
        for (Sentence s : ctx.sentences) {
            Extractor.checkpoint();
            String lower = RegexLiterals.lower(s.text());
            for (int i = 0; i < patterns.size(); i++) {
                ControlPattern p = patterns.get(i);
                if (!RegexLiterals.containsAny(lower, literals.get(i))) {
                    continue; // none of the words every match holds
                }
                Matcher m = p.pattern().matcher(s.text());
                while (m.find()) {
                    Hit h = hit(ctx, s, p, new Span(s.abs(m.start()), s.abs(m.end())));
                    if (h != null) {
                        hits.add(h);
                    }
                }
            }
        }
        // anaphors ("the city", "it") refer to places that statements are about, see resolveAnaphor
        Set<String> topics = new java.util.HashSet<>();
        for (Hit h : hits) {
            for (Mention m : h.places()) {
                if (m.ref() != null) {
                    topics.add(m.ref());
                }
            }
        }
        List<Hit> resolved = new ArrayList<>();
        for (Hit h : hits) {
            List<Mention> ps = new ArrayList<>();
            for (Mention m : h.places()) {
                String ref = m.ref() != null ? m.ref() : ctx.resolveAnaphor(m.start(), h.sentence(), topics);
                if (ref != null) {
                    ps.add(new Mention(m.span(), m.text(), ref));
                }
            }
            if (!ps.isEmpty()) {
                resolved.add(new Hit(h.pattern(), h.sentence(), h.words(), h.agent(), ps, h.partial(), h.heldBy(),
                        h.explicitFrom(), h.after()));
            }
        }
        hits = resolved;
        hits.sort(Comparator.comparingInt(h -> h.words().start()));
        // overlapping matches of different patterns: keep the longest words
        List<Hit> kept = new ArrayList<>();
        for (Hit h : hits) {
            Hit clash = null;
            for (Hit k : kept) {
                if (k.words().overlaps(h.words())) {
                    clash = k;
                }
            }
            if (clash == null) {
                kept.add(h);
            } else if (h.words().length() > clash.words().length()) {
                kept.set(kept.indexOf(clash), h);
            }
        }
        List<ControlChange> out = new ArrayList<>();
        // first the changes whose gainer is named, then those that need the article's opponents
        for (int pass = 0; pass < 2; pass++) {
            for (Hit h : kept) {
                ControlPattern.Role role = h.pattern().role();
                boolean direct = role == ControlPattern.Role.GAINS || role == ControlPattern.Role.EXPELS
                        || role == ControlPattern.Role.HANDS
                        || role == ControlPattern.Role.PASSIVE && h.after() != null;
                if ((pass == 0) != direct) {
                    continue;
                }
                for (Mention place : h.places()) {
                    ControlChange c = build(ctx, h, place, attributions.get(h.sentence().index()));
                    if (c != null) {
                        merge(out, c, ctx::allied);
                        ctx.gainers.merge(c.to(), 1, Integer::sum);
                        if (pass == 0) {
                            ctx.namedGains.put(h.words().start(), c.to());
                        }
                    }
                }
            }
        }
        return out;
    }

    private Hit hit(ArticleContext ctx, Sentence s, ControlPattern p, Span words) {
        if (p.role() != ControlPattern.Role.EXPELS && MentionLib.overlapsAny(ctx.actorMentions, words)
                || MentionLib.overlapsAny(ctx.placeMentions, words)) {
            return null;
        }
        int clauseStart = clauseStart(ctx.body, s, words.start());
        String before = ctx.body.substring(clauseStart, words.start());
        if (p.role() != ControlPattern.Role.NOMINAL && DETERMINER_BEFORE.matcher(before).find()) {
            return null; // "the besieged town", "a captured village": an adjective, not a statement of a change
        }
        if (NEGATION.matcher(before).find() || DENIAL.matcher(ctx.body.substring(s.start(), words.start())).find()) {
            return null;
        }
        List<Mention> places = new ArrayList<>();
        boolean partial = false;
        String heldBy = null;
        String explicitFrom = null;
        String after = null;
        if (p.role() == ControlPattern.Role.PASSIVE) {
            places.addAll(placesBefore(ctx, s, clauseStart, words.start()));
            if (places.isEmpty()) {
                return null;
            }
            after = actorRightAfter(ctx, words.end(), 4);
            if (after == null && GROUP_AFTER.matcher(ctx.body.substring(words.end(), s.end())).find()) {
                after = ctx.lastArmedGroupBefore(words.start()); // "poised to fall to the armed group"
            }
            if (after == null) {
                // an agentless passive ("X was retaken"): the gainer comes from the article, unless the
                // verb has other meanings ("was taken to hospital")
                String w = ctx.body.substring(words.start(), words.end());
                if (AGENTLESS_NOT.matcher(w).find()) {
                    return null;
                }
                explicitFrom = actorAfterGap(ctx, words.end(), s.end(), FROM_ACTOR_GAP);
            }
        } else {
            Mention first = placeAfter(ctx, s, words.end(), words.start());
            if (first == null && p.role() == ControlPattern.Role.DEFENDS) {
                first = frontedPlace(ctx, s);
            }
            if (first == null) {
                return null;
            }
            String gap = ctx.body.substring(words.end(), Math.max(words.end(), first.start()));
            partial = PARTIAL_GAP.matcher(gap).find() && !COUNT_AND.matcher(gap).matches();
            Matcher hm = HELD.matcher(gap);
            if (hm.find()) {
                heldBy = heldActor(ctx, hm.group(1));
            }
            if (p.role() == ControlPattern.Role.NOMINAL && first.ref() != null
                    && HYPOTHETICAL_AFTER.matcher(ctx.body.substring(first.end(), s.end())).find()) {
                return null; // "the capture of X would be a blow": not a change that happened
            }
            places.add(first);
            Mention last = first;
            while (true) {
                Mention next = nextMention(ctx, last.end(), s.end());
                if (next == null || !MORE_PLACES.matcher(ctx.body.substring(last.end(), next.start())).matches()) {
                    break;
                }
                places.add(next);
                last = next;
            }
            String fromActor = actorAfterGap(ctx, last.end(), s.end(), FROM_ACTOR);
            explicitFrom = fromActor;
            if (p.role() == ControlPattern.Role.HANDS) {
                after = actorAfterGap(ctx, last.end(), s.end(), TO_ACTOR);
                if (after == null) {
                    return null;
                }
            }
            if (p.role() == ControlPattern.Role.DEFENDS) {
                after = actorRightAfter(ctx, words.end(), 2);
            } else if (p.role() == ControlPattern.Role.EXPELS) {
                for (Mention a : MentionLib.within(ctx.actorMentions, words)) {
                    after = ctx.forceOf(a.ref());
                    break;
                }
                if (after == null) {
                    return null;
                }
            }
        }
        String agent = null;
        if (p.role() != ControlPattern.Role.PASSIVE && p.role() != ControlPattern.Role.NOMINAL) {
            agent = agent(ctx, s, clauseStart, words.start());
            if (agent == null) {
                return null;
            }
        }
        return new Hit(p, s, words, agent, places, partial, heldBy, explicitFrom, after);
    }

    private ControlChange build(ArticleContext ctx, Hit h, Mention place, AttributionFinder.Attribution attr) {
        String to;
        String from = h.explicitFrom() != null ? h.explicitFrom() : h.heldBy();
        switch (h.pattern().role()) {
            case GAINS -> to = h.agent();
            case PASSIVE -> to = h.after() != null ? h.after()
                    : h.explicitFrom() != null ? ctx.opponentOf(h.explicitFrom())
                    : ctx.gainerBefore(h.words().start()) != null ? ctx.gainerBefore(h.words().start())
                    : onlySide(ctx, h.sentence());
            case LOSES -> {
                from = h.agent();
                to = ctx.opponentOf(h.agent());
            }
            case EXPELS -> {
                to = h.agent();
                from = h.after();
            }
            case HANDS -> {
                to = h.after();
                from = h.agent();
            }
            case DEFENDS -> {
                from = h.agent();
                String other = h.after() != null && !ctx.allied(h.after(), h.agent()) ? h.after() : null;
                to = other != null ? other : ctx.opponentOf(h.agent());
            }
            default -> to = ctx.gainerBefore(h.words().start());
        }
        if (to == null || ctx.side(to) == null) {
            return null;
        }
        to = holder(ctx, h, to);
        if (from != null && ctx.allied(from, to)) {
            from = null;
        }
        Status status = h.pattern().status();
        if (h.partial() && status == Status.COMPLETED) {
            status = Status.PARTIAL;
        }
        DateMention date = nearestDate(ctx, h.sentence(), h.words());
        String clause = ctx.body.substring(h.sentence().start(), h.words().start());
        DateSpec when = date == null ? null : date.point();
        boolean inferredDate = false;
        Matcher bg = BACKGROUND.matcher(clause);
        // a date after the words beyond a comma belongs to the main clause ("A year after X seized it, Y retook it on Monday")
        boolean mainClauseDate = date != null && date.span().start() >= h.words().end()
                && ctx.body.substring(h.words().end(), date.span().start()).contains(",");
        if (bg.find() && (date == null || mainClauseDate || date.span().end() <= h.sentence().abs(bg.start()))) {
            // an earlier event told in passing ("six weeks after X seized it"): dated back from the
            // sentence's own date or the publication, else not a change of today
            when = backgroundDate(ctx, h.sentence(), bg, mainClauseDate ? date : null);
            if (when == null) {
                return null;
            }
            inferredDate = true;
        }
        if (when == null && !PAST_PERFECT.matcher(clause).find() && status == Status.COMPLETED
                || when == null && status != Status.COMPLETED) {
            // news of the day: on or shortly before publication
            when = DateSpec.between(ReducedDate.of(ctx.published.minusDays(2)), ReducedDate.of(ctx.published));
            inferredDate = true;
        }
        List<Span> ev = new ArrayList<>();
        Span span = h.words().union(place.span());
        Mention agentMention = agentMention(ctx, h);
        if (agentMention != null && agentMention.start() >= h.sentence().start()) {
            span = span.union(agentMention.span());
        }
        if (date != null && date.span().start() >= span.start() && date.span().start() - span.end() <= 20) {
            span = span.union(date.span());
        }
        ev.add(span);
        boolean isHighway = ctx.highways.containsKey(place.ref()) && !ctx.places.containsKey(place.ref());
        PlaceEntity pe = ctx.places.get(place.ref());
        boolean inGazetteer = isHighway || pe != null && pe.geonames() != null;
        boolean namedGainer = h.pattern().role() == ControlPattern.Role.GAINS || h.pattern().role() == ControlPattern.Role.EXPELS
                || h.pattern().role() == ControlPattern.Role.HANDS
                || h.pattern().role() == ControlPattern.Role.PASSIVE && h.after() != null;
        double confidence = ControlConfidence.of(status, namedGainer, inGazetteer, place.ref() != null && place.text() != null
                && !ANAPHOR_TEXT.matcher(place.text()).find(), date != null, inferredDate, from != null, !attr.sources().isEmpty());
        return new ControlChange(isHighway ? null : place.ref(), isHighway ? place.ref() : null, from, to, status,
                when, date == null ? null : date.text(), attr.sources(), ev, confidence);
    }

    /**
     * The date of an event told as "N days / weeks / months / years after ..." before the sentence's
     * own date (else the publication): a day, a week's span, a month or a year. Null for "before",
     * "since", "long" and decades, which date nothing.
     */
    private static DateSpec backgroundDate(ArticleContext ctx, Sentence s, Matcher bg, DateMention main) {
        if (bg.group(1) == null || !"after".equalsIgnoreCase(bg.group(3))) {
            return null;
        }
        String n = bg.group(1).toLowerCase(java.util.Locale.ROOT);
        int count = n.equals("a") || n.equals("an") ? 1 : n.equals("several") || n.equals("few") || n.equals("many") ? -1
                : NumberParser.value(n) == null ? -1 : NumberParser.value(n).intValue();
        if (count <= 0) {
            return null;
        }
        java.time.LocalDate ref = ctx.published;
        for (DateMention d : ctx.datesIn(s.span())) {
            if (d.span().start() < s.abs(0) + bg.start() && d.spec().to() != null
                    && d.spec().to().precision() == ReducedDate.Precision.DAY && !d.since()) {
                ref = d.spec().to().firstDay();
            }
        }
        if (main != null && main.spec().to() != null && main.spec().to().precision() == ReducedDate.Precision.DAY) {
            ref = main.spec().to().firstDay();
        }
        String unit = bg.group(2).toLowerCase(java.util.Locale.ROOT);
        if (unit.startsWith("day")) {
            return DateSpec.single(ReducedDate.of(ref.minusDays(count)));
        } else if (unit.startsWith("week")) {
            java.time.LocalDate d = ref.minusWeeks(count);
            return DateSpec.between(ReducedDate.of(d.minusDays(3)), ReducedDate.of(d.plusDays(3)));
        } else if (unit.startsWith("month")) {
            java.time.LocalDate d = ref.minusMonths(count);
            return DateSpec.single(new ReducedDate(d.getYear(), d.getMonthValue(), 0));
        }
        return DateSpec.single(new ReducedDate(ref.minusYears(count).getYear(), 0, 0));
    }

    /**
     * Who holds what {@code to} takes: {@code to}, unless it is a foreign state's force named as
     * a coalition ("Turkish-led forces") or beside a local force of an allied side in the same
     * sentence; then that local force.
     */
    private static String holder(ArticleContext ctx, Hit h, String to) {
        ActorEntity a = ctx.actor(to);
        if (a == null || !a.foreignTo(ctx.country)) {
            return to;
        }
        Mention named = agentMention(ctx, h);
        if (named != null && named.text().contains("-led")) {
            return ctx.holderFor(to);
        }
        for (Mention m : MentionLib.within(ctx.actorMentions, h.sentence().span())) {
            ActorEntity o = ctx.actor(m.ref());
            if (o != null && o.fights() && !o.foreignTo(ctx.country) && ctx.allied(o.id(), to)) {
                return o.id();
            }
        }
        return to;
    }

    /** The fighting actor a sentence names when all it names are of one side (a force before a foreign state); else null. */
    private static String onlySide(ArticleContext ctx, Sentence s) {
        String found = null;
        for (Mention m : MentionLib.within(ctx.actorMentions, s.span())) {
            ActorEntity a = ctx.actor(m.ref());
            if (a == null || !a.fights() || a.coarseSide() == null) {
                continue;
            }
            if (found != null && !ctx.allied(found, a.id())) {
                return null;
            }
            if (found == null || ctx.actor(found).foreignTo(ctx.country) && !a.foreignTo(ctx.country)) {
                found = a.id();
            }
        }
        return found;
    }

    private static Mention agentMention(ArticleContext ctx, Hit h) {
        for (int i = ctx.actorMentions.size() - 1; i >= 0; i--) {
            Mention m = ctx.actorMentions.get(i);
            if (m.end() <= h.words().start() && m.start() >= h.sentence().start()
                    && (m.ref().equals(h.agent()) || m.ref().equals(h.after()))) {
                return m;
            }
        }
        return null;
    }

    /**
     * Merges {@code c} into an earlier statement of the same change (same place, gainers of one or
     * allied sides, dates that can meet), or adds it. The earlier statement's gainer, status and
     * date win; sources and evidence are joined.
     */
    static void merge(List<ControlChange> out, ControlChange c, java.util.function.BiPredicate<String, String> allied) {
        for (int i = 0; i < out.size(); i++) {
            ControlChange o = out.get(i);
            // a later statement joins an earlier one unless it claims more (completed after partial)
            boolean sameClaim = o.status() == c.status() || c.date() == null && weaker(c.status(), o.status());
            if (Objects.equals(o.place(), c.place()) && Objects.equals(o.highway(), c.highway()) && sameClaim
                    && (Objects.equals(o.to(), c.to()) || allied.test(o.to(), c.to())) && compatible(o.date(), c.date())) {
                List<String> acc = new ArrayList<>(o.according());
                for (String a : c.according()) {
                    if (!acc.contains(a)) {
                        acc.add(a);
                    }
                }
                List<Span> ev = new ArrayList<>(o.evidence());
                ev.addAll(c.evidence());
                out.set(i, new ControlChange(o.place(), o.highway(), o.from() != null ? o.from() : c.from(), o.to(),
                        o.status(), o.dateText() != null || c.dateText() == null ? o.date() : c.date(),
                        o.dateText() != null || c.dateText() == null ? o.dateText() : c.dateText(), acc, ev,
                        ControlConfidence.merged(o.confidence(), c.confidence())));
                return;
            }
        }
        out.add(c);
    }

    /** True when {@code a} claims less than {@code b} (completed > partial > contested > imminent). */
    private static boolean weaker(Status a, Status b) {
        return rank(a) < rank(b);
    }

    private static int rank(Status s) {
        return switch (s) {
            case COMPLETED -> 4;
            case PARTIAL -> 3;
            case CONTESTED, ONGOING -> 2;
            case IMMINENT -> 1;
        };
    }

    private static boolean compatible(DateSpec a, DateSpec b) {
        if (a == null || b == null) {
            return true;
        }
        return !(a.latest() != null && b.earliest() != null && a.latest().isBefore(b.earliest())
                || b.latest() != null && a.earliest() != null && b.latest().isBefore(a.earliest()));
    }

    /** A relative clause between a change and a date: the date belongs to that clause. */
    private static final Pattern OTHER_CLAUSE = Pattern.compile(
            "[,;(\u2014\u2013]\\s*(?:where|which|who|whose|whom)\\b", Pattern.CASE_INSENSITIVE);

    /** True when {@code between} opens a relative clause that it does not close again. */
    private static boolean openClause(String between) {
        Matcher m = OTHER_CLAUSE.matcher(between);
        int end = -1;
        while (m.find()) {
            end = m.end();
        }
        return end >= 0 && between.substring(end).chars().noneMatch(c -> c == ',' || c == ';' || c == ')');
    }

    private static DateMention nearestDate(ArticleContext ctx, Sentence s, Span words) {
        DateMention best = null;
        int bestDist = Integer.MAX_VALUE;
        for (DateMention d : ctx.datesIn(s.span())) {
            boolean after = d.span().start() >= words.end();
            String between = after ? ctx.body.substring(words.end(), d.span().start())
                    : ctx.body.substring(d.span().end(), Math.max(d.span().end(), words.start()));
            if (openClause(between)) {
                continue; // a date of a relative clause ("..., where it was based after 1989") is not the change's
            }
            int dist = after ? d.span().start() - words.end() : words.start() - d.span().end();
            if (dist < bestDist) {
                best = d;
                bestDist = dist;
            }
        }
        return best;
    }

    static int clauseStart(String body, Sentence s, int pos) {
        String before = body.substring(s.start(), pos);
        Matcher m = CLAUSE_BREAK.matcher(before);
        int start = s.start();
        while (m.find()) {
            start = s.start() + m.end();
        }
        return start;
    }

    /** The actor standing for the subject of the clause [clauseStart, verb). */
    private static String agent(ArticleContext ctx, Sentence s, int clauseStart, int verb) {
        List<Mention> cands = new ArrayList<>();
        for (Mention m : MentionLib.within(ctx.actorMentions, new Span(clauseStart, verb))) {
            ActorEntity a = ctx.actor(m.ref());
            if (a == null || a.coarseSide() == null || m.text().endsWith("-held")) {
                continue;
            }
            String pre = ctx.body.substring(Math.max(clauseStart, m.start() - 20), m.start());
            String post = ctx.body.substring(m.end(), Math.min(ctx.body.length(), m.end() + 2));
            if (NOT_AGENT_BEFORE.matcher(pre).find() || post.startsWith("'s")) {
                continue;
            }
            cands.add(m);
        }
        // a fronted clause ("After X seized it, Y retook the town"): the subject follows its comma
        int comma = ctx.body.substring(clauseStart, verb).lastIndexOf(", ");
        if (comma >= 0 && cands.stream().anyMatch(m -> m.start() > clauseStart + comma)) {
            cands.removeIf(m -> m.start() < clauseStart + comma);
        }
        if (!cands.isEmpty()) {
            List<Mention> group = new ArrayList<>();
            group.add(cands.get(0));
            for (int i = 1; i < cands.size(); i++) {
                String gap = ctx.body.substring(group.get(group.size() - 1).end(), cands.get(i).start());
                if (!COORDINATION.matcher(gap).matches()) {
                    break;
                }
                group.add(cands.get(i));
            }
            // allies named together ("Turkish troops and allied Syrian fighters"): the local force holds the
            // ground; adversaries named together ("X and Y were fighting for") leave the first
            String first = ctx.forceOf(group.get(0).ref());
            boolean allAllied = group.stream().allMatch(m -> ctx.allied(m.ref(), group.get(0).ref()));
            if (allAllied) {
                for (Mention m : group) {
                    if (!ctx.actor(m.ref()).foreignTo(ctx.country)) {
                        return ctx.forceOf(m.ref());
                    }
                }
            }
            return first;
        }
        // a country standing for its state ("Iraq retakes X"): the state force of that country (countries.tsv)
        for (Mention m : MentionLib.within(ctx.placeMentions, new Span(clauseStart, verb))) {
            PlaceEntity p = ctx.places.get(m.ref());
            String between = ctx.body.substring(m.end(), verb).strip();
            if (p != null && p.kind() == org.conflictkg.facts.PlaceKind.COUNTRY && between.matches("(?:has |have |had )?")) {
                Countries.Country c = Countries.bundled().byCode(p.country());
                if (c != null && c.state() != null && ctx.lexicon.actor(c.state()) != null) {
                    ctx.ensureActor(c.state());
                    return c.state();
                }
            }
        }
        Matcher pm = PRONOUN.matcher(ctx.body.substring(clauseStart, verb));
        if (pm.find()) {
            int at = clauseStart + pm.start();
            if (pm.group(1) != null) {
                String a = ctx.lastActorBefore(at, true);
                return a;
            }
            String a = ctx.lastActorBefore(at, false);
            return a == null ? null : ctx.forceOf(a);
        }
        // a participle clause (", recapturing ...") shares the sentence's subject
        String gap = ctx.body.substring(clauseStart, verb).strip();
        if (gap.isEmpty() && clauseStart > s.start()) {
            for (Mention m : MentionLib.within(ctx.actorMentions, new Span(s.start(), clauseStart))) {
                ActorEntity a = ctx.actor(m.ref());
                if (a != null && a.fights()) {
                    return a.id();
                }
            }
        }
        return null;
    }

    /** The first place, highway or anaphor after {@code from} whose gap passes the checks. */
    private static Mention placeAfter(ArticleContext ctx, Sentence s, int from, int verbStart) {
        Mention next = nextMention(ctx, from, s.end());
        Matcher am = ANAPHOR.matcher(ctx.body);
        am.region(from, s.end());
        Mention anaphor = null;
        if (am.find()) {
            if ((next == null || am.start() < next.start())
                    && !MentionLib.overlapsAny(ctx.placeMentions, new Span(am.start(), am.end()))) {
                anaphor = new Mention(new Span(am.start(), am.end()), am.group(), null); // resolved later
            }
        }
        Mention cand = anaphor != null ? anaphor : next;
        if (cand != null && cand.ref() != null && COUNT_AND.matcher(ctx.body.substring(from, cand.start())).matches()) {
            return cand; // "seized three villages and the town of X": X is taken too
        }
        if (cand == null || !gapOk(withoutDates(ctx, from, cand.start()))) {
            return unknownPlace(ctx, from, s.end());
        }
        if (cand.ref() != null) {
            // "the Tigray region's capital X": the place is the one the apposition names
            Mention after = nextMention(ctx, cand.end(), s.end());
            if (after != null && APPOSED.matcher(ctx.body.substring(cand.end(), after.start())).matches()) {
                return after;
            }
        }
        return cand;
    }

    /** The text [from, to) with its date expressions and the words that introduce them left out. */
    private static String withoutDates(ArticleContext ctx, int from, int to) {
        String gap = ctx.body.substring(from, to);
        List<DateMention> ds = ctx.datesIn(new Span(from, to));
        for (int i = ds.size() - 1; i >= 0; i--) {
            DateMention d = ds.get(i);
            String head = gap.substring(0, d.span().start() - from).replaceFirst(
                    "(?:(?:late|early|earlier|later) )?(?:on|in|at|during|by|last|this|overnight)? ?$", "");
            gap = head + " " + gap.substring(d.span().end() - from);
        }
        return gap;
    }

    /**
     * A name the gazetteer does not know, right after control words ("had taken control of Beit
     * Sawa and"), is a place: it becomes one (kind town, no GeoNames id) for the whole article.
     */
    private static Mention unknownPlace(ArticleContext ctx, int from, int limit) {
        Matcher m = UNKNOWN_PLACE.matcher(ctx.body);
        m.region(from, limit);
        if (!m.lookingAt()) {
            return null;
        }
        Span span = new Span(m.start(1), m.end(1));
        String name = m.group(1);
        if (MentionLib.overlapsAny(ctx.actorMentions, span) || MentionLib.overlapsAny(ctx.placeMentions, span)
                || MentionLib.overlapsAny(ctx.highwayMentions, span) || NOT_PLACE.matcher(name).find()) {
            return null;
        }
        return ctx.addPlace(PlaceEntity.of(name, org.conflictkg.facts.PlaceKind.TOWN, null, ctx.country), span, name);
    }

    private static Mention nextMention(ArticleContext ctx, int from, int limit) {
        Mention best = null;
        for (List<Mention> list : List.of(ctx.placeMentions, ctx.highwayMentions)) {
            for (int i = MentionLib.firstStartingAtOrAfter(list, from); i < list.size(); i++) {
                Mention m = list.get(i);
                if (m.start() >= from && m.end() <= limit) {
                    if (best == null || m.start() < best.start()) {
                        best = m;
                    }
                    break;
                }
            }
        }
        return best;
    }

    static boolean gapOk(String gap) {
        String g = gap.replaceAll("[\u201c\u201d\"]", "").strip();
        if (g.isEmpty()) {
            return true;
        }
        if (g.length() > 60 || !g.matches("[\\p{L}' -]+")) {
            return false;
        }
        String[] words = g.split("\\s+");
        if (words.length > 7) {
            return false;
        }
        for (String w : words) {
            if (GAP_STOP.contains(w)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The places a passive is about, before its words: the last place before them (an apposition
     * between commas, ", a town near X,", is skipped), with the places coordinated before it ("A, B
     * and C were retaken"); or an anaphor ("the city was retaken").
     */
    private static List<Mention> placesBefore(ArticleContext ctx, Sentence s, int clauseStart, int verb) {
        Matcher am = ANAPHOR_BEFORE.matcher(ctx.body.substring(clauseStart, verb));
        if (am.find()) {
            return List.of(new Mention(new Span(clauseStart + am.start(), clauseStart + am.end()), am.group().strip(), null));
        }
        int end = verb;
        String before = ctx.body.substring(s.start(), verb);
        Matcher ap = APPOSITION_END.matcher(before);
        if (ap.find()) {
            end = s.start() + ap.start();
        }
        Mention best = null;
        for (Mention m : MentionLib.within(ctx.placeMentions, new Span(s.start(), end))) {
            best = m;
        }
        if (best == null) {
            // a name the gazetteer does not know, as the subject of the passive ("Namhsan was retaken")
            Matcher um = UNKNOWN_SUBJECT.matcher(ctx.body.substring(clauseStart, end));
            if (!um.find()) {
                return unknownList(ctx, clauseStart, end);
            }
            Span span = new Span(clauseStart + um.start(1), clauseStart + um.end(1));
            String name = um.group(1);
            if (MentionLib.overlapsAny(ctx.actorMentions, span) || MentionLib.overlapsAny(ctx.highwayMentions, span)
                    || NOT_PLACE.matcher(name).find()) {
                return List.of();
            }
            return List.of(ctx.addPlace(PlaceEntity.of(name, org.conflictkg.facts.PlaceKind.TOWN, null, ctx.country), span, name));
        }
        String gap = ctx.body.substring(best.end(), end);
        if (!PLACE_GAP.matcher(gap).matches()) {
            return List.of();
        }
        List<Mention> out = new ArrayList<>();
        out.add(best);
        List<Mention> all = MentionLib.within(ctx.placeMentions, new Span(s.start(), best.start()));
        Mention next = best;
        for (int i = all.size() - 1; i >= 0; i--) {
            Mention m = all.get(i);
            String between = ctx.body.substring(m.end(), next.start());
            if (!LIST_GAP.matcher(between).matches()) {
                break;
            }
            out.add(0, m);
            next = m;
        }
        return out;
    }

    /**
     * Names the gazetteer does not know, listed as the subject of a passive ("A, B and C were
     * retaken", "A, B and nearby villages were retaken"): places of the article's country.
     */
    private static List<Mention> unknownList(ArticleContext ctx, int clauseStart, int end) {
        String text = ctx.body.substring(clauseStart, end);
        Matcher lm = UNKNOWN_LIST.matcher(text);
        if (!lm.matches()) {
            return List.of();
        }
        List<Mention> out = new ArrayList<>();
        Matcher nm = UNKNOWN_NAME_PATTERN.matcher(text);
        nm.region(0, lm.end(1));
        while (nm.find()) {
            Span span = new Span(clauseStart + nm.start(), clauseStart + nm.end());
            if (MentionLib.overlapsAny(ctx.actorMentions, span) || MentionLib.overlapsAny(ctx.highwayMentions, span)
                    || NOT_PLACE.matcher(nm.group()).find()) {
                return List.of();
            }
            Mention known = null;
            for (Mention p : ctx.placeMentions) {
                if (p.span().equals(span)) {
                    known = p;
                }
            }
            out.add(known != null ? known
                    : ctx.addPlace(PlaceEntity.of(nm.group(), org.conflictkg.facts.PlaceKind.TOWN, null, ctx.country), span, nm.group()));
        }
        return out;
    }

    /** "In Ras al-Ain, ..." at the start of the sentence. */
    private static Mention frontedPlace(ArticleContext ctx, Sentence s) {
        if (!s.text().startsWith("In ")) {
            return null;
        }
        for (int i = MentionLib.firstStartingAtOrAfter(ctx.placeMentions, s.start() + 3); i < ctx.placeMentions.size(); i++) {
            Mention m = ctx.placeMentions.get(i);
            if (m.start() == s.start() + 3) {
                return m;
            }
        }
        return null;
    }

    private static String actorRightAfter(ArticleContext ctx, int pos, int maxGap) {
        for (int i = MentionLib.firstStartingAtOrAfter(ctx.actorMentions, pos); i < ctx.actorMentions.size(); i++) {
            Mention m = ctx.actorMentions.get(i);
            if (m.start() >= pos) {
                String gap = ctx.body.substring(pos, m.start());
                return gap.length() <= maxGap + 4 && gap.strip().matches("(?:by|the)?") ? ctx.forceOf(m.ref()) : null;
            }
        }
        return null;
    }

    private static String actorAfterGap(ArticleContext ctx, int pos, int limit, Pattern gapPattern) {
        for (int i = MentionLib.firstStartingAtOrAfter(ctx.actorMentions, pos); i < ctx.actorMentions.size(); i++) {
            Mention m = ctx.actorMentions.get(i);
            if (m.start() >= pos && m.end() <= limit) {
                return gapPattern.matcher(ctx.body.substring(pos, m.start())).matches() ? ctx.forceOf(m.ref()) : null;
            }
        }
        return null;
    }

    /**
     * The actor an "X-held" adjective names: "rebel"/"opposition"/"insurgent" the rebels of the
     * article's country, "government"/"regime"/"army"/"junta" its state force ({@code countries.tsv});
     * else the actor the lexicon finds for the word, or for the word followed by "forces" ("Kurdish",
     * "Houthi", "RSF").
     */
    static String heldActor(ArticleContext ctx, String word) {
        String w = word.toLowerCase(java.util.Locale.ROOT);
        String id = switch (w) {
            case "rebel", "opposition", "insurgent", "militant" -> ctx.rebelActor();
            case "government", "regime", "loyalist", "army", "military", "junta" -> ctx.stateActor();
            default -> null;
        };
        if (id == null) {
            outer:
            for (String phrase : List.of(word, word + " forces")) {
                for (ActorLexicon.Entry e : ctx.lexicon.entries()) {
                    if ((e.when().equals("*") || e.when().equals(ctx.country)) && e.pattern().matcher(phrase).matches()) {
                        id = e.actor().id();
                        break outer;
                    }
                }
            }
        }
        if (id != null) {
            ctx.ensureActor(id);
        }
        return id;
    }
}
