package io.mnemograph.memory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A memory to remember, validated: scope is resolved, labels are normalised, and occurredAt is null when the caller
 * gave none (it becomes the time of recording).
 */
public record MemoryDraft(
        String content,
        String scope,
        String sessionId,
        Instant occurredAt,
        String externalId,
        List<String> keywords,
        List<String> tags,
        Map<String, String> metadata) {
}
