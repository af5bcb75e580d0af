package io.mnemograph.recall;

import io.mnemograph.config.ForgettingConfig;
import io.mnemograph.config.TimeConfig;
import io.mnemograph.graph.GraphStore;
import io.mnemograph.memory.Memory;
import io.mnemograph.memory.MemoryRows;
import io.mnemograph.memory.RecallRequest;
import io.mnemograph.memory.Recollection;
import io.mnemograph.memory.TimeSpan;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Time in recall, after fusion: a time word of the question boosts the memories said inside its window or whose
 * content mentions a time inside it ("last Friday", read when it was remembered), retention
 * (the forgetting curve) lowers the score of what has not been used for long, and what recall returns now is
 * reinforced.
 */
@ApplicationScoped
class TimeRanking {

    /** An {@code at} this close to now is "now": the moment the request was read, not a look at history. */
    static final Duration NOW_TOLERANCE = Duration.ofMinutes(1);

    private final GraphStore store;
    private final InstantSource clock;
    private final Retention retention;
    private final double wordBoost;
    private final double growth;
    private final double maxStrength;
    private final ReinforcementWriter reinforcement;

    TimeRanking(GraphStore store, InstantSource clock, ForgettingConfig forgetting, TimeConfig time,
                ReinforcementWriter reinforcement) {
        this.store = store;
        this.reinforcement = reinforcement;
        this.clock = clock;
        this.retention = new Retention(forgetting.scale(), forgetting.weight());
        this.wordBoost = time.wordBoost();
        this.growth = forgetting.growth();
        this.maxStrength = forgetting.maxStrength();
    }

    /** Re-scores the candidates in place: boost inside the question's time window, then retention. */
    void rank(RecallRequest r, Collection<Fusion.Candidate> candidates) {
        rank(r, candidates, Map.of(), true);
    }

    /**
     * {@link #rank(RecallRequest, Collection)} given what it needs of some candidates already ({@code known}: id to
     * a row of time/candidates' columns, filled by {@link #collect} from the recall's own statements); only the
     * others are read with time/candidates. With {@code eventTime} false, a question's time window matches only when a
     * memory was said, never the times its content mentions (an ablation for benchmarks).
     */
    void rank(RecallRequest r, Collection<Fusion.Candidate> candidates, Map<String, Map<String, Object>> known,
              boolean eventTime) {
        rank(null, r, candidates, known, eventTime);
    }

    /** {@link #rank(RecallRequest, Collection, Map, boolean)} within the caller's read transaction (null: one of its own). */
    void rank(GraphStore.Tx tx, RecallRequest r, Collection<Fusion.Candidate> candidates,
              Map<String, Map<String, Object>> known, boolean eventTime) {
        // Explicit from/to already filtered; time words only speak when the caller gave no window.
        Optional<TimeWords.Window> window = r.from() == null && r.to() == null && wordBoost > 0
                ? TimeWords.find(r.query(), r.at()) : Optional.empty();
        if (candidates.isEmpty() || (window.isEmpty() && retention.weight() <= 0)) {
            return;
        }
        Map<String, Map<String, Object>> times = new HashMap<>(known);
        List<String> missing = candidates.stream().map(Fusion.Candidate::id).filter(id -> !known.containsKey(id))
                .toList();
        if (!missing.isEmpty()) {
            reinforcement.reading(() -> {
                Map<String, Object> p = Map.of("ids", missing);
                for (Map<String, Object> row : tx == null ? store.query("time/candidates", p)
                        : tx.run("time/candidates", p)) {
                    times.put((String) row.get("id"), reinforcement.overlay(row));
                }
                return null;
            });
        }
        for (Fusion.Candidate c : candidates) {
            Map<String, Object> t = times.get(c.id());
            if (t == null) {
                continue;
            }
            Instant occurredAt = MemoryRows.instant(t.get("occurredAt"));
            if (window.isPresent()) {
                String match = match(window.get(), occurredAt, eventTime ? MemoryRows.mentions(t) : List.of());
                if (match != null) {
                    c.scale(1 + wordBoost, match);
                }
            }
            // A recall after the moment asked about did not happen yet, as of then.
            Instant last = MemoryRows.instant(t.get("lastRecalledAt"));
            Instant since = last != null && !last.isAfter(r.at()) ? last : occurredAt;
            double strength = t.get("strength") instanceof Number n ? n.doubleValue() : 1.0;
            double f = retention.factor(since, r.at(), strength);
            if (f < 1.0) {
                c.scale(f, () -> String.format(Locale.ROOT, "retention: %.3f",
                        retention.retention(since, r.at(), strength)));
            }
        }
    }

