package org.conflictkg.facts;

import java.time.LocalDate;

/**
 * When something happened: one reduced-precision date ({@code "2020-01"}), or an interval
 * ({@code {"from": ..., "to": ...}}) whose ends may be open ({@code null}).
 */
public record DateSpec(ReducedDate from, ReducedDate to, boolean interval) {

    public static DateSpec single(ReducedDate date) {
        return new DateSpec(date, date, false);
    }

    public static DateSpec between(ReducedDate from, ReducedDate to) {
        return new DateSpec(from, to, true);
    }

    /** The first day the date can mean, or null for an interval open at its start. */
    public LocalDate earliest() {
        return from == null ? null : from.firstDay();
    }

    /** The last day the date can mean, or null for an interval open at its end. */
    public LocalDate latest() {
        return to == null ? null : to.lastDay();
    }

    @Override
    public String toString() {
        return interval ? "{from: " + from + ", to: " + to + "}" : String.valueOf(from);
    }
}
