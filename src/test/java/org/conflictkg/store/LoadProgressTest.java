package org.conflictkg.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class LoadProgressTest {
    @Test
    void terminalProgressShowsCountsRateAndEta() {
        StringWriter sw = new StringWriter();
        LoadProgress p = LoadProgress.terminal(new PrintWriter(sw));
        p.start(2);
        p.document();
        p.fileDone();
        p.document();
        p.fileDone();
        p.finish();
        String last = sw.toString().substring(sw.toString().lastIndexOf('\r') + 1);
        assertThat(last).contains("2/2 files").contains("2 docs").contains("docs/s").contains("ETA 0:00")
                .contains("[" + "#".repeat(30) + "]");
        assertThat(sw.toString()).endsWith("\n");
    }
}
