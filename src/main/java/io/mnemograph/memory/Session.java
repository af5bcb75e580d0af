package io.mnemograph.memory;

import java.time.Instant;

/** An episode of a scope (one conversation, one task run): its span in event time and how many memories it holds. */
public record Session(String id, String scope, Instant startedAt, Instant endedAt, long memoryCount) {
}
