package org.conflictkg.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.conflictkg.ConflictKgException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.conflictkg.cli.Stages;

class StoreLoaderTest {
    static final Path EXAMPLE = Path.of("examples/2020-01-31-newarab-saraqeb.facts.json");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    DatasetGraph dsg;

    @BeforeEach
    void setUp() {
        dsg = TdbStores.createInMemory();
    }

    /** Writes a copy of the example with another article id and title. */
    Path variant(String id, String title) throws IOException {
        ObjectNode doc = (ObjectNode) JSON.readTree(EXAMPLE.toFile());
        ((ObjectNode) doc.get("article")).put("id", id).put("title", title);
        Path p = dir.resolve(id + ".facts.json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(p.toFile(), doc);
        return p;
    }

    LoadReport load(FactsConverter conv, int batchQuads, boolean force, Path... files) {
        ArticleInputs inputs = ArticleInputs.create().facts(conv).build();
        return StoreLoader.create(new TdbTarget(dsg, batchQuads), inputs).derivation(Stages.derivation()).force(force).build().load(List.of(files));
    }

    LoadReport load(Path... files) {
        return load(new SimpleTestConverter(), 25, false, files);
    }

    Graph copyOf(Node g) {
        return Txn.calculateRead(dsg, () -> {
            Graph copy = GraphFactory.createDefaultGraph();
            dsg.getGraph(g).find().forEachRemaining(copy::add);
            return copy;
        });
    }

    @Test
    void loadingTheSameFactsTwiceLeavesTheStoreUnchanged() throws IOException {
        Path a = variant("a", "Title A");
        Path b = variant("b", "Title B");
        LoadReport first = load(a, b);
        assertThat(first.ok()).isTrue();
        assertThat(first.loaded()).isEqualTo(2);
        long count = TdbStores.quadCount(dsg);
        assertThat(count).isGreaterThan(0);

        LoadReport second = load(a, b);
        assertThat(second.loaded()).isZero();
        assertThat(second.unchanged()).isEqualTo(2);
        assertThat(TdbStores.quadCount(dsg)).isEqualTo(count);

        LoadReport forced = load(new SimpleTestConverter(), 25, true, a, b);
        assertThat(forced.loaded()).isEqualTo(2);
        assertThat(TdbStores.quadCount(dsg)).isEqualTo(count);
    }

    @Test
    void changingOneArticleReplacesOnlyItsGraph() throws IOException {
        Path a = variant("a", "Title A");
        Path b = variant("b", "Title B");
        load(a, b);
        Graph bBefore = copyOf(StoreGraphs.articleGraph("b"));
        String hashA = TdbStores.storedHashes(dsg).get(StoreGraphs.articleGraph("a"));

        variant("a", "Title A, corrected");
        LoadReport r = load(a, b);
        assertThat(r.loaded()).isEqualTo(1);
        assertThat(r.unchanged()).isEqualTo(1);

        Graph aAfter = copyOf(StoreGraphs.articleGraph("a"));
        assertThat(aAfter.toString()).contains("Title A, corrected").doesNotContain("\"Title A\"");
        assertThat(copyOf(StoreGraphs.articleGraph("b")).isIsomorphicWith(bBefore)).isTrue();
        assertThat(TdbStores.storedHashes(dsg).get(StoreGraphs.articleGraph("a"))).isNotEqualTo(hashA).startsWith("sha256:");
    }

    @Test
    void aNewConverterVersionReloadsUnchangedFacts() throws IOException {
        Path a = variant("a", "Title A");
        load(a);
        LoadReport r = load(new SimpleTestConverter("test/2", null), 25, false, a);
        assertThat(r.loaded()).isEqualTo(1);
    }

    @Test
    void referenceGraphIsASetUnionAcrossArticles() throws IOException {
        load(variant("a", "Title A"));
        long ref = copyOf(StoreGraphs.REFERENCE_GRAPH).size();
        assertThat(ref).isGreaterThan(0);
        load(variant("b", "Title B"));
        assertThat(copyOf(StoreGraphs.REFERENCE_GRAPH).size()).isEqualTo(ref);
    }

    @Test
    void aBadDocumentIsReportedAndSkippedTheOthersLoad() throws IOException {
        Path good = variant("good", "Good");
        Path bad = dir.resolve("bad.facts.json");
        String text = Files.readString(EXAMPLE).replace("\"title\":", "\"titel\":");
        Files.writeString(bad, text, StandardCharsets.UTF_8);
        LoadReport r = load(good, bad);
        assertThat(r.ok()).isFalse();
        assertThat(r.loaded()).isEqualTo(1);
        assertThat(r.failures()).hasSize(1);
        LoadReport.Failure f = r.failures().get(0);
        assertThat(f.source()).isEqualTo(bad.toString());
        assertThat(String.join("\n", f.problems())).contains(bad.toString()).contains("titel");
        assertThat(TdbStores.storedHashes(dsg)).containsOnlyKeys(StoreGraphs.articleGraph("good"));
    }

    @Test
    void aConversionFailureLeavesNothingOfThatArticle() throws IOException {
        Path a = variant("a", "A");
        Path b = variant("b", "B");
        LoadReport r = load(new SimpleTestConverter("test/1", "b"), 1_000_000, false, a, b);
        assertThat(r.loaded()).isEqualTo(1);
        assertThat(r.failures()).extracting(LoadReport.Failure::source).containsExactly(b.toString());
        Txn.executeRead(dsg, () -> assertThat(dsg.containsGraph(StoreGraphs.articleGraph("b"))).isFalse());
    }

    @Test
    void aConvertedGraphThatBreaksTheShapesIsNotLoaded() throws IOException {
        FactsConverter broken = new FactsConverter() {
            @Override
            public String version() {
                return "broken/1";
            }

            @Override
            public void convert(org.conflictkg.facts.ArticleFacts facts, org.apache.jena.riot.system.StreamRDF out) {
                // a figure without its measure, value or local id
                out.quad(org.apache.jena.sparql.core.Quad.create(StoreGraphs.articleGraph(facts.article().id()),
                        org.apache.jena.graph.NodeFactory.createURI("https://example.org/figure"),
                        org.apache.jena.vocabulary.RDF.type.asNode(), org.conflictkg.rdf.CKG.Figure));
            }
        };
        LoadReport r = load(broken, 1000, false, variant("a", "A"));
        assertThat(r.loaded()).isZero();
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.failures().get(0).problems().get(0)).contains("does not conform to the shapes");
        assertThat(TdbStores.quadCount(dsg)).isZero();
    }

