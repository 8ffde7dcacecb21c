package org.conflictkg.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.conflictkg.ConflictKgException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeoNamesReaderTest {
    @TempDir
    Path dir;

    private Path sample() throws IOException {
        Path p = dir.resolve("sample.txt");
        try (InputStream in = getClass().getResourceAsStream("sample-dump.txt")) {
            Files.copy(in, p);
        }
        return p;
    }

    @Test
    void readsAllNineteenColumnRows() throws IOException {
        List<GeoNamesRecord> records = new ArrayList<>();
        long n = GeoNamesReader.read(sample(), records::add);
        assertThat(n).isEqualTo(5);
        GeoNamesRecord saraqib = records.stream().filter(r -> r.id() == 164816).findFirst().orElseThrow();
        assertThat(saraqib.name()).isEqualTo("Sarāqib");
        assertThat(saraqib.asciiName()).isEqualTo("Saraqib");
        assertThat(saraqib.alternateNames()).contains("Saraqeb", "سراقب");
        assertThat(saraqib.feature()).isEqualTo("P.PPLA3");
        assertThat(saraqib.countryCode()).isEqualTo("SY");
        assertThat(saraqib.admin1()).isEqualTo("12");
        assertThat(saraqib.population()).isEqualTo(34231);
        assertThat(saraqib.latitude()).isBetween(35.86, 35.87);
    }

    @Test
    void readsGzippedDumps() throws IOException {
        Path gz = dir.resolve("sample.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(sample(), out);
        }
        assertThat(GeoNamesReader.read(gz, r -> { })).isEqualTo(5);
    }

    @Test
    void missingFileIsBadInput() {
        Path missing = dir.resolve("nope.txt");
        assertThatThrownBy(() -> GeoNamesReader.read(missing, r -> { }))
                .isInstanceOf(GazetteerException.class)
                .hasMessageContaining(missing.toString())
                .satisfies(e -> assertThat(((ConflictKgException) e).exitCode()).isEqualTo(2));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "too few columns      | 1,Saraqib                | expected 19 tab-separated GeoNames columns, found 2",
            "id not a number      | 0,abc                    | geonameid must be an integer",
            "latitude out of range| 4,95.5                   | latitude out of range",
            "longitude not numeric| 5,east                   | longitude must be a decimal number",
            "population not number| 14,many                  | population must be an integer",
            "empty name           | 1,                       | name (column 2) is empty",
    })
    void badLineNamesFileLineAndWhatWasExpected(String label, String edit, String message) throws IOException {
        String good = Files.readAllLines(sample(), StandardCharsets.UTF_8).get(0);
        String[] f = good.split("\t", -1);
        String[] e = edit.split(",", -1);
        String bad;
        if ("1".equals(e[0]) && e.length == 2 && "Saraqib".equals(e[1])) {
            bad = f[0] + "\tSaraqib";
        } else {
            f[Integer.parseInt(e[0])] = e[1];
            bad = String.join("\t", f);
        }
        Path file = dir.resolve("bad.txt");
        Files.writeString(file, good + "\n" + bad + "\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> GeoNamesReader.read(file, r -> { }))
                .isInstanceOf(GazetteerException.class)
                .hasMessageStartingWith(file + ":2: ")
                .hasMessageContaining(message);
    }

    @Test
    void invalidUtf8IsReportedWithItsLine() throws IOException {
        Path file = dir.resolve("latin1.txt");
        String good = Files.readAllLines(sample(), StandardCharsets.UTF_8).get(2);
        byte[] head = (good + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = (good.replace("Idlib", "Idl\u00e9b") + "\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + bad.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        Files.write(file, all);
        assertThatThrownBy(() -> GeoNamesReader.read(file, r -> { }))
                .isInstanceOf(GazetteerException.class)
                .hasMessage(file + ":2: not valid UTF-8");
    }
}
