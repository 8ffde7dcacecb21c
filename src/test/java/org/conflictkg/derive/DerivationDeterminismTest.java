package org.conflictkg.derive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.conflictkg.rdf.CKG;
import org.conflictkg.store.Converters;
import org.conflictkg.store.LoadReport;
import org.conflictkg.store.StoreLoader;
import org.conflictkg.store.TdbStores;
import org.conflictkg.store.TdbTarget;
import org.conflictkg.synth.CorpusGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import org.conflictkg.cli.Stages;

/**
 * The derived graph is a function of the article graphs alone: the same whatever store holds them
 * (TDB2, or the in-memory dataset an HTTP load derives in), whatever order they were loaded in,
 * and whether it was derived in one run or incrementally, load after load.
 *
 * <p>The corpus: generated articles, copies of some of them under other ids, and copies of the
 * bundled example, whose figures about no place disagree from copy to copy (the case where the
 * store's answer order once decided what a disagreement concerned).
 */
class DerivationDeterminismTest {
    static final int GENERATED = 100;
    static final int GENERATED_COPIES = 10;
    static final int EXAMPLE_COPIES = 6;

    @TempDir
    static Path tmp;
    /** One article per line (JSON Lines), in loading order. */
    static List<String> corpus;
    /** The derived graph of one full run on TDB2 over the corpus in its order. */
    static Graph reference;

