package io.mnemograph.recall;

import io.mnemograph.memory.TimeExpressions;

import java.time.Instant;
import java.util.Optional;

/**
 * Reads the time words of a question ("yesterday", "last week", "in May 2023", "two years ago", "the week before
 * Easter" …) as an event-time window, relative to the moment of asking. Questions look back: "on Friday" is the latest
 * Friday. Pure: the same text and moment always give the same window. When a question holds several time words, the
 * first one counts. The rules are {@link TimeExpressions}'s, shared with the time spans read from memories.
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

    private TimeWords() {
    }

    /** The window named by the first time word of {@code text}, read relative to {@code at}; empty if none. */
    public static Optional<Window> find(String text, Instant at) {
        return TimeExpressions.all(text, at, TimeExpressions.Reading.QUESTION).stream().findFirst()
                .map(f -> new Window(f.span().from(), f.span().to(), f.label()));
    }
}
