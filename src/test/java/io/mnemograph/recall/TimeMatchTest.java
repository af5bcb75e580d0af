package io.mnemograph.recall;

import io.mnemograph.memory.TimeExpressions;
import io.mnemograph.memory.TimeSpan;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which time match brings a memory into a question's window, and what the reason says. */
class TimeMatchTest {

    static final Instant ASKED = Instant.parse("2023-06-15T12:00:00Z");
    static final TimeWords.Window MAY = TimeWords.find("What happened in May 2023?", ASKED).orElseThrow();
    static final List<TimeSpan> LAST_FRIDAY = TimeExpressions.mentions("We met last Friday",
            Instant.parse("2023-06-07T10:00:00Z"));
    static final List<TimeSpan> IN_MAY = TimeExpressions.mentions("We met last Friday",
            Instant.parse("2023-05-10T10:00:00Z"));

    @Test
    void saidWithin() {
        assertEquals("time: said within May 2023", TimeRanking.match(MAY, Instant.parse("2023-05-20T10:00:00Z"),
                List.of()));
    }

    @Test
    void mentionsWithinThoughSaidLater() {
        // said on Wednesday 7 June: "last Friday" was 2 June, outside May; said on 10 May it was 5 May
        assertNull(TimeRanking.match(MAY, Instant.parse("2023-06-07T10:00:00Z"), LAST_FRIDAY));
        assertEquals("time: mentions 'last Friday' (2023-05-05) within May 2023",
                TimeRanking.match(MAY, Instant.parse("2023-06-07T10:00:00Z"), IN_MAY));
    }

    @Test
    void bothWhenBoth() {
        assertEquals("time: said within May 2023; mentions 'last Friday' (2023-05-05) within May 2023",
                TimeRanking.match(MAY, Instant.parse("2023-05-10T10:00:00Z"), IN_MAY));
    }

    @Test
    void noMatchNoReason() {
        assertNull(TimeRanking.match(MAY, Instant.parse("2023-04-30T23:59:59Z"), List.of()));
        assertNull(TimeRanking.match(MAY, Instant.parse("2023-06-01T00:00:00Z"), List.of()));
    }
}
