package io.mnemograph.agent.llm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * What {@code prompts/link_evolution.v1.txt} asks the model to return. Every id must be one of the candidates the
 * prompt listed; the agent drops the others.
 *
 * @param links      candidates to link the new memory with
 * @param updates    candidates whose context or tags should change
 * @param supersedes the older candidate the new memory replaces, or null (not acted on yet)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LinkAnswer(List<Link> links, List<Update> updates, Supersedes supersedes) {

    /** Link with candidate {@code id}; strength 0..1. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Link(String id, String reason, Double strength) {
    }

    /** New context sentence and/or tag list for candidate {@code id}; a null field stays as it is. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Update(String id, String context, List<String> tags, String reason) {
    }

    /** The new memory states a newer fact than candidate {@code id}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Supersedes(String id, String reason) {
    }
}
