package org.conflictkg.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.conflictkg.names.NameFolding;

/**
 * Finds who a sentence attributes its content to: "according to X", "X said", "said X", "X told
 * ...", "X estimated", "he said" (the last person named), named people ("Talal Silo said") and
 * unnamed sources ("a military source said", "a spokesman for the alliance"). People become
 * person actors.
 */
public final class AttributionFinder {
    /** The sources of one sentence and the spans of the attribution clauses. */
    public record Attribution(List<String> sources, List<Span> clauses) {
        static final Attribution NONE = new Attribution(List.of(), List.of());
    }

    private static final String SAY = "(?:said|says|say|told|reported|announced|claimed|added|estimated|insisted|stated"
            + "|confirmed|urged|warned|acknowledged|declared)";
    private static final String NAME = "[A-Z][\\p{L}'-]+(?: (?:al-|bin |ibn )?[A-Z][\\p{L}'-]+){1,2}";
    private static final Pattern ACCORDING = Pattern.compile("\\baccording to\\b");
    private static final Pattern SAY_VERB = Pattern.compile("\\b" + SAY + "\\b");
    private static final Pattern PERSON_BEFORE = Pattern.compile(
            "(?:(?:President|General|Gen\\.|Colonel|Col\\.|Governor|Mayor|Commander|Minister|Lieutenant) )?(" + NAME
                    + ")(?:, [^,]{3,80},)? " + SAY + "\\b");
    private static final Pattern PERSON_APPOSITION = Pattern.compile(
            "\\b(?:[a-z]+ ){0,4}(?:spokesman|spokeswoman|spokesperson|governor|commander|chief|official|head|minister|mayor)"
                    + "[^,]{0,60}, (?:(?:General|Colonel|Gen\\.|Col\\.) )?(" + NAME + ")(?:,)? " + SAY + "\\b");
    private static final Pattern UNNAMED = Pattern.compile(
            "\\b(an? (?:[a-z]+ )?(?:military|security|local|senior|government|rebel|opposition|medical|diplomatic)?"
                    + " ?(?:source|official|commander|spokesman|spokeswoman|activist|resident)"
                    + "(?: (?:for|of|with) (?:the )?[A-Za-z-]+(?: [A-Z][A-Za-z-]+)*+)?"
                    + "|[Tt]he (?:governor|mayor|head) of (?:the )?[A-Z][\\w-]*(?: region| province| oblast)?)"
                    + "(?: who [^,]{1,60})?,? " + SAY + "\\b");
    /** Collective sources: "residents said", "witnesses told", "state media reported", "military sources said". */
    private static final Pattern COLLECTIVE = Pattern.compile(
            "\\b((?:(?:local|military|security|medical|humanitarian|informed|several|two|three|some|other) )?(?:residents|witnesses"
                    + "|eyewitnesses|activists|sources|medics|doctors|officials|analysts|aid workers)"
                    + "|state(?:-run)? (?:media|television|TV|news agency))(?: (?:in|on|from) (?:the )?[A-Z][\\w-]*)?,? " + SAY + "\\b");
    /** "a statement from X", "in a statement issued by X": X is the source. */
    private static final Pattern STATEMENT_FROM = Pattern.compile("\\bstatement (?:from|by|issued by|released by)\\b");
    /** "the group said", "said the armed group", "the alliance claimed": an armed group named before. */
    private static final Pattern GROUP_SAYS = Pattern.compile("\\bthe (?:armed |rebel |militant |insurgent )?(?:group|alliance|militia)(?:'s"
            + " (?:spokesman|spokeswoman|spokesperson))? " + SAY + "\\b|\\b" + SAY + " the (?:armed |rebel |militant |insurgent )?(?:group|alliance|militia)\\b");
    private static final Pattern PRONOUN = Pattern.compile("\\b(?:he|she) " + SAY + "\\b|\\b" + SAY + " (?:he|she)\\b");

    /** The sentence scans above with the literals one of their matches needs: a sentence without them is not scanned. */
    private static final RegexLiterals.Screened ACCORDING_SCREEN = RegexLiterals.Screened.of(ACCORDING);
    private static final RegexLiterals.Screened SAY_VERB_SCREEN = RegexLiterals.Screened.of(SAY_VERB);
    private static final RegexLiterals.Screened PERSON_BEFORE_SCREEN = RegexLiterals.Screened.of(PERSON_BEFORE);
    private static final RegexLiterals.Screened PERSON_APPOSITION_SCREEN = RegexLiterals.Screened.of(PERSON_APPOSITION);
    private static final RegexLiterals.Screened UNNAMED_SCREEN = RegexLiterals.Screened.of(UNNAMED);
    private static final RegexLiterals.Screened COLLECTIVE_SCREEN = RegexLiterals.Screened.of(COLLECTIVE);
    private static final RegexLiterals.Screened STATEMENT_FROM_SCREEN = RegexLiterals.Screened.of(STATEMENT_FROM);
    private static final RegexLiterals.Screened GROUP_SAYS_SCREEN = RegexLiterals.Screened.of(GROUP_SAYS);
    private static final RegexLiterals.Screened PRONOUN_SCREEN = RegexLiterals.Screened.of(PRONOUN);

