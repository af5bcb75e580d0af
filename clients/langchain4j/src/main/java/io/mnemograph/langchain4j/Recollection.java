package io.mnemograph.langchain4j;

import java.time.Instant;
import java.util.List;

/**
 * A memory brought back by recall.
 *
 * @param score   calibrated: about 0 for an unrelated text, about 1 for a strong match (graph signals add up to ~0.5)
 * @param reasons which signals and graph paths brought it back, e.g. {@code vector: rank 1, cosine 0.823}
 */
public record Recollection(String id, double score, String content, Instant occurredAt, List<String> reasons) {
}
