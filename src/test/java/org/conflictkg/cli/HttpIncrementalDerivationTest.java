package org.conflictkg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.exec.http.GSP;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.conflictkg.http.HttpAuth;
import org.conflictkg.rdf.CKG;
import org.conflictkg.server.KgServer;
import org.conflictkg.store.PasswordFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A load into a server that already has a derived graph derives only the places its articles
 * name, in the versions written and in those they replace, deleting their old parts by SPARQL
 * Update; the derived graph it leaves is the one a full derivation of the same articles writes.
 */
class HttpIncrementalDerivationTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void aSecondLoadDerivesTheTouchedPlacesAndEndsAsAFullDerivation() throws Exception {
        Path corpus = tmp.resolve("corpus");
        run("generate", "-n", "30", "--files", "3", "-o", corpus.toString(), "-q");
        List<Path> files;
        try (Stream<Path> s = Files.list(corpus)) {
            files = s.sorted().toList();
        }
        assertThat(files).hasSize(3);
        // The first article of the first file, changed: its place is now the place of the first
        // article of the third file. The old place loses reports, the new one gains them.
        Path changed = tmp.resolve("changed.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(files.get(0), StandardCharsets.UTF_8));
        String otherPlace = lastPlaceGeonames(Files.readAllLines(files.get(2), StandardCharsets.UTF_8).get(0));
        ObjectNode first = (ObjectNode) JSON.readTree(lines.get(0));
        ObjectNode village = (ObjectNode) first.get("places").get(first.get("places").size() - 1);
        String oldPlace = village.get("geonames").asText();
        assertThat(oldPlace).isNotEqualTo(otherPlace);
        village.put("geonames", otherPlace);
        lines.set(0, JSON.writeValueAsString(first));
        Files.write(changed, lines, StandardCharsets.UTF_8);

        Path passwords = PasswordFixture.write(tmp.resolve("passwords"), "loader: pw-for-tests\n");
        try (KgServer server = KgServer.create().database(tmp.resolve("served")).port(0).ui(false).update(true)
                .passwordFile(passwords).build().start()) {
            load(server, passwords, files.get(0), files.get(1)); // derives in full: no derived graph yet
            Node marker = NodeFactory.createURI("https://w3id.org/conflict-kg/derived/test-marker");
            Graph mark = GraphFactory.createDefaultGraph();
            mark.add(Triple.create(marker, RDF.type.asNode(), CKG.Disagreement));
            try (HttpAuth auth = HttpAuth.register("loader", "pw-for-tests", server.datasetUrl() + "/data")) {
                GSP.service(server.datasetUrl() + "/data").graphName(CKG.GRAPH_DERIVED).POST(mark);
            }

            CliRun second = load(server, passwords, changed, files.get(2));
            assertThat(second.out() + second.err()).contains("11 loaded").contains("9 unchanged");

            Graph served = GSP.service(server.datasetUrl() + "/get").graphName(CKG.GRAPH_DERIVED).GET();
            assertThat(served.contains(marker, RDF.type.asNode(), CKG.Disagreement))
                    .as("a part no touched place owns is left alone (a full derivation deletes the graph first)").isTrue();
            served.delete(marker, RDF.type.asNode(), CKG.Disagreement);
            assertThat(served.find(Node.ANY, CKG.territory, NodeFactory.createURI(
                    "https://w3id.org/conflict-kg/place/geonames/" + otherPlace)).toList()).isNotEmpty();

            Path embedded = tmp.resolve("embedded");
            run("load", changed.toString(), files.get(1).toString(), files.get(2).toString(), "--db", embedded.toString(),
                    "--no-progress");
            Graph full = StoreReads.derived(embedded);
            assertThat(served.isIsomorphicWith(full)).as("the derived graph of a full derivation").isTrue();
        }
    }

    /** The GeoNames id of the last place an article's facts list (the town or village it is about). */
    private static String lastPlaceGeonames(String line) throws Exception {
        var places = JSON.readTree(line).get("places");
        return places.get(places.size() - 1).get("geonames").asText();
    }

    private static CliRun load(KgServer server, Path passwords, Path... files) {
        List<String> args = new ArrayList<>(List.of("load"));
        for (Path f : files) {
            args.add(f.toString());
        }
        args.addAll(List.of("--endpoint", server.datasetUrl(), "--user", "loader", "--password-file", passwords.toString(),
                "--no-progress", "--retries", "3"));
        CliRun r = CliRun.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r;
    }

    private static void run(String... args) {
        CliRun r = CliRun.run(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.err()).isZero();
    }
}
