package org.conflictkg.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The output format follows the file name, and a format that contradicts it is refused. */
class ExportFormatTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "kg.trig, TRIG", "kg.ttl, TURTLE", "KG.TTL, TURTLE", "kg.nq, NQUADS", "kg.nt, NTRIPLES",
        "kg.jsonld, JSONLD", "kg.json, JSONLD", "places.geojson, GEOJSON", "events.csv, CSV",
        "dir/x.y.geojson, GEOJSON"})
    void theExtensionGivesTheFormat(String file, ExportFormat expected) {
        assertThat(ExportFormat.forFile(Path.of(file))).isEqualTo(expected);
        assertThat(ExportFormat.choose(null, Path.of(file))).isEqualTo(expected);
        assertThat(ExportFormat.choose(expected, Path.of(file))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> trig")
    @CsvSource({"kg.txt", "kg", "kg.data"})
    void anExtensionThatSaysNothingGivesTrig(String file) {
        assertThat(ExportFormat.forFile(Path.of(file))).isNull();
        assertThat(ExportFormat.choose(null, Path.of(file))).isEqualTo(ExportFormat.TRIG);
        assertThat(ExportFormat.choose(ExportFormat.CSV, Path.of(file))).isEqualTo(ExportFormat.CSV);
    }

    @ParameterizedTest(name = "{0} with --format {1}")
    @CsvSource({"x.json, GEOJSON", "x.json, JSONLD", "x.nt, NTRIPLES"})
    void aFormatTheExtensionAllowsIsTaken(String file, ExportFormat given) {
        assertThat(ExportFormat.choose(given, Path.of(file))).isEqualTo(given);
    }

    @org.junit.jupiter.params.provider.EnumSource(ExportFormat.class)
    @ParameterizedTest(name = "--format {0} to standard output")
    void anyFormatGoesToStandardOutput(ExportFormat given) {
        assertThat(ExportFormat.choose(given, null)).isEqualTo(given);
        assertThat(ExportFormat.choose(null, null)).isEqualTo(ExportFormat.TRIG);
    }

    @ParameterizedTest(name = "{0} with --format {1} is refused")
    @CsvSource({"x.geojson, TRIG", "x.csv, GEOJSON", "x.ttl, CSV", "x.trig, TURTLE", "x.geojson, CSV"})
    void aFormatThatContradictsTheExtensionIsRefused(String file, ExportFormat given) {
        assertThatThrownBy(() -> ExportFormat.choose(given, Path.of(file)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(given.code()).hasMessageContaining(file);
    }

    @ParameterizedTest
    @CsvSource({"PLACES, GEOJSON, true", "PERIODS, GEOJSON, true", "EVENTS, GEOJSON, true", "HIGHWAYS, GEOJSON, true",
        "FIGURES, GEOJSON, false", "EVENTS, CSV, true", "FIGURES, CSV, true", "PLACES, CSV, false", "PLACES, TRIG, false"})
    void layersBelongToTheirFormats(ExportLayer layer, ExportFormat format, boolean supported) {
        assertThat(layer.supports(format)).isEqualTo(supported);
    }
}
