package io.mnemograph.api.graphql;

import io.mnemograph.config.MnemographConfig;
import jakarta.enterprise.context.RequestScoped;

/**
 * How much one GraphQL request may read: a number of memories and a time. Depth and complexity limits bound a query's
 * shape; this bounds what its shape fans out to (links of links of links …), so that one request cannot hold the
 * server. Resolvers charge before they read.
 */
@RequestScoped
public class RequestBudget {

    private final int maxMemories;
    private final long timeoutNanos;
    private final long deadline;
    private int memories;

    RequestBudget(MnemographConfig config) {
        this.maxMemories = config.limits().maxMemoriesPerRequest();
        this.timeoutNanos = config.limits().requestTimeout().toNanos();
        this.deadline = System.nanoTime() + timeoutNanos;
    }

    /**
     * Counts {@code n} more memories against the request's budget.
     *
     * @throws LimitExceededException when the request reads more than it may, or has run past its time
     */
    public synchronized void charge(int n) {
        memories += n;
        if (memories > maxMemories) {
            throw new LimitExceededException("this request would read more than " + maxMemories
                    + " memories (mnemograph.limits.max-memories-per-request): ask for fewer nested links or a "
                    + "smaller limit");
        }
        if (System.nanoTime() > deadline) {
            throw new LimitExceededException("this request ran past its time limit of " + timeoutNanos / 1_000_000
                    + " ms (mnemograph.limits.request-timeout)");
        }
    }
}
