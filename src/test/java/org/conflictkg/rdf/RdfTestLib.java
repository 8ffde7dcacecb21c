package org.conflictkg.rdf;

import java.nio.file.Path;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.conflictkg.facts.ArticleFacts;
import org.conflictkg.facts.FactsReader;

/** Test helpers: converting facts into an in-memory dataset. */
public final class RdfTestLib {
    public static final Path EXAMPLE = Path.of("examples/2020-01-31-newarab-saraqeb.facts.json");

    private RdfTestLib() {
    }

    public static DatasetGraph convert(ArticleFacts... docs) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        StreamRDF sink = StreamRDFLib.dataset(dsg);
        FactsToRdf converter = FactsToRdf.create().build();
        for (ArticleFacts f : docs) {
            converter.convert(f, sink);
        }
        return dsg;
    }

    public static DatasetGraph convert(Path facts) {
        return convert(FactsReader.read(facts));
    }

    /** A dataset whose default graph is the union of the named graphs, for queries without GRAPH. */
    public static Dataset unionDataset(DatasetGraph dsg) {
        DatasetGraph union = DatasetGraphFactory.wrap(dsg.getUnionGraph());
        return DatasetFactory.wrap(union);
    }
}
