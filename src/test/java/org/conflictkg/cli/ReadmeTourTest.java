package org.conflictkg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Every command shown in a README code block (any block but {@code text} ones: diagrams and
 * listings) is one that scripts/readme-tour runs, in the same order (CI runs the tour itself): a
 * command added in a block the tour does not read fails here.
 */
class ReadmeTourTest {
    /** Lines of any code block that look like a command a user types. */
    private static final Pattern COMMAND = Pattern.compile("^(bin/|scripts/|bench/|\\./|mvn |java |curl ).*");
    /** Commands the tour leaves out on purpose, as the script says. */
    private static final Pattern SKIPPED = Pattern.compile("^bin/test(\\s.*)?$");

    static List<String> readmeCommands() throws IOException {
        List<String> commands = new ArrayList<>();
        boolean inBlock = false;
        boolean text = false;
        for (String line : Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8)) {
            if (line.startsWith("```")) {
                inBlock = !inBlock;
                text = inBlock && line.substring(3).strip().equals("text"); // diagrams, listings
                continue;
            }
            if (text) {
                continue;
            }
            String cmd = line.replaceFirst("\\s+#.*$", "").strip();
            if (inBlock && COMMAND.matcher(cmd).matches() && !SKIPPED.matcher(cmd).matches()) {
                commands.add(cmd);
            }
        }
        return commands;
    }

    @Test
    void theTourRunsEveryCommandOfTheReadmeInOrder() throws Exception {
        Process p = new ProcessBuilder("bash", "scripts/readme-tour", "--list").redirectErrorStream(true).start();
        String listed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(listed).isZero();
        List<String> tour = listed.lines().map(String::strip).toList();
        List<String> readme = readmeCommands();
        assertThat(readme).as("the README shows commands").isNotEmpty();
        assertThat(tour).containsExactlyElementsOf(readme);
    }
}