    @Test
    void documentsOfAJsonLinesFileLoadEach() throws IOException {
        String a = JSON.writeValueAsString(JSON.readTree(variant("a", "A").toFile()));
        String b = JSON.writeValueAsString(JSON.readTree(variant("b", "B").toFile()));
        Path lines = dir.resolve("both.jsonl");
        Files.writeString(lines, a + "\n" + b + "\n");
        LoadReport r = load(lines);
        assertThat(r.loaded()).isEqualTo(2);
    }

    @Test
    void theSameArticleTwiceInOneLoadIsAnError() throws IOException {
        Path a = variant("a", "A");
        Path copy = dir.resolve("copy.json");
        Files.copy(a, copy);
        LoadReport r = load(a, copy);
        assertThat(r.loaded()).isEqualTo(1);
        assertThat(r.failures()).hasSize(1);
    }

    @Test
    void unknownKindsAndArticleTextWithoutExtractorAreRefusedBeforeWriting() throws IOException {
        Path a = variant("a", "A");
        Path odd = Files.writeString(dir.resolve("notes.csv"), "x");
        assertThatThrownBy(() -> load(a, odd)).isInstanceOf(StoreException.class)
                .hasMessageContaining("unknown input kind")
                .satisfies(ex -> assertThat(((ConflictKgException) ex).exitCode()).isEqualTo(2));
        Path txt = Files.writeString(dir.resolve("article.txt"), "TITLE: x\n\nbody");
        assertThatThrownBy(() -> load(a, txt)).hasMessageContaining("extract");
        assertThat(TdbStores.quadCount(dsg)).isZero();
    }

    @Test
    void foldersExpandToTheFilesTheyHold() throws IOException {
        variant("a", "A");
        variant("b", "B");
        LoadReport r = load(dir);
        assertThat(r.loaded()).isEqualTo(2);
    }

