package org.conflictkg.facts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;

/**
 * Reads {@code conflict-kg/facts@1} documents. A file holds one document, or a sequence of
 * documents (JSON Lines or concatenated JSON). Every problem of a document is reported with
 * file, line:column and JSON pointer; a document with any error yields no model at all.
 */
public final class FactsReader {

    /** The result of reading one document: the model (null if it had errors) and its problems. */
    public record Parsed(String source, int index, ArticleFacts facts, List<Problem> problems) {
        public boolean ok() {
            return facts != null;
        }

        public List<Problem> errors() {
            return problems.stream().filter(Problem::isError).toList();
        }
    }

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private FactsReader() {
    }

    /**
     * Reads the single document in {@code file}.
     *
     * @throws FactsException with every error found, if the document is invalid or the file
     *                        holds other than one document
     */
    public static ArticleFacts read(Path file) {
        Parsed[] only = new Parsed[1];
        int[] count = {0};
        readEach(file, p -> {
            count[0]++;
            if (only[0] == null) {
                only[0] = p;
            }
        });
        if (count[0] != 1) {
            throw new FactsException(new Problem(Problem.Severity.ERROR, file.toString(), 0, 0, "",
                    count[0] == 0 ? "no JSON document in file" : "expected one facts document, found " + count[0]));
        }
        if (!only[0].ok()) {
            throw new FactsException(only[0].problems());
        }
        return only[0].facts();
    }

    /** Reads one document from a string; {@code source} names it in problems. */
    public static ArticleFacts read(String source, String json) {
        try (JsonParser parser = JSON.createParser(json)) {
            Parsed p = next(source, 0, parser);
            if (p == null) {
                throw new FactsException(new Problem(Problem.Severity.ERROR, source, 0, 0, "", "no JSON document"));
            }
            if (!p.ok()) {
                throw new FactsException(p.problems());
            }
            return p.facts();
        } catch (IOException e) {
            throw new FactsException(ioProblem(source, e));
        }
    }

