package org.conflictkg.facts;

import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * An ISO 8601 calendar date with reduced precision: a year ({@code 2019}), a month
 * ({@code 2020-01}) or a day ({@code 2020-01-29}). {@code month} and {@code day} are 0 when absent.
 */
public record ReducedDate(int year, int month, int day) implements Comparable<ReducedDate> {

    /** How much of the date is known. */
    public enum Precision { YEAR, MONTH, DAY }

    /** {@code YYYY[-MM[-DD]]}, four-digit years, strict calendar. */
    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4)
            .optionalStart().appendLiteral('-').appendValue(ChronoField.MONTH_OF_YEAR, 2)
            .optionalStart().appendLiteral('-').appendValue(ChronoField.DAY_OF_MONTH, 2)
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);

    public ReducedDate {
        if (month == 0 && day != 0) {
            throw new IllegalArgumentException("a day needs a month");
        }
        // Validates month and day ranges, leap years included.
        if (day != 0) {
            LocalDate.of(year, month, day);
        } else if (month != 0) {
            YearMonth.of(year, month);
        }
    }

    /**
     * Parses {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}.
     *
     * @throws IllegalArgumentException with a message saying what was expected
     */
    public static ReducedDate parse(String text) {
        ReducedDate plain = parsePlain(text);
        return plain != null ? plain : parseFormatted(text);
    }

    /** As {@link #parse}, by the formatter alone, for any text. */
    static ReducedDate parseFormatted(String text) {
        // Parsed without resolving, then checked by the constructor: no exception is thrown for a
        // valid date (DateTimeFormatter.parseBest throws one for each finer type a date is not,
        // which made reading a document with many month and year dates markedly slower).
        ParsePosition at = new ParsePosition(0);
        TemporalAccessor t = ISO.parseUnresolved(text, at);
        if (t == null || at.getErrorIndex() >= 0 || at.getIndex() != text.length()) {
            throw new IllegalArgumentException("expected an ISO date YYYY, YYYY-MM or YYYY-MM-DD, got " + Problem.quote(text));
        }
        try {
            return new ReducedDate(Math.toIntExact(t.getLong(ChronoField.YEAR)), field(t, ChronoField.MONTH_OF_YEAR),
                    field(t, ChronoField.DAY_OF_MONTH));
        } catch (DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException(Problem.quote(text) + " is not a calendar date"); // well formed
        }
    }

    /**
     * The date of a text of exactly the form {@code DDDD}, {@code DDDD-DD} or {@code DDDD-DD-DD}
     * (ASCII digits), read directly: the formatter gives the same date or the same error for
     * these, at many times the cost. Null for any other text, which the formatter reads.
     */
    private static ReducedDate parsePlain(String text) {
        int n = text.length();
        if (n != 4 && n != 7 && n != 10 || !digits(text, 0, 4)
                || n >= 7 && (text.charAt(4) != '-' || !digits(text, 5, 7))
                || n == 10 && (text.charAt(7) != '-' || !digits(text, 8, 10))) {
            return null;
        }
        int year = Integer.parseInt(text, 0, 4, 10);
        int month = n >= 7 ? Integer.parseInt(text, 5, 7, 10) : 0;
        int day = n == 10 ? Integer.parseInt(text, 8, 10, 10) : 0;
        // A month or day given as 00 is out of range, not absent.
        if (n >= 7 && month == 0 || n == 10 && day == 0) {
            throw new IllegalArgumentException(Problem.quote(text) + " is not a calendar date");
        }
        try {
            return new ReducedDate(year, month, day);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(Problem.quote(text) + " is not a calendar date");
        }
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A field's value as parsed, 0 when the text stops before it. */
    private static int field(TemporalAccessor t, ChronoField f) {
        return t.isSupported(f) ? f.checkValidIntValue(t.getLong(f)) : 0;
    }

    public static ReducedDate of(LocalDate date) {
        return new ReducedDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    public Precision precision() {
        return day != 0 ? Precision.DAY : month != 0 ? Precision.MONTH : Precision.YEAR;
    }

    /** The first day this date can mean. */
    public LocalDate firstDay() {
        return LocalDate.of(year, month == 0 ? 1 : month, day == 0 ? 1 : day);
    }

    /** The last day this date can mean. */
    public LocalDate lastDay() {
        if (day != 0) {
            return LocalDate.of(year, month, day);
        }
        if (month != 0) {
            return YearMonth.of(year, month).atEndOfMonth();
        }
        return LocalDate.of(year, 12, 31);
    }

    /** Orders by first day, then by precision (coarser first). */
    @Override
    public int compareTo(ReducedDate o) {
        int c = firstDay().compareTo(o.firstDay());
        return c != 0 ? c : lastDay().compareTo(o.lastDay()) * -1;
    }

    @Override
    public String toString() {
        if (year >= 0 && year <= 9999) {
            StringBuilder sb = new StringBuilder(10);
            pad(sb, year, 4);
            if (precision() != Precision.YEAR) {
                pad(sb.append('-'), month, 2);
            }
            if (precision() == Precision.DAY) {
                pad(sb.append('-'), day, 2);
            }
            return sb.toString();
        }
        return switch (precision()) {
            case YEAR -> String.format("%04d", year);
            case MONTH -> String.format("%04d-%02d", year, month);
            case DAY -> String.format("%04d-%02d-%02d", year, month, day);
        };
    }

    private static void pad(StringBuilder sb, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            sb.append('0');
        }
        sb.append(digits);
    }
}
