package io.mnemograph.memory;

import java.time.Instant;

/**
 * One recall, validated.
 *
 * @param at                the moment of asking: what was true then (event time decides)
 * @param from              start of an event-time window, or null
 * @param to                end of an event-time window, or null
 * @param includeSuperseded whether memories superseded as of {@code at} may come back
 * @param minScore          results scoring below it are left out (abstention); 0 keeps everything
 */
public record RecallRequest(String query, String scope, int limit, RecallStrategy strategy, Instant at, Instant from,
                            Instant to, boolean includeSuperseded, double minScore) {
}
