package io.mnemograph.memory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One remembered thing, as stored; {@code mentions} are the time spans its content talks about. */
public record Memory(
        String id,
        String scope,
        String content,
        String context,
        List<String> keywords,
        List<String> tags,
        String sessionId,
        String externalId,
        Instant occurredAt,
        Instant recordedAt,
        Instant validFrom,
        Instant validTo,
        Map<String, String> metadata,
        MemoryStatus status,
        double strength,
        long recallCount,
        Instant lastRecalledAt,
        String supersededBy,
        List<String> supersedes,
        List<TimeSpan> mentions) {
}
