package org.conflictkg.rdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.conflictkg.facts.FactsReader;

/** Shared fixtures of the rdf tests: the example and the dev gold facts, converted. */
final class RdfTestLib {
    private RdfTestLib() {
    }

    static final Path EXAMPLE = Path.of("examples/2020-01-31-newarab-saraqeb.facts.json");
    static final Path DEV = Path.of("../shared/eval/dev");

    /** The example, then the dev gold files when the shared dev set sits beside the checkout. */
    static List<Path> goldFiles() {
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

    /** The given facts files converted into one in-memory dataset. */
    static DatasetGraph convert(List<Path> files) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        FactsToRdf converter = FactsToRdf.create().build();
        for (Path f : files) {
            converter.convert(FactsReader.read(f), StreamRDFLib.dataset(dsg));
        }
        return dsg;
    }

    static DatasetGraph convertExample() {
        return convert(List.of(EXAMPLE));
    }
}
