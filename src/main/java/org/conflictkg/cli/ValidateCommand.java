package org.conflictkg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.conflictkg.ConflictKgException;
import org.conflictkg.rdf.FactsToRdf;
import org.conflictkg.rdf.ShapesLib;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code validate FACTS...}: schema and reference checks of facts documents. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks article facts documents and their converted graphs.",
                "Checks JSON syntax, fields and types, closed value lists, references between ids, dates, figures and "
                        + "evidence quotes against the article text; then converts each valid document and checks the "
                        + "graph against the SHACL shapes (ontology/shapes.ttl). Prints every problem as "
                        + "FILE:LINE:COLUMN: /json/pointer: message. Exit 0 if all are valid, 2 if not."})
final class ValidateCommand extends KgCommand {

    @Mixin
    Summary.JsonOption json;


    @Parameters(arity = "1..*", paramLabel = "FACTS", description = "Facts files (.json or .jsonl).")
    List<Path> inputs;

    @Override
    public Integer call() {
        PrintWriter out = out();
        PrintWriter err = err();
        int[] shapeErrors = {0};
        FactsToRdf converter = FactsToRdf.create().build();
        FactsInputs.Check check = FactsInputs.check(inputs, err, facts -> {
            // The converted graph must conform to the shapes; a failure here is a converter bug
            // or a document the reader let through, and is reported like any other problem.
            DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
            converter.convert(facts, StreamRDFLib.dataset(dsg));
            ValidationReport report = ShapesLib.validate(dsg);
            if (!report.conforms()) {
                shapeErrors[0]++;
                for (String line : ShapesLib.describe(report)) {
                    err.println(facts.article().id() + ": shapes: " + line);
                }
            }
        });
        if (shapeErrors[0] > 0) {
            err.println("error: " + shapeErrors[0] + " converted documents do not conform to ontology/shapes.ttl");
            err.flush();
            return ConflictKgException.FAILURE;
        }
        if (check.ok()) {
            Summary.of("validate").text("ok: " + check.documents() + " document" + (check.documents() == 1 ? "" : "s")
                    + " valid").put("documents", check.documents()).put("invalid", 0).print(out, out, common, json);
            return 0;
        }
        err.println("error: " + check.bad() + " of " + check.documents() + " documents are invalid");
        err.flush();
        return ConflictKgException.BAD_INPUT;
    }
}
