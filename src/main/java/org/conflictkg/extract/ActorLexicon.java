package org.conflictkg.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.conflictkg.facts.ActorKind;
import org.conflictkg.facts.ActorRegistry;
import org.conflictkg.facts.FactsEnum;

/**
 * The actors extraction recognises and the phrases that name them: the actor registry's names and
 * aliases (acronyms such as "IS" matched case-sensitively), plus the patterns of a tab-separated
 * data file (see {@code actors.tsv} beside this class) for what a fixed list cannot say:
 * "X-backed rebels", "forces loyal to X", words that name an actor only in one country's news.
 * Immutable, thread-safe.
 */
public final class ActorLexicon {
    public static final String BUNDLED = "actors.tsv";

    /**
     * One set of phrases: which actor, when it applies, the phrases compiled to one pattern, and
     * the lower-case letters a match can start with (null: any).
     */
    public record Entry(ActorEntity actor, String when, Pattern pattern, Set<Character> firstChars) {
        Entry(ActorEntity actor, String when, Pattern pattern) {
            this(actor, when, pattern, RegexFirstChars.of(pattern.pattern()));
        }
    }

    private final List<Entry> entries;
    private final Map<String, ActorEntity> actors;
    /** The registry's names and aliases, lower case: what names an actor itself, not a generic word. */
    private final Set<String> names;
    private final Set<String> genericNames;

    private ActorLexicon(List<Entry> entries, Map<String, ActorEntity> actors, Set<String> names, Set<String> genericNames) {
        this.entries = List.copyOf(entries);
        this.actors = Map.copyOf(actors);
        this.names = Set.copyOf(names);
        this.genericNames = Set.copyOf(genericNames);
    }

    /** True when {@code text} is a name or alias of the registry ("the RSF"), not a generic word ("rebels"). */
    /** True when {@code text} is a generic alias of the registry ("rebels"), one that names an actor only in its country. */
    public boolean isGenericAlias(String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        return genericNames.contains(t) || t.startsWith("the ") && genericNames.contains(t.substring(4));
    }

    public boolean isRegistryName(String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        return names.contains(t) || t.startsWith("the ") && names.contains(t.substring(4));
    }

    /** The bundled registry and patterns. */
    public static ActorLexicon bundled() {
        return of(ActorRegistry.bundled());
    }

    /** The bundled patterns over {@code registry} (for instance the bundled one merged with a user's, see {@code --actors}). */
    public static ActorLexicon of(ActorRegistry registry) {
        try (InputStream in = ActorLexicon.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw ExtractException.failure("bundled actor patterns " + BUNDLED + " missing", null);
            }
            return read(registry, in, BUNDLED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ActorLexicon read(ActorRegistry registry, InputStream in, String source) throws IOException {
        Map<String, ActorEntity> actors = new LinkedHashMap<>();
        List<Entry> out = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        Set<String> genericNames = new java.util.HashSet<>();
        for (ActorRegistry.Entry r : registry.entries()) {
            names.add(r.name().toLowerCase(java.util.Locale.ROOT));
            r.aliases().forEach(x -> (!isGeneric(x) || r.country() == null ? names : genericNames)
                    .add(x.toLowerCase(java.util.Locale.ROOT)));
            ActorEntity a = new ActorEntity(r.id(), r.name(), r.kind(), r.side(), registry.coarseSide(r.side()),
                    r.country(), r.wikidata());
            actors.put(a.id(), a);
            List<String> phrases = new ArrayList<>();
            List<String> generic = new ArrayList<>();
            phrases.add(phrase(r.name()));
            for (String alias : r.aliases()) {
                (isGeneric(alias) && r.country() != null ? generic : phrases).add(phrase(alias));
            }
            out.add(new Entry(a, "*", compile(String.join(" | ", phrases), "registry " + r.id())));
            if (!generic.isEmpty()) {
                // "~XX": in articles about country XX, or about no known country
                out.add(new Entry(a, "~" + r.country(), compile(String.join(" | ", generic), "registry " + r.id())));
            }
        }
        DataFiles.rows(in, source, 6, (c, where) -> {
            ActorEntity a = actors.get(c[0]);
            if (a == null) {
                Optional<ActorRegistry.Entry> r = registry.byId(c[0]);
                ActorKind kind = FactsEnum.fromCode(ActorKind.class, c[2]);
                if (kind == null || c[1].isEmpty()) {
                    throw ExtractException.badInput(where + ": actor \"" + c[0] + "\" is not in the registry,"
                            + " so it needs a name and a kind (one of " + FactsEnum.codes(ActorKind.class) + ")");
                }
                String side = c[3].isEmpty() ? null : c[3];
                a = new ActorEntity(c[0], c[1], kind, side, r.isPresent() ? null : registry.coarseSide(side), null, null);
                actors.put(a.id(), a);
            }
            out.add(new Entry(a, c[4], compile(c[5], where)));
        });
        return new ActorLexicon(out, actors, names, genericNames);
    }

    /**
     * True for an alias written without a capital letter ("regime forces", "rebels"): a description
     * that names the actor only in news about the actor's own country, not a name ("Syrian army").
     */
    static boolean isGeneric(String alias) {
        return alias.equals(alias.toLowerCase(java.util.Locale.ROOT));
    }

    /** A literal phrase as a pattern: acronyms ("IS", "US") case-sensitive, anything else not. */
    private static String phrase(String literal) {
        String q = Pattern.quote(literal);
        return literal.equals(literal.toUpperCase(java.util.Locale.ROOT)) ? "=" + q : q;
    }

    /** Joins " | "-separated phrases into one alternation; "=" marks a case-sensitive phrase. */
    static Pattern compile(String phrases, String where) {
        // matched only at word starts (see ActorFinder), so no look-behind is needed here
        StringBuilder sb = new StringBuilder("(?:");
        String[] parts = phrases.split(" \\| ");
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].strip();
            if (i > 0) {
                sb.append('|');
            }
            if (p.startsWith("=")) {
                sb.append("(?-i:").append(p.substring(1)).append(')');
            } else {
                sb.append("(?:").append(p).append(')');
            }
        }
        sb.append(")(?![\\p{L}\\d-])");
        try {
            return Pattern.compile(sb.toString(), Pattern.CASE_INSENSITIVE);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw ExtractException.badInput(where + ": bad pattern: " + e.getDescription());
        }
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The actor with this id, or null. */
    public ActorEntity actor(String id) {
        return actors.get(id);
    }
}
