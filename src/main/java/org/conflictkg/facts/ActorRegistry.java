package org.conflictkg.facts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.conflictkg.names.NameFolding;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The actor registry: canonical actors with their names, aliases, side and Wikidata ids, so that
 * "regime forces", "government troops" and "the Syrian army" resolve to one actor. The bundled
 * registry is {@code reference/actors.json}.
 *
 * <p>Aliases always mean their actor. Metonyms ("Damascus", "Ankara") mean it only when the
 * article says so: they resolve an actor whose document lists them, never a bare place name.
 */
public final class ActorRegistry {

    /** One canonical actor. {@code country} is an ISO 3166 alpha-2 code or null. */
    public record Entry(String id, String name, ActorKind kind, String side, List<String> aliases,
                        List<String> metonyms, String wikidata, String country) {
    }

    private static final String BUNDLED = "/reference/actors.json";
    private static volatile ActorRegistry bundled;

    private final Map<String, Entry> byId = new LinkedHashMap<>();
    private final Map<String, Entry> byAlias = new HashMap<>();
    private final Map<String, Entry> byMetonym = new HashMap<>();

    private final Map<String, String> coarseSides;

    private ActorRegistry(List<Entry> entries, Map<String, String> coarseSides) {
        this.coarseSides = Map.copyOf(coarseSides);
        for (Entry e : entries) {
            if (byId.putIfAbsent(e.id(), e) != null) {
                throw new IllegalArgumentException("actor registry: duplicate id " + Problem.quote(e.id()));
            }
            byAlias.putIfAbsent(NameFolding.fold(e.name()), e);
            for (String a : e.aliases()) {
                byAlias.putIfAbsent(NameFolding.fold(a), e);
            }
            for (String m : e.metonyms()) {
                byMetonym.putIfAbsent(NameFolding.fold(m), e);
            }
        }
    }

    /** The registry that ships with conflict-kg. */
    public static ActorRegistry bundled() {
        ActorRegistry r = bundled;
        if (r == null) {
            try (InputStream in = ActorRegistry.class.getResourceAsStream(BUNDLED)) {
                if (in == null) {
                    throw new IllegalStateException("bundled actor registry " + BUNDLED + " is missing");
                }
                r = read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("bundled actor registry " + BUNDLED + ": " + e.getMessage(), e);
            }
            bundled = r;
        }
        return r;
    }

    /**
     * A registry file in the format of the bundled one. A file that is not one is an
     * {@link IllegalArgumentException} whose message names the file, and the line and column where
     * the JSON breaks: {@code my.json:3:7: not an actor registry: Unexpected character ...}.
     */
    public static ActorRegistry load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
            String problem = e.getOriginalMessage().lines().findFirst().orElse("");
            int marker = problem.indexOf(" (start marker at");
            throw new IllegalArgumentException(file + where + ": not an actor registry: "
                    + (marker < 0 ? problem : problem.substring(0, marker)), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": not an actor registry: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read actor registry " + file, e);
        }
    }

    static ActorRegistry read(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        List<Entry> entries = new ArrayList<>();
        for (JsonNode a : root.path("actors")) {
            String kindCode = a.path("kind").asText();
            ActorKind kind = FactsEnum.fromCode(ActorKind.class, kindCode);
            String id = a.path("id").asText();
            if (kind == null) {
                throw new IllegalArgumentException("actor " + Problem.quote(id) + ": unknown kind " + Problem.quote(kindCode)
                        + ", expected one of " + FactsEnum.codes(ActorKind.class));
            }
            String wikidata = a.hasNonNull("wikidata") ? a.get("wikidata").asText() : null;
            if (wikidata != null && !FactsBinder.WIKIDATA_ID.matcher(wikidata).matches()) {
                // it would reach the facts, which then would not validate
                throw new IllegalArgumentException("actor " + Problem.quote(id) + ": wikidata " + Problem.quote(wikidata)
                        + " is not a Wikidata id such as \"Q159\"");
            }
            JsonNode generic = a.path("generic");
            if (!generic.isMissingNode() && !generic.isBoolean()) {
                throw new IllegalArgumentException("actor " + Problem.quote(id) + ": generic must be true or false");
            }
            if (generic.asBoolean(false) && wikidata != null) {
                // a description of a side ("Syrian rebels") is no one organisation with a Wikidata item
                throw new IllegalArgumentException("actor " + Problem.quote(id) + ": a generic actor has no wikidata id");
            }
            entries.add(new Entry(id, a.path("name").asText(), kind,
                    a.hasNonNull("side") ? a.get("side").asText() : null, strings(a.path("aliases")),
                    strings(a.path("metonyms")), wikidata, a.hasNonNull("country") ? a.get("country").asText() : null));
        }
        Map<String, String> sides = new HashMap<>();
        root.path("sides").properties().forEach(e -> {
            if (!e.getKey().startsWith("_")) {
                sides.put(e.getKey(), e.getValue().asText());
            }
        });
        return new ActorRegistry(entries, sides);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }

    /**
     * This registry with {@code over} laid over it: an actor of {@code over} replaces the one of the
     * same id, any other is added; so are its coarse sides.
     */
    public ActorRegistry mergedWith(ActorRegistry over) {
        Map<String, Entry> merged = new LinkedHashMap<>(byId);
        over.byId.values().forEach(e -> merged.put(e.id(), e));
        Map<String, String> sides = new HashMap<>(coarseSides);
        sides.putAll(over.coarseSides);
        return new ActorRegistry(new ArrayList<>(merged.values()), sides);
    }

    public Optional<Entry> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The actor a name always means (its name or an alias, folded), if any. */
    public Optional<Entry> byName(String name) {
        return Optional.ofNullable(byAlias.get(NameFolding.fold(name)));
    }

    /** The actor a metonym may stand for ("Damascus"), if any; use only with context. */
    public Optional<Entry> byMetonym(String name) {
        return Optional.ofNullable(byMetonym.get(NameFolding.fold(name)));
    }

    /**
     * The coarse side a side belongs to ("turkish-backed" is of "opposition"): two reports agree
     * on who gained a place when their coarse sides are equal. Unknown sides are their own.
     */
    public String coarseSide(String side) {
        return side == null ? null : coarseSides.getOrDefault(side, side);
    }

    public List<Entry> entries() {
        return List.copyOf(byId.values());
    }

    /**
     * The canonical actor a document's actor stands for: by its name; else by its id when the
     * kinds agree; else by its mentions when all that match (aliases, or metonyms the document
     * itself lists) name one actor. Empty if none fits.
     */
    public Optional<Entry> resolve(Actor actor) {
        Optional<Entry> named = byName(actor.name());
        if (named.isPresent()) {
            return named;
        }
        Entry same = byId.get(actor.id());
        if (same != null && (actor.kind() == null || actor.kind() == same.kind())) {
            return Optional.of(same);
        }
        Entry found = null;
        for (String m : actor.mentions()) {
            Entry e = byAlias.get(NameFolding.fold(m));
            if (e == null) {
                continue;
            }
            if (found != null && found != e) {
                return Optional.empty();
            }
            found = e;
        }
        return Optional.ofNullable(found);
    }
}
