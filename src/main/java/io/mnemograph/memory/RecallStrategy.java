package io.mnemograph.memory;

/** Which signals recall uses: an ablation switch, from one index alone to the full graph. */
public enum RecallStrategy {
    /** Embedding similarity alone. */
    VECTOR,
    /** Fulltext (BM25) alone. */
    FULLTEXT,
    /** Vector and fulltext, fused. */
    HYBRID,
    /** Hybrid, then expansion through links, sessions and shared keywords: the default and the best. */
    GRAPH
}
