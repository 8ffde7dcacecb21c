package org.conflictkg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.conflictkg.ConflictKgException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code validate FACTS...}: schema and reference checks of facts documents. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks article facts: JSON syntax, fields and types, closed value lists, references",
                "between ids, dates, figures and evidence quotes against the article text.",
                "Prints every problem as FILE:LINE:COLUMN: /json/pointer: message. Exit 0 if all are valid, 2 if not."})
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FACTS", description = "Facts files (.json or .jsonl).")
    List<Path> inputs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FactsInputs.Check check = FactsInputs.check(inputs, err, f -> { });
        if (check.ok()) {
            out.println("ok: " + check.documents() + " document" + (check.documents() == 1 ? "" : "s") + " valid");
            out.flush();
            return 0;
        }
        err.println("error: " + check.bad() + " of " + check.documents() + " documents are invalid");
        err.flush();
        return ConflictKgException.BAD_INPUT;
    }
}
