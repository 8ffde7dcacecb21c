package org.conflictkg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code disputed} lists a disagreement of figures as its pairs whose values differ: one
 * disagreement of 100, 200, 300 and 100 again (four sources) is five rows, not the six pairs of
 * its versions (the two hundreds agree).
 */
class DisputedFiguresTest {
    @TempDir
    Path tmp;

    Path article(int n, String publisher, int value) throws IOException {
        return article(n, publisher, value, "\"2021-03-01\"");
    }

    Path article(int n, String publisher, int value, String period) throws IOException {
        return Files.writeString(tmp.resolve("figures-" + n + ".facts.json"), String.format(Locale.ROOT, """
                {"format": "conflict-kg/facts@1",
                 "article": {"id": "figures-%d", "title": "Casualties", "published": "2021-03-01", "publisher": "%s"},
                 "places": [{"id": "t", "name": "Tell Ward", "kind": "town"}],
                 "figures": [{"id": "f", "measure": "killed", "value": %d, "group": "civilians", "place": "t", "period": %s}]}
                """, n, publisher, value, period));
    }

    @Test
    void aSetOfFiguresIsListedAsItsPairsThatDiffer() throws IOException {
        List<String> args = new ArrayList<>(List.of("query", "disputed", "-f", "tsv"));
        args.add("--data");
        args.add(article(1, "Gazette One", 100).toString());
        args.add(article(2, "Gazette Two", 200).toString());
        args.add(article(3, "Gazette Three", 300).toString());
        args.add(article(4, "Gazette Four", 100).toString());
        CliRun r = CliRun.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> rows = r.out().lines().skip(1).toList();
        assertThat(rows).hasSize(5);
    }

    @Test
    void figuresOfPeriodsThatDoNotOverlapAreNoRowThoughTheyShareADisagreement() throws IOException {
        CliRun r = CliRun.run("query", "disputed", "-f", "tsv", "--data",
                article(1, "Gazette One", 100, "{\"from\": \"2021-03-01\", \"to\": \"2021-03-10\"}").toString(),
                article(2, "Gazette Two", 200, "{\"from\": \"2021-03-08\", \"to\": \"2021-03-20\"}").toString(),
                article(3, "Gazette Three", 300, "{\"from\": \"2021-03-15\", \"to\": \"2021-03-30\"}").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        // One disagreement (the first and the last are linked through the second), two rows.
        assertThat(r.out().lines().skip(1).toList()).hasSize(2);
    }
}
