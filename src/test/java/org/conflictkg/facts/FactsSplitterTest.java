package org.conflictkg.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.conflictkg.synth.CorpusGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reading the pieces of a file one by one, as the parallel pipeline does, must give exactly what
 * reading the file in one go gives: the same documents, the same problems at the same line and
 * column, and nothing after a syntax error.
 */
class FactsSplitterTest {

    static final Path BAD = Path.of("src/test/resources/org/conflictkg/cli/bad-inputs");

    /** Twelve generated articles, one per line. */
    static List<String> lines() {
        StringWriter w = new StringWriter();
        CorpusGenerator.create().seed(7).build().write(w, 0, 12);
        return new ArrayList<>(w.toString().lines().toList());
    }

    static String join(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }

    static Stream<Arguments> variants() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of("plain", join(lines())));
        cases.add(Arguments.of("crlf", String.join("\r\n", lines()) + "\r\n"));
        cases.add(Arguments.of("no final newline", String.join("\n", lines())));
        cases.add(Arguments.of("blank lines and spaces", edit(l -> {
            l.add(3, "   ");
            l.add(0, "");
            l.set(5, "\t " + l.get(5) + "  ");
        })));
        cases.add(Arguments.of("quote mismatch and duplicate field", edit(l -> {
            l.set(4, l.get(4).replaceFirst("\"quote\":\"", "\"quote\":\"X"));
            l.set(6, l.get(6).replaceFirst("\\{", "{\"format\": \"conflict-kg/facts@1\", "));
        })));
        cases.add(Arguments.of("syntax error ends the file", edit(l -> {
            l.set(2, l.get(2).replaceFirst("\\{", "{\"x\": tru, "));
            l.set(8, l.get(8).replaceFirst("\"quote\":\"", "\"quote\":\"X"));
        })));
        cases.add(Arguments.of("document over several lines, then bad ones", edit(l -> {
            l.set(3, l.get(3).replace(",\"", ",\n  \""));
            l.set(5, l.get(5).replaceFirst("\"quote\":\"", "\"quote\":\"X"));
            l.set(7, l.get(7).replaceFirst("\\{", "{\"format\": \"conflict-kg/facts@1\", "));
        })));
        cases.add(Arguments.of("two documents on one line", edit(l -> {
            l.set(2, l.get(2) + " " + l.get(3));
            l.set(3, l.get(3).replaceFirst("\"quote\":\"", "\"quote\":\"X"));
        })));
        cases.add(Arguments.of("carriage return inside a line", edit(l -> {
            l.set(5, l.get(5).replaceFirst(",\"", ",\r\""));
            l.set(9, l.get(9).replaceFirst("\"quote\":\"", "\"quote\":\"X"));
        })));
        cases.add(Arguments.of("unterminated last document", edit(l -> l.set(11, l.get(11).substring(0, 500)))));
        return cases.stream();
    }

    static String edit(java.util.function.Consumer<List<String>> change) {
        List<String> l = lines();
        change.accept(l);
        return join(l);
    }

    /** Every bad input of the command tests, on one line after two good documents. */
    static Stream<Arguments> badInputsOnOneLine() throws IOException {
        List<String> good = lines().subList(0, 2);
        try (Stream<Path> files = Files.list(BAD)) {
            return files.filter(p -> p.getFileName().toString().matches("\\d\\d-.*\\.json")).sorted().map(p -> {
                try {
                    String one = Files.readString(p).strip().replace("\r", "").replace("\n", " ");
                    return Arguments.of(p.getFileName().toString(), join(good) + one + "\n" + good.get(0) + "\n");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"variants", "badInputsOnOneLine"})
    void piecesGiveWhatReadingTheWholeFileGives(String name, String content, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("corpus.jsonl");
        Files.writeString(file, content);
        List<FactsReader.Parsed> whole = new ArrayList<>();
        FactsReader.readEach(file, whole::add);

        List<FactsSplitter.Piece> pieces = new ArrayList<>();
        FactsSplitter.split(file, pieces::add);
        // Read the pieces in reverse, as a worker might, then put them back in order.
        List<FactsReader.Parsed> read = new ArrayList<>();
        for (int i = pieces.size() - 1; i >= 0; i--) {
            read.add(0, pieces.get(i).read());
        }
        List<FactsReader.Parsed> inOrder = new ArrayList<>();
        for (FactsReader.Parsed p : read) {
            inOrder.add(p);
            if (FactsReader.endsFile(p)) {
                break;
            }
        }
        assertThat(inOrder).hasSameSizeAs(whole);
        for (int i = 0; i < whole.size(); i++) {
            assertThat(inOrder.get(i).problems()).as("problems of document %d", i).isEqualTo(whole.get(i).problems());
            assertThat(inOrder.get(i).facts()).as("document %d", i).isEqualTo(whole.get(i).facts());
            assertThat(inOrder.get(i).index()).isEqualTo(whole.get(i).index());
        }
        assertThat(pieces).as("the first lines are read on their own").first().isInstanceOf(FactsSplitter.Line.class);
    }

    @Test
    void theVariantsDoHaveProblems(@TempDir Path dir) throws IOException {
        // Guards the test above against edits that silently stop making bad documents.
        Path file = dir.resolve("corpus.jsonl");
        Files.writeString(file, edit(l -> l.set(4, l.get(4).replaceFirst("\"quote\":\"", "\"quote\":\"X"))));
        List<FactsReader.Parsed> docs = new ArrayList<>();
        FactsReader.readEach(file, docs::add);
        assertThat(docs.get(4).ok()).isFalse();
        assertThat(docs.get(4).errors()).extracting(Problem::line).containsOnly(5L);
        assertThat(docs.get(4).errors()).extracting(Problem::column).doesNotContain(0L);
    }

    @Test
    void emptyAndMissingFilesAreOneBadDocument(@TempDir Path dir) throws IOException {
        Path empty = dir.resolve("empty.jsonl");
        Files.writeString(empty, "\n  \n");
        List<FactsSplitter.Piece> pieces = new ArrayList<>();
        FactsSplitter.split(empty, pieces::add);
        FactsSplitter.split(dir.resolve("missing.json"), pieces::add);
        assertThat(pieces).hasSize(2).allMatch(p -> !p.read().ok());
        assertThat(pieces.get(0).read().problems().get(0).message()).contains("no facts document");
        assertThat(pieces.get(1).read().problems().get(0).message()).contains("no such file");
    }

    @ParameterizedTest
    @MethodSource("classified")
    void classifiesLines(String line, int expected) {
        byte[] b = line.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(FactsSplitter.classify(b, 0, b.length)).isEqualTo(expected);
    }

    static Stream<Arguments> classified() {
        return Stream.of(
                Arguments.of("{\"a\": [1, {\"b\": \"}\"}]}", 1),
                Arguments.of("  {\"a\": \"x\\\"}\"}\t\r", 1),
                Arguments.of(" \t", 0),
                Arguments.of("", 0),
                Arguments.of("{\"a\": 1", -1),
                Arguments.of("{} {}", -1),
                Arguments.of("[1]", -1),
                Arguments.of("{\"a\":\r 1}", -1),
                Arguments.of("{\"a\": \"x\ty\"}", -1),
                Arguments.of("\uFEFF{}", -1),
                Arguments.of("{\"a\": 1}}", -1),
                Arguments.of("12", -1));
    }

}
