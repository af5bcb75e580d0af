package io.mnemograph.recall;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetentionTest {

    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    final Retention r = new Retention(Duration.ofDays(30), 0.1);

    @Test
    void followsTheForgettingCurve() {
        assertEquals(1.0, r.retention(T0, T0, 1.0), 1e-9);
        assertEquals(Math.exp(-1), r.retention(T0, T0.plus(Duration.ofDays(30)), 1.0), 1e-9);
        // twice the strength, half the loss in the exponent
        assertEquals(Math.exp(-0.5), r.retention(T0, T0.plus(Duration.ofDays(30)), 2.0), 1e-9);
        // a moment before the memory: nothing forgotten
        assertEquals(1.0, r.retention(T0, T0.minusSeconds(5), 1.0), 1e-9);
    }

    @Test
    void theFactorIsMildAndZeroWeightDisablesIt() {
        double old = r.factor(T0, T0.plus(Duration.ofDays(3650)), 1.0);
        assertTrue(old >= 0.9 && old < 0.901, "at most 10 % off: " + old);
        assertEquals(1.0, new Retention(Duration.ofDays(30), 0).factor(T0, T0.plus(Duration.ofDays(3650)), 1.0));
    }
}
