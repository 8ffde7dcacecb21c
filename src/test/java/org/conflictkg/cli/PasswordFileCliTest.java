package org.conflictkg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.conflictkg.store.PasswordFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --update} and {@code load --endpoint} read a password file through the same parser:
 * unusable files stop both with one error line and exit 2, before a database is created or a
 * request is sent.
 */
class PasswordFileCliTest {
    static final String EXAMPLE = "examples/2020-01-31-newarab-saraqeb.facts.json";

    @TempDir
    Path tmp;

    /** Files neither command may accept, with what the error line must say. */
    List<String[]> badFiles() throws Exception {
        List<String[]> bad = new ArrayList<>();
        bad.add(new String[] {PasswordFixture.write(tmp.resolve("empty-password"), "admin:\n").toString(), "empty password"});
        bad.add(new String[] {PasswordFixture.write(tmp.resolve("empty"), "").toString(), "is empty"});
        Path dir = Files.createDirectory(tmp.resolve("a-folder"));
        bad.add(new String[] {dir.toString(), "is a directory"});
        Path open = Files.writeString(tmp.resolve("open"), "loader: s3cret\n");
        if (Files.getFileAttributeView(open, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
            bad.add(new String[] {open.toString(), "chmod 600"});
        }
        return bad;
    }

    @Test
    void serveRefusesUnusableFilesBeforeOpeningTheDatabase() throws Exception {
        List<String[]> bad = badFiles();
        bad.add(new String[] {PasswordFixture.write(tmp.resolve("alone"), "s3cret\n").toString(), "no 'user: password' line"});
        for (String[] b : bad) {
            Path db = tmp.resolve("never-created");
            CliRun r = CliRun.run("serve", "--db", db.toString(), "--port", "0", "--update", "--password-file", b[0]);
            assertThat(r.exitCode()).as(b[0] + ": " + r.err()).isEqualTo(2);
            assertThat(r.err().lines().toList()).as(b[0]).singleElement().asString()
                    .startsWith("error: password file " + b[0]).contains(b[1]);
            assertThat(db).as(b[0]).doesNotExist();
        }
    }

    @Test
    void serveTlsRefusesUnusablePasswordFilesAndKeystoresBeforeOpeningTheDatabase() throws Exception {
        Path keystore = org.conflictkg.server.TlsFixture.keystore(tmp.resolve("tls.p12"), "tls-s3cret");
        List<String[]> bad = badFiles();
        bad.add(new String[] {PasswordFixture.write(tmp.resolve("wrong"), "not-it\n").toString(), "wrong password"});
        for (String[] b : bad) {
            Path db = tmp.resolve("never-created");
            CliRun r = CliRun.run("serve", "--db", db.toString(), "--port", "0", "--tls", keystore.toString(),
                    "--tls-password-file", b[0]);
            assertThat(r.exitCode()).as(b[0] + ": " + r.err()).isEqualTo(2);
            assertThat(r.err().lines().toList()).as(b[0]).singleElement().asString().startsWith("error: ").contains(b[1]);
            assertThat(db).as(b[0]).doesNotExist();
        }
        CliRun alone = CliRun.run("serve", "--db", tmp.resolve("never-created").toString(), "--port", "0", "--tls",
                keystore.toString());
        assertThat(alone.exitCode()).isEqualTo(2);
        assertThat(alone.err()).contains("--tls needs --tls-password-file");
    }

    @Test
    void aFileStartingWithAByteOrderMarkNamesItsUser() throws Exception {
        Path pw = PasswordFixture.write(tmp.resolve("bom"), "");
        Files.write(pw, ("\uFEFFloader: s3cret\n").getBytes(StandardCharsets.UTF_8));
        assertThat(StoreOptions.password(pw, "loader")).isEqualTo("s3cret");
    }

    @Test
    void loadRefusesTheSameFilesBeforeSendingAnything() throws Exception {
        for (String[] b : badFiles()) {
            // port 9 (discard) is never a SPARQL server: reaching it would fail differently (exit 1)
            CliRun r = CliRun.run("load", EXAMPLE, "--endpoint", "http://127.0.0.1:9/kg", "--user", "admin",
                    "--password-file", b[0], "--no-progress", "--retries", "1");
            assertThat(r.exitCode()).as(b[0] + ": " + r.err()).isEqualTo(2);
            assertThat(r.err().lines().filter(l -> l.startsWith("error:")).toList()).as(b[0]).singleElement().asString()
                    .startsWith("error: password file " + b[0]).contains(b[1]);
        }
    }
}
