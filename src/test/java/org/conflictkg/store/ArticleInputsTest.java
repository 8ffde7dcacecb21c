package org.conflictkg.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files a folder expands to: facts over the text of the same name, drafts kept for review left out. */
class ArticleInputsTest {

    private static final ArticleInputs INPUTS = ArticleInputs.create()
            .facts(new SimpleTestConverter()).articles((file, sink) -> { }).build();

    private static List<String> names(Path dir, List<Path> files) {
        return files.stream().map(f -> dir.relativize(f).toString().replace('\\', '/')).toList();
    }

    @Test
    void aReviewFolderExpandsToItsReviewedDocumentsOnly(@TempDir Path dir) throws IOException {
        for (String name : new String[] {
                "a.txt", "a.draft.json", "a.json",     // reviewed: the reviewed document only
                "b.txt", "b.draft.json",               // not reviewed yet: nothing
                "c.txt",                               // plain text: extracted
                "d.facts.json", "d.txt",               // curated facts win over their text
                "sub/e.html", "sub/e.DRAFT.JSON"}) {   // in a sub-folder, whatever the case
            Path f = dir.resolve(name);
            Files.createDirectories(f.getParent());
            Files.writeString(f, "{}");
        }
        List<String> notes = new ArrayList<>();
        List<Path> files = INPUTS.expand(List.of(dir), notes::add);
        assertThat(names(dir, files)).containsExactly("a.json", "c.txt", "d.facts.json");
        assertThat(notes).containsExactlyInAnyOrder(
                dir.resolve("a.txt") + ": skipped, the facts document of the same name beside it is loaded instead",
                dir.resolve("b.txt") + ": skipped, its draft b.draft.json is not reviewed yet (no b.json beside it)",
                dir.resolve("d.txt") + ": skipped, the facts document of the same name beside it is loaded instead",
                dir.resolve("sub/e.html") + ": skipped, its draft e.DRAFT.JSON is not reviewed yet (no e.json beside it)");
    }

    @Test
    void aFileNamedOnItsOwnIsAlwaysRead(@TempDir Path dir) throws IOException {
        Path draft = Files.writeString(dir.resolve("b.draft.json"), "{}");
        Path text = Files.writeString(dir.resolve("b.txt"), "x");
        List<String> notes = new ArrayList<>();
        assertThat(INPUTS.expand(List.of(draft, text), notes::add)).containsExactly(draft, text);
        assertThat(notes).isEmpty();
    }
}
