package org.conflictkg.rdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.conflictkg.rdf.RdfOutputLib.Format;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutputFormatTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "out.trig, TRIG",
            "out.ttl, TURTLE",
            "OUT.TTL, TURTLE",
            "kg.nq, NQUADS",
            "kg.nt, NTRIPLES",
            "kg.jsonld, JSONLD",
            "kg.json, JSONLD",
            "kg.txt, ",
            "kg.n3, ",
            "kg, ",
    })
    void formatsFollowFileExtensions(String fileName, Format expected) {
        assertThat(Format.forFileName(fileName)).isEqualTo(Optional.ofNullable(expected));
    }
}