    private final Map<String, ActorEntity> persons = new LinkedHashMap<>();
    /** The pattern of each surname looked for, compiled once per article. */
    private final Map<String, Pattern> surnamePatterns = new java.util.HashMap<>();
    private final List<Mention> personMentions = new ArrayList<>();
    private final SpanIndex personIndex = new SpanIndex();
    /** The actor mentions last given to {@link #findPersons}, indexed (the same list comes with every sentence). */
    private List<Mention> indexedActors;
    private SpanIndex actorIndex;
    /**
     * The first person named with each surname, the capitalised last word of a name of two or more
     * ("Syniehubov"): a later person of the same surname would find the same words, already taken.
     */
    private final Map<String, ActorEntity> bySurname = new java.util.HashMap<>();
    private int longestSurname;

    /** Persons found so far (id to actor). */
    public Map<String, ActorEntity> persons() {
        return persons;
    }

    public List<Mention> personMentions() {
        return personMentions;
    }

    /** Finds person mentions in a sentence before attribution (so that "Erdogan said" knows Erdogan). */
    public void findPersons(Sentence s, List<Mention> actorMentions) {
        if (actorMentions != indexedActors) {
            indexedActors = actorMentions;
            actorIndex = new SpanIndex();
            actorMentions.forEach(a -> actorIndex.add(a.span()));
        }
        int firstNew = personMentions.size();
        String lower = RegexLiterals.lower(s.text());
        for (RegexLiterals.Screened p : List.of(PERSON_APPOSITION_SCREEN, PERSON_BEFORE_SCREEN)) {
            Matcher m = matcher(p, s.text(), lower);
            while (m.find()) {
                Span span = new Span(s.abs(m.start(1)), s.abs(m.end(1)));
                if (actorIndex.overlaps(span) || personIndex.overlaps(span)) {
                    continue;
                }
                addPerson(m.group(1), span);
            }
        }
        Matcher cm = matcher(COLLECTIVE_SCREEN, s.text(), lower);
        while (cm.find()) {
            Span span = new Span(s.abs(cm.start(1)), s.abs(cm.end(1)));
            if (!personIndex.overlaps(span) && !actorIndex.overlaps(span)) {
                addPerson(cm.group(1), span);
            }
        }
        Matcher m = matcher(UNNAMED_SCREEN, s.text(), lower);
        while (m.find()) {
            Span span = new Span(s.abs(m.start(1)), s.abs(m.end(1)));
            if (!personIndex.overlaps(span)) {
                addPerson(m.group(1), span);
            }
        }
        // surnames of people already named ("Syniehubov said"), in the order they were named
        for (ActorEntity p : surnamesIn(s.text())) {
            String[] parts = p.name().split(" ");
            String last = parts[parts.length - 1];
            Matcher sm = surnamePatterns.computeIfAbsent(last, l -> Pattern.compile("\\b" + Pattern.quote(l) + "\\b"))
                    .matcher(s.text());
            while (sm.find()) {
                Span span = new Span(s.abs(sm.start()), s.abs(sm.end()));
                if (!personIndex.overlaps(span) && !actorIndex.overlaps(span)) {
                    personMentions.add(new Mention(span, sm.group(), p.id()));
                    personIndex.add(span);
                }
            }
        }
        // the mentions of earlier sentences stay sorted before this sentence's
        List<Mention> added = personMentions.subList(firstNew, personMentions.size());
        if (firstNew > 0 && !added.isEmpty() && added.stream().anyMatch(a -> a.start() < personMentions.get(firstNew - 1).start())) {
            personMentions.sort(java.util.Comparator.comparingInt(Mention::start));
        } else {
            added.sort(java.util.Comparator.comparingInt(Mention::start));
        }
    }

