package org.conflictkg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.conflictkg.store.TdbStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CSV tables keep one row per fact and source when a fact has no source (stated in the
 * article's own voice by an article that names no publisher), beside the bundled example, whose
 * many named nodes a name lookup on an unbound source would match: the rows of each fact are
 * counted from its facts document ({@code according}, or one row without a source).
 */
class ExportSourcesTest {
    static final Path NO_PUBLISHER = Path.of("src/test/resources/org/conflictkg/query/control-changes/no-publisher.facts.json");
    static final String EXAMPLE = "examples/2020-01-31-newarab-saraqeb.facts.json";

    @TempDir
    Path tmp;

    @Test
    void factsWithoutASourceAreOneRowEachInBothTables() throws IOException {
        Path db = tmp.resolve("kg");
        CliRun load = CliRun.run("load", EXAMPLE, NO_PUBLISHER.toString(), "--db", db.toString(), "-q");
        assertThat(load.exitCode()).as(load.err()).isZero();
        try {
            JsonNode doc = new ObjectMapper().readTree(NO_PUBLISHER.toFile());
            assertThat(doc.get("article").has("publisher")).isFalse();
            String article = doc.get("article").get("id").asText();
            check(db, doc.get("events"), article, "events", "event_id_cnty");
            check(db, doc.get("figures"), article, "figures", "figure_id");
        } finally {
            TdbStores.release(TdbStores.openExisting(db));
        }
    }

    private void check(Path db, JsonNode facts, String article, String layer, String idColumn) throws IOException {
        Map<String, Integer> expected = new HashMap<>();
        boolean unsourced = false;
        for (JsonNode f : facts) {
            int sources = f.has("according") ? f.get("according").size() : 0;
            unsourced |= sources == 0;
            expected.put(article + "/" + f.get("id").asText(), Math.max(1, sources));
        }
        assertThat(unsourced).as("the fixture has %s without a source", layer).isTrue();
        Path csv = tmp.resolve(layer + ".csv");
        CliRun export = CliRun.run("export", "--db", db.toString(), "--layer", layer, "-o", csv.toString(), "-q");
        assertThat(export.exitCode()).as(export.err()).isZero();
        Map<String, Integer> actual = new HashMap<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            for (CSVRecord r : rows) {
                String id = r.get(idColumn);
                if (expected.containsKey(id)) {
                    actual.merge(id, 1, Integer::sum);
                    if (r.get("source").isEmpty()) {
                        assertThat(expected.get(id)).as("%s: a row without a source is the fact's only row", id).isEqualTo(1);
                    }
                }
            }
        }
        assertThat(actual).as(layer).isEqualTo(expected);
    }
}
