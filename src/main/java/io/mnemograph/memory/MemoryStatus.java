package io.mnemograph.memory;

/** Where a memory is in its life. */
public enum MemoryStatus {
    /** Stored durably; the agent has not yet built its note, links and evolution (retried at start if interrupted). */
    PENDING,
    /** Stored and processed by the agent. */
    READY,
    /** Forgotten softly: out of recall, back with restore. */
    ARCHIVED
}