    @Test
    void parallelConversionWritesTheSameStoreAndReportsTheSameFailuresInTheSameOrder() throws IOException {
        Path corpus = dir.resolve("corpus.jsonl");
        java.io.StringWriter w = new java.io.StringWriter();
        org.conflictkg.synth.CorpusGenerator.create().seed(7).build().write(w, 0, 60);
        List<String> lines = new java.util.ArrayList<>(w.toString().lines().toList());
        lines.add(17, "{\"format\": \"conflict-kg/facts@1\"}");
        lines.add(40, lines.get(3)); // the same article twice
        Files.writeString(corpus, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);

        DatasetGraph sequential = TdbStores.createInMemory();
        DatasetGraph parallel = TdbStores.createInMemory();
        LoadReport one = StoreLoader.create(new TdbTarget(sequential, 3_000), Converters.standardInputs()).derivation(Stages.derivation()).workers(1)
                .build().load(List.of(corpus));
        LoadReport four = StoreLoader.create(new TdbTarget(parallel, 3_000), Converters.standardInputs()).derivation(Stages.derivation()).workers(4)
                .build().load(List.of(corpus));

        assertThat(one.loaded()).isEqualTo(60);
        assertThat(four.loaded()).isEqualTo(one.loaded());
        assertThat(four.quads()).isEqualTo(one.quads());
        assertThat(four.failures()).hasSize(2).isEqualTo(one.failures());
        Txn.executeRead(sequential, () -> Txn.executeRead(parallel, () -> {
            List<Node> names = new java.util.ArrayList<>();
            sequential.listGraphNodes().forEachRemaining(names::add);
            List<Node> others = new java.util.ArrayList<>();
            parallel.listGraphNodes().forEachRemaining(others::add);
            assertThat(others).containsExactlyInAnyOrderElementsOf(names);
            for (Node g : names) {
                assertThat(parallel.getGraph(g).isIsomorphicWith(sequential.getGraph(g))).as(g.toString()).isTrue();
            }
        }));
    }

    @Test
    void aTargetThatWritesConcurrentlyGetsItsBatchesOneAtATimeInOrderOffTheLoadersThread() throws IOException {
        Path corpus = dir.resolve("concurrent.jsonl");
        java.io.StringWriter w = new java.io.StringWriter();
        org.conflictkg.synth.CorpusGenerator.create().seed(5).build().write(w, 0, 40);
        Files.writeString(corpus, w.toString(), StandardCharsets.UTF_8);
        Thread loaderThread = Thread.currentThread();
        List<String> written = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger active = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean overlapped = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicBoolean onLoaderThread = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        LoadTarget target = new LoadTarget() {
            @Override
            public java.util.Map<String, String> storedHashes() {
                return java.util.Map.of();
            }

            @Override
            public void write(List<ArticleGraph> batch) {
                if (active.incrementAndGet() > 1) {
                    overlapped.set(true);
                }
                onLoaderThread.compareAndSet(false, Thread.currentThread() == loaderThread);
                try {
                    Thread.sleep(5);
                    if (calls.incrementAndGet() == 2) {
                        throw StoreException.failure("server said 500");
                    }
                    batch.forEach(a -> written.add(a.articleId()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    active.decrementAndGet();
                }
            }

            @Override
            public void derive(DerivedGraphUpdater derivation) {
            }

            @Override
            public boolean writesConcurrently() {
                return true;
            }

            @Override
            public int batchQuads() {
                return 2_000;
            }

            @Override
            public void close() {
            }
        };
        LoadReport r = StoreLoader.create(target, Converters.standardInputs(false)).derivation(null).build()
                .load(List.of(corpus));

        assertThat(overlapped).as("two writes at once").isFalse();
        assertThat(onLoaderThread).as("a write on the loader's own thread").isFalse();
        assertThat(calls.get()).isGreaterThan(3);
        assertThat(r.failures()).isNotEmpty().allSatisfy(f -> assertThat(f.problems().get(0)).contains("server said 500"));
        assertThat(r.loaded() + r.failures().size()).isEqualTo(40);
        List<String> ids = new java.util.ArrayList<>(written);
        assertThat(ids).hasSize(r.loaded()).isSorted().doesNotHaveDuplicates();
    }
}
