package org.conflictkg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.conflictkg.gazetteer.Candidate;
import org.conflictkg.gazetteer.GeoNamesRecord;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

class GazetteerCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.newCommandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void csvHasTheDocumentedColumnsAndRanksTheRightPlaceFirst() {
        assertThat(run("gazetteer", "search", "Saraqeb", "--country", "SY", "--format", "csv", "--limit", "3"))
                .isEqualTo(0);
        String[] lines = out.toString().split("\r\n");
        assertThat(lines[0]).isEqualTo("geonamesId,name,featureCode,country,admin1,lat,long,population,score");
        assertThat(lines.length).isBetween(2, 4);
        assertThat(lines[1]).startsWith("164816,Sarāqib,PPLA3,SY,12,35.86447,36.80591,34231,");
    }

    @Test
    void kindSeparatesProvinceFromCity() {
        run("gazetteer", "search", "Idlib", "--country", "SY", "--kind", "province", "--format", "csv");
        assertThat(out.toString().split("\r\n")[1]).startsWith("169387,Idlib,ADM1,SY,12,");
    }

    @Test
    void provinceByNameRanksThePlaceInItFirst() {
        run("gazetteer", "search", "Dmytrivka", "--country", "UA", "--province", "Donetsk", "--format", "csv");
        assertThat(out.toString().split("\r\n")[1]).startsWith("710007,Dmytrivka,PPL,UA,05,");
        out.getBuffer().setLength(0);
        run("gazetteer", "search", "Dmytrivka", "--country", "UA", "--province", "10", "--format", "csv");
        assertThat(out.toString().split("\r\n")[1]).startsWith("709983,Dmytrivka,PPL,UA,10,");
    }

    @Test
    void jsonRowsCarryTheSameFields() throws IOException {
        assertThat(run("gazetteer", "search", "Aleppo", "--country", "SY", "--format", "json", "--limit", "2"))
                .isEqualTo(0);
        JsonNode rows = new ObjectMapper().readTree(out.toString());
        assertThat(rows.isArray()).isTrue();
        assertThat(rows.size()).isBetween(1, 2);
        JsonNode first = rows.get(0);
        assertThat(first.get("geonamesId").asLong()).isEqualTo(170063L);
        assertThat(first.get("score").asDouble()).isBetween(0.0, 1.0);
        assertThat(first.fieldNames()).toIterable().containsExactly("geonamesId", "name", "featureCode", "country",
                "admin1", "lat", "long", "population", "score");
    }

    @Test
    void tableHasAHeaderAndOneRowPerCandidate() {
        assertThat(run("gazetteer", "search", "Tripoli", "--limit", "2")).isEqualTo(0);
        String[] lines = out.toString().split("\\R");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("geonamesId").contains("featureCode").endsWith("score");
    }

    @Test
    void aUserDumpReplacesTheBundledCities(@TempDir Path d) throws IOException {
        Path dump = d.resolve("SY.txt");
        try (InputStream in = getClass().getResourceAsStream("/org/conflictkg/gazetteer/sample-dump.txt")) {
            Files.copy(in, dump);
        }
        assertThat(run("gazetteer", "search", "Idleb", "--geonames", dump.toString(), "--format", "csv")).isEqualTo(0);
        String csv = out.toString();
        assertThat(csv).contains("\r\n169389,Idlib,PPLA,SY,12,").contains("\r\n169387,Idlib,ADM1,");
        out.getBuffer().setLength(0);
        run("gazetteer", "search", "Izium", "--geonames", dump.toString(), "--format", "csv");
        assertThat(out.toString()).doesNotContain("707292");
    }

    @Test
    void unknownFileIsExit2WithItsName() {
        Path missing = dir.resolve("allCountries.txt");
        assertThat(run("gazetteer", "search", "Idlib", "--geonames", missing.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(missing.toString()).contains("no such GeoNames file");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void badDumpLineIsExit2WithFileAndLine() throws IOException {
        Path bad = dir.resolve("cities.txt");
        Files.writeString(bad, "170063\tAleppo\tAleppo\n", StandardCharsets.UTF_8);
        assertThat(run("gazetteer", "search", "Aleppo", "--geonames", bad.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(bad + ":1: expected 19 tab-separated GeoNames columns, found 3");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void badUsageIsExit2() {
        assertThat(run("gazetteer", "search", "Aleppo", "--limit", "0")).isEqualTo(2);
        assertThat(run("gazetteer", "search", "Aleppo", "--kind", "planet")).isEqualTo(2);
        assertThat(run("gazetteer", "search", "Aleppo", "--format", "xml")).isEqualTo(2);
        assertThat(run("gazetteer", "search")).isEqualTo(2);
    }

    @Test
    void csvFieldsAreQuotedWhenNeededAndReadBackWhole() throws IOException {
        GeoNamesRecord r = new GeoNamesRecord(1, "Washington, D.C.", "Washington, D.C.", List.of(), 38.9, -77.0,
                "P", "PPLC", "US", "DC", "", 1);
        Candidate c = new Candidate(r, "a \"quoted\" name", 0.5, 0.5, 0.5, 0.5, 0.5, Double.NaN);
        StringWriter w = new StringWriter();
        GazetteerCommand.writeCsv(List.of(c), new PrintWriter(w));
        assertThat(w.toString()).contains("\"Washington, D.C.\"").endsWith("\r\n");
        List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVParser.parse(w.toString(),
                org.apache.commons.csv.CSVFormat.RFC4180).getRecords();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).toList()).isEqualTo(GazetteerCommand.COLUMNS);
        assertThat(rows.get(1).toList()).contains("Washington, D.C.").hasSize(GazetteerCommand.COLUMNS.size());
    }
}
