package io.mnemograph.recall;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeWordsTest {

    /** A Wednesday afternoon. */
    static final Instant AT = Instant.parse("2024-07-03T15:00:00Z");

    static TimeWords.Window window(String text) {
        Optional<TimeWords.Window> w = TimeWords.find(text, AT);
        assertTrue(w.isPresent(), () -> "no time word found in: " + text);
        return w.get();
    }

    static void assertWindow(String text, String from, String to) {
        TimeWords.Window w = window(text);
        assertEquals(Instant.parse(from), w.from(), text);
        assertEquals(Instant.parse(to), w.to(), text);
    }

    @Test
    void daysRelativeToTheMomentOfAsking() {
        assertWindow("What did I eat yesterday?", "2024-07-02T00:00:00Z", "2024-07-03T00:00:00Z");
        assertWindow("what happened today", "2024-07-03T00:00:00Z", "2024-07-04T00:00:00Z");
        assertWindow("the day before yesterday", "2024-07-01T00:00:00Z", "2024-07-02T00:00:00Z");
        assertWindow("I saw it 3 days ago", "2024-06-30T00:00:00Z", "2024-07-01T00:00:00Z");
        assertWindow("Where was I last Monday?", "2024-07-01T00:00:00Z", "2024-07-02T00:00:00Z");
        assertWindow("a few days ago", "2024-06-27T00:00:00Z", "2024-07-03T00:00:00Z");
    }

    @Test
    void weeksStartOnMonday() {
        assertWindow("What did we plan last week?", "2024-06-24T00:00:00Z", "2024-07-01T00:00:00Z");
        assertWindow("this week", "2024-07-01T00:00:00Z", "2024-07-08T00:00:00Z");
        assertWindow("a couple of weeks ago", "2024-06-17T00:00:00Z", "2024-06-24T00:00:00Z");
        assertWindow("last weekend", "2024-06-29T00:00:00Z", "2024-07-01T00:00:00Z");
    }

    @Test
    void monthsAndYears() {
        assertWindow("last month", "2024-06-01T00:00:00Z", "2024-07-01T00:00:00Z");
        assertWindow("Where did Alex travel in May 2023?", "2023-05-01T00:00:00Z", "2023-06-01T00:00:00Z");
        assertEquals("May 2023", window("in May 2023").label());
        assertWindow("May 2023", "2023-05-01T00:00:00Z", "2023-06-01T00:00:00Z");
        assertWindow("sept. 2021", "2021-09-01T00:00:00Z", "2021-10-01T00:00:00Z");
        assertWindow("What happened in 2023?", "2023-01-01T00:00:00Z", "2024-01-01T00:00:00Z");
        assertEquals("2023", window("in 2023").label());
        assertWindow("two years ago", "2022-01-01T00:00:00Z", "2023-01-01T00:00:00Z");
        assertWindow("last year", "2023-01-01T00:00:00Z", "2024-01-01T00:00:00Z");
        assertWindow("2 months ago", "2024-05-01T00:00:00Z", "2024-06-01T00:00:00Z");
    }

    @Test
    void aMonthAloneIsTheLatestOneNotInTheFuture() {
        assertWindow("in May", "2024-05-01T00:00:00Z", "2024-06-01T00:00:00Z");
        assertWindow("during August", "2023-08-01T00:00:00Z", "2023-09-01T00:00:00Z");
        assertWindow("last July", "2023-07-01T00:00:00Z", "2023-08-01T00:00:00Z");
    }

    @Test
    void exactDates() {
        assertWindow("on 5 May 2023", "2023-05-05T00:00:00Z", "2023-05-06T00:00:00Z");
        assertWindow("on May 5th, 2023", "2023-05-05T00:00:00Z", "2023-05-06T00:00:00Z");
        assertWindow("on 2023-05-01", "2023-05-01T00:00:00Z", "2023-05-02T00:00:00Z");
        // not a date: the month and year still are
        assertWindow("31 February 2023", "2023-02-01T00:00:00Z", "2023-03-01T00:00:00Z");
    }

    @Test
    void theFirstTimeWordCounts() {
        assertWindow("yesterday, not last year", "2024-07-02T00:00:00Z", "2024-07-03T00:00:00Z");
    }

    @Test
    void noTimeWordNoWindow() {
        assertTrue(TimeWords.find("May I ask where Alex lives?", AT).isEmpty());
        assertTrue(TimeWords.find("The locker code is 4242", AT).isEmpty());
        assertTrue(TimeWords.find("weekday yesterdays mayday", AT).isEmpty());
        assertTrue(TimeWords.find("", AT).isEmpty());
    }

    @Test
    void windowsAreHalfOpen() {
        TimeWords.Window w = window("yesterday");
        assertTrue(w.contains(Instant.parse("2024-07-02T00:00:00Z")));
        assertTrue(w.contains(Instant.parse("2024-07-02T23:59:59Z")));
        assertTrue(!w.contains(Instant.parse("2024-07-03T00:00:00Z")));
    }
}
