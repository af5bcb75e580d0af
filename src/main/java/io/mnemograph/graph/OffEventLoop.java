package io.mnemograph.graph;

import io.vertx.core.Context;

/**
 * Graph work blocks: on a Vert.x event-loop thread it would stall every other request that loop serves. Both adapters
 * refuse it there, so a resolver that is not dispatched to a worker fails at once (and in tests) instead of freezing
 * the server under load.
 */
public final class OffEventLoop {

    private OffEventLoop() {
    }

    public static void check() {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("graph work on a Vert.x event-loop thread (" + Thread.currentThread().getName()
                    + "): it must run on a worker thread");
        }
    }
}
