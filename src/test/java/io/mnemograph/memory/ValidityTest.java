package io.mnemograph.memory;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ValidityTest {

    static final Instant JAN = Instant.parse("2023-01-10T09:00:00Z");
    static final Instant JUN = Instant.parse("2024-06-01T09:00:00Z");
    static final Instant MAR = Instant.parse("2024-03-01T09:00:00Z");

    @Test
    void theOlderStopsBeingTrueWhenTheNewerHappened() {
        assertEquals(JUN, Validity.supersededAt(JAN, JUN, null));
    }

    @Test
    void aNewerThatHappenedFirstMeansTheOlderWasNeverTrue() {
        assertEquals(JUN, Validity.supersededAt(JUN, JAN, null));
    }

    @Test
    void theFirstUpdateCounts() {
        assertEquals(MAR, Validity.supersededAt(JAN, JUN, MAR));
        assertEquals(MAR, Validity.supersededAt(JAN, MAR, JUN));
    }
}
