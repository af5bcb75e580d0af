package io.mnemograph.memory;

import java.time.Instant;

/** When a superseded memory stops being true: the rule of a knowledge update, as a pure function. */
public final class Validity {

    private Validity() {
    }

    /**
     * The validTo an older memory gets when a newer one supersedes it: the moment the newer one happened. A newer
     * memory that happened before the older one (a correction, or history told out of order) ends the older one's
     * validity at its own start, so it was never true; validTo is never before validFrom. A memory already superseded
     * keeps the earlier of its validTo and this one: it stopped being true at the first update.
     *
     * @param olderOccurredAt when the older memory happened (its validFrom)
     * @param newerOccurredAt when the newer memory happened
     * @param currentValidTo  the older memory's validTo now, or null
     */
    public static Instant supersededAt(Instant olderOccurredAt, Instant newerOccurredAt, Instant currentValidTo) {
        Instant end = newerOccurredAt.isBefore(olderOccurredAt) ? olderOccurredAt : newerOccurredAt;
        return currentValidTo != null && currentValidTo.isBefore(end) ? currentValidTo : end;
    }
}
