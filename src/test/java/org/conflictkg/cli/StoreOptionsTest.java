package org.conflictkg.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.conflictkg.store.PasswordFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreOptionsTest {
    @TempDir
    Path dir;

    @Test
    void passwordAloneOrFromARealmLine() throws Exception {
        Path alone = PasswordFixture.write(dir.resolve("a"), "  p:w d  \n");
        assertThat(StoreOptions.password(alone, "loader")).isEqualTo("p:w d");
        Path realm = PasswordFixture.write(dir.resolve("r"), "admin: x\nloader: s3cret, writers\n");
        assertThat(StoreOptions.password(realm, "loader")).isEqualTo("s3cret");
        assertThatThrownBy(() -> StoreOptions.password(realm, "nobody")).hasMessageContaining("no line for user nobody");
        Path empty = PasswordFixture.write(dir.resolve("e"), "\n");
        assertThatThrownBy(() -> StoreOptions.password(empty, "u")).hasMessageContaining("empty");
        assertThatThrownBy(() -> StoreOptions.password(dir.resolve("missing"), "u")).hasMessageContaining("does not exist");
    }

    @Test
    void multiByteCharactersSplitAcrossWritesSurvive() throws Exception {
        StringWriter sw = new StringWriter();
        OutputStream os = Outputs.utf8(new PrintWriter(sw));
        byte[] bytes = "Sarāqib سراقب ✓".getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            os.write(b);
        }
        os.flush();
        assertThat(sw.toString()).isEqualTo("Sarāqib سراقب ✓");
        byte[] big = "é".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        StringWriter sw2 = new StringWriter();
        OutputStream os2 = Outputs.utf8(new PrintWriter(sw2));
        os2.write(big, 0, 8193);
        os2.write(big, 8193, big.length - 8193);
        os2.close();
        assertThat(sw2.toString()).isEqualTo("é".repeat(10_000));
    }
}
