package org.conflictkg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.conflictkg.rdf.CKG;
import org.conflictkg.store.StoreMarks;
import org.conflictkg.store.TdbStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code link --db} derives again only what links change, the highways and their towns (their
 * geometry comes from the towns' coordinates), and the derived graph it leaves is the one a full
 * {@code derive} writes. On a store that owes a derivation it derives all of it and forgets the debt.
 */
class LinkDerivesHighwaysTest {
    static final String EXAMPLE = "examples/2020-01-31-newarab-saraqeb.facts.json";

    @TempDir
    Path tmp;

    @Test
    void linkGivesHighwaysTheirGeometryAndLeavesWhatAFullDerivationWrites() {
        Path db = tmp.resolve("kg");
        run("load", EXAMPLE, "--db", db.toString(), "--no-progress");
        Graph unlinked = StoreReads.derived(db);
        assertThat(count(unlinked, CKG.TimelinePeriod)).isPositive();
        assertThat(unlinked.find(Node.ANY, CKG.geo_asWKT, Node.ANY).toList()).as("no coordinates before linking").isEmpty();

        run("link", "--db", db.toString(), "--no-wikidata", "--no-progress");
        Graph linked = StoreReads.derived(db);
        assertThat(linked.find(Node.ANY, CKG.geo_asWKT, Node.ANY).toList()).as("the highways' routes").hasSize(2);
        assertThat(linked.isIsomorphicWith(unlinked)).isFalse();

        run("derive", "--db", db.toString(), "--no-progress");
        assertThat(StoreReads.derived(db).isIsomorphicWith(linked)).as("link's derived graph against a full derivation").isTrue();
    }

    @Test
    void linkOnAStoreThatOwesADerivationDerivesAllOfItAndForgetsTheDebt() {
        Path db = tmp.resolve("kg");
        run("load", EXAMPLE, "--db", db.toString(), "--no-progress", "--no-derive");
        assertThat(pending(db)).isTrue();
        assertThat(StoreReads.derived(db).isEmpty()).isTrue();

        run("link", "--db", db.toString(), "--no-wikidata", "--no-progress");
        assertThat(pending(db)).isFalse();
        Graph linked = StoreReads.derived(db);
        assertThat(count(linked, CKG.TimelinePeriod)).isPositive();

        run("derive", "--db", db.toString(), "--no-progress");
        assertThat(StoreReads.derived(db).isIsomorphicWith(linked)).isTrue();
    }

    private static void run(String... args) {
        CliRun r = CliRun.run(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.err()).isZero();
    }

    private static int count(Graph g, Node type) {
        return g.find(Node.ANY, RDF.type.asNode(), type).toList().size();
    }

    private static boolean pending(Path db) {
        DatasetGraph dsg = TdbStores.connectRaw(db);
        try {
            return StoreMarks.isDerivePending(dsg);
        } finally {
            TdbStores.release(dsg);
        }
    }
}
