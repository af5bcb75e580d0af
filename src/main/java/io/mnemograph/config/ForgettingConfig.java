package io.mnemograph.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * MemoryBank's forgetting curve ({@code mnemograph.forgetting.*}): a memory's retention is
 * {@code exp(-Δt / (strength · scale))}, Δt being the time since it was last recalled (or since it happened), and
 * recall multiplies each score by {@code 1 - weight + weight · retention}.
 */
@ConfigMapping(prefix = "mnemograph.forgetting")
public interface ForgettingConfig {

    /** S, the time a memory of strength 1 takes to fall to 1/e retention (ISO-8601 duration). */
    @WithDefault("P30D")
    Duration scale();

    /**
     * How much retention may lower a score, 0..1: 0 disables forgetting in recall; the default 0.02 lowers a score by
     * at most 2 %, so it only decides between hits that match about equally well. (At 0.1, every recall's
     * reinforcement lifted what it returned enough to crowd out better matches for the next question: LoCoMo
     * Recall@10 fell by several points.)
     */
    @WithDefault("0.02")
    double weight();

    /** What each recall adds to the strength of a memory it returns (MemoryBank reinforcement). */
    @WithDefault("0.2")
    double growth();

    /** The strength reinforcement stops at. */
    @WithDefault("10")
    double maxStrength();

    /**
     * How long a recall's reinforcement may wait before it is written (ISO-8601 duration): recall queues what it
     * returned and a background writer writes the queue in one statement at most this often, after the answers went
     * out. Reads of a memory and recall's own ranking see queued reinforcement at once; shutdown writes what is left.
     */
    @WithDefault("PT0.2S")
    Duration reinforcementDelay();

    /** A queue of this many memories is written without waiting for {@link #reinforcementDelay()}. */
    @WithDefault("2000")
    int reinforcementBatch();
}