    /**
     * The people named so far (in the order they were named) whose surname occurs in {@code text}, the
     * first of each surname: every substring that starts with a capital letter and is no longer than
     * the longest surname is looked up, instead of searching the text for each person.
     */
    private List<ActorEntity> surnamesIn(String text) {
        if (bySurname.isEmpty()) {
            return List.of();
        }
        java.util.TreeMap<Integer, ActorEntity> found = new java.util.TreeMap<>();
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isUpperCase(text.charAt(i))) {
                continue;
            }
            for (int j = i + 1; j <= Math.min(text.length(), i + longestSurname); j++) {
                ActorEntity p = bySurname.get(text.substring(i, j));
                if (p != null) {
                    found.put(order.get(p.id()), p);
                }
            }
        }
        return List.copyOf(found.values());
    }

    /** The position of each person in {@link #persons}. */
    private final Map<String, Integer> order = new java.util.HashMap<>();

    private void addPerson(String name, Span span) {
        String id = NameFolding.slug(name);
        if (id.isEmpty()) {
            return;
        }
        if (persons.putIfAbsent(id, ActorEntity.person(id, name)) == null) {
            order.put(id, order.size());
            String[] parts = name.split(" ");
            String last = parts[parts.length - 1];
            if (parts.length >= 2 && Character.isUpperCase(last.charAt(0))) {
                bySurname.putIfAbsent(last, persons.get(id));
                longestSurname = Math.max(longestSurname, last.length());
            }
        }
        personMentions.add(new Mention(span, name, id));
        personIndex.add(span);
    }

    /** The attribution of sentence {@code s}; {@code all} are actor and person mentions in text order. */
    public Attribution find(Sentence s, List<Mention> all, ArticleContext ctx) {
        List<String> sources = new ArrayList<>();
        List<Span> clauses = new ArrayList<>();
        List<Mention> in = MentionLib.within(all, s.span());
        String lower = RegexLiterals.lower(s.text());
        for (RegexLiterals.Screened p : List.of(ACCORDING_SCREEN, STATEMENT_FROM_SCREEN)) {
        Matcher m = matcher(p, s.text(), lower);
        while (m.find()) {
            int at = s.abs(m.end());
            for (Mention a : in) {
                if (a.start() >= at && a.start() - at <= 5) {
                    sources.add(a.ref());
                    clauses.add(new Span(s.abs(m.start()), a.end()));
                    break;
                }
            }
        }
        }
        Matcher m = matcher(SAY_VERB_SCREEN, s.text(), lower);
        while (m.find()) {
            int vs = s.abs(m.start());
            int ve = s.abs(m.end());
            Mention before = null;
            for (Mention a : in) {
                if (a.end() <= vs && gapOk(ctx.body, a.end(), vs)) {
                    before = a;
                }
            }
            Mention after = null;
            for (Mention a : in) {
                if (a.start() >= ve && a.start() - ve <= 5) {
                    after = a;
                    break;
                }
            }
            Mention src = before != null ? before : after;
            if (src != null) {
                sources.add(src.ref());
                clauses.add(src.span().union(new Span(vs, ve)));
            }
        }
        m = matcher(GROUP_SAYS_SCREEN, s.text(), lower);
        if (m.find()) {
            String group = ctx.lastArmedGroupBefore(s.abs(m.start()));
            if (group != null && !sources.contains(group)) {
                sources.add(group); // "the group said in a statement": the armed group named last
                clauses.add(new Span(s.abs(m.start()), s.abs(m.end())));
            }
        }
        m = matcher(PRONOUN_SCREEN, s.text(), lower);
        if (m.find()) {
            for (int i = personMentions.size() - 1; i >= 0; i--) {
                if (personMentions.get(i).end() <= s.abs(m.start())) {
                    sources.add(personMentions.get(i).ref());
                    clauses.add(new Span(s.abs(m.start()), s.abs(m.end())));
                    break;
                }
            }
        }
        return sources.isEmpty() ? Attribution.NONE
                : new Attribution(sources.stream().distinct().toList(), clauses);
    }

    /** A matcher of the screened pattern over {@code text}; over an empty text when it lacks the pattern's literals. */
    private static Matcher matcher(RegexLiterals.Screened p, String text, String lower) {
        return p.pattern().matcher(p.mayMatch(lower) ? text : "");
    }

    /** "the army's spokesman said": the role of someone who speaks for the source. */
    private static final Pattern POSSESSIVE_ROLE = Pattern.compile(
            "['\u2019]s? (?:[a-z]+ ){0,2}(?:spokesman|spokeswoman|spokesperson|spokespeople|commander|chief|office|media office"
                    + "|ministry|leader|leadership|command|statement|representative)(?: [A-Z][\\p{L}'-]+(?: [A-Z][\\p{L}'-]+){0,2})? ?");

    /** Between a source and its verb only a role or a short apposition may stand. */
    private static boolean gapOk(String body, int from, int to) {
        // without copying the gap: a verb has many mentions before it in a long sentence
        if (blank(body, from, to) || POSSESSIVE_ROLE.matcher(body).region(from, to).matches()) {
            return true;
        }
        if (to - from > 90 || body.charAt(from) != ',') {
            return false;
        }
        String gap = body.substring(from, to);
        return gap.strip().endsWith(",") && !gap.contains(" that ");
    }

    private static boolean blank(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

}
