package org.conflictkg.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Finds actor mentions in a body with an {@link ActorLexicon}: every entry that applies to the
 * article's country is matched; overlapping matches keep the longest (then the leftmost).
 */
public final class ActorFinder {
    private final ActorLexicon lexicon;

    public ActorFinder(ActorLexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** Actor mentions in {@code body}, in text order, not overlapping. */
    public List<Mention> find(String body, String country) {
        List<Mention> all = new ArrayList<>();
        List<ActorLexicon.Entry> later = new ArrayList<>();
        // the country's own words first: on equal spans the earlier mention wins
        for (ActorLexicon.Entry e : lexicon.entries()) {
            if (e.when().equals(country)) {
                scan(e, body, all);
            }
        }
        for (ActorLexicon.Entry e : lexicon.entries()) {
            String when = e.when();
            if (when.startsWith("+")) {
                later.add(e);
            } else if (when.equals("*")) {
                scan(e, body, all);
            }
        }
        if (!later.isEmpty()) {
            Set<String> seen = new HashSet<>();
            for (Mention m : all) {
                seen.add(m.ref());
            }
            for (ActorLexicon.Entry e : later) {
                if (seen.contains(e.when().substring(1))) {
                    scan(e, body, all);
                }
            }
        }
        return MentionLib.longestFirst(all);
    }

    private static void scan(ActorLexicon.Entry e, String body, List<Mention> out) {
        Matcher m = e.pattern().matcher(body);
        while (m.find()) {
            if (m.end() > m.start()) {
                out.add(new Mention(new Span(m.start(), m.end()), m.group(), e.actor().id()));
            }
        }
    }
}
