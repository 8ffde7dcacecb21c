package org.conflictkg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** demo --temp, stopped with SIGTERM while it serves, leaves no temporary folder behind. */
class DemoSigtermTest {

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void sigtermWhileServingDeletesTheTemporaryStore(@TempDir Path tmp) throws Exception {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(javaBin.toString(), "-cp", System.getProperty("java.class.path"),
                "-Djava.io.tmpdir=" + tmp, Main.class.getName(), "demo", "--temp", "--port", "0")
                .redirectError(tmp.resolve("stderr.txt").toFile());
        Process p = pb.start();
        boolean serving = false;
        StringBuilder out = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                out.append(line).append('\n');
                if (line.strip().startsWith("SPARQL query:")) {
                    serving = true;
                    break;
                }
            }
            assertThat(serving).as(out + Files.readString(tmp.resolve("stderr.txt"))).isTrue();
            assertThat(folders(tmp)).as("the demo's store exists while it serves").isNotEmpty();
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        assertThat(folders(tmp)).isEmpty();
        assertThat(Files.readString(tmp.resolve("stderr.txt"))).doesNotContain("Shutdown in progress").doesNotContain("error");
    }

    private static List<Path> folders(Path tmp) throws Exception {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.filter(f -> f.getFileName().toString().startsWith("conflict-kg-")).toList();
        }
    }
}
