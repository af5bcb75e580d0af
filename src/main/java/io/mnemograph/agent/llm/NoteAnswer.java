package io.mnemograph.agent.llm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * What {@code prompts/note_construction.v1.txt} asks the model to return.
 *
 * @param keywords specific keywords, most important first
 * @param context  one sentence saying what the memory is about
 * @param tags     broad categories
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NoteAnswer(List<String> keywords, String context, List<String> tags) {
}
