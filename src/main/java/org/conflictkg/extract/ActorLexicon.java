package org.conflictkg.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.conflictkg.facts.ActorKind;
import org.conflictkg.facts.FactsEnum;

/**
 * The actors extraction recognises and the phrases that name them, read from a tab-separated data
 * file (see {@code actors.tsv} beside this class for the format). Immutable, thread-safe.
 */
public final class ActorLexicon {
    public static final String BUNDLED = "actors.tsv";

    /** One row: which actor, when it applies, and its phrases compiled to one pattern. */
    public record Entry(ActorEntity actor, String when, Pattern pattern) {
    }

    private final List<Entry> entries;
    private final Map<String, ActorEntity> actors;

    private ActorLexicon(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        Map<String, ActorEntity> m = new LinkedHashMap<>();
        for (Entry e : entries) {
            m.putIfAbsent(e.actor().id(), e.actor());
        }
        this.actors = Map.copyOf(m);
    }

    public static ActorLexicon bundled() {
        try (InputStream in = ActorLexicon.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw ExtractException.failure("bundled actor lexicon " + BUNDLED + " missing", null);
            }
            return read(in, BUNDLED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ActorLexicon read(InputStream in, String source) throws IOException {
        List<Entry> out = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t", -1);
            if (c.length != 6) {
                throw ExtractException.badInput(source + ":" + n + ": expected 6 tab-separated columns, found " + c.length);
            }
            ActorKind kind = FactsEnum.fromCode(ActorKind.class, c[2]);
            if (kind == null) {
                throw ExtractException.badInput(source + ":" + n + ": unknown actor kind \"" + c[2] + "\", expected one of "
                        + FactsEnum.codes(ActorKind.class));
            }
            ActorEntity actor = new ActorEntity(c[0], c[1], kind, c[3].isEmpty() ? null : c[3]);
            out.add(new Entry(actor, c[4], compile(c[5], source + ":" + n)));
        }
        return new ActorLexicon(out);
    }

    /** Joins " | "-separated phrases into one alternation; "=" marks a case-sensitive phrase. */
    static Pattern compile(String phrases, String where) {
        StringBuilder sb = new StringBuilder("(?<![\\p{L}\\d'-])(?:");
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
            return Pattern.compile(sb.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
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
