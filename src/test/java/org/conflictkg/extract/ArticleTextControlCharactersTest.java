package org.conflictkg.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.conflictkg.facts.ArticleFacts;
import org.conflictkg.facts.FactsReader;
import org.conflictkg.facts.FactsWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Control characters in an article become spaces as it is read: offsets stay, the draft reads back valid. */
class ArticleTextControlCharactersTest {
    @TempDir
    Path tmp;

    @Test
    void controlCharactersBecomeSpacesAndTheDraftReadsBackValid() throws Exception {
        String text = "TITLE: Rebels\u0017 take a town\nDATE: 2024-03-02\nPUBLISHER: Wire\u001b[31m\n\n"
                + "Rebels\u0000 captured\u0017the town of Saraqeb on Friday.\tThe army said it withdrew.\n";
        ArticleText a = ArticleText.parse("ctl", text, "ctl.txt");
        assertThat(a.title()).isEqualTo("Rebels  take a town");
        assertThat(a.publisher()).doesNotContain("\u001b");
        assertThat(a.body()).doesNotContainPattern("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f]")
                .contains("\t").startsWith("Rebels  captured the town");
        assertThat(a.body()).hasSize(text.substring(text.indexOf("\n\n") + 2).length());

        ArticleFacts facts = Extractor.builder().build().extract(a);
        Path out = tmp.resolve("ctl.json");
        Files.writeString(out, FactsWriter.toJson(facts));
        assertThat(FactsReader.read(out).article().text()).isEqualTo(a.body());
    }
}