    @BeforeAll
    static void corpusAndReference() throws IOException {
        corpus = new ArrayList<>();
        CorpusGenerator gen = CorpusGenerator.create().seed(11).facts(5, 15).build();
        for (int i = 0; i < GENERATED; i++) {
            StringWriter w = new StringWriter();
            gen.write(w, i, i + 1);
            corpus.add(w.toString().strip());
        }
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < GENERATED_COPIES; i++) {
            ObjectNode doc = (ObjectNode) json.readTree(corpus.get(i * 7));
            ((ObjectNode) doc.get("article")).put("id", "copy-of-" + i);
            corpus.add(json.writeValueAsString(doc));
        }
        for (int i = 0; i < EXAMPLE_COPIES; i++) {
            ObjectNode doc = (ObjectNode) json.readTree(IncrementalDerivationTest.inputs().get(0).toFile());
            ((ObjectNode) doc.get("article")).put("id", String.format(Locale.ROOT, "example-copy-%02d", i));
            // Spread over the corpus, so that each of the incremental loads brings some.
            corpus.add(i * corpus.size() / EXAMPLE_COPIES, json.writeValueAsString(doc));
        }
        reference = tdbFull(corpus);
        assertThat(reference.size()).isPositive();
        assertThat(reference.find(null, CKG.aspect, null).toList()).as("disagreements").hasSizeGreaterThan(EXAMPLE_COPIES);
    }

    static Stream<Arguments> otherWays() {
        return Stream.of(
                way("TDB2, one run, articles in reverse order", c -> tdbFull(reversed(c))),
                way("TDB2, one run in bounded memory, 3 places at a time", c -> tdbChunked(c, 3)),
                way("TDB2, one run in bounded memory, 1 place at a time, reverse order", c -> tdbChunked(reversed(c), 1)),
                way("in memory (as over HTTP), one run", DerivationDeterminismTest::inMemory),
                way("3 places at a time, at most 2 values per query (as from a remote store)",
                        DerivationDeterminismTest::fewValuesPerQuery),
                way("in memory (as over HTTP), one run, articles in reverse order", c -> inMemory(reversed(c))),
                way("TDB2, incremental, three loads", c -> tdbIncremental(c, 3)),
                way("TDB2, incremental, three loads in reverse order", c -> tdbIncremental(reversed(c), 3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherWays")
    void derivedGraphIsTheSame(Function<List<String>, Graph> way) {
        Graph derived = way.apply(corpus);
        assertThat(derived.isIsomorphicWith(reference))
                .as("%d triples, %d in one run on TDB2; differing:%n%s", derived.size(), reference.size(),
                        difference(reference, derived))
                .isTrue();
    }

    private static Arguments way(String name, Function<List<String>, Graph> f) {
        return Arguments.of(Named.of(name, f));
    }

    private static List<String> reversed(List<String> lines) {
        List<String> r = new ArrayList<>(lines);
        Collections.reverse(r);
        return r;
    }

    private static Path write(List<String> lines) {
        try {
            return Files.write(Files.createTempFile(tmp, "corpus-", ".jsonl"), lines);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static DatasetGraph loaded(List<String> lines) {
        DatasetGraph dsg = TdbStores.createInMemory();
        LoadReport r = StoreLoader.create(new TdbTarget(dsg, 5000), Converters.standardInputs()).derivation(null)
                .build().load(List.of(write(lines)));
        assertThat(r.ok()).isTrue();
        return dsg;
    }

    static Graph tdbFull(List<String> lines) {
        DatasetGraph dsg = loaded(lines);
        Derivation.create().build().run(dsg);
        return IncrementalDerivationTest.derived(dsg);
    }

    static Graph tdbChunked(List<String> lines, int places) {
        DatasetGraph dsg = loaded(lines);
        Derivation.Counts counts = Derivation.create().chunkPlaces(places).build().runFull(dsg);
        Graph g = IncrementalDerivationTest.derived(dsg);
        assertThat(counts.periods()).isEqualTo(g.find(null, org.apache.jena.vocabulary.RDF.type.asNode(),
                CKG.TimelinePeriod).toList().size());
        assertThat(counts.disagreements()).isEqualTo(g.find(null, org.apache.jena.vocabulary.RDF.type.asNode(),
                CKG.Disagreement).toList().size());
        return g;
    }

    /** The article graphs copied into a plain in-memory dataset, derived there. */
    static Graph inMemory(List<String> lines) {
        DatasetGraph tdb = loaded(lines);
        DatasetGraph mem = DatasetGraphFactory.createTxnMem();
        Txn.executeRead(tdb, () -> tdb.find().forEachRemaining(q -> {
            if (!q.isDefaultGraph()) {
                mem.add(q);
            }
        }));
        Graph g = GraphFactory.createDefaultGraph();
        Txn.executeRead(mem, () -> Derivation.quads(Derivation.create().build().derive(mem), q -> g.add(q.asTriple())));
        return g;
    }

    /**
     * Read as from a remote store, whose queries take a bounded number of values: 3 places at a
     * time, and every VALUES list (places, articles, reports, actors) split into lists of 2.
     */
    static Graph fewValuesPerQuery(List<String> lines) {
        DatasetGraph dsg = loaded(lines);
        Source local = Source.of(dsg);
        Source two = new Source() {
            @Override
            public List<org.apache.jena.sparql.engine.binding.Binding> union(org.apache.jena.query.Query query) {
                return local.union(query);
            }

            @Override
            public List<org.apache.jena.sparql.engine.binding.Binding> named(org.apache.jena.query.Query query) {
                return local.named(query);
            }

            @Override
            public int maxValues() {
                return 2;
            }
        };
        Graph g = GraphFactory.createDefaultGraph();
        Txn.executeRead(dsg, () -> Derivation.create().chunkPlaces(3).build()
                .writeFull(two, ReportsReader.places(dsg), q -> g.add(q.asTriple())));
        return g;
    }

    static Graph tdbIncremental(List<String> lines, int loads) {
        DatasetGraph dsg = TdbStores.createInMemory();
        TdbTarget target = new TdbTarget(dsg, 5000);
        for (int k = 0; k < loads; k++) {
            List<String> part = lines.subList(lines.size() * k / loads, lines.size() * (k + 1) / loads);
            assertThat(StoreLoader.create(target, Converters.standardInputs()).derivation(Stages.derivation()).build().load(List.of(write(part))).ok())
                    .isTrue();
        }
        return IncrementalDerivationTest.derived(dsg);
    }

    /** Some triples in one graph and not the other (blank-node free graphs: plain set difference). */
    private static String difference(Graph expected, Graph actual) {
        StringBuilder sb = new StringBuilder();
        expected.find().filterDrop(actual::contains).toList().stream().limit(10)
                .forEach(t -> sb.append("  missing ").append(str(t)).append('\n'));
        actual.find().filterDrop(expected::contains).toList().stream().limit(10)
                .forEach(t -> sb.append("  extra   ").append(str(t)).append('\n'));
        return sb.toString();
    }

    private static String str(Triple t) {
        return t.getSubject() + " " + t.getPredicate() + " " + t.getObject();
    }
}
