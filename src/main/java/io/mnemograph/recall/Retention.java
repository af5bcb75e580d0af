package io.mnemograph.recall;

import java.time.Duration;
import java.time.Instant;

/**
 * MemoryBank's forgetting curve as a mild factor on recall scores. Retention is {@code exp(-Δt / (strength · S))},
 * Δt the time from the memory's last recall (or, never recalled, from when it happened) to the moment asked about;
 * the score factor is {@code 1 - weight + weight · retention}, so it lies in [1 - weight, 1].
 */
record Retention(Duration scale, double weight) {

    /** Retention in (0, 1] of a memory of this strength, last touched at {@code since}, seen from {@code at}. */
    double retention(Instant since, Instant at, double strength) {
        if (since == null || !since.isBefore(at)) {
            return 1.0;
        }
        double dt = Duration.between(since, at).toMillis();
        double s = Math.max(strength, 1e-6) * scale.toMillis();
        return Math.exp(-dt / s);
    }

    /** The factor a score is multiplied by; exactly 1 when forgetting is off (weight 0). */
    double factor(Instant since, Instant at, double strength) {
        if (weight <= 0) {
            return 1.0;
        }
        return 1.0 - weight + weight * retention(since, at, strength);
    }
}
