package org.conflictkg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.conflictkg.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import picocli.CommandLine;

/** {@code --tiles URL}: a tile layer for the map, checked before anything is opened. */
class TilesOptionTest {

    @ParameterizedTest
    @ValueSource(strings = {"ftp://tiles.example.org/{z}/{x}/{y}.png", "https://tiles.example.org/tile.png",
            "tiles.example.org/{z}/{x}/{y}.png", "javascript:alert(1)//{z}{x}{y}"})
    void badTileUrlsAreUsageErrorsAndOpenNothing(String url, @TempDir Path tmp) {
        for (String command : new String[] {"serve", "demo"}) {
            StringWriter err = new StringWriter();
            CommandLine cl = Main.newCommandLine();
            cl.setOut(new PrintWriter(new StringWriter(), true));
            cl.setErr(new PrintWriter(err, true));
            Path db = tmp.resolve(command + "-kg");
            int code = cl.execute(command, "--db", db.toString(), "--tiles", url);
            assertThat(code).as(command).isEqualTo(2);
            assertThat(err.toString().lines().findFirst().orElse("")).contains("--tiles").contains(url);
            assertThat(db).doesNotExist();
        }
    }

    @Test
    void aTileLayerOpensTheImagePolicyToItsOriginOnly() {
        String url = "https://tiles.example.org:8443/osm/{z}/{x}/{y}.png";
        assertThat(MapPage.checkTiles(url)).isEqualTo(url);
        String csp = PageLib.contentSecurityPolicy(PageLib.origin(url));
        assertThat(csp).contains("img-src 'self' data: https://tiles.example.org:8443;")
                .contains("connect-src 'self';").contains("script-src 'self';");
        assertThat(PageLib.contentSecurityPolicy(null)).contains("img-src 'self' data:;");
        assertThatThrownBy(() -> MapPage.checkTiles("https://x.example/{z}/{y}.png"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
