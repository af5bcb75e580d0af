package io.mnemograph.access;

/** What a key may do in the scopes it is granted. */
public enum Permission {
    /** recall, memory, links, revisions, neighbors, timeline, sessions, happenedBefore, memoryEvents. */
    READ,
    /** remember, rememberAll, link, unlink, supersede, revert. */
    WRITE,
    /** forget, restore. */
    FORGET,
    /** Every permission in its scopes, and managing the keys whose scopes lie within them. */
    ADMIN
}
