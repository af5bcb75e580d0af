package io.mnemograph.recall;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the time words of a question ("yesterday", "last week", "in May 2023", "two years ago" …) as an event-time
 * window, relative to the moment of asking. Pure: the same text and moment always give the same window. Calendar
 * units are taken in UTC; weeks start on Monday. When a question holds several time words, the first one counts.
 */
public final class TimeWords {

    /**
     * An event-time window, {@code from} inclusive and {@code to} exclusive, with a label for reasons
     * ("May 2023", "last week (2024-06-17..2024-06-23)").
     */
    public record Window(Instant from, Instant to, String label) {
        /** Whether {@code t} lies in the window. */
        public boolean contains(Instant t) {
            return t != null && !t.isBefore(from) && t.isBefore(to);
        }
    }

    private static final String MONTHS = "january|february|march|april|may|june|july|august|september|october"
            + "|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";
    private static final String WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
    private static final String COUNT = "\\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
            + "|a couple of|couple of";
    /** A preposition before a date, taken into the match so that "in May 2023" is read whole, not as "in May". */
    private static final String ON = "(?:(?:in|on|during)\\s+)?";
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("a", 1), Map.entry("an", 1),
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("a couple of", 2), Map.entry("couple of", 2));

    private record Rule(Pattern pattern, Function<Context, Window> window) {
    }

    private record Context(Matcher m, LocalDate today) {
        String g(int i) {
            return m.group(i);
        }
    }

    private static final List<Rule> RULES = List.of(
            rule(ON + "(\\d{4})-(\\d{2})-(\\d{2})", c -> day(LocalDate.of(num(c.g(1)), num(c.g(2)), num(c.g(3))), null)),
            rule("(?:the\\s+)?day\\s+before\\s+yesterday", c -> day(c.today().minusDays(2), "the day before yesterday")),
            rule("yesterday|last\\s+night", c -> day(c.today().minusDays(1), c.g(0))),
            rule("today|tonight|this\\s+(?:morning|afternoon|evening)", c -> day(c.today(), c.g(0))),
            rule("(?:a\\s+)?few\\s+days\\s+ago", c -> span(c.today().minusDays(6), c.today().minusDays(1),
                    "a few days ago")),
            rule("(" + COUNT + ")\\s+(day|week|month|year)s?\\s+ago", TimeWords::ago),
            rule("(this|last|past|previous)\\s+(week|month|year|weekend)", TimeWords::thisOrLast),
            rule("(last|on)\\s+(" + WEEKDAYS + ")", TimeWords::weekday),
            rule(ON + "(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(" + MONTHS + ")\\.?,?\\s+(\\d{4})",
                    c -> day(LocalDate.of(num(c.g(3)), month(c.g(2)), num(c.g(1))), null)),
            rule(ON + "(" + MONTHS + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})",
                    c -> day(LocalDate.of(num(c.g(3)), month(c.g(1)), num(c.g(2))), null)),
            rule(ON + "(" + MONTHS + ")\\.?,?\\s+(?:of\\s+)?(\\d{4})", c -> month(YearMonth.of(num(c.g(2)), month(c.g(1))))),
            // A month name alone only after a preposition: "may" is also a verb.
            rule("(in|during|last|this)\\s+(" + MONTHS + ")", TimeWords::monthAlone),
            rule(ON + "((?:19|20)\\d{2})", c -> span(LocalDate.of(num(c.g(1)), 1, 1),
                    LocalDate.of(num(c.g(1)), 12, 31), c.g(1))));

    private TimeWords() {
    }

    /** The window named by the first time word of {@code text}, read relative to {@code at}; empty if none. */
    public static Optional<Window> find(String text, Instant at) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        LocalDate today = LocalDate.ofInstant(at, ZoneOffset.UTC);
        Window best = null;
        int bestStart = Integer.MAX_VALUE;
        int bestLength = 0;
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(lower);
            while (m.find()) {
                int length = m.end() - m.start();
                // The leftmost time word wins; at the same place the longer reading ("May 2023" over "May").
                if (m.start() < bestStart || (m.start() == bestStart && length > bestLength)) {
                    Window w = safely(rule, m, today);
                    if (w != null) {
                        best = w;
                        bestStart = m.start();
                        bestLength = length;
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static Window safely(Rule rule, Matcher m, LocalDate today) {
        try {
            return rule.window().apply(new Context(m, today));
        } catch (DateTimeException | ArithmeticException e) {
            return null; // "31 February 2023" or a count too large: not a time word after all
        }
    }

    private static Rule rule(String regex, Function<Context, Window> window) {
        return new Rule(Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + regex + ")(?![\\p{L}\\p{N}])"), window);
    }

    private static Window ago(Context c) {
        String n = c.g(1).replaceAll("\\s+", " ");
        int count = NUMBERS.containsKey(n) ? NUMBERS.get(n) : num(n);
        LocalDate t = c.today();
        String label = c.g(0).replaceAll("\\s+", " ");
        return switch (c.g(2)) {
            case "day" -> day(t.minusDays(count), label);
            case "week" -> week(t.minusWeeks(count), label);
            case "month" -> labelled(month(YearMonth.from(t).minusMonths(count)), label);
            default -> labelled(year(t.getYear() - count), label);
        };
    }

    private static Window thisOrLast(Context c) {
        boolean last = !c.g(1).equals("this");
        LocalDate t = c.today();
        String label = c.g(1) + " " + c.g(2);
        return switch (c.g(2)) {
            case "week" -> week(last ? t.minusWeeks(1) : t, label);
            case "month" -> labelled(month(last ? YearMonth.from(t).minusMonths(1) : YearMonth.from(t)), label);
            case "year" -> labelled(year(last ? t.getYear() - 1 : t.getYear()), label);
            default -> {
                // The weekend that ended most recently before today ("this weekend" on a weekend: the current one).
                LocalDate saturday = t.with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
                if (last && !t.isAfter(saturday.plusDays(1))) {
                    saturday = saturday.minusWeeks(1);
                }
                yield span(saturday, saturday.plusDays(1), label);
            }
        };
    }

    private static Window weekday(Context c) {
        DayOfWeek d = DayOfWeek.valueOf(c.g(2).toUpperCase(Locale.ROOT));
        LocalDate day = c.g(1).equals("last") ? c.today().with(TemporalAdjusters.previous(d))
                : c.today().with(TemporalAdjusters.previousOrSame(d));
        return day(day, c.g(0).replaceAll("\\s+", " "));
    }

    private static Window monthAlone(Context c) {
        Month month = month(c.g(2));
        YearMonth now = YearMonth.from(c.today());
        YearMonth ym = YearMonth.of(now.getYear(), month);
        // Questions are about the past: the latest such month not after this one ("last May" in May: a year ago).
        if (ym.isAfter(now) || (c.g(1).equals("last") && ym.equals(now))) {
            ym = ym.minusYears(1);
        }
        return month(ym);
    }

    private static Window day(LocalDate d, String label) {
        return new Window(start(d), start(d.plusDays(1)), label == null ? d.toString() : label + " (" + d + ")");
    }

    private static Window week(LocalDate inWeek, String label) {
        LocalDate monday = inWeek.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return span(monday, monday.plusDays(6), label);
    }

    private static Window month(YearMonth ym) {
        String name = ym.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        return new Window(start(ym.atDay(1)), start(ym.plusMonths(1).atDay(1)), name + " " + ym.getYear());
    }

    private static Window year(int y) {
        return new Window(start(LocalDate.of(y, 1, 1)), start(LocalDate.of(y + 1, 1, 1)), Integer.toString(y));
    }

    private static Window labelled(Window w, String label) {
        return new Window(w.from(), w.to(), label + " (" + w.label() + ")");
    }

    /** The days first..last, both included. */
    private static Window span(LocalDate first, LocalDate last, String label) {
        String days = first.equals(last) ? first.toString() : first + ".." + last;
        return new Window(start(first), start(last.plusDays(1)),
                label.matches("\\d{4}") ? label : label + " (" + days + ")");
    }

    private static Instant start(LocalDate d) {
        return d.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static int num(String s) {
        return Integer.parseInt(s);
    }

    private static Month month(String name) {
        String n = name.length() > 3 ? name.substring(0, 3) : name;
        for (Month m : Month.values()) {
            if (m.name().toLowerCase(Locale.ROOT).startsWith(n)) {
                return m;
            }
        }
        throw new DateTimeException("no month " + name);
    }
}
