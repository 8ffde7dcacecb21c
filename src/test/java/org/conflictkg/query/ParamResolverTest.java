package org.conflictkg.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.query.ResultSetRewindable;
import org.conflictkg.cli.Stages;
import org.conflictkg.ConflictKgException;
import org.conflictkg.rdf.IriLib;
import org.conflictkg.store.Converters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parameters by name against the bundled example: the cases are in
 * {@code src/test/resources/params/} (one line each), the expected place given by its GeoNames id.
 */
class ParamResolverTest {
    static final Path EXAMPLE = Path.of("examples/2020-01-31-newarab-saraqeb.facts.json");
    static QuerySource source;
    static ParamResolver resolver;

    @BeforeAll
    static void load() {
        source = QuerySources.files(List.of(EXAMPLE), Converters.standardInputs(), Stages.derivation());
        resolver = ParamResolver.create(source);
    }

    static Stream<Arguments> cases(String file) throws IOException {
        return Files.readAllLines(Path.of("src/test/resources/params", file), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> Arguments.of((Object[]) l.split("\t", -1)));
    }

    static Stream<Arguments> placeNames() throws IOException {
        return cases("place-names.tsv");
    }

    static Stream<Arguments> codes() throws IOException {
        return cases("codes.tsv");
    }

    @ParameterizedTest(name = "place={0} -> {1}")
    @MethodSource("placeNames")
    void aPlaceIsFoundByAnySpellingIdOrIri(String given, String expected) {
        if (expected.equals("unknown")) {
            assertThatThrownBy(() -> resolver.place(given))
                    .isInstanceOfSatisfying(ConflictKgException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(ConflictKgException.BAD_INPUT);
                        assertThat(e.getMessage()).doesNotContain("\n").contains(given.strip()).contains("no place");
                    });
        } else if (expected.startsWith("ambiguous:")) {
            List<String> ids = Arrays.asList(expected.substring("ambiguous:".length()).split(","));
            assertThat(resolver.placeCandidates(given)).extracting(ParamResolver.PlaceCandidate::geonamesId)
                    .containsExactlyInAnyOrderElementsOf(ids);
            assertThatThrownBy(() -> resolver.place(given))
                    .isInstanceOfSatisfying(ConflictKgException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(ConflictKgException.BAD_INPUT);
                        assertThat(e.getMessage()).doesNotContain("\n").contains("ambiguous");
                        ids.forEach(id -> assertThat(e.getMessage()).contains(IriLib.geonamesPlace(id).getURI()));
                    });
        } else {
            assertThat(resolver.place(given)).isEqualTo(IriLib.geonamesPlace(expected));
        }
    }

    @ParameterizedTest(name = "{0}={1} -> {2}")
    @MethodSource("codes")
    void vocabularyParametersTakeShortCodes(String param, String given, String expected) {
        if (expected.equals("unknown")) {
            assertThatThrownBy(() -> ParamResolver.vocabulary(param, given))
                    .isInstanceOfSatisfying(ConflictKgException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(ConflictKgException.BAD_INPUT);
                        assertThat(e.getMessage()).doesNotContain("\n").contains(given);
                    });
        } else if (given.startsWith("http")) {
            assertThat(ParamResolver.vocabulary(param, given)).isNull(); // an IRI is used as given
            assertThat(resolver.resolve(param, given)).isEqualTo(expected);
        } else {
            assertThat(ParamResolver.vocabulary(param, given)).isEqualTo(expected);
        }
    }

    @Test
    void aNamedQueryGivesTheSameRowsForANameAsForTheIri() {
        QueryRunner runner = new QueryRunner(source, Duration.ofSeconds(30));
        ResultSetRewindable byIri = runner.select(NamedQueries.named("control-changes"),
                Map.of("place", IriLib.geonamesPlace("167611").getURI()));
        ResultSetRewindable byName = runner.select(NamedQueries.named("control-changes"), Map.of("place", "Maarrat al-Nu'man"));
        ResultSetRewindable byId = runner.select(NamedQueries.named("control-changes"), Map.of("place", "167611"));
        assertThat(byIri.size()).isPositive();
        assertThat(byName.size()).isEqualTo(byIri.size());
        assertThat(byId.size()).isEqualTo(byIri.size());
        ResultSetRewindable killed = runner.select(NamedQueries.named("figures"), Map.of("measure", "killed"));
        ResultSetRewindable killedIri = runner.select(NamedQueries.named("figures"),
                Map.of("measure", "https://w3id.org/conflict-kg/vocab/measure/killed"));
        assertThat(killed.size()).isPositive().isEqualTo(killedIri.size());
    }

    @Test
    void checkingWithoutAStoreAcceptsNamesAndRefusesBadCodes() {
        NamedQuery cc = NamedQueries.named("control-changes");
        ParamResolver.check(cc, Map.of("place", "Saraqeb"));
        ParamResolver.check(NamedQueries.named("figures"), Map.of("measure", "killed"));
        assertThatThrownBy(() -> ParamResolver.check(NamedQueries.named("figures"), Map.of("measure", "kiled")))
                .isInstanceOf(ConflictKgException.class);
        assertThatThrownBy(() -> ParamResolver.check(cc, Map.of("town", "Saraqeb"))).isInstanceOf(ConflictKgException.class);
    }
}
