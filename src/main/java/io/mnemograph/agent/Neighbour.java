package io.mnemograph.agent;

import java.time.Instant;
import java.util.List;

/**
 * A candidate memory for linking and evolution.
 *
 * @param similarity     cosine similarity to the new memory's embedding, -1..1
 * @param sharedKeywords keywords it shares with the new memory's note, rarest first
 * @param keywordRarity  for each shared keyword, its inverse document frequency in the scope
 */
public record Neighbour(String id, String content, String context, List<String> keywords, List<String> tags,
                        String sessionId, Instant occurredAt, double similarity,
                        List<String> sharedKeywords, List<Double> keywordRarity) {
}
