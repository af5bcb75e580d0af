package io.mnemograph.memory;

import java.util.List;

/** A recalled memory with its score and the reasons it came back (which signals, which path). */
public record Recollection(Memory memory, double score, List<String> reasons) {
}
