package org.conflictkg;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A testing hook, not a user feature: named points in the store's write path where the crash
 * test stops the process dead, as {@code kill -9} would. The environment variable
 * {@code CONFLICT_KG_CRASH_AT=POINT:N} (or the system property {@code conflictkg.crashAt}) halts
 * the JVM ({@link Runtime#halt}: no shutdown hooks, no {@code finally}, nothing flushed that the
 * process had not already written) the {@code N}-th time the point {@code POINT} is reached.
 * Unset, every call is a comparison with null. See docs/store.md, "Crashes and full disks".
 */
public final class CrashPoints {
    private CrashPoints() {
    }

    /** Exit code of a halted process (as a process killed by SIGKILL reports it). */
    public static final int HALT_STATUS = 137;

    private static final String SPEC = spec();
    private static final String POINT = SPEC == null ? null : SPEC.substring(0, SPEC.lastIndexOf(':'));
    private static final int COUNT = SPEC == null ? 0 : Integer.parseInt(SPEC.substring(SPEC.lastIndexOf(':') + 1));
    private static final AtomicInteger REACHED = new AtomicInteger();

    private static String spec() {
        String s = System.getProperty("conflictkg.crashAt", System.getenv("CONFLICT_KG_CRASH_AT"));
        if (s == null || s.isBlank()) {
            return null;
        }
        s = s.strip().toLowerCase(Locale.ROOT);
        if (!s.matches("[a-z][a-z-]*:[1-9][0-9]{0,6}")) {
            throw new IllegalArgumentException("CONFLICT_KG_CRASH_AT: expected POINT:N, got " + s);
        }
        return s;
    }

    /** Halts the JVM if this is the configured point, reached for the configured time. */
    public static void reach(String point) {
        if (POINT != null && POINT.equals(point) && REACHED.incrementAndGet() == COUNT) {
            halt();
        }
    }

    /**
     * For a point inside work the code does not control (a library call): if {@code point} is the
     * configured one, a daemon thread polls {@code condition} and halts the JVM as soon as it holds.
     */
    public static void watch(String point, BooleanSupplier condition) {
        if (POINT == null || !POINT.equals(point)) {
            return;
        }
        Thread t = new Thread(() -> {
            while (!condition.getAsBoolean()) {
                Thread.onSpinWait();
            }
            halt();
        }, "crash-point-" + point);
        t.setDaemon(true);
        t.start();
    }

    private static void halt() {
        System.err.println("crash point " + SPEC + " reached");
        System.err.flush();
        Runtime.getRuntime().halt(HALT_STATUS);
    }
}
