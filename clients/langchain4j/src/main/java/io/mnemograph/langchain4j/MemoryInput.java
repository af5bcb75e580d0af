package io.mnemograph.langchain4j;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Something to remember. Only the content is required; a null scope means the server's default (the key's only scope,
 * or {@code default}).
 *
 * @param externalId the caller's id, unique per scope: remembering it again returns the stored memory unchanged
 * @param occurredAt event time; null means the time of recording
 */
public record MemoryInput(String content, String scope, String sessionId, String externalId, Instant occurredAt,
                          Map<String, String> metadata) {

    public MemoryInput {
        Objects.requireNonNull(content, "content");
        metadata = metadata == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    public static MemoryInput of(String content, String scope) {
        return new MemoryInput(content, scope, null, null, null, null);
    }

    public MemoryInput withSessionId(String sessionId) {
        return new MemoryInput(content, scope, sessionId, externalId, occurredAt, metadata);
    }

    public MemoryInput withExternalId(String externalId) {
        return new MemoryInput(content, scope, sessionId, externalId, occurredAt, metadata);
    }

    public MemoryInput withOccurredAt(Instant occurredAt) {
        return new MemoryInput(content, scope, sessionId, externalId, occurredAt, metadata);
    }

    public MemoryInput withMetadata(Map<String, String> metadata) {
        return new MemoryInput(content, scope, sessionId, externalId, occurredAt, metadata);
    }
}
