package org.conflictkg.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.conflictkg.ConflictKgException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The password file cases of {@code src/test/resources/password-files}: each file's first line,
 * {@code # expect: ...}, says what reading it gives: {@code users NAME=PASSWORD...} (a server
 * file), {@code alone PASSWORD} (a client's password alone, which a server refuses) or
 * {@code error TEXT} (refused with one line naming the file).
 */
class PasswordFileTest {
    static final Path CASES = Path.of("src/test/resources/password-files");

    @TempDir
    Path dir;

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> s = Files.list(CASES)) {
            return s.filter(p -> p.toString().endsWith(".txt")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachCaseReadsAsExpected(Path source) throws IOException {
        Path file = PasswordFixture.write(dir.resolve(source.getFileName().toString()), "");
        Files.write(file, Files.readAllBytes(source));
        String first = Files.readString(source, StandardCharsets.UTF_8).replace("\uFEFF", "").lines().findFirst().orElseThrow();
        assertThat(first).startsWith("# expect: ");
        String expect = first.substring("# expect: ".length());
        String kind = expect.substring(0, expect.indexOf(' '));
        String arg = expect.substring(kind.length() + 1);
        switch (kind) {
            case "users" -> {
                PasswordFile pf = PasswordFile.read(file);
                Map<String, String> want = new LinkedHashMap<>();
                for (String pair : arg.split(" ")) {
                    want.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
                }
                Map<String, String> got = new LinkedHashMap<>();
                pf.serverUsers().forEach(u -> got.put(u.name(), u.password()));
                assertThat(got).containsExactlyEntriesOf(want);
                want.forEach((user, pw) -> assertThat(pf.passwordFor(user)).isEqualTo(pw));
                assertThatThrownBy(() -> pf.passwordFor("nobody")).hasMessageContaining("no line for user nobody");
                assertThatThrownBy(() -> pf.passwordFor(null)).hasMessageContaining("give --user");
            }
            case "alone" -> {
                PasswordFile pf = PasswordFile.read(file);
                assertThat(pf.passwordFor(null)).isEqualTo(arg);
                assertThat(pf.passwordFor("any")).isEqualTo(arg);
                assertThat(pf.users()).isEmpty();
                assertRefused(pf::serverUsers, file, "no 'user: password' line");
            }
            case "error" -> assertRefused(() -> PasswordFile.read(file), file, arg);
            default -> throw new AssertionError("unknown expectation " + first);
        }
    }

    @Test
    void theCaseFolderCoversEveryKind() throws IOException {
        assertThat(cases().map(p -> readFirst(p).split(" ")[2]).distinct()).contains("users", "alone", "error");
    }

    @Test
    void unusableFilesAreRefusedWithOneLine() throws IOException {
        assertRefused(() -> PasswordFile.read(dir), dir, "is a directory");
        Path missing = dir.resolve("missing");
        assertRefused(() -> PasswordFile.read(missing), missing, "does not exist");
        Path empty = PasswordFixture.write(dir.resolve("empty"), "");
        assertRefused(() -> PasswordFile.read(empty), empty, "is empty");
        Path latin1 = PasswordFixture.write(dir.resolve("latin1"), "");
        Files.write(latin1, "loader: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertRefused(() -> PasswordFile.read(latin1), latin1, "is not UTF-8");
    }

    @Test
    void filesOthersMayReadOrWriteAreRefused() throws IOException {
        Path file = PasswordFixture.write(dir.resolve("pw"), "loader: s3cret\n");
        assumeTrue(Files.getFileAttributeView(file, PosixFileAttributeView.class) != null, "no POSIX permissions here");
        assertThat(PasswordFile.read(file).passwordFor("loader")).isEqualTo("s3cret");
        for (String mode : new String[] {"rw-r--r--", "rw-r-----", "rw----r--", "rw--w----", "rw-----w-"}) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
            assertRefused(() -> PasswordFile.read(file), file, "may be read or written by other users (" + mode + "): run chmod 600");
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        assertThat(PasswordFile.read(file).passwordFor("loader")).isEqualTo("s3cret");
    }

    static void assertRefused(Runnable r, Path file, String text) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(StoreException.class, ex -> {
            assertThat(ex.exitCode()).isEqualTo(ConflictKgException.BAD_INPUT);
            assertThat(ex.getMessage()).startsWith("password file " + file).contains(text).doesNotContain("\n");
        });
    }

    static String readFirst(Path p) {
        try {
            return Files.readString(p).replace("\uFEFF", "").lines().findFirst().orElse("");
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
