package io.mnemograph.agent;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the agent sees of a new memory when it writes its note.
 *
 * @param keywordFrequency for candidate words of the content: in how many memories of the scope each is a keyword
 * @param scopeSize        how many memories the scope holds
 * @param scopeTags        the scope's tags, each with the mean embedding of its memories
 */
public record NoteRequest(String content, String scope, String sessionId, Instant occurredAt, float[] embedding,
                          List<String> givenKeywords, List<String> givenTags, Map<String, Long> keywordFrequency,
                          long scopeSize, List<ScopeTag> scopeTags) {

    /** A tag of the scope and where its memories sit in embedding space. */
    public record ScopeTag(String name, float[] centroid, long memories) {
    }
}
