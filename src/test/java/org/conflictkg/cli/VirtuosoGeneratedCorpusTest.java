package org.conflictkg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.jena.sparql.core.DatasetGraph;
import org.conflictkg.server.KgServer;
import org.conflictkg.store.TdbStores;
import org.conflictkg.synth.CorpusGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The report-level and derived queries on Virtuoso against Jena, on a generated corpus: many reports per place,
 * from many sources, contradicting each other, as a real store holds them. Virtuoso 7 plans a
 * query by the statistics of the data it holds, and on such data it planned a rewrite of
 * {@code controller-at-reports} that the hand-written fixtures of {@link VirtuosoPortabilityTest}
 * answered right into one that dropped a filter (rows of controllers every report had ruled out).
 * The corpus is loaded into TDB2 behind Fuseki, which derives its timeline; the articles and the
 * derived graph ({@code derive -o}) are bulk-loaded into Virtuoso. Each
 * query is compared row by row, order aside, on the places with the most reports and at dates
 * across the corpus's years.
 *
 * <p>Skipped without {@code virtuoso-t}; under CI=true it must run.
 */
class VirtuosoGeneratedCorpusTest {
    /** Articles generated: enough for tens of reports per place on the busiest places. */
    static final int ARTICLES = Integer.getInteger("conflictkg.virtuosoCorpus", 400);
    /** The rows Virtuoso sends per answer here. */
    static final int ROW_LIMIT = 1000;
    static final String[] DATES = {"2013-05-01", "2016-01-01", "2018-06-30", "2021-03-15"};

    @TempDir
    static Path tmp;
    static VirtuosoProcess virtuoso;
    static KgServer fuseki;
    static Path corpus;

    @BeforeAll
    static void start() throws Exception {
        // An answer limit below the figures of the corpus, as Virtuoso's 2^20 rows over HTTP is
        // below those of a million articles; and sorts large enough for pages.
        virtuoso = VirtuosoProcess.start(Files.createDirectories(tmp.resolve("virtuoso")), ROW_LIMIT, 100_000);
        Path shards = Files.createDirectories(virtuoso.dir().resolve("shards"));
        corpus = tmp.resolve("corpus.nq");
        Path facts = tmp.resolve("corpus.jsonl");
        try (Writer w = Files.newBufferedWriter(facts, StandardCharsets.UTF_8)) {
            CorpusGenerator.create().seed(1).build().write(w, 0, ARTICLES);
        }
        CliRun c = CliRun.run("convert", facts.toString(), "--format", "nquads", "-o", corpus.toString(), "--quiet");
        assertThat(c.exitCode()).as(c.err()).isZero();
        Files.copy(corpus, shards.resolve("corpus.nq"));
        // The derived graph (the timeline and the disagreements) as load derives it into TDB2,
        // bulk-loaded beside the articles: both stores answer the derived queries from it.
        Path db = tmp.resolve("db");
        CliRun l = CliRun.run("load", "--db", db.toString(), facts.toString(), "--quiet");
        assertThat(l.exitCode()).as(l.err()).isZero();
        CliRun d = CliRun.run("derive", "--db", db.toString(), "-o", shards.resolve("derived.nq").toString(), "--quiet");
        assertThat(d.exitCode()).as(d.err()).isZero();
        DatasetGraph jena = TdbStores.openExisting(db);
        fuseki = KgServer.create().dataset(jena, null).ui(false).port(0).build().start();
        virtuoso.bulkLoad(shards, "--loaders", "2");
    }

    @AfterAll
    static void stop() {
        if (virtuoso != null) {
            virtuoso.close();
        }
        if (fuseki != null) {
            fuseki.close();
        }
    }

