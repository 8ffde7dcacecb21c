package org.conflictkg.facts;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Splits facts files into pieces that can be read independently, so that the documents of a JSON
 * Lines file can be parsed on several threads. Reading the pieces of a file in order gives exactly
 * what {@link FactsReader#readEach(Path, Consumer)} gives for it: the same documents, the same
 * problems at the same line and column.
 *
 * <p>A line that holds one JSON object and nothing else (bar spaces, tabs and a CR before the LF)
 * becomes a {@link Line}, parsed later by {@link Line#read()}. At the first line that does not (a
 * document over several lines, two on one line, anything unusual), the rest of the file is read
 * right away, in order, the way {@code readEach} reads it, and each of its documents becomes a
 * {@link Read}. Pretty-printed single-document files therefore take the ordinary path.
 *
 * <p>For commands, a file is always at least one document: a file that cannot be read or holds no
 * document gives one {@link Read} with the problem.
 */
public final class FactsSplitter {
    private FactsSplitter() {
    }

    /** A piece of a facts file: one document, read or to be read. */
    public sealed interface Piece permits Line, Read {
        /** The document, reading it if needed (safe on any thread). */
        FactsReader.Parsed read();
    }

    /** A one-line document, line {@code line} of {@code source}, not read yet. */
    public record Line(String source, int index, long line, byte[] bytes) implements Piece {
        @Override
        public FactsReader.Parsed read() {
            return FactsReader.readLine(source, index, bytes, line);
        }
    }

    /** A document already read. */
    public record Read(FactsReader.Parsed parsed) implements Piece {
        @Override
        public FactsReader.Parsed read() {
            return parsed;
        }
    }

    /**
     * Sends the pieces of {@code file} to {@code sink}, in order. Reading stops at the end of the
     * file; a document with a syntax error also ends it ({@link FactsReader#endsFile}), which a
     * caller reading {@link Line}s out of order has to apply itself.
     */
    public static void split(Path file, Consumer<Piece> sink) {
        String source = file.toString();
        int[] count = {0};
        Consumer<Piece> counting = p -> {
            count[0]++;
            sink.accept(p);
        };
        try (InputStream in = Files.newInputStream(file)) {
            split(source, in, counting);
        } catch (NoSuchFileException e) {
            counting.accept(new Read(new FactsReader.Parsed(source, 0, null,
                    List.of(new Problem(Problem.Severity.ERROR, source, 0, 0, "", "no such file")))));
        } catch (IOException e) {
            counting.accept(new Read(new FactsReader.Parsed(source, count[0], null,
                    List.of(new Problem(Problem.Severity.ERROR, source, 0, 0, "", "cannot read: " + e.getMessage())))));
        }
        if (count[0] == 0) {
            sink.accept(new Read(new FactsReader.Parsed(source, 0, null,
                    List.of(new Problem(Problem.Severity.ERROR, source, 0, 0, "",
                            "no facts document in file (it is empty)")))));
        }
    }

    private static void split(String source, InputStream in, Consumer<Piece> sink) throws IOException {
        byte[] buf = new byte[1 << 16];
        int start = 0;
        int end = 0;
        int scan = 0;
        long line = 1;
        int index = 0;
        boolean eof = false;
        while (true) {
            int nl = -1;
            for (int i = scan; i < end; i++) {
                if (buf[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            if (nl < 0) {
                scan = end;
                if (!eof) {
                    if (start > 0) {
                        System.arraycopy(buf, start, buf, 0, end - start);
                        end -= start;
                        scan -= start;
                        start = 0;
                    }
                    if (end == buf.length) {
                        buf = Arrays.copyOf(buf, buf.length * 2);
                    }
                    int n = in.read(buf, end, buf.length - end);
                    if (n < 0) {
                        eof = true;
                    } else {
                        end += n;
                    }
                    continue;
                }
                if (start == end) {
                    return;
                }
                nl = end;
            }
            int kind = classify(buf, start, nl);
            if (kind < 0) {
                InputStream rest = new SequenceInputStream(new ByteArrayInputStream(buf, start, end - start), in);
                FactsReader.readEach(source, rest, line - 1, index, p -> sink.accept(new Read(p)));
                return;
            }
            if (kind > 0) {
                sink.accept(new Line(source, index++, line, Arrays.copyOfRange(buf, start, nl)));
            }
            if (nl == end) {
                return;
            }
            start = nl + 1;
            scan = start;
            line++;
        }
    }

    /**
     * Classifies the bytes of one line (without its LF): 1 if they hold exactly one JSON object
     * and only spaces or tabs around it, 0 if only spaces or tabs, -1 otherwise (including any
     * control character, or a CR other than a last one, which a JSON parser would count as a line
     * break). Only the nesting is checked here; the parser checks the rest.
     */
    static int classify(byte[] b, int from, int to) {
        int depth = 0;
        boolean started = false;
        boolean closed = false;
        boolean inString = false;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                } else if (c >= 0 && c < 0x20) {
                    return -1;
                }
                continue;
            }
            switch (c) {
                case ' ', '\t' -> {
                }
                case '\r' -> {
                    if (i != to - 1) {
                        return -1;
                    }
                }
                case '{', '[' -> {
                    if (closed || (depth == 0 && c == '[')) {
                        return -1;
                    }
                    started = true;
                    depth++;
                }
                case '}', ']' -> {
                    if (!started || closed) {
                        return -1;
                    }
                    depth--;
                    if (depth == 0) {
                        closed = true;
                    }
                }
                case '"' -> {
                    if (!started || closed) {
                        return -1;
                    }
                    inString = true;
                }
                default -> {
                    if (!started || closed || (c >= 0 && c < 0x20)) {
                        return -1;
                    }
                }
            }
        }
        if (inString || depth != 0) {
            return -1;
        }
        return started ? 1 : 0;
    }
}
