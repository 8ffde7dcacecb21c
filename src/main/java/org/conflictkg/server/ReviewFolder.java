package org.conflictkg.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.conflictkg.ConflictKgException;
import org.conflictkg.facts.FactsException;
import org.conflictkg.facts.FactsReader;
import org.conflictkg.rdf.RdfOutputLib;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A folder of articles under review. For each article {@code NAME}:
 * <ul>
 * <li>{@code NAME.txt} (or {@code .html}, {@code .htm}): the article as it came, when there was one;</li>
 * <li>{@code NAME.draft.json}: the draft, kept unchanged for comparison;</li>
 * <li>{@code NAME.state}: the review in progress (each fact's decision and its current value),
 * written on every save;</li>
 * <li>{@code NAME.json}: the reviewed facts document, written when the article is marked reviewed
 * (every fact decided) and on every later save. It carries a {@code review} block: who, when,
 * and the draft it was made from.</li>
 * </ul>
 * The article is reviewed when {@code NAME.json} exists. Every save is checked with
 * {@link FactsReader} before anything is written and each file is replaced atomically; a document
 * that does not read is refused ({@link SaveException}) and the files stay as they were.
 */
public final class ReviewFolder {
    /** Name ending of a kept draft. */
    public static final String DRAFT = ".draft.json";
    /** Name ending of a reviewed document. */
    public static final String REVIEWED = ".json";
    /** Name ending of a review in progress. */
    public static final String STATE = ".state";
    /** The {@code format} of a state file. */
    static final String STATE_FORMAT = "conflict-kg/review-state@1";
    private static final List<String> ARTICLE_SUFFIXES = List.of(".txt", ".html", ".htm");
    /** Largest number of facts a save may carry (a bound on what a request makes the server do). */
    static final int MAX_ITEMS = 100_000;

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Called with a reviewed document once it is written, to load it into a store; returns a summary line. */
    @FunctionalInterface
    public interface Loader {
        String load(Path reviewed);
    }

    /** A save that was refused: the document does not read, or the request is malformed. */
    public static final class SaveException extends ConflictKgException {
        private static final long serialVersionUID = 1L;

        SaveException(String message) {
            super(message, null, BAD_INPUT);
        }
    }

    /** What a save did. {@code loaded} is the loader's summary, or null; {@code loadError} why it failed. */
    public record Saved(boolean reviewed, int reviewedCount, int total, String loaded, String loadError) {
    }

    private final Path dir;
    private final String reviewer;
    private final Clock clock;
    private final Loader loader;

    private ReviewFolder(Builder b) {
        this.dir = b.dir;
        this.reviewer = b.reviewer;
        this.clock = b.clock;
        this.loader = b.loader;
    }

    public static Builder create(Path dir) {
        return new Builder(dir);
    }

    /** Settings: who reviews, the clock of {@code reviewedAt}, and what loads reviewed documents. */
    public static final class Builder {
        private final Path dir;
        private String reviewer = System.getProperty("user.name", "unknown");
        private Clock clock = Clock.systemUTC();
        private Loader loader;

        private Builder(Path dir) {
            this.dir = Objects.requireNonNull(dir);
        }

        /** The name recorded as the reviewer (default: the OS user name). */
        public Builder reviewer(String reviewer) {
            if (reviewer == null || reviewer.isBlank()) {
                throw new IllegalArgumentException("the reviewer's name must not be blank");
            }
            this.reviewer = reviewer.strip();
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Loads each reviewed document when it is written (default: none). */
        public Builder loader(Loader loader) {
            this.loader = loader;
            return this;
        }

        public ReviewFolder build() {
            return new ReviewFolder(this);
        }
    }

    public Path dir() {
        return dir;
    }

    public String reviewer() {
        return reviewer;
    }

    /** Whether a loader is set. */
    public boolean loads() {
        return loader != null;
    }

    /**
     * Adds an article to the folder unless it is there already: {@code draftJson} becomes
     * {@code NAME.draft.json}, {@code article} (may be null) is copied beside it unchanged. An
     * article already in the folder keeps its draft and its review.
     *
     * @return true if the article was added, false if it was there already
     */
    public boolean add(String name, String draftJson, Path article) {
        checkName(name);
        Path draft = dir.resolve(name + DRAFT);
        try {
            Files.createDirectories(dir);
            if (Files.exists(draft)) {
                return false;
            }
            if (article != null) {
                String suffix = articleSuffix(article);
                Path copy = dir.resolve(name + suffix);
                if (!Files.exists(copy) || !Files.isSameFile(copy, article)) {
                    RdfOutputLib.writeFileAtomicallyIf(copy, os -> {
                        try {
                            Files.copy(article, os);
                            return true;
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                }
            }
            writeAtomically(draft, draftJson);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + draft + ": " + e.getMessage(), e);
        }
    }

    /** The article suffix of a file name ({@code .txt}, {@code .html}, {@code .htm}), or {@code .txt}. */
    static String articleSuffix(Path article) {
        String n = article.getFileName().toString().toLowerCase(Locale.ROOT);
        return ARTICLE_SUFFIXES.stream().filter(n::endsWith).findFirst().orElse(".txt");
    }

    /** The articles of the folder (names of its drafts), sorted. */
    public List<String> names() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(DRAFT) && n.length() > DRAFT.length())
                    .map(n -> n.substring(0, n.length() - DRAFT.length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code name}'s reviewed document exists. */
    public boolean reviewed(String name) {
        return Files.isRegularFile(dir.resolve(name + REVIEWED));
    }

    /** How many articles are reviewed. */
    public int reviewedCount() {
        return (int) names().stream().filter(this::reviewed).count();
    }

    /** The queue: each article's name, title, whether it is reviewed or started; with the progress. */
    public ObjectNode queue() {
        ObjectNode q = MAPPER.createObjectNode();
        ArrayNode list = q.putArray("articles");
        int done = 0;
        for (String name : names()) {
            ObjectNode a = list.addObject();
            a.put("name", name);
            boolean r = reviewed(name);
            done += r ? 1 : 0;
            a.put("reviewed", r);
            a.put("started", Files.isRegularFile(dir.resolve(name + STATE)));
        }
        q.put("reviewed", done);
        q.put("total", list.size());
        q.put("reviewer", reviewer);
        q.put("loads", loads());
        return q;
    }

    /** One article: its draft, its review in progress (or null) and its reviewed document (or null). */
    public ObjectNode article(String name) {
        checkKnown(name);
        ObjectNode a = MAPPER.createObjectNode();
        a.put("name", name);
        a.set("draft", readJson(dir.resolve(name + DRAFT)));
        Path state = dir.resolve(name + STATE);
        a.set("state", Files.isRegularFile(state) ? readJson(state) : null);
        Path reviewedDoc = dir.resolve(name + REVIEWED);
        a.set("reviewedDocument", Files.isRegularFile(reviewedDoc) ? readJson(reviewedDoc) : null);
        a.put("reviewed", Files.isRegularFile(reviewedDoc));
        return a;
    }

    /**
     * Saves the review of {@code name}: {@code body} holds {@code document} (the facts document
     * as the page has it), {@code items} (each fact with its {@code decision}: undecided,
     * accepted, rejected or added) and {@code reviewed} (mark the article reviewed: needs every
     * fact decided). The document gets the review block, is read with {@link FactsReader} and only
     * then written: to {@code NAME.json} once the article is reviewed, and the state to
     * {@code NAME.state}, each atomically. A reviewed document goes to the loader, if any.
     *
     * @throws SaveException if the body is malformed or the document does not read (nothing is written)
     */
    public synchronized Saved save(String name, JsonNode body) {
        checkKnown(name);
        if (body == null || !body.isObject() || !body.path("document").isObject() || !body.path("items").isArray()) {
            throw new SaveException("expected {\"document\": {...}, \"items\": [...], \"reviewed\": true|false}");
        }
        ArrayNode items = (ArrayNode) body.get("items");
        if (items.size() > MAX_ITEMS) {
            throw new SaveException("too many facts: " + items.size());
        }
        int undecided = 0;
        for (JsonNode item : items) {
            String d = item.path("decision").asText("");
            switch (d) {
                case "undecided" -> undecided++;
                case "accepted", "rejected", "added" -> { }
                default -> throw new SaveException("items: unknown decision \"" + d + "\"");
            }
        }
        boolean markReviewed = body.path("reviewed").asBoolean(false) || reviewed(name);
        if (markReviewed && undecided > 0) {
            throw new SaveException(undecided + " fact" + (undecided == 1 ? " is" : "s are")
                    + " still undecided: accept or reject every fact before marking the article reviewed");
        }
        ObjectNode draft = readJson(dir.resolve(name + DRAFT));
        ObjectNode document = withReview((ObjectNode) body.get("document"), name);
        if (!Objects.equals(document.get("article"), draft.get("article"))) {
            throw new SaveException("/article: the article itself cannot be changed in a review");
        }
        String json = toJson(document);
        String source = name + REVIEWED;
        try {
            FactsReader.read(source, json);
        } catch (FactsException e) {
            throw new SaveException(e.getMessage());
        }
        ObjectNode state = MAPPER.createObjectNode();
        state.put("format", STATE_FORMAT);
        state.put("reviewed", markReviewed);
        state.put("savedAt", now());
        state.set("items", items);
        Path reviewedDoc = dir.resolve(name + REVIEWED);
        if (markReviewed) {
            writeAtomically(reviewedDoc, json);
        }
        writeAtomically(dir.resolve(name + STATE), toJson(state));
        String loaded = null;
        String loadError = null;
        if (markReviewed && loader != null) {
            try {
                loaded = loader.load(reviewedDoc);
            } catch (RuntimeException e) {
                loadError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
        }
        return new Saved(markReviewed, reviewedCount(), names().size(), loaded, loadError);
    }

    /** The document with its review block (after {@code format}, where FactsWriter puts it), replacing any the page sent. */
    private ObjectNode withReview(ObjectNode sent, String name) {
        ObjectNode review = MAPPER.createObjectNode();
        review.put("reviewer", reviewer);
        review.put("reviewedAt", now());
        review.put("draft", name + DRAFT);
        ObjectNode out = MAPPER.createObjectNode();
        boolean placed = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = sent.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("review")) {
                continue;
            }
            out.set(e.getKey(), e.getValue());
            if (e.getKey().equals("format")) {
                out.set("review", review);
                placed = true;
            }
        }
        if (!placed) {
            out.set("review", review);
        }
        return out;
    }

    private String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Bad input unless {@code name} can name files of the folder (no separators, no dots up front). */
    static void checkName(String name) {
        if (name == null || name.isEmpty() || name.startsWith(".") || name.contains("/") || name.contains("\\")
                || name.length() > 200 || name.chars().anyMatch(c -> c < 0x20)) {
            throw new SaveException("not an article name: " + (name == null ? "none" : "\"" + name + "\""));
        }
    }

    private void checkKnown(String name) {
        checkName(name);
        if (!Files.isRegularFile(dir.resolve(name + DRAFT))) {
            throw new SaveException("no article \"" + name + "\" in " + dir);
        }
    }

    private static ObjectNode readJson(Path file) {
        try {
            JsonNode n = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (!(n instanceof ObjectNode o)) {
                throw new SaveException(file + ": expected a JSON object");
            }
            return o;
        } catch (JsonProcessingException e) {
            throw new SaveException(file + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static String toJson(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeAtomically(Path target, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        RdfOutputLib.writeFileAtomicallyIf(target, os -> {
            try {
                os.write(bytes);
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
