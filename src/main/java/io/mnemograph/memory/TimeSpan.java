package io.mnemograph.memory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * A time a text talks about: the words as written ("last Friday") and the span of days they name, {@code from}
 * inclusive and {@code to} exclusive, both at midnight UTC.
 */
public record TimeSpan(String text, Instant from, Instant to) {

    /** Whether the span shares a moment with [{@code from}, {@code to}). */
    public boolean overlaps(Instant from, Instant to) {
        return this.from.isBefore(to) && from.isBefore(this.to);
    }

    /** The span in words for notes and reasons: "2023-05-05", "May 2023", "2023" or "2023-05-06..2023-05-07". */
    public String days() {
        LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
        LocalDate end = LocalDate.ofInstant(to, ZoneOffset.UTC);
        if (first.plusDays(1).equals(end)) {
            return first.toString();
        }
        if (first.getDayOfYear() == 1 && first.plusYears(1).equals(end)) {
            return Integer.toString(first.getYear());
        }
        if (first.getDayOfMonth() == 1 && first.plusMonths(1).equals(end)) {
            return first.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + first.getYear();
        }
        return first + ".." + end.minusDays(1);
    }
}
