package io.mnemograph.memory;

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
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the time expressions of a text ("last Friday", "two weeks ago", "next month", "on 7 May 2023", "the week
 * before Easter" …) and resolves each against the moment the text was said into the span of days it names. Pure and
 * deterministic: the same text and moment always give the same spans. Calendar units are taken in UTC; weeks start on
 * Monday; seasons are meteorological (summer = June to August).
 *
 * <p>One rule table serves two readings. A {@link Reading#QUESTION question} is about the past: "on Friday" is the
 * latest Friday, "in May" the latest May. A {@link Reading#STATEMENT statement} (a memory's content) can also speak of
 * the future: "next month", "tomorrow", "this weekend" (the coming or current one), and "on Friday", "in May", "on the
 * 15th" resolve forward when the clause says so ("will", "'ll", "going to" …). What only looks like a time is left
 * alone: "last but not least", "the second time", "I may go", "we march on", "one day", "2019 people" (a bare year
 * counts only after in/since/during/of … in a statement).
 */
public final class TimeExpressions {

    /** How a text is read: a question looks back; a statement may look ahead. */
    public enum Reading { QUESTION, STATEMENT }

    /**
     * A time expression found at [{@code start}, {@code end}) of the text, the span it names, and a label for reasons
     * ("May 2023", "last week (2024-06-17..2024-06-23)").
     */
    public record Found(int start, int end, TimeSpan span, String label) {
    }

    /** What a rule read: the span, its label, and where the expression ends when it reaches past the match (or -1). */
    private record Hit(LocalDate first, LocalDate end, String label, int reach) {
    }

    /**
     * A rule: its pattern, what it reads, and its clues: words of which the lower-cased text must hold one for the
     * pattern to have a chance (a whole word, or the start of a word when the clue ends with '*'). Every match of the
     * pattern holds one of its clues so. Most texts name no time; the clues spare them two dozen regex scans (~10 % of
     * ingest).
     */
    private record Rule(List<String> clues, Pattern pattern, Function<Ctx, Hit> read) {
        /** Whether the text holds a clue; {@code seen} remembers the answer for clue lists that rules share. */
        boolean mayMatch(String lower, Map<List<String>, Boolean> seen) {
            Boolean known = seen.get(clues);
            if (known != null) {
                return known;
            }
            boolean holds = holds(lower);
            seen.put(clues, holds);
            return holds;
        }

        private boolean holds(String lower) {
            for (String clue : clues) {
                if (holdsWord(lower, clue)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean holdsWord(String text, String clue) {
            boolean start = clue.endsWith("*");
            String word = start ? clue.substring(0, clue.length() - 1) : clue;
            for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
                int end = at + word.length();
                if ((at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
                        && (start || end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
                    return true;
                }
            }
            return false;
        }
    }

    private record Ctx(Matcher m, String lower, String original, LocalDate today, Reading reading, boolean anchor) {
        String g(int i) {
            return m.group(i);
        }

        String words() {
            return g(0).replaceAll("\\s+", " ");
        }

        boolean statement() {
            return reading == Reading.STATEMENT;
        }

        /** A statement whose clause speaks of the future: "on Friday" is then the coming Friday. */
        boolean forward() {
            if (!statement()) {
                return false;
            }
            int from = m.start();
            while (from > 0 && ".!?;\n".indexOf(lower.charAt(from - 1)) < 0) {
                from--;
            }
            int to = m.end();
            while (to < lower.length() && ".!?;\n".indexOf(lower.charAt(to)) < 0) {
                to++;
            }
            return FUTURE.matcher(lower.substring(from, to)).find();
        }

        /** Whether the original text writes group {@code i} with a capital letter ("May", not "may"). */
        boolean capital(int i) {
            return Character.isUpperCase(original.charAt(m.start(i)));
        }
    }

    private static final Pattern FUTURE = Pattern.compile("(?<![\\p{L}])(?:will|won't|shall|(?:i|you|we|he|she|they|it)"
            + "['’]ll|going to|gonna|plan(?:s|ning)? to|intend(?:s)? to|hope to|about to|can't wait|looking forward"
            + "|scheduled|upcoming)(?![\\p{L}])");

    private static final String MONTHS = "january|february|march|april|may|june|july|august|september|october"
            + "|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";
    private static final String WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
    private static final String COUNT = "\\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
            + "|a couple of|couple of";
    private static final String SEASONS = "spring|summer|autumn|fall|winter";
    private static final String HOLIDAYS = "easter(?:\\s+sunday)?|christmas(?:\\s+(?:eve|day))?"
            + "|new\\s+year['’]?s\\s+(?:eve|day)|halloween|thanksgiving|valentine['’]?s\\s+day";
    /** A preposition before a date, taken into the match so that "in May 2023" is read whole, not as "in May". */
    private static final String ON = "(?:(?:in|on|during)\\s+)?";
    /** The time of day an ISO date may carry ("2023-05-07T10:00:00Z"): read, and dropped (spans are whole days). */
    private static final String CLOCK = "(?:t\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:z|[+-]\\d{2}:?\\d{2})?)?";
    /** Words after "the 15th" that make it an ordinal, not a day of the month. */
    private static final String NOT_A_DAY = "time|times|century|floor|row|place|grade|street|avenue|attempt|try"
            + "|round|edition|birthday|anniversary|percentile|day|week|month|year|person|one|of\\s+(?!" + MONTHS + ")";
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("a", 1), Map.entry("an", 1),
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("a couple of", 2), Map.entry("couple of", 2));

    /** A number: the expressions with digits start one at a word's start. */
    private static final List<String> DIGIT = List.of("0*", "1*", "2*", "3*", "4*", "5*", "6*", "7*", "8*", "9*");
    /** The names in MONTHS, each a whole word wherever a rule reads one. */
    private static final List<String> MONTH = List.of(MONTHS.split("\\|"));

    private static final List<Rule> RULES = List.of(
            rule(DIGIT, ON + "(\\d{4})-(\\d{2})-(\\d{2})" + CLOCK,
                    c -> day(LocalDate.of(num(c.g(1)), num(c.g(2)), num(c.g(3))), null)),
            rule(List.of("yesterday"), "(?:the\\s+)?day\\s+before\\s+yesterday",
                    c -> day(c.today().minusDays(2), "the day before yesterday")),
            rule(List.of("tomorrow"), "(?:the\\s+)?day\\s+after\\s+tomorrow",
                    c -> day(c.today().plusDays(2), "the day after tomorrow")),
            rule(List.of("yesterday", "last"), "yesterday|last\\s+night", c -> day(c.today().minusDays(1), c.words())),
            rule(List.of("tomorrow"), "tomorrow", c -> day(c.today().plusDays(1), c.words())),
            rule(List.of("today", "tonight", "this"),
                    "today|tonight|this\\s+(?:morning|afternoon|evening)", c -> day(c.today(), c.words())),
            rule(List.of("ago"), "(?:a\\s+)?few\\s+(day|week|month)s\\s+ago", TimeExpressions::fewAgo),
            rule(List.of("ago"), "(" + COUNT + ")\\s+(day|week|month|year)s?\\s+ago", TimeExpressions::ago),
            rule(List.of("week", "weekend", "month", "year"),
                    "(this|last|past|previous|next|coming)\\s+(week|month|year|weekend)", TimeExpressions::thisOrLast),
            rule(List.of("before"), "the\\s+(week|month|year)\\s+before\\s+last", TimeExpressions::beforeLast),
            rule(List.of("before", "after"),
                    "(?:the|last)\\s+(day|week|weekend|month|year)\\s+(before|after)(?=\\s)", TimeExpressions::relative),
            rule(List.of(WEEKDAYS.split("\\|")), "(last|on|this|next)\\s+(" + WEEKDAYS + ")", TimeExpressions::weekday),
            rule(MONTH,
                    ON + "(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(" + MONTHS + ")\\.?,?\\s+(\\d{4})",
                    c -> day(LocalDate.of(num(c.g(3)), month(c.g(2)), num(c.g(1))), null)),
            rule(MONTH, ON + "(" + MONTHS + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})",
                    c -> day(LocalDate.of(num(c.g(3)), month(c.g(1)), num(c.g(2))), null)),
            rule(MONTH, ON + "(" + MONTHS + ")\\.?,?\\s+(?:of\\s+)?(\\d{4})",
                    c -> month(YearMonth.of(num(c.g(2)), month(c.g(1))), null)),
            rule(MONTH, ON + "(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(of\\s+)?(" + MONTHS + ")(?![\\s,]+\\d)",
                    c -> dayOfMonth(c, 3, num(c.g(1)), c.g(2) != null)),
            rule(MONTH, ON + "(" + MONTHS + ")\\.?\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:])",
                    c -> dayOfMonth(c, 1, num(c.g(2)), false)),
            // A month name alone only after a preposition: "may" and "march" are also verbs.
            rule(MONTH,
                    "(in|during|last|this|next|early|late|mid)(?:\\s+|-)(" + MONTHS + ")", TimeExpressions::monthAlone),
            rule(DIGIT, "(?:on|by|until|since|from)\\s+the\\s+(\\d{1,2})(?:st|nd|rd|th)(?!\\s+(?:" + NOT_A_DAY + "))",
                    TimeExpressions::nth),
            rule(List.of("spring", "summer", "autumn", "fall", "winter"),
                    "(?:(this|last|next|in|during|over)\\s+)?(?:the\\s+)?(" + SEASONS + ")(?:\\s+(?:of\\s+)?(\\d{4}))?",
                    TimeExpressions::season),
            rule(List.of("easter", "christmas", "new", "halloween", "thanksgiving", "valentine*"),
                    "(?:(last|next|this|at|on|over|for|during|around|since|until|by)\\s+)?(" + HOLIDAYS
                    + ")(?:\\s+(?:of\\s+)?(\\d{4}))?", TimeExpressions::holiday),
            rule(DIGIT, "(?:the\\s+)?((?:19|20)\\d)0['’]?s", c -> {
                int y = num(c.g(1)) * 10;
                return new Hit(LocalDate.of(y, 1, 1), LocalDate.of(y + 10, 1, 1), c.words() + " (" + y + "s)", -1);
            }),
            rule(DIGIT, "(?:(in|on|during|since|of|from|until|till|by|before|after)\\s+)?((?:19|20)\\d{2})",
                    TimeExpressions::year));

    private TimeExpressions() {
    }

    /** Every time expression of {@code text}, in order and not overlapping, read relative to {@code at}. */
    public static List<Found> all(String text, Instant at, Reading reading) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        // Lower-casing can change the length of some scripts' letters; then the lower-case text stands for both.
        String original = lower.length() == text.length() ? text : lower;
        LocalDate today = LocalDate.ofInstant(at, ZoneOffset.UTC);
        List<Found> hits = new ArrayList<>();
        Map<List<String>, Boolean> seen = new IdentityHashMap<>();
        for (Rule rule : RULES) {
            if (!rule.mayMatch(lower, seen)) {
                continue;
            }
            Matcher m = rule.pattern().matcher(lower);
            while (m.find()) {
                Found f = found(rule, m, lower, original, today, reading, false);
                if (f != null) {
                    hits.add(f);
                }
            }
        }
        // The leftmost expression wins; at the same place the longer reading ("May 2023" over "May").
        hits.sort(Comparator.comparingInt(Found::start).thenComparing(f -> f.start() - f.end()));
        List<Found> out = new ArrayList<>();
        int reached = 0;
        for (Found f : hits) {
            if (f.start() >= reached) {
                out.add(f);
                reached = f.end();
            }
        }
        return out;
    }

    /** The spans a memory's content talks about, resolved against when it was said (its occurredAt). */
    public static List<TimeSpan> mentions(String content, Instant occurredAt) {
        return all(content, occurredAt, Reading.STATEMENT).stream().map(Found::span).toList();
    }

    private static Found found(Rule rule, Matcher m, String lower, String original, LocalDate today, Reading reading,
                               boolean anchor) {
        Hit h;
        try {
            h = rule.read().apply(new Ctx(m, lower, original, today, reading, anchor));
        } catch (DateTimeException | ArithmeticException e) {
            return null; // "31 February 2023" or a count too large: not a time after all
        }
        if (h == null) {
            return null;
        }
        int end = h.reach() < 0 ? m.end() : h.reach();
        String words = original.substring(m.start(), end).replaceAll("\\s+", " ")
                .replaceFirst("^(?i:in|on|during|since|of|from|until|till|by|at|over|for|around) ", "");
        return new Found(m.start(), end, new TimeSpan(words, start(h.first()), start(h.end())), h.label());
    }

    /** The longest expression that starts exactly at {@code pos} (the anchor of "the week before …"), or null. */
    private static Found at(Ctx c, int pos) {
        Found best = null;
        for (Rule rule : RULES) {
            if (!rule.mayMatch(c.lower(), new IdentityHashMap<>())) {
                continue;
            }
            Matcher m = rule.pattern().matcher(c.lower());
            m.region(pos, c.lower().length());
            if (m.lookingAt()) {
                Found f = found(rule, m, c.lower(), c.original(), c.today(), c.reading(), true);
                if (f != null && (best == null || f.end() > best.end())) {
                    best = f;
                }
            }
        }
        return best;
    }

    private static Rule rule(List<String> clues, String regex, Function<Ctx, Hit> read) {
        return new Rule(clues, Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + regex + ")(?![\\p{L}\\p{N}])"), read);
    }

    // ---- the rules ----

    private static Hit ago(Ctx c) {
        String n = c.g(1).replaceAll("\\s+", " ");
        int count = NUMBERS.containsKey(n) ? NUMBERS.get(n) : num(n);
        LocalDate t = c.today();
        String label = c.words();
        return switch (c.g(2)) {
            case "day" -> day(t.minusDays(count), label);
            case "week" -> week(t.minusWeeks(count), label);
            case "month" -> month(YearMonth.from(t).minusMonths(count), label);
            default -> year(t.getYear() - count, label);
        };
    }

    private static Hit fewAgo(Ctx c) {
        LocalDate t = c.today();
        return switch (c.g(1)) {
            case "day" -> span(t.minusDays(6), t.minusDays(1), c.words());
            case "week" -> span(monday(t.minusWeeks(4)), monday(t.minusWeeks(2)).plusDays(6), c.words());
            default -> span(YearMonth.from(t).minusMonths(4).atDay(1), YearMonth.from(t).minusMonths(2).atEndOfMonth(),
                    c.words());
        };
    }

    private static Hit thisOrLast(Ctx c) {
        String which = c.g(1);
        int shift = switch (which) {
            case "this" -> 0;
            case "next", "coming" -> 1;
            default -> -1;
        };
        LocalDate t = c.today();
        String label = c.words();
        return switch (c.g(2)) {
            case "week" -> week(t.plusWeeks(shift), label);
            case "month" -> month(YearMonth.from(t).plusMonths(shift), label);
            case "year" -> year(t.getYear() + shift, label);
            default -> {
                LocalDate saturday;
                if (shift < 0) {
                    // The weekend that ended most recently before today.
                    saturday = t.with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
                    if (!t.isAfter(saturday.plusDays(1))) {
                        saturday = saturday.minusWeeks(1);
                    }
                } else if (shift == 0 && !c.statement()) {
                    // A question looks back: the latest weekend begun ("this weekend" on a weekend: the current one).
                    saturday = t.with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
                } else {
                    // Said on a weekday, "this weekend" is the coming one; said on a weekend, the current one.
                    saturday = t.getDayOfWeek() == DayOfWeek.SUNDAY ? t.minusDays(1)
                            : t.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
                    if (which.equals("next")) {
                        saturday = saturday.plusWeeks(1);
                    }
                }
                yield span(saturday, saturday.plusDays(1), label);
            }
        };
    }

    private static Hit beforeLast(Ctx c) {
        LocalDate t = c.today();
        return switch (c.g(1)) {
            case "week" -> week(t.minusWeeks(2), c.words());
            case "month" -> month(YearMonth.from(t).minusMonths(2), c.words());
            default -> year(t.getYear() - 2, c.words());
        };
    }

    /** "the week before Easter", "the day after 5 May 2023": relative to the expression that follows. */
    private static Hit relative(Ctx c) {
        if (c.anchor()) {
            return null;
        }
        int pos = c.m().end();
        while (pos < c.lower().length() && Character.isWhitespace(c.lower().charAt(pos))) {
            pos++;
        }
        Found anchor = at(c, pos);
        if (anchor == null) {
            return null;
        }
        LocalDate from = LocalDate.ofInstant(anchor.span().from(), ZoneOffset.UTC);
        LocalDate to = LocalDate.ofInstant(anchor.span().to(), ZoneOffset.UTC);
        boolean before = c.g(2).equals("before");
        LocalDate first;
        LocalDate end;
        switch (c.g(1)) {
            case "day" -> {
                first = before ? from.minusDays(1) : to;
                end = first.plusDays(1);
            }
            case "week" -> {
                first = before ? from.minusWeeks(1) : to;
                end = first.plusWeeks(1);
            }
            case "weekend" -> {
                first = before ? from.minusDays(2).with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY))
                        : to.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
                end = first.plusDays(2);
            }
            case "month" -> {
                first = before ? from.minusMonths(1) : to;
                end = first.plusMonths(1);
            }
            default -> {
                first = before ? from.minusYears(1) : to;
                end = first.plusYears(1);
            }
        }
        String label = (c.words() + " " + anchor.span().text()).replaceAll("\\s+", " ");
        return new Hit(first, end, label + " (" + days(first, end) + ")", anchor.end());
    }

    private static Hit weekday(Ctx c) {
        DayOfWeek d = DayOfWeek.valueOf(c.g(2).toUpperCase(Locale.ROOT));
        LocalDate t = c.today();
        LocalDate day = switch (c.g(1)) {
            case "last" -> t.with(TemporalAdjusters.previous(d));
            case "next" -> t.with(TemporalAdjusters.next(d));
            // "this Friday": the Friday of this week, whether it is still to come or already past.
            case "this" -> c.statement() ? monday(t).plusDays(d.getValue() - 1L)
                    : t.with(TemporalAdjusters.previousOrSame(d));
            default -> c.forward() ? t.with(TemporalAdjusters.nextOrSame(d)) : t.with(TemporalAdjusters.previousOrSame(d));
        };
        return day(day, c.words());
    }

    private static Hit monthAlone(Ctx c) {
        if (verb(c.g(2)) && !c.capital(2) && !c.g(1).equals("in") && !c.g(1).equals("during")) {
            return null; // "this may take long", "the last march": verbs and nouns; "in may", "this May": months
        }
        Month month = month(c.g(2));
        YearMonth now = YearMonth.from(c.today());
        YearMonth ym = YearMonth.of(now.getYear(), month);
        String which = c.g(1);
        if (which.equals("next")) {
            return month(ym.isAfter(now) ? ym : ym.plusYears(1), null);
        }
        if (c.statement() && (which.equals("this") || (c.forward() && !which.equals("last")))) {
            return month(ym.isBefore(now) && !which.equals("this") ? ym.plusYears(1) : ym, null);
        }
        // Otherwise the latest such month not after this one ("last May" in May: a year ago).
        if (ym.isAfter(now) || (which.equals("last") && ym.equals(now))) {
            ym = ym.minusYears(1);
        }
        return month(ym, null);
    }

    /** "7 May", "May 7th", "the 15th of May": the latest such day not after today, or the next when ahead. */
    private static Hit dayOfMonth(Ctx c, int monthGroup, int dayOfMonth, boolean of) {
        String name = c.g(monthGroup);
        if (verb(name) && !of && !c.capital(monthGroup)
                && !c.g(0).matches("(?:in|on|during)\\s.*")) {
            return null; // "I may 2" is no date; "May 2" and "the 2nd of may" are
        }
        Month month = month(name);
        LocalDate t = c.today();
        boolean forward = c.forward();
        for (int k = 0; k < 9; k++) {
            int year = t.getYear() + (forward ? k : -k);
            if (dayOfMonth > month.length(java.time.Year.isLeap(year))) {
                continue;
            }
            LocalDate d = LocalDate.of(year, month, dayOfMonth);
            if (forward ? !d.isBefore(t) : !d.isAfter(t)) {
                return day(d, c.words());
            }
        }
        return null;
    }

    /** "on the 15th": the latest 15th not after today (this month's when it has come), or the next when ahead. */
    private static Hit nth(Ctx c) {
        int n = num(c.g(1));
        if (n < 1 || n > 31) {
            return null;
        }
        boolean forward = c.forward();
        YearMonth ym = YearMonth.from(c.today());
        for (int k = 0; k < 12; k++, ym = forward ? ym.plusMonths(1) : ym.minusMonths(1)) {
            if (n <= ym.lengthOfMonth()) {
                LocalDate d = ym.atDay(n);
                if (forward ? !d.isBefore(c.today()) : !d.isAfter(c.today())) {
                    return day(d, c.words());
                }
            }
        }
        return null;
    }

    /** Month names that are also everyday words ("may", "march", "mar"). */
    private static boolean verb(String month) {
        return month.equals("may") || month.equals("march") || month.equals("mar");
    }

    private static Hit season(Ctx c) {
        String which = c.g(1);
        String name = c.g(2);
        if (c.g(3) != null) {
            return season(name, num(c.g(3)), c.words());
        }
        if (which == null) {
            return null; // "spring" is also water and "fall" a verb: a season needs this/last/next/in …
        }
        LocalDate t = c.today();
        Hit current = null;
        Hit latest = null;
        Hit next = null;
        for (int y = t.getYear() - 2; y <= t.getYear() + 1; y++) {
            Hit s = season(name, y, c.words());
            if (!s.first().isAfter(t) && s.end().isAfter(t)) {
                current = s;
            }
            if (!s.end().isAfter(t)) {
                latest = s; // ended before today
            }
            if (s.first().isAfter(t) && next == null) {
                next = s;
            }
        }
        return switch (which) {
            case "last" -> latest;
            case "next" -> next;
            case "this" -> current != null ? current : c.statement() ? next : latest;
            default -> current != null ? current : c.forward() ? next : latest;
        };
    }

    private static Hit season(String name, int year, String label) {
        LocalDate first = switch (name) {
            case "spring" -> LocalDate.of(year, 3, 1);
            case "summer" -> LocalDate.of(year, 6, 1);
            case "autumn", "fall" -> LocalDate.of(year, 9, 1);
            default -> LocalDate.of(year, 12, 1);
        };
        return span(first, first.plusMonths(3).minusDays(1), label);
    }

    private static Hit holiday(Ctx c) {
        String which = c.g(1);
        String name = c.g(2).replaceAll("\\s+", " ");
        if (c.g(3) != null) {
            return day(holiday(name, num(c.g(3))), c.words());
        }
        if (which == null && !c.anchor()) {
            return null; // "a Christmas tree" is no date; "at Christmas", "last Easter" are
        }
        LocalDate t = c.today();
        LocalDate d = holiday(name, t.getYear());
        if (which == null) {
            which = "";
        }
        switch (which) {
            case "last" -> d = d.isBefore(t) ? d : holiday(name, t.getYear() - 1);
            case "next" -> d = d.isAfter(t) ? d : holiday(name, t.getYear() + 1);
            case "this" -> {
            }
            default -> {
                if (c.forward()) {
                    d = d.isBefore(t) ? holiday(name, t.getYear() + 1) : d;
                } else {
                    d = d.isAfter(t) ? holiday(name, t.getYear() - 1) : d;
                }
            }
        }
        return day(d, c.words());
    }

    private static LocalDate holiday(String name, int year) {
        if (name.startsWith("easter")) {
            return easter(year);
        }
        if (name.startsWith("christmas")) {
            return LocalDate.of(year, 12, name.endsWith("eve") ? 24 : 25);
        }
        if (name.startsWith("new year")) {
            return name.endsWith("eve") ? LocalDate.of(year, 12, 31) : LocalDate.of(year, 1, 1);
        }
        if (name.equals("halloween")) {
            return LocalDate.of(year, 10, 31);
        }
        if (name.startsWith("valentine")) {
            return LocalDate.of(year, 2, 14);
        }
        // Thanksgiving (US): the fourth Thursday of November.
        return LocalDate.of(year, 11, 1).with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
    }

    /** Easter Sunday of the Gregorian calendar (the anonymous Gregorian computus). */
    static LocalDate easter(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    private static Hit year(Ctx c) {
        // In a statement a bare number is a year only after a preposition: "2019 people" is a count.
        if (c.g(1) == null && c.statement() && !c.anchor()) {
            return null;
        }
        int y = num(c.g(2));
        return year(y, null);
    }

    // ---- spans ----

    private static Hit day(LocalDate d, String label) {
        return new Hit(d, d.plusDays(1), label == null ? d.toString() : label + " (" + d + ")", -1);
    }

    private static Hit week(LocalDate inWeek, String label) {
        LocalDate monday = monday(inWeek);
        return span(monday, monday.plusDays(6), label);
    }

    private static LocalDate monday(LocalDate d) {
        return d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static Hit month(YearMonth ym, String label) {
        String name = ym.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + ym.getYear();
        return new Hit(ym.atDay(1), ym.plusMonths(1).atDay(1), label == null ? name : label + " (" + name + ")", -1);
    }

    private static Hit year(int y, String label) {
        String name = Integer.toString(y);
        return new Hit(LocalDate.of(y, 1, 1), LocalDate.of(y + 1, 1, 1),
                label == null ? name : label + " (" + name + ")", -1);
    }

    /** The days first..last, both included. */
    private static Hit span(LocalDate first, LocalDate last, String label) {
        return new Hit(first, last.plusDays(1), label + " (" + days(first, last.plusDays(1)) + ")", -1);
    }

    private static String days(LocalDate first, LocalDate end) {
        LocalDate last = end.minusDays(1);
        return first.equals(last) ? first.toString() : first + ".." + last;
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
