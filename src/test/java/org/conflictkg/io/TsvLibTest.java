package org.conflictkg.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TsvLibTest {

    static List<TsvLib.Row> rows(String text) {
        List<TsvLib.Row> out = new ArrayList<>();
        TsvLib.read(new StringReader(text), "t.tsv", out::add);
        return out;
    }

    @ParameterizedTest(name = "[{index}] {1} cells")
    @CsvSource(delimiter = '|', value = {
            "a\\tb\\tc | 3",
            "a\\t\\t | 3",
            "\\t\\t | 3",
            "a\\tb\\t | 3",
            "\"a\\tb\" | 2",
            " a \\t b  | 2",
    })
    void cellsAreSplitAtEveryTabAndTrailingEmptyCellsCount(String line, int cells) {
        String text = line.replace("\\t", "\t");
        List<TsvLib.Row> rows = rows(text + "\n");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).size()).isEqualTo(cells);
        assertThat(String.join("\t", rows.get(0).cells())).isEqualTo(text);
    }

    @Test
    void commentsAndBlankLinesAreSkippedAndRowsKnowTheirLine() {
        List<TsvLib.Row> rows = rows("# header\n1\ta\n\n   \n2\t\n#x\n3\t\tz");
        assertThat(rows).extracting(TsvLib.Row::at).containsExactly("t.tsv:2", "t.tsv:5", "t.tsv:7");
        assertThat(rows).extracting(TsvLib.Row::cells)
                .containsExactly(List.of("1", "a"), List.of("2", ""), List.of("3", "", "z"));
    }

    @Test
    void whatThePrinterWritesReadsBackTheSame() throws Exception {
        List<List<String>> table = List.of(List.of("1", "Name \"quoted\"", "", ""), List.of("2", "x,y", "#not a comment", ""));
        StringWriter w = new StringWriter();
        try (CSVPrinter p = TsvLib.printer(w)) {
            for (List<String> row : table) {
                p.printRecord(row);
            }
        }
        assertThat(rows(w.toString())).extracting(TsvLib.Row::cells).isEqualTo(table);
    }
}
