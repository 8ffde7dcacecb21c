package org.conflictkg.bench;

import java.util.Locale;

/**
 * One measured ratio: ours against a baseline of the same run, and the goal it is held to.
 *
 * @param name     short name, one word with hyphens (used in the {@code RATIO} line)
 * @param ours     what we measured, as printed in the table (with unit)
 * @param baseline what the baseline measured, as printed in the table (with unit)
 * @param ratio    the ratio, oriented so that the goal reads {@code ratio OP goal}
 * @param atLeast  true if the goal is {@code ratio >= goal}, false if {@code ratio <= goal}
 * @param goal     the goal
 * @param note     what the ratio means, or why it is missing
 */
public record Result(String name, String ours, String baseline, double ratio, boolean atLeast, double goal,
                     String note) {

    public boolean met() {
        return atLeast ? ratio >= goal : ratio <= goal;
    }

    /** The goal as printed: {@code >=0.5} or {@code <=2}. */
    public String goalText() {
        return (atLeast ? ">=" : "<=") + number(goal);
    }

    /** {@code RATIO <name> <measured> <goal>}: one line a script can read. */
    public String ratioLine() {
        return "RATIO " + name + " " + number(ratio) + " " + goalText();
    }

    static String number(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e9) {
            return Long.toString((long) d);
        }
        return String.format(Locale.ROOT, Math.abs(d) >= 100 ? "%.0f" : Math.abs(d) >= 10 ? "%.1f" : "%.3f", d);
    }
}
