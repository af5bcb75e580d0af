package io.mnemograph.agent;

import java.util.List;

/** A memory's note: its keywords (most telling first), tags, and a one-sentence context. */
public record Note(List<String> keywords, List<String> tags, String context) {
}
