package org.conflictkg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.apache.jena.riot.system.StreamRDF;
import org.conflictkg.rdf.RdfOutputLib;
import org.conflictkg.rdf.RdfOutputLib.Format;
import org.conflictkg.store.StoreExport;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code export (--db DIR | --endpoint URL) [--article ID] --format F [-o FILE]}: dump a store. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes the whole store, or one article's graph, as RDF.",
                "TriG, N-Quads and JSON-LD keep the named graphs; Turtle and N-Triples merge them into one."})
final class ExportCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Source source = new Source();

    static final class Source {
        @Option(names = "--db", paramLabel = "DIR", description = "TDB2 database folder (default: ./kg).")
        Path db;

        @Option(names = "--endpoint", paramLabel = "URL",
                description = "Graph Store Protocol read endpoint, e.g. http://127.0.0.1:3030/kg/get")
        String endpoint;
    }

    @Option(names = "--article", paramLabel = "ID", description = "Only this article's graph (its id or graph IRI).")
    String article;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "turtle, trig, nquads, ntriples or jsonld. Default: from the output file's extension, else trig.")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Output file (default: standard output). Written atomically.")
    Path output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Format fmt = ConvertCommand.chooseFormat(format, output, spec.commandLine());
        StoreExport export = source.endpoint != null ? StoreExport.endpoint(source.endpoint)
                : StoreExport.database(source.db != null ? source.db : StoreOptions.DEFAULT_DB);
        Consumer<StreamRDF> producer = article == null ? export::all : sink -> export.article(article, sink);
        if (output == null) {
            Outputs.bytes(out, os -> export.run(() -> RdfOutputLib.write(os, fmt, producer)));
        } else {
            export.run(() -> RdfOutputLib.writeAtomically(output, fmt, producer));
            err.println("wrote " + (article == null ? "the store" : "article " + article) + " to " + output + " ("
                    + fmt.name().toLowerCase(Locale.ROOT) + ")");
            err.flush();
        }
        return 0;
    }
}