    /**
     * The reason a memory lies in the question's window, or null: it was said within it, or its content mentions a
     * time that overlaps it. One boost either way; the reason names the match (when both, the first mention too).
     */
    static String match(TimeWords.Window w, Instant occurredAt, List<TimeSpan> mentions) {
        TimeSpan mentioned = mentions.stream().filter(s -> s.overlaps(w.from(), w.to())).findFirst().orElse(null);
        String mention = mentioned == null ? null
                : "mentions '" + mentioned.text() + "' (" + mentioned.days() + ") within " + w.label();
        if (w.contains(occurredAt)) {
            return "time: said within " + w.label() + (mention == null ? "" : "; " + mention);
        }
        return mention == null ? null : "time: " + mention;
    }

    /**
     * Keeps time/candidates' columns of statement rows that carry them ({@code occurredAt}, {@code memoryStrength},
     * {@code lastRecalledAt}, the mention lists: recall/features and recall/expand), with queued reinforcement applied, so that
     * {@link #rank} needs no statement of its own. Call inside {@link #reading}.
     */
    void collect(Map<String, Map<String, Object>> into, List<Map<String, Object>> rows) {
        for (Map<String, Object> row : rows) {
            String id = (String) row.get("id");
            if (!into.containsKey(id)) {
                Map<String, Object> t = new HashMap<>();
                t.put("id", id);
                t.put("occurredAt", row.get("occurredAt"));
                t.put("strength", row.get("memoryStrength"));
                t.put("lastRecalledAt", row.get("lastRecalledAt"));
                t.put("mentionTexts", row.get("mentionTexts"));
                t.put("mentionFroms", row.get("mentionFroms"));
                t.put("mentionTos", row.get("mentionTos"));
                into.put(id, reinforcement.overlay(t));
            }
        }
    }

    /** Runs reads whose rows go to {@link #collect}: no queued reinforcement is written meanwhile. */
    <T> T reading(Supplier<T> work) {
        return reinforcement.reading(work);
    }

    /**
     * The memories with these ids, in the order asked, as a read after every queued reinforcement would show them,
     * without writing the queue: recall reads what it returns this way, so a recall does not wait for a write.
     */
    List<Memory> memories(List<String> ids) {
        return reinforcement.reading(() -> store.read(tx -> memories(tx, ids)));
    }

    /** {@link #memories(List)} within the caller's read transaction. Call inside {@link #reading}. */
    @SuppressWarnings("unchecked")
    List<Memory> memories(GraphStore.Tx tx, List<String> ids) {
        Map<String, Memory> byId = new HashMap<>();
        for (Map<String, Object> row : tx.run("memory/get", Map.of("ids", ids))) {
            Memory m = MemoryRows.memory(reinforcement.overlay((Map<String, Object>) row.get("memory")));
            byId.put(m.id(), m);
        }
        return ids.stream().map(byId::get).filter(m -> m != null).toList();
    }

    /** Plans the statements once at start (the first run of each costs 0.2-1 s). */
    void warmUp() {
        store.query("time/candidates", Map.of("ids", List.of()));
        Map<String, Object> p = new HashMap<>();
        p.put("ids", List.of());
        p.put("now", clock.instant().atZone(ZoneOffset.UTC));
        p.put("growth", growth);
        p.put("max", maxStrength);
        store.update("time/reinforce", p);
        p.remove("ids");
        p.put("rows", List.of());
        store.update("time/reinforce_batch", p);
    }

    /**
     * Recall is a use: what it returned is remembered a little better (recallCount + 1, lastRecalledAt = now,
     * strength + growth), queued and written after the answer by {@link ReinforcementWriter}. An as-of question about
     * the past is a look at history, not a use, and reinforces nothing.
     */
    void reinforce(RecallRequest r, List<Recollection> returned) {
        Instant now = clock.instant();
        if (returned.isEmpty() || r.at().isBefore(now.minus(NOW_TOLERANCE))) {
            return;
        }
        reinforcement.add(returned.stream().map(x -> x.memory().id()).toList(), now);
    }
}
