package org.conflictkg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.conflictkg.facts.ArticleFacts;
import org.conflictkg.facts.FactsException;
import org.conflictkg.facts.FactsReader;
import org.conflictkg.facts.Problem;

/** Reading facts files for commands: every problem printed, a count of bad documents kept. */
final class FactsInputs {
    private FactsInputs() {
    }

    /** Result of a validation pass over files. */
    record Check(int documents, int bad) {
        boolean ok() {
            return bad == 0 && documents > 0;
        }
    }

    /**
     * Reads every document of every file, printing each problem to {@code err}. Nothing is kept:
     * this is the first pass of two-pass commands, so that no output is written when any input is bad.
     */
    static Check check(List<Path> files, PrintWriter err, Consumer<ArticleFacts> onValid) {
        int[] counts = {0, 0};
        for (Path file : files) {
            int before = counts[0];
            try {
                FactsReader.readEach(file, parsed -> {
                    counts[0]++;
                    for (Problem p : parsed.problems()) {
                        err.println(p);
                    }
                    if (parsed.ok()) {
                        onValid.accept(parsed.facts());
                    } else {
                        counts[1]++;
                    }
                });
            } catch (FactsException e) {
                counts[0]++;
                counts[1]++;
                e.problems().forEach(err::println);
                continue;
            }
            if (counts[0] == before) {
                counts[0]++;
                counts[1]++;
                err.println(new Problem(Problem.Severity.ERROR, file.toString(), 0, 0, "",
                        "no facts document in file (it is empty)"));
            }
        }
        err.flush();
        return new Check(counts[0], counts[1]);
    }

    /** Sends every document of every file to {@code sink}; inputs must have passed {@link #check}. */
    static void each(List<Path> files, Consumer<ArticleFacts> sink) {
        for (Path file : files) {
            FactsReader.readEach(file, parsed -> {
                if (!parsed.ok()) {
                    throw new FactsException(parsed.problems());
                }
                sink.accept(parsed.facts());
            });
        }
    }
}
