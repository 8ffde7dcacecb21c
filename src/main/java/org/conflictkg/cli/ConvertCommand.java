package org.conflictkg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.conflictkg.ConflictKgException;
import org.conflictkg.facts.FactsReader;
import org.conflictkg.facts.FactsFiles;
import org.conflictkg.rdf.FactsPipeline;
import org.conflictkg.rdf.RdfOutputLib;
import org.conflictkg.rdf.RdfOutputLib.Format;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code convert FACTS... [-o FILE] [--format trig|turtle|nquads|jsonld]}: facts to RDF. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Converts article facts to RDF (TriG, Turtle, N-Quads, ...).",
                "Reads facts@1 JSON, one document per file or JSON Lines, and writes one named graph per article "
                        + "plus the reference graph. Every input is validated; if any is bad, nothing is written and "
                        + "the exit code is 2."})
final class ConvertCommand extends KgCommand {

    @Mixin
    Summary.JsonOption json;


    @Parameters(arity = "1..*", paramLabel = "FACTS", description = "Facts files (.json or .jsonl).")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Output file (default: standard output). Written atomically; a device or FIFO is written to directly.")
    Path output;

    @Option(names = "--format", paramLabel = "FORMAT", converter = Candidates.RdfFormats.class,
            completionCandidates = Candidates.RdfFormats.class,
            description = "${COMPLETION-CANDIDATES}. Default: from the output file's extension, else trig. "
                    + "Turtle and N-Triples merge the graphs into one.")
    Format format;

    @Override
    public Integer call() {
        PrintWriter err = err();
        json.checkOutput(spec.commandLine(), output, "the RDF");
        if (output != null) {
            OutputPaths.file("-o", output);
        }
        Format fmt = format != null ? format : formatOf(output);
        Consumer<FactsReader.Parsed> report = parsed -> parsed.problems().forEach(err::println);
        FactsFiles.Summary summary;
        if (output == null || RdfOutputLib.isSpecialFile(output)) {
            // Standard output, a device or a FIFO cannot be taken back: validate everything first, then convert.
            FactsInputs.Check check = FactsInputs.check(inputs, err, f -> { });
            summary = new FactsFiles.Summary(check.documents(), check.bad());
            if (summary.ok() && output == null) {
                Outputs.bytes(out(), out -> RdfOutputLib.write(out, fmt,
                        sink -> FactsPipeline.create().build().convert(inputs, sink, p -> { })));
            } else if (summary.ok()) {
                RdfOutputLib.writeAtomically(output, fmt, sink -> FactsPipeline.create().build().convert(inputs, sink, p -> { }));
            }
        } else {
            // One pass: convert while validating into the temporary file, dropped if any input is bad.
            FactsFiles.Summary[] result = new FactsFiles.Summary[1];
            RdfOutputLib.writeAtomicallyIf(output, fmt, sink -> {
                result[0] = FactsPipeline.create().build().convert(inputs, sink, report);
                return result[0].ok();
            });
            summary = result[0];
        }
        if (!summary.ok()) {
            err.println("error: " + summary.bad() + " of " + summary.documents()
                    + " documents are invalid; nothing written");
            err.flush();
            return ConflictKgException.BAD_INPUT;
        }
        if (output != null) {
            Summary.of("convert").target(output)
                    .text("wrote " + summary.documents() + " article" + (summary.documents() == 1 ? "" : "s") + " ("
                            + fmt.name().toLowerCase(Locale.ROOT) + ")")
                    .put("articles", summary.documents()).put("format", fmt.name().toLowerCase(Locale.ROOT))
                    .print(out(), err, common, json);
        }
        err.flush();
        return 0;
    }

    /** The format an output file's extension names ({@link Format#forFileName}), TriG when it names none or there is no file. */
    static Format formatOf(Path output) {
        return output == null ? Format.TRIG : Format.forFileName(output.getFileName().toString()).orElse(Format.TRIG);
    }
}
