package io.mnemograph.memory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The time spans a memory's content talks about, resolved against when it was said: a table of expressions. */
class TimeSpansTest {

    /** A Wednesday. */
    static final String WEDNESDAY = "2023-05-10T12:00:00Z";

    @ParameterizedTest(name = "{0} (said {1})")
    @CsvSource(delimiter = '|', textBlock = """
            We went camping last weekend            | 2023-05-10T12:00:00Z | last weekend         | 2023-05-06 | 2023-05-08
            Last night we watched a film            | 2023-05-10T12:00:00Z | Last night           | 2023-05-09 | 2023-05-10
            I called her yesterday                  | 2023-05-10T12:00:00Z | yesterday            | 2023-05-09 | 2023-05-10
            We met last Friday                      | 2023-05-10T12:00:00Z | last Friday          | 2023-05-05 | 2023-05-06
            We met on Friday                        | 2023-05-10T12:00:00Z | Friday               | 2023-05-05 | 2023-05-06
            I'll see her on Friday                  | 2023-05-10T12:00:00Z | Friday               | 2023-05-12 | 2023-05-13
            This Monday was rainy                   | 2023-05-10T12:00:00Z | This Monday          | 2023-05-08 | 2023-05-09
            next Friday is the deadline             | 2023-05-10T12:00:00Z | next Friday          | 2023-05-12 | 2023-05-13
            I moved two weeks ago                   | 2023-05-10T12:00:00Z | two weeks ago        | 2023-04-24 | 2023-05-01
            a couple of weeks ago                   | 2023-05-10T12:00:00Z | a couple of weeks ago| 2023-04-24 | 2023-05-01
            I started 3 days ago                    | 2023-05-10T12:00:00Z | 3 days ago           | 2023-05-07 | 2023-05-08
            a few days ago I ran                    | 2023-05-10T12:00:00Z | a few days ago       | 2023-05-04 | 2023-05-10
            three months ago                        | 2023-05-10T12:00:00Z | three months ago     | 2023-02-01 | 2023-03-01
            the day before yesterday                | 2023-05-10T12:00:00Z | the day before yesterday | 2023-05-08 | 2023-05-09
            It was busy last week                   | 2023-05-10T12:00:00Z | last week            | 2023-05-01 | 2023-05-08
            the week before last                    | 2023-05-10T12:00:00Z | the week before last | 2023-04-24 | 2023-05-01
            Sales fell last month                   | 2023-05-10T12:00:00Z | last month           | 2023-04-01 | 2023-05-01
            I graduated last year                   | 2023-05-10T12:00:00Z | last year            | 2022-01-01 | 2023-01-01
            We fly to Rome next month               | 2023-05-10T12:00:00Z | next month           | 2023-06-01 | 2023-07-01
            The dentist is tomorrow                 | 2023-05-10T12:00:00Z | tomorrow             | 2023-05-11 | 2023-05-12
            tonight we cook                         | 2023-05-10T12:00:00Z | tonight              | 2023-05-10 | 2023-05-11
            The course starts next week             | 2023-05-10T12:00:00Z | next week            | 2023-05-15 | 2023-05-22
            We go hiking this weekend               | 2023-05-10T12:00:00Z | this weekend         | 2023-05-13 | 2023-05-15
            We go hiking this weekend               | 2023-05-14T09:00:00Z | this weekend         | 2023-05-13 | 2023-05-15
            The rent was due on the 15th            | 2023-05-10T12:00:00Z | the 15th             | 2023-04-15 | 2023-04-16
            It arrived on the 5th                   | 2023-05-10T12:00:00Z | the 5th              | 2023-05-05 | 2023-05-06
            We'll sign on the 15th                  | 2023-05-10T12:00:00Z | the 15th             | 2023-05-15 | 2023-05-16
            It happened on the 31st                 | 2023-05-10T12:00:00Z | the 31st             | 2023-03-31 | 2023-04-01
            I visited Paris in 2019                 | 2023-05-10T12:00:00Z | 2019                 | 2019-01-01 | 2020-01-01
            I have lived here since 2020            | 2023-05-10T12:00:00Z | 2020                 | 2020-01-01 | 2021-01-01
            The tulips bloomed in May               | 2023-05-10T12:00:00Z | May                  | 2023-05-01 | 2023-06-01
            We were in Spain in June                | 2023-05-10T12:00:00Z | June                 | 2022-06-01 | 2022-07-01
            We will be in Spain in June             | 2023-05-10T12:00:00Z | June                 | 2023-06-01 | 2023-07-01
            back in March 2021                      | 2023-05-10T12:00:00Z | March 2021           | 2021-03-01 | 2021-04-01
            Her party was on 7 May 2023             | 2023-05-10T12:00:00Z | 7 May 2023           | 2023-05-07 | 2023-05-08
            Her party was on May 7, 2023            | 2023-05-10T12:00:00Z | May 7, 2023          | 2023-05-07 | 2023-05-08
            Her party was on 2023-05-07             | 2023-05-10T12:00:00Z | 2023-05-07           | 2023-05-07 | 2023-05-08
            logged at 2023-05-07T22:15:00Z          | 2023-05-10T12:00:00Z | 2023-05-07T22:15:00Z | 2023-05-07 | 2023-05-08
            We wed on the 15th of May 2021          | 2023-05-10T12:00:00Z | the 15th of May 2021 | 2021-05-15 | 2021-05-16
            Her party was on May 2                  | 2023-05-10T12:00:00Z | May 2                | 2023-05-02 | 2023-05-03
            the 3rd of march was cold               | 2023-05-10T12:00:00Z | the 3rd of march     | 2023-03-03 | 2023-03-04
            We fasted the week before Easter        | 2023-05-10T12:00:00Z | the week before Easter | 2023-04-02 | 2023-04-09
            Easter 2022 was sunny                   | 2023-05-10T12:00:00Z | Easter 2022          | 2022-04-17 | 2022-04-18
            We got a dog at Christmas               | 2023-05-10T12:00:00Z | Christmas            | 2022-12-25 | 2022-12-26
            the day after Christmas 2022            | 2023-05-10T12:00:00Z | the day after Christmas 2022 | 2022-12-26 | 2022-12-27
            We'll swim a lot this summer            | 2023-05-10T12:00:00Z | this summer          | 2023-06-01 | 2023-09-01
            last summer was hot                     | 2023-05-10T12:00:00Z | last summer          | 2022-06-01 | 2022-09-01
            in the summer of 2019                   | 2023-05-10T12:00:00Z | the summer of 2019   | 2019-06-01 | 2019-09-01
            in the spring                           | 2023-05-10T12:00:00Z | the spring           | 2023-03-01 | 2023-06-01
            last winter was mild                    | 2023-05-10T12:00:00Z | last winter          | 2022-12-01 | 2023-03-01
            the weekend before 7 May 2023           | 2023-05-10T12:00:00Z | the weekend before 7 May 2023 | 2023-04-29 | 2023-05-01
            We danced on New Year's Eve             | 2023-05-10T12:00:00Z | New Year's Eve       | 2022-12-31 | 2023-01-01
            We've been here since the 3rd           | 2023-05-10T12:00:00Z | the 3rd              | 2023-05-03 | 2023-05-04
            We meet again next weekend              | 2023-05-10T12:00:00Z | next weekend         | 2023-05-20 | 2023-05-22
            I quit a few weeks ago                  | 2023-05-10T12:00:00Z | a few weeks ago      | 2023-04-10 | 2023-05-01
            It opened in May of 2021                | 2023-05-10T12:00:00Z | May of 2021          | 2021-05-01 | 2021-06-01
            We marry this May                       | 2023-05-10T12:00:00Z | this May             | 2023-05-01 | 2023-06-01
            we met in march                         | 2023-05-10T12:00:00Z | march                | 2023-03-01 | 2023-04-01
            Mid-March was cold                      | 2023-05-10T12:00:00Z | Mid-March            | 2023-03-01 | 2023-04-01
            music of the 1990s                      | 2023-05-10T12:00:00Z | the 1990s            | 1990-01-01 | 2000-01-01
            """)
    void resolves(String content, String said, String text, String from, String to) {
        List<TimeSpan> spans = TimeExpressions.mentions(content, Instant.parse(said));
        assertEquals(1, spans.size(), () -> content + ": " + spans);
        TimeSpan s = spans.get(0);
        assertEquals(text, s.text(), content);
        assertEquals(day(from), s.from(), content);
        assertEquals(day(to), s.to(), content);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Last but not least, thanks Sam", "I did it for the second time", "I may go", "we march on",
            "One day we will sail", "At last, it worked", "The last time we met it rained", "back in a minute",
            "this one is better", "2019 people came", "She wore a Christmas sweater", "a spring in her step",
            "the 5th time I asked", "Leaves fall slowly", "May I come?", "I ran 3 miles", "Room 2015 is free",
            "that may 2 be", "This may take a while", "the last march of the band", "Next may be better", ""})
    void leavesAloneWhatOnlyLooksLikeATime(String content) {
        assertEquals(List.of(), TimeExpressions.mentions(content, Instant.parse(WEDNESDAY)), content);
    }

    @Test
    void findsEveryExpressionInOrder() {
        List<TimeSpan> spans = TimeExpressions.mentions(
                "Yesterday we booked flights for next month; the tickets came on 2023-05-08.", Instant.parse(WEDNESDAY));
        assertEquals(List.of("Yesterday", "next month", "2023-05-08"), spans.stream().map(TimeSpan::text).toList());
        assertEquals(List.of("2023-05-09", "June 2023", "2023-05-08"), spans.stream().map(TimeSpan::days).toList());
    }

    @Test
    void questionsLookBack() {
        Instant asked = Instant.parse("2022-06-01T10:00:00Z");
        assertEquals(List.of("2022-04-10..2022-04-16"), question("What did I do the week before Easter?", asked));
        assertEquals(List.of("April 2022"), question("Where was I in April 2022?", asked));
        assertEquals(List.of("2022-05-01"), question("Who called on 1 May 2022?", asked));
        // a question's "on Friday" is the latest Friday; a statement said the same day could mean the coming one
        assertEquals(List.of("2022-05-27"), question("What did we eat on Friday?", asked));
        assertEquals(List.of("2022-05-28..2022-05-29"), question("what did we do this weekend", asked));
        // LoCoMo asks this way: the weekend before a date, not the one before the question
        assertEquals(List.of("2023-04-08..2023-04-09"),
                question("What did Maria do last weekend before April 10, 2023?", asked));
    }

    @Test
    void easterByTheComputus() {
        assertEquals(List.of("2019-04-21", "2020-04-12", "2021-04-04", "2022-04-17", "2023-04-09", "2024-03-31",
                        "2025-04-20", "2038-04-25"),
                List.of(2019, 2020, 2021, 2022, 2023, 2024, 2025, 2038).stream()
                        .map(y -> TimeExpressions.easter(y).toString()).toList());
    }

    @Test
    void spansAreDescribedInDays() {
        assertEquals("2023-05-06..2023-05-07", TimeExpressions.mentions("last weekend", Instant.parse(WEDNESDAY))
                .get(0).days());
        assertTrue(TimeExpressions.mentions("last weekend", Instant.parse(WEDNESDAY)).get(0)
                .overlaps(day("2023-05-07"), day("2023-05-08")));
    }

    static List<String> question(String text, Instant at) {
        return TimeExpressions.all(text, at, TimeExpressions.Reading.QUESTION).stream()
                .map(f -> f.span().days()).toList();
    }

    static Instant day(String d) {
        return LocalDate.parse(d).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    }
}
