package io.mnemograph.agent;

import java.time.Instant;

/** The new memory the agent links and evolves around, with its note. */
public record NewMemory(String id, String content, String sessionId, Instant occurredAt, float[] embedding, Note note) {
}