    /** The places with the most control reports in the corpus, busiest first. */
    static List<String> busiestPlaces(int n) throws IOException {
        Path q = tmp.resolve("busiest.rq");
        Files.writeString(q, "PREFIX ckg: <https://w3id.org/conflict-kg/ontology#>\n"
                        + "SELECT ?place (COUNT(?r) AS ?n) WHERE { { ?r a ckg:ControlChange } UNION { ?r a ckg:ControlPeriod }"
                        + " ?r ckg:territory ?place } GROUP BY ?place ORDER BY DESC(?n) STR(?place) LIMIT " + n);
        List<List<String>> rows = rows(List.of("query", q.toString(), "--endpoint", fuseki.datasetUrl(), "--format", "json"));
        return rows.stream().map(r -> r.get(0).substring("place=<".length(), r.get(0).length() - 1)).toList();
    }

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        List<String> places = busiestPlaces(4);
        for (String date : DATES) {
            for (String place : places) {
                out.add(Arguments.of("controller-at-reports", Map.of("place", place, "date", date), true));
            }
            out.add(Arguments.of("controller-at-reports", Map.of("date", date), true));
        }
        for (String date : DATES) {
            for (String place : places) {
                // A place may have no controller yet on the earliest date.
                out.add(Arguments.of("controller-at", Map.of("place", place, "date", date), false));
            }
            out.add(Arguments.of("controller-at", Map.of("date", date), true));
        }
        for (String place : places) {
            out.add(Arguments.of("control-changes", Map.of("place", place), true));
            out.add(Arguments.of("timeline", Map.of("place", place), true));
            out.add(Arguments.of("disputed", Map.of("place", place), true));
        }
        out.add(Arguments.of("disputed", Map.of(), true));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void aQueryOverManyReportsGivesTheSameRowsOnVirtuosoAsOnJena(String name, Map<String, String> params, boolean hasRows) {
        List<List<String>> onJena = rows(args(name, params, "--endpoint", fuseki.datasetUrl()));
        // In pages below the server's limit: the longer answers need them here, and every query
        // is then also checked to page whole.
        List<List<String>> onVirtuoso = rows(concat(args(name, params, "--endpoint", virtuoso.sparqlUrl()),
                List.of("--page-size", String.valueOf(ROW_LIMIT / 2))));
        if (hasRows) {
            assertThat(onJena).as("%s %s has rows on Jena", name, params).isNotEmpty();
        }
        assertThat(onVirtuoso).as("%s %s on Virtuoso, against Jena", name, params)
                .containsExactlyInAnyOrderElementsOf(onJena);
    }

    @Test
    void anAnswerTheServerCutsShortFailsInsteadOfPassingForTheWhole() {
        List<List<String>> onJena = rows(args("figures", Map.of(), "--endpoint", fuseki.datasetUrl()));
        assertThat(onJena).as("the corpus has more figures than Virtuoso sends here").hasSizeGreaterThan(ROW_LIMIT);
        CliRun r = CliRun.run(args("figures", Map.of(), "--endpoint", virtuoso.sparqlUrl()).toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("sent " + ROW_LIMIT + " of the " + onJena.size() + " rows", "incomplete", "--page-size");
    }

    @Test
    void anAnswerAskedForInPagesIsWholeOnVirtuosoAndOnJena() {
        List<List<String>> onJena = rows(args("figures", Map.of(), "--endpoint", fuseki.datasetUrl()));
        List<String> paged = List.of("--page-size", String.valueOf(ROW_LIMIT / 3));
        List<List<String>> pagedOnJena = rows(concat(args("figures", Map.of(), "--endpoint", fuseki.datasetUrl()), paged));
        List<List<String>> pagedOnVirtuoso = rows(concat(args("figures", Map.of(), "--endpoint", virtuoso.sparqlUrl()), paged));
        assertThat(pagedOnJena).as("pages on Jena").containsExactlyInAnyOrderElementsOf(onJena);
        assertThat(pagedOnVirtuoso).as("pages on Virtuoso").containsExactlyInAnyOrderElementsOf(onJena);
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    static List<String> args(String name, Map<String, String> params, String... where) {
        List<String> args = new ArrayList<>(List.of("query", name, "--format", "json", "--timeout", "120"));
        args.addAll(List.of(where));
        new LinkedHashMap<>(params).forEach((k, v) -> args.addAll(List.of("--param", k + "=" + v)));
        return args;
    }

    /** The rows of a {@code query ... --format json} run, each cell comparable. */
    static List<List<String>> rows(List<String> args) {
        CliRun r = CliRun.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as("%s: %s", args, r.err()).isZero();
        return VirtuosoPortabilityTest.comparableRows(r.out());
    }
}
