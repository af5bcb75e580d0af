package io.mnemograph.api;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/** A clock a test sets and moves; installed over the application's InstantSource with QuarkusMock. */
public final class FakeClock implements InstantSource {

    private final AtomicReference<Instant> now;

    public FakeClock(String now) {
        this.now = new AtomicReference<>(Instant.parse(now));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    public void set(String instant) {
        now.set(Instant.parse(instant));
    }

    public void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
    }
}
