package io.mnemograph.memory;

/** How a timeline orders memories. */
public enum TimelineOrder {
    /** By when each was said (occurredAt), then arrival. */
    SAID,
    /** By when what it talks about happened: the start of the first time span its content mentions, else occurredAt. */
    EVENT
}
