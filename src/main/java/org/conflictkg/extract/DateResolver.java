package org.conflictkg.extract;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.conflictkg.facts.DateSpec;
import org.conflictkg.facts.ReducedDate;

/**
 * Finds date expressions and resolves them against the publication date: weekdays ("on Wednesday",
 * "late on Monday": the latest such day on or before publication), relative periods ("this week",
 * "last month", "over the past three days", "in recent weeks", "at the weekend"), seasons ("spring
 * last year"), months with or without day or year ("Feb. 6", "8 February 2020", "mid-December",
 * "early April"), years ("in 2015", "early 2014") and "since X" (X to publication).
 */
public final class DateResolver {
    private static final String MONTH = "(January|February|March|April|May|June|July|August|September|October|November"
            + "|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)";
    private static final String WEEKDAY = "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
    private static final String NUMBER = "(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d{1,3})";

    /** A rule, tried only on text containing one of its cue words (lower case). */
    private record Rule(Pattern pattern, String[] cues, BiFunction<Matcher, LocalDate, DateSpec> resolve) {
    }

    private static final List<Rule> RULES = new ArrayList<>();

    private static final String[] MONTH_CUES = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
        "nov", "dec"};
    private static final String[] DIGITS = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};

    private static void rule(String regex, BiFunction<Matcher, LocalDate, DateSpec> f) {
        rule(regex, null, f);
    }

    private static void rule(String regex, String[] cues, BiFunction<Matcher, LocalDate, DateSpec> f) {
        RULES.add(new Rule(Pattern.compile("(?<![\\w-])(?:" + regex + ")(?![\\w])", Pattern.CASE_INSENSITIVE), cues, f));
    }

    static {
        // day ranges: "between 21 January and 25 January", "from 3 to 5 March"
        rule("between (\\d{1,2}) " + MONTH + "(?: (\\d{4}))? and (\\d{1,2}) " + MONTH + "(?: (\\d{4}))?", DIGITS,
                (m, pub) -> span(day(pub, m.group(2), m.group(1), m.group(3)), day(pub, m.group(5), m.group(4), m.group(6))));
        rule("between (?-i:" + MONTH + ") (\\d{1,2}) and (?-i:" + MONTH + ") (\\d{1,2})(?:,? (\\d{4}))?", DIGITS,
                (m, pub) -> span(day(pub, m.group(1), m.group(2), m.group(5)), day(pub, m.group(3), m.group(4), m.group(5))));
        rule("(?:between|from) (\\d{1,2}) (?:and|to) (\\d{1,2}) " + MONTH + "(?: (\\d{4}))?", DIGITS,
                (m, pub) -> span(day(pub, m.group(3), m.group(1), m.group(4)), day(pub, m.group(3), m.group(2), m.group(4))));
        // explicit days: "8 February 2020", "February 8, 2020", "Feb. 6", "on January 20"
        rule("(\\d{1,2}) " + MONTH + "(?:,? (\\d{4}))?", DIGITS, (m, pub) -> day(pub, m.group(2), m.group(1), m.group(3)));
        rule("(?-i:" + MONTH + ") (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?", DIGITS, (m, pub) ->
                day(pub, m.group(1), m.group(2), m.group(3)));
        // months: "mid-December", "early April", "the start of September", "May 2015", "May last year"
        rule("(early |late |mid-|mid |the (?:start|beginning|end|middle) of )?(?-i:" + MONTH + ")"
                + "(?: (\\d{4})| (last|this) year)?(?![ ]\\d)", MONTH_CUES, DateResolver::month);
        // seasons: "spring last year", "in the spring", "summer of 2019"
        // ("the fall of X" is a place falling, not autumn: "fall" is a season only before a year or after "in")
        rule("(?:the )?(spring|summer|autumn|(?<=\\bin (?:the )?)fall(?! of (?!\\d))|fall(?= (?:of \\d{4}|last year|this year))|winter)"
                + "(?: (last|this) year| of (\\d{4}))?",
                new String[] {"spring", "summer", "autumn", "fall", "winter"}, DateResolver::season);
        // years: "early 2014", "in 2016" (a bare number needs a time word before it)
        rule("(early |late |mid-|the end of |the start of )(\\d{4})", DIGITS, (m, pub) -> year(m.group(2)));
        rule("(?<=\\b(?:in|since|until|of|from|by|before|after|to|during) )(\\d{4})(?![,.]\\d)",
                DIGITS, (m, pub) -> year(m.group(1)));
        // weekdays: "on Wednesday", "late on Monday", "earlier on Sunday", "Thursday night"
        rule("(?:(?:late|early|earlier|later) )?(?:on )?(?-i:" + WEEKDAY + ")(?: (?:night|morning|evening|afternoon))?",
                new String[] {"day"}, (m, pub) -> single(weekday(pub, m.group(1))));
        rule("today|this (?:morning|afternoon|evening)|tonight", new String[] {"today", "this ", "tonight"}, (m, pub) -> single(pub));
        rule("yesterday|last night", new String[] {"yesterday", "last night"}, (m, pub) -> single(pub.minusDays(1)));
        rule("overnight", new String[] {"overnight"}, (m, pub) -> DateSpec.between(ReducedDate.of(pub.minusDays(1)), ReducedDate.of(pub)));
        rule("(?:earlier )?this week", new String[] {"week"}, (m, pub) -> range(monday(pub), pub));
        rule("earlier in the week|earlier this week", new String[] {"week"}, (m, pub) -> range(monday(pub), pub.minusDays(1)));
        rule("last week", new String[] {"week"}, (m, pub) -> range(monday(pub).minusWeeks(1), monday(pub).minusDays(1)));
        rule("(?:at|over) the weekend|this weekend|last weekend", new String[] {"weekend"}, (m, pub) -> {
            LocalDate sun = pub.getDayOfWeek() == DayOfWeek.SUNDAY ? pub
                    : pub.with(TemporalAdjusters.previous(DayOfWeek.SUNDAY));
            return range(sun.minusDays(1), sun);
        });
        rule("(?:earlier )?this month", new String[] {"month"}, (m, pub) -> single(new ReducedDate(pub.getYear(), pub.getMonthValue(), 0)));
        rule("last month", new String[] {"month"}, (m, pub) -> {
            YearMonth ym = YearMonth.from(pub).minusMonths(1);
            return single(new ReducedDate(ym.getYear(), ym.getMonthValue(), 0));
        });
        rule("(?:earlier )?this year", new String[] {"year"}, (m, pub) -> single(new ReducedDate(pub.getYear(), 0, 0)));
        rule("last year", new String[] {"year"}, (m, pub) -> single(new ReducedDate(pub.getYear() - 1, 0, 0)));
        rule("(?:(?:over|in|during|for) )?the (?:past|last) (?:" + NUMBER + " )?(hour|day|week|month|year)s?( and a half)?",
                new String[] {"past", "last"}, (m, pub) -> {
                    int n = m.group(1) == null ? 1 : number(m.group(1));
                    LocalDate from = back(pub, n, m.group(2), m.group(3) != null);
                    return range(from, pub);
                });
        rule("in recent (days|weeks|months)", new String[] {"recent"}, (m, pub) -> range(switch (m.group(1).toLowerCase(Locale.ROOT)) {
            case "days" -> pub.minusDays(7);
            case "weeks" -> pub.minusWeeks(4);
            default -> pub.minusMonths(3);
        }, pub));
        rule(NUMBER + " (day|week|month|year)s? ago", new String[] {" ago"}, (m, pub) ->
                single(back(pub, number(m.group(1)), m.group(2), false)));
    }

    /** "since" before a date, also "since the offensive began on" / "since the war started in". */
    private static final Pattern SINCE = Pattern.compile(
            "\\b(?:since|from) (?:the )?(?:[a-z]+ (?:began|started|was launched|broke out) (?:on |in )?)?$",
            Pattern.CASE_INSENSITIVE);

    private DateResolver() {
    }

    /** Date expressions in {@code text} (a sentence or a body) starting at offset {@code base}, in order, not overlapping. */
    public static List<DateMention> find(String text, int base, LocalDate published) {
        List<DateMention> all = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        for (Rule r : RULES) {
            if (r.cues != null && !containsAny(lower, r.cues)) {
                continue;
            }
            Matcher m = r.pattern.matcher(text);
            while (m.find()) {
                DateSpec spec;
                try {
                    spec = r.resolve.apply(m, published);
                } catch (RuntimeException e) {
                    continue; // not a calendar date ("31 February")
                }
                if (spec == null) {
                    continue;
                }
                int s = m.start();
                String before = text.substring(Math.max(0, s - 40), s);
                Matcher sm = SINCE.matcher(before);
                boolean since = false;
                if (sm.find()) {
                    s = s - (before.length() - sm.start());
                    since = true;
                    spec = DateSpec.between(spec.from(), ReducedDate.of(published));
                }
                all.add(new DateMention(new Span(base + s, base + m.end()), text.substring(s, m.end()), spec, since));
            }
        }
        all.sort(Comparator.comparingInt((DateMention d) -> -d.span().length()).thenComparingInt(d -> d.span().start()));
        List<DateMention> kept = new ArrayList<>();
        for (DateMention d : all) {
            if (kept.stream().noneMatch(k -> k.span().overlaps(d.span()))) {
                kept.add(d);
            }
        }
        kept.sort(Comparator.comparingInt(d -> d.span().start()));
        return kept;
    }

    private static boolean containsAny(String text, String[] cues) {
        for (String c : cues) {
            if (text.contains(c)) {
                return true;
            }
        }
        return false;
    }

    /** Resolves a whole expression, e.g. "late on Monday"; null when it is not a date expression. */
    public static DateMention resolve(String expression, LocalDate published) {
        for (DateMention d : find(expression, 0, published)) {
            if (d.span().start() == 0 && d.span().end() == expression.length()) {
                return d;
            }
        }
        return null;
    }

    /** The latest {@code weekday} on or before {@code pub}. */
    static LocalDate weekday(LocalDate pub, String weekday) {
        DayOfWeek d = DayOfWeek.valueOf(weekday.toUpperCase(Locale.ROOT));
        return pub.with(TemporalAdjusters.previousOrSame(d));
    }

    private static LocalDate monday(LocalDate pub) {
        return pub.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static DateSpec single(LocalDate d) {
        return DateSpec.single(ReducedDate.of(d));
    }

    private static DateSpec single(ReducedDate d) {
        return DateSpec.single(d);
    }

    /** The interval from the start of {@code a} to the end of {@code b}; null if it runs backwards. */
    private static DateSpec span(DateSpec a, DateSpec b) {
        if (a.earliest().isAfter(b.latest())) {
            return null;
        }
        return DateSpec.between(a.from(), b.to());
    }

    private static DateSpec range(LocalDate from, LocalDate to) {
        return DateSpec.between(ReducedDate.of(from), ReducedDate.of(to));
    }

    private static DateSpec year(String y) {
        int year = Integer.parseInt(y);
        return year < 1900 || year > 2100 ? null : single(new ReducedDate(year, 0, 0));
    }

    static Month monthOf(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace(".", "");
        for (Month mo : Month.values()) {
            if (mo.name().toLowerCase(Locale.ROOT).startsWith(n.length() >= 3 ? n.substring(0, 3) : n)) {
                return mo;
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** The year of the latest {@code month} on or before publication. */
    private static int yearOf(Month month, LocalDate pub) {
        return month.getValue() <= pub.getMonthValue() ? pub.getYear() : pub.getYear() - 1;
    }

    private static DateSpec day(LocalDate pub, String monthName, String dayText, String yearText) {
        Month mo = monthOf(monthName);
        int d = Integer.parseInt(dayText);
        int y;
        if (yearText != null) {
            y = Integer.parseInt(yearText);
        } else {
            y = pub.getYear();
            if (LocalDate.of(y, mo, d).isAfter(pub.plusDays(7))) {
                y--;
            }
        }
        return single(LocalDate.of(y, mo, d));
    }

    private static DateSpec month(Matcher m, LocalDate pub) {
        String mod = m.group(1) == null ? "" : m.group(1).toLowerCase(Locale.ROOT).strip();
        Month mo = monthOf(m.group(2));
        int y;
        if (m.group(3) != null) {
            y = Integer.parseInt(m.group(3));
        } else if (m.group(4) != null) {
            y = m.group(4).equalsIgnoreCase("last") ? pub.getYear() - 1 : pub.getYear();
        } else {
            y = yearOf(mo, pub);
        }
        if (mod.startsWith("mid") || mod.contains("middle")) {
            return single(LocalDate.of(y, mo, 15));
        }
        if (mod.contains("start") || mod.contains("beginning")) {
            return single(LocalDate.of(y, mo, 1));
        }
        return single(new ReducedDate(y, mo.getValue(), 0));
    }

    private static DateSpec season(Matcher m, LocalDate pub) {
        int first = switch (m.group(1).toLowerCase(Locale.ROOT)) {
            case "spring" -> 3;
            case "summer" -> 6;
            case "winter" -> 12;
            default -> 9;
        };
        int y;
        if (m.group(3) != null) {
            y = Integer.parseInt(m.group(3));
        } else if (m.group(2) != null) {
            y = m.group(2).equalsIgnoreCase("last") ? pub.getYear() - 1 : pub.getYear();
        } else {
            y = first <= pub.getMonthValue() ? pub.getYear() : pub.getYear() - 1;
        }
        YearMonth from = YearMonth.of(y, first);
        YearMonth to = from.plusMonths(2);
        return DateSpec.between(new ReducedDate(from.getYear(), from.getMonthValue(), 0),
                new ReducedDate(to.getYear(), to.getMonthValue(), 0));
    }

    private static LocalDate back(LocalDate pub, int n, String unit, boolean andAHalf) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "hour" -> pub.minusDays((n + 23) / 24);
            case "day" -> pub.minusDays(n);
            case "week" -> pub.minusDays(7L * n + (andAHalf ? 3 : 0));
            case "month" -> pub.minusMonths(n).minusDays(andAHalf ? 15 : 0);
            default -> pub.minusYears(n).minusMonths(andAHalf ? 6 : 0);
        };
    }

    static int number(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "a", "an", "one" -> 1;
            case "two" -> 2;
            case "three" -> 3;
            case "four" -> 4;
            case "five" -> 5;
            case "six" -> 6;
            case "seven" -> 7;
            case "eight" -> 8;
            case "nine" -> 9;
            case "ten" -> 10;
            case "eleven" -> 11;
            case "twelve" -> 12;
            default -> Integer.parseInt(word);
        };
    }
}
