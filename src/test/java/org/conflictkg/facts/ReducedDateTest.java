package org.conflictkg.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReducedDateTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2020, YEAR, 2020-01-01, 2020-12-31",
            "2020-02, MONTH, 2020-02-01, 2020-02-29",
            "2021-02, MONTH, 2021-02-01, 2021-02-28",
            "2020-02-29, DAY, 2020-02-29, 2020-02-29",
            "0999-12-31, DAY, 0999-12-31, 0999-12-31",
    })
    void isoDatesOfEachPrecisionParseAndPrintBack(String text, ReducedDate.Precision precision, String first, String last) {
        ReducedDate d = ReducedDate.parse(text);
        assertThat(d.precision()).isEqualTo(precision);
        assertThat(d.firstDay()).hasToString(first);
        assertThat(d.lastDay()).hasToString(last);
        assertThat(d).hasToString(text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2021-02-29", "2020-13", "2020-00", "2020-01-32", "2020-04-31", "2020-01-00"})
    void wellFormedButNoSuchDate(String text) {
        assertThatThrownBy(() -> ReducedDate.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"" + text + "\" is not a calendar date");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "20", "20201", "2020-1", "2020-01-1", "+2020", " 2020", "2020-01-01T00:00", "2020/01",
            "\u0662\u0660\u0662\u0660", "2020-01-01 "})
    void malformedDatesSayWhatWasExpected(String text) {
        assertThatThrownBy(() -> ReducedDate.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected an ISO date YYYY, YYYY-MM or YYYY-MM-DD, got \"" + text + "\"");
    }

    /**
     * The direct reading of plain dates gives what the formatter gives, date or message, for every
     * month and day number of leap and common years, 00 and out-of-range ones included.
     */
    @Test
    void plainDatesReadAsTheFormatterReadsThem() {
        List<String> texts = new ArrayList<>(List.of("0000", "0000-01-01", "9999-12-31", "2020-1-01", "2020-001",
                "2020-01-1a", "2020_01", "2020-01-01-", "1900-02-29", "2000-02-29", "2100-02-29"));
        for (String year : List.of("2020", "2021", "0004", "1900")) {
            texts.add(year);
            for (int m = 0; m <= 13; m++) {
                String month = year + "-" + (m < 10 ? "0" : "") + m;
                texts.add(month);
                for (int d = 0; d <= 32; d++) {
                    texts.add(month + "-" + (d < 10 ? "0" : "") + d);
                }
            }
        }
        for (String text : texts) {
            Object formatted = outcome(() -> ReducedDate.parseFormatted(text));
            assertThat(outcome(() -> ReducedDate.parse(text))).as(text).isEqualTo(formatted);
        }
    }

    private static Object outcome(java.util.function.Supplier<ReducedDate> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
