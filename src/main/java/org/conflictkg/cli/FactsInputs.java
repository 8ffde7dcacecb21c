package org.conflictkg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.conflictkg.facts.ArticleFacts;
import org.conflictkg.facts.FactsFiles;

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
     * Reads every document of every file, printing each problem to {@code err}, in input order;
     * valid documents go to {@code onValid}, on the calling thread, in order. Documents are parsed
     * and checked on worker threads ({@link FactsFiles}). A file that cannot be read or holds no
     * document counts as one bad document.
     */
    static Check check(List<Path> files, PrintWriter err, Consumer<ArticleFacts> onValid) {
        FactsFiles.Summary s = FactsFiles.create().build().read(files, parsed -> {
            parsed.problems().forEach(err::println);
            if (parsed.ok()) {
                onValid.accept(parsed.facts());
            }
        });
        err.flush();
        return new Check(s.documents(), s.bad());
    }
}
