package org.conflictkg;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** GDAL's {@code ogrinfo} for the tests that prove GIS software opens our files. */
public final class GdalLib {
    private GdalLib() {}

    /**
     * Returns when {@code ogrinfo} runs; otherwise fails under {@code CI=true} (where {@code .ci/run}
     * installs Debian's gdal-bin) and skips the test elsewhere.
     */
    public static void requireOgrinfo() {
        if (!ogrinfoAvailable()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("ogrinfo (Debian gdal-bin) is required in CI; .ci/run installs it");
            }
            assumeTrue(false, "ogrinfo not installed");
        }
    }

    static boolean ogrinfoAvailable() {
        try {
            Process p = new ProcessBuilder("ogrinfo", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
