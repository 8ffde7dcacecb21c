package org.conflictkg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** extract's files get the permissions any new file of the user gets, as convert's do (not owner-only). */
class OutputPermissionsTest {

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void extractAndConvertWriteFilesLikeAnyNewFile(@TempDir Path tmp) throws Exception {
        Set<PosixFilePermission> usual = Files.getPosixFilePermissions(Files.createFile(tmp.resolve("plain")));
        Path facts = tmp.resolve("drafted.json");
        CliRun extract = CliRun.run("extract", "examples/2020-01-31-newarab-saraqeb.txt", "-o", facts.toString());
        assertThat(extract.exitCode()).as(extract.err()).isZero();
        assertThat(extract.err()).contains("extracted 1 article").endsWith("-> " + facts + System.lineSeparator());
        Path rdf = tmp.resolve("out.trig");
        assertThat(CliRun.run("convert", "examples/2020-01-31-newarab-saraqeb.facts.json", "-o", rdf.toString())
                .exitCode()).isZero();
        assertThat(Files.getPosixFilePermissions(facts)).isEqualTo(usual).isEqualTo(Files.getPosixFilePermissions(rdf));
        try (var s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
        }
    }
}
