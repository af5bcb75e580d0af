package io.mnemograph.recall;

import io.mnemograph.config.ForgettingConfig;
import io.mnemograph.graph.DeferredWrites;
import io.mnemograph.graph.GraphStore;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Recall's reinforcement, written after the answer: recall queues the memories it returned with the moment, and a
 * background thread writes the queue, coalesced per memory, in one statement ({@code time/reinforce_batch}) at most
 * every {@code mnemograph.forgetting.reinforcement-delay} or as soon as {@code reinforcement-batch} memories wait. A
 * failed write stays queued and is tried again; shutdown writes what is left, so no reinforcement is lost.
 *
 * <p>Nothing a user sees changes: reading a memory ({@link #flush(Collection)}, called by the memory reader) writes its
 * queued reinforcement first, and recall's ranking reads strength and lastRecalledAt from the graph inside
 * {@link #reading} and adds what is queued ({@link #overlay}).
 */
@ApplicationScoped
public class ReinforcementWriter implements DeferredWrites {

    private static final Logger LOG = Logger.getLogger(ReinforcementWriter.class);
    private static final int CLOSE_ATTEMPTS = 5;

    private final GraphStore store;
    private final double growth;
    private final double max;
    private final long delayMillis;
    private final int batch;
    /*
     * A flush commits under the write lock and, in the same hold, takes out of the queue what it wrote; whoever reads
     * the graph and then overlays the queue holds the read lock across both. So each reinforcement is seen exactly once: still queued,
     * or written — never both, never neither.
     */
    private final ReentrantReadWriteLock visibility = new ReentrantReadWriteLock();
    /** One flush at a time: each takes a copy of the queue and gives it up only when committed. */
    private final ReentrantLock flushing = new ReentrantLock();
    private final Map<String, Pending> pending = new HashMap<>(); // guarded by this
    private ScheduledExecutorService timer; // guarded by this; started by the first queued recall
    private boolean closed; // guarded by this

    /** One memory's queued reinforcement: how many recalls returned it, and the moment of the latest. */
    private static final class Pending {
        int count;
        ZonedDateTime at;

        Pending copy() {
            Pending p = new Pending();
            p.count = count;
            p.at = at;
            return p;
        }
    }

    @Inject
    ReinforcementWriter(GraphStore store, ForgettingConfig config) {
        this(store, config.growth(), config.maxStrength(), config.reinforcementDelay(), config.reinforcementBatch());
    }

    /**
     * @param growth what each recall adds to a memory's strength
     * @param max    the strength reinforcement stops at
     * @param delay  how long a reinforcement may wait before it is written
     * @param batch  a queue of this many memories is written without waiting
     */
    public ReinforcementWriter(GraphStore store, double growth, double max, Duration delay, int batch) {
        this.store = store;
        this.growth = growth;
        this.max = max;
        this.delayMillis = Math.max(1, delay.toMillis());
        this.batch = Math.max(1, batch);
    }

    /**
     * Queues one recall's use of these memories at {@code at}. After {@link #close()} it is written at once, in the
     * caller's thread (a failure then is logged, not thrown: the recall's answer is already made).
     */
    public void add(Collection<String> ids, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        ZonedDateTime moment = at.atZone(ZoneOffset.UTC);
        boolean now;
        synchronized (this) {
            for (String id : ids) {
                Pending p = pending.computeIfAbsent(id, x -> new Pending());
                p.count++;
                p.at = moment; // the latest recall's moment, as one write per recall in this order would leave it
            }
            now = closed;
            if (!closed) {
                if (timer == null) {
                    timer = Executors.newSingleThreadScheduledExecutor(r -> {
                        Thread t = new Thread(r, "mnemograph-reinforcement");
                        t.setDaemon(true);
                        return t;
                    });
                    timer.scheduleWithFixedDelay(this::flushQuietly, delayMillis, delayMillis, TimeUnit.MILLISECONDS);
                }
                if (pending.size() >= batch) {
                    timer.execute(this::flushQuietly);
                }
            }
        }
        if (now) {
            try {
                flush();
            } catch (RuntimeException e) {
                // the application is stopping and the database with it: the answer stands, the use is not recorded
                LOG.errorf("recall reinforcement of %d memories could not be written during shutdown: %s", queued(),
                        e.getMessage());
            }
        }
    }

    /** How many memories have reinforcement queued now. */
    public synchronized int queued() {
        return pending.size();
    }

    /**
     * Writes everything queued now and returns when it is committed (benchmarks call it before they undo what recalls
     * reinforced). A failure leaves the queue as it was and is thrown.
     */
    public void flush() {
        flush(true);
    }

    /**
     * {@code wait} false (the background writer): gives up when a flush is under way or a reader holds the lock for
     * long at the commit (a scope's first search reads its vectors for seconds), rather than queue for the lock and make
     * every later recall wait behind it; the next run tries again.
     *
     * <p>The statement runs while recalls go on: until the commit, the memories stay queued and the graph does not
     * have their reinforcement yet, so a reader sees it once, from the queue. Only the commit takes the write lock, and
     * the queue gives up what was written in the same hold, so a reader between its graph read and its overlay never
     * sees both or neither (issue 15: recalls waited for the whole statement before, ~2 ms, and behind it).
     */
    private void flush(boolean wait) {
        if (visibility.getReadHoldCount() > 0) {
            // the write lock cannot be taken while this thread holds the read lock
            throw new IllegalStateException("flush() inside reading(): read memories after the recall transaction");
        }
        if (wait) {
            flushing.lock();
        } else if (!flushing.tryLock()) {
            return;
        }
        try {
            Map<String, Pending> taken = new TreeMap<>(); // sorted ids: concurrent writers lock nodes in one order
            synchronized (this) {
                pending.forEach((id, p) -> taken.put(id, p.copy()));
            }
            if (taken.isEmpty()) {
                return;
            }
            try {
                store.write(tx -> {
                    tx.run("time/reinforce_batch", params(taken));
                    commitLock(wait); // the commit follows this function, under the lock
                    return null;
                });
                synchronized (this) {
                    taken.forEach((id, written) -> {
                        Pending p = pending.get(id);
                        if (p != null && (p.count -= written.count) <= 0) {
                            pending.remove(id);
                        }
                    });
                }
            } catch (Busy e) {
                // nothing was committed: the queue stays as it is, the next run tries again
            } finally {
                while (visibility.isWriteLockedByCurrentThread()) {
                    visibility.writeLock().unlock(); // a transaction retried by the store took it more than once
                }
            }
        } finally {
            flushing.unlock();
        }
    }

    /** Takes the write lock for a commit; {@code wait} false: gives up (throws {@link Busy}) after 20 ms. */
    private void commitLock(boolean wait) {
        if (wait) {
            visibility.writeLock().lock();
            return;
        }
        try {
            if (visibility.writeLock().tryLock(20, TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new Busy();
    }

    /** The background writer's commit could not take the lock in time; its transaction rolls back. */
    private static final class Busy extends RuntimeException {
        Busy() {
            super("a reader holds the lock", null, false, false);
        }
    }

    @Override
    public void flush(Collection<String> memoryIds) {
        boolean any;
        // a flush under way leaves its memories queued until it commits: flush() below waits for it
        synchronized (this) {
            any = !pending.isEmpty() && memoryIds.stream().anyMatch(pending::containsKey);
        }
        if (any) {
            flush();
        }
    }

    /**
     * Runs {@code work} (reads of the graph followed by {@link #overlay}) so that no flush commits in between. Work
     * must not read memories through the memory reader (that would {@link #flush()}).
     */
    public <T> T reading(Supplier<T> work) {
        visibility.readLock().lock();
        try {
            return work.get();
        } finally {
            visibility.readLock().unlock();
        }
    }

    /**
     * A row read from the graph with {@code id}, {@code strength} and {@code lastRecalledAt}, with the queued
     * reinforcement of its memory applied the way {@code time/reinforce_batch} will write it; the row itself when
     * nothing is queued for it. Call inside {@link #reading}.
     */
    public Map<String, Object> overlay(Map<String, Object> row) {
        Pending p;
        synchronized (this) {
            Pending q = pending.get((String) row.get("id"));
            if (q == null) {
                return row;
            }
            p = new Pending();
            p.count = q.count;
            p.at = q.at;
        }
        Map<String, Object> out = new HashMap<>(row);
        double strength = (row.get("strength") instanceof Number n ? n.doubleValue() : 1.0) + growth * p.count;
        out.put("strength", Math.min(strength, max));
        out.put("lastRecalledAt", p.at);
        out.put("recallCount", (row.get("recallCount") instanceof Number n ? n.longValue() : 0L) + p.count);
        return out;
    }

    /** Shutdown: stops the background writer and writes what is left, retrying a failed write a few times. */
    void stop(@Observes ShutdownEvent event) {
        close();
    }

    /**
     * Stops the background writer and writes everything queued; later reinforcement is written at once. Returns
     * quietly when the queue could not be written (logged with how many memories it held).
     */
    public void close() {
        ScheduledExecutorService t;
        synchronized (this) {
            closed = true;
            t = timer;
            timer = null;
        }
        if (t != null) {
            t.shutdown();
            try {
                t.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (int attempt = 1; attempt <= CLOSE_ATTEMPTS; attempt++) {
            try {
                flush();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("writing recall reinforcement at shutdown failed (attempt %d of %d): %s", attempt,
                        CLOSE_ATTEMPTS, e.getMessage());
                try {
                    Thread.sleep(100L * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        LOG.errorf("recall reinforcement of %d memories could not be written at shutdown", queued());
    }

    private void flushQuietly() {
        try {
            flush(false);
        } catch (RuntimeException e) {
            // stays queued: the next run tries again
            LOG.warnf("writing recall reinforcement failed, will retry: %s", e.getMessage());
        }
    }

    private Map<String, Object> params(Map<String, Pending> taken) {
        List<Map<String, Object>> rows = new ArrayList<>(taken.size());
        taken.forEach((id, p) -> rows.add(Map.of("id", id, "count", p.count, "at", p.at)));
        Map<String, Object> params = new HashMap<>();
        params.put("rows", rows);
        params.put("growth", growth);
        params.put("max", max);
        return params;
    }
}
