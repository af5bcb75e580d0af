package io.mnemograph.langchain4j;

import java.time.Instant;
import java.util.Map;

/**
 * A stored memory as Mnemograph answers it.
 *
 * @param metadata the caller's key/value pairs, in the order they were given
 */
public record Memory(String id, String scope, String sessionId, String externalId, String content,
                     Instant occurredAt, Map<String, String> metadata) {
}