    /**
     * Reads every document in {@code file} in order, handing each to {@code sink}, valid or not.
     * A syntax error ends the file (what follows cannot be trusted) after reporting it.
     *
     * @throws FactsException if the file cannot be opened
     */
    public static void readEach(Path file, Consumer<Parsed> sink) {
        String source = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            readEach(source, in, sink);
        } catch (NoSuchFileException e) {
            throw new FactsException(new Problem(Problem.Severity.ERROR, source, 0, 0, "", "no such file"));
        } catch (IOException e) {
            throw new FactsException(ioProblem(source, e));
        }
    }

    /** As {@link #readEach(Path, Consumer)}, from a stream that the caller closes. */
    public static void readEach(String source, InputStream in, Consumer<Parsed> sink) {
        readEach(source, in, 0, 0, sink);
    }

    /**
     * As {@link #readEach(String, InputStream, Consumer)} for the rest of a file whose first
     * {@code linesBefore} lines and {@code firstIndex} documents have been read already: problems
     * are reported at their line in the whole file, documents numbered from {@code firstIndex}.
     */
    static void readEach(String source, InputStream in, long linesBefore, int firstIndex, Consumer<Parsed> sink) {
        int index = firstIndex;
        try (JsonParser parser = JSON.createParser(new Utf8CheckingInputStream(in))) {
            while (true) {
                Parsed p = next(source, index++, parser);
                if (p == null) {
                    return;
                }
                sink.accept(shift(p, linesBefore));
                if (endsFile(p)) {
                    return;
                }
            }
        } catch (IOException e) {
            sink.accept(new Parsed(source, index, null, List.of(ioProblem(source, e))));
        }
    }

    /**
     * Reads the one document held by {@code bytes}, which is line {@code line} of {@code source}
     * and holds one JSON object and nothing else (see {@link FactsSplitter}). Problems are
     * reported at their place in the whole file, exactly as {@link #readEach(Path, Consumer)}
     * reports them.
     */
    static Parsed readLine(String source, int index, byte[] bytes, long line) {
        // Most documents have no problem: bound from the token stream, they need no tree and no
        // positions. Any other is read as a located tree, first without positions (cheaper), and
        // again with them only if it has a problem.
        ArticleFacts fast = FactsStreamBinder.bind(bytes);
        if (fast != null) {
            return new Parsed(source, index, fast, List.of());
        }
        Parsed quick = readBytes(source, index, bytes, false);
        if (quick.problems().isEmpty()) {
            return quick;
        }
        return shift(readBytes(source, index, bytes, true), line - 1);
    }

    private static Parsed readBytes(String source, int index, byte[] bytes, boolean locate) {
        try {
            Utf8CheckingInputStream.check(bytes);
        } catch (Utf8CheckingInputStream.MalformedUtf8Exception e) {
            return new Parsed(source, index, null, List.of(malformed(source, e)));
        }
        try (JsonParser parser = JSON.createParser(bytes)) {
            Parsed p = next(source, index, parser, locate);
            if (p == null) {
                throw new IllegalStateException("no document in " + source + " at document " + index);
            }
            return p;
        } catch (IOException e) {
            return new Parsed(source, index, null, List.of(ioProblem(source, e)));
        }
    }

    /** Whether a document's problems end its file: after a syntax error, what follows cannot be trusted. */
    public static boolean endsFile(Parsed p) {
        return p.facts() == null && p.problems().stream().anyMatch(FactsReader::isSyntax);
    }

    private static Parsed shift(Parsed p, long lines) {
        if (lines == 0 || p.problems().isEmpty()) {
            return p;
        }
        List<Problem> shifted = p.problems().stream()
                .map(q -> q.line() <= 0 ? q : new Problem(q.severity(), q.source(), q.line() + lines, q.column(),
                        q.pointer(), q.message()))
                .toList();
        return new Parsed(p.source(), p.index(), p.facts(), shifted);
    }

    private static final String SYNTAX = "malformed JSON: ";

    private static boolean isSyntax(Problem p) {
        return p.message().startsWith(SYNTAX);
    }

    /** The next document, or null at end of input. */
    private static Parsed next(String source, int index, JsonParser parser) throws IOException {
        return next(source, index, parser, true);
    }

    /** The next document, or null at end of input; without {@code locate}, problems have no position. */
    private static Parsed next(String source, int index, JsonParser parser, boolean locate) throws IOException {
        ProblemHandler.Collecting problems = ProblemHandler.collecting();
        LocatedJson json;
        try {
            JsonToken t = parser.nextToken();
            if (t == null) {
                return null;
            }
            json = LocatedJson.read(parser, locate, (ptr, pos) -> problems.report(new Problem(Problem.Severity.ERROR,
                    source, pos.line(), pos.column(), ptr, "duplicate field " + Problem.quote(lastSegment(ptr)))));
        } catch (Utf8CheckingInputStream.MalformedUtf8Exception e) {
            problems.report(malformed(source, e));
            return new Parsed(source, index, null, problems.problems());
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            problems.report(new Problem(Problem.Severity.ERROR, source, loc == null ? 0 : loc.getLineNr(),
                    loc == null ? 0 : loc.getColumnNr(), "", SYNTAX + e.getOriginalMessage()));
            return new Parsed(source, index, null, problems.problems());
        }
        FactsBinder binder = new FactsBinder(source, json, problems);
        ArticleFacts facts = binder.bind();
        if (facts != null) {
            FactsChecks.check(facts, binder);
        }
        return new Parsed(source, index, problems.hasErrors() ? null : facts, problems.problems());
    }

    private static String lastSegment(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
    }

    private static Problem malformed(String source, Utf8CheckingInputStream.MalformedUtf8Exception e) {
        return new Problem(Problem.Severity.ERROR, source, e.line, e.column, "", SYNTAX + e.getMessage());
    }

    private static Problem ioProblem(String source, IOException e) {
        if (e instanceof Utf8CheckingInputStream.MalformedUtf8Exception m) {
            return malformed(source, m);
        }
        return new Problem(Problem.Severity.ERROR, source, 0, 0, "", "cannot read: " + e.getMessage());
    }
}
