package org.conflictkg.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The project's one reader (and writer) of tab-separated files, on commons-csv: the GeoNames
 * dump, the bundled gazetteer and region tables, data files. Cells are split at every tab and
 * kept as they are: no quoting, no trimming, and trailing empty cells count. Lines starting with
 * {@code #} and blank lines are skipped.
 */
public final class TsvLib {

    /** Tab-separated, no quoting or escaping, {@code #} comments, trailing empty cells kept. */
    public static final CSVFormat FORMAT = CSVFormat.TDF.builder()
            .setQuote(null)
            .setIgnoreSurroundingSpaces(false)
            .setTrim(false)
            .setCommentMarker('#')
            .setIgnoreEmptyLines(true)
            .setRecordSeparator('\n')
            .get();

    /** One row: its cells, and where it stands, {@code source:line}. */
    public record Row(List<String> cells, String source, long line) {
        /** {@code source:line}, for messages. */
        public String at() {
            return source + ":" + line;
        }

        public int size() {
            return cells.size();
        }

        public String get(int i) {
            return cells.get(i);
        }
    }

    private TsvLib() {
    }

    /**
     * Reads the rows of {@code in} (UTF-8; a malformed byte becomes U+FFFD, so that the caller can
     * name its line) into {@code sink}. A line that cannot be read is an {@link UncheckedIOException}.
     */
    public static void read(InputStream in, String source, Consumer<Row> sink) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        read(new InputStreamReader(in, decoder), source, sink);
    }

    /** Reads the rows of {@code in} into {@code sink}; see {@link #read(InputStream, String, Consumer)}. */
    public static void read(Reader in, String source, Consumer<Row> sink) {
        try (CSVParser parser = CSVParser.builder().setReader(in).setFormat(FORMAT).setBufferSize(1 << 16).get()) {
            for (CSVRecord r : parser) {
                List<String> cells = r.toList();
                if (cells.size() == 1 && cells.get(0).isBlank()) {
                    continue;
                }
                sink.accept(new Row(cells, source, parser.getCurrentLineNumber()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": cannot read: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException(source + ": cannot read: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** A writer of rows in {@link #FORMAT} (lines end with {@code \n}). */
    public static CSVPrinter printer(Appendable out) {
        try {
            return new CSVPrinter(out, FORMAT.builder().setCommentMarker(null).get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
