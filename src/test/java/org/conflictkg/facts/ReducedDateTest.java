package org.conflictkg.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
