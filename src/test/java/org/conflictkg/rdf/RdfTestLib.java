package org.conflictkg.rdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

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
    /** The shared dev set, when it sits beside the checkout. */
    public static final Path DEV = Path.of("../shared/eval/dev");

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

    /** The given facts files converted into one in-memory dataset. */
    public static DatasetGraph convert(List<Path> files) {
        return convert(files.stream().map(FactsReader::read).toArray(ArticleFacts[]::new));
    }

    public static DatasetGraph convertExample() {
        return convert(EXAMPLE);
    }

    /** The example, then the dev gold files when the shared dev set is present. */
    public static List<Path> goldFiles() {
        List<Path> files = new ArrayList<>(List.of(EXAMPLE));
        if (Files.isDirectory(DEV)) {
            try (Stream<Path> s = Files.list(DEV)) {
                s.filter(p -> p.toString().endsWith(".facts.json")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** A dataset whose default graph is the union of the named graphs, for queries without GRAPH. */
    public static Dataset unionDataset(DatasetGraph dsg) {
        DatasetGraph union = DatasetGraphFactory.wrap(dsg.getUnionGraph());
        return DatasetFactory.wrap(union);
    }
}
