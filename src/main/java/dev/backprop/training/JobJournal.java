package dev.backprop.training;

import dev.backprop.engine.train.TrainingMetrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A job's event log and metrics history, which together stay under a byte limit however long the job runs.
 *
 * <p>Status events are always kept. Metrics are kept while they fit; once the next event would pass the
 * limit, the journal is thinned: every other kept metrics event (and history entry) is dropped and from then
 * on only every 2nd logged iteration is even rendered, then every 4th, and so on, the stride doubling at each
 * thinning. When the job ends its final metrics are added before the terminal status if the stride had
 * skipped them, and kept whatever else is dropped, so the log and the history always end with them. Each thinning appends a {@code thinned} event,
 * {@code {"metricsEvery": iterations, "limitBytes": limit}}, and drops the one before it.
 *
 * <p>The job's thread writes (status changes may come from a request's thread; writes are serialised);
 * streams and requests read without locking.
 */
final class JobJournal {
    /** The tag of events that are always kept; metrics events are tagged with their logged iteration's ordinal. */
    static final int STATUS = -1;
    /** The tag of the {@code thinned} event, which the next thinning replaces. */
    static final int THINNED = -2;
    /** Room kept for the {@code thinned} event that a thinning appends. */
    private static final int THINNED_BYTES = 128;

    private final EventLog events;
    private final MetricsHistory history = new MetricsHistory();
    private final long limitBytes;
    private final int logEvery;
    private final Function<Object, String> json;
    private int stride = 1;
    /** The ordinal of the latest metrics in the log, which thinning keeps once the job is ending. */
    private int latestKept = -1;
    private boolean ending;
    /** The latest metrics, when the stride skipped them. */
    private TrainingMetrics skipped;

    JobJournal(long limitBytes, int logEvery, Function<Object, String> json) {
        this(limitBytes, logEvery, json, false);
    }

    /** A journal whose events readers see only once published ({@code deferred}), or at once. */
    JobJournal(long limitBytes, int logEvery, Function<Object, String> json, boolean deferred) {
        this.limitBytes = limitBytes;
        this.logEvery = logEvery;
        this.json = json;
        this.events = new EventLog((int) Math.min(EventLog.LARGEST_SEGMENT, limitBytes / 8), deferred);
    }

    /**
     * Puts back the journal a job had when its events were stored: the events (as they were rendered, with their
     * ids), the metrics history they hold, the stride of the latest {@code thinned} event, and the logged iteration
     * the stride had skipped ({@code pending}, or null). The restored events are published.
     */
    synchronized void restore(List<EventFrames.Event> stored, TrainingMetrics pending, Function<String, TrainingMetrics> parseMetrics,
                              Function<String, Long> parseMetricsEvery) {
        for (EventFrames.Event e : stored) {
            int tag = switch (e.name()) {
                case "metrics" -> {
                    TrainingMetrics m = parseMetrics.apply(e.data());
                    history.append(m);
                    latestKept = ordinal(m);
                    yield latestKept;
                }
                case "thinned" -> {
                    stride = (int) (parseMetricsEvery.apply(e.data()) / logEvery);
                    yield THINNED;
                }
                default -> STATUS;
            };
            events.appendRendered(e.id(), e.frame(), tag);
        }
        skipped = pending;
        events.publish(events.appendedId());
    }

    /** The id of the latest event and the logged iteration the stride skipped since the last kept one (or null). */
    synchronized Position position() {
        return new Position(events.appendedId(), skipped);
    }

    /** Where the journal stands: what a checkpoint records of it. */
    record Position(long lastEventId, TrainingMetrics pending) {}

    /** Logs a change of status. */
    synchronized void status(JobStatus status, String error) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", status.name());
        if (status.isTerminal() && error != null) data.put("error", error);
        String rendered = json.apply(data);
        makeRoom(EventLog.sizeOf("status", rendered), null);
        events.append("status", rendered, STATUS);
    }

    /** Logs an iteration's metrics if the stride takes it; otherwise it is not even rendered. */
    synchronized void metrics(TrainingMetrics m) {
        if (ordinal(m) % stride == 0) {
            keep(m);
        } else {
            skipped = m;
        }
    }

    /** Ends the log: the final metrics if the stride skipped them, then the terminal status. */
    synchronized void end(JobStatus terminal, String error) {
        ending = true;
        if (skipped != null) {
            keep(skipped);
        }
        status(terminal, error);
        events.retain(tag -> true);
        events.close();
    }

    /** Appends metrics unless making room for them thinned the journal to a stride that skips them. */
    private void keep(TrainingMetrics m) {
        String data = json.apply(metricsJson(m));
        makeRoom(EventLog.sizeOf("metrics", data), m);
        if (!ending && ordinal(m) % stride != 0) {
            skipped = m;
            return;
        }
        skipped = null;
        events.append("metrics", data, ordinal(m));
        history.append(m);
        latestKept = ordinal(m);
    }

    /** Thins the journal until an event of {@code bytes} (and {@code entry} in the history, if any) fits. */
    private void makeRoom(int bytes, TrainingMetrics entry) {
        int reserved = bytes + THINNED_BYTES;
        while (events.footprintWith(reserved) + (entry == null ? history.footprint() : history.footprintWith(entry)) > limitBytes) {
            long before = footprint();
            thin();
            if (footprint() >= before) break;
        }
    }

    /** Doubles the stride and drops the kept metrics off it (but the final ones). */
    private void thin() {
        if (stride < 1 << 30) stride *= 2;
        int every = stride, latest = ending ? latestKept : -1;
        events.retain(tag -> tag == STATUS || (tag >= 0 && (tag % every == 0 || tag == latest)));
        history.retain(m -> ordinal(m) % every == 0 || ordinal(m) == latest);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("metricsEvery", (long) every * logEvery);
        data.put("limitBytes", limitBytes);
        events.append("thinned", json.apply(data), THINNED);
    }

    private int ordinal(TrainingMetrics m) {
        return m.iteration() / logEvery;
    }

    static Map<String, Object> metricsJson(TrainingMetrics m) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("iteration", m.iteration());
        data.put("loss", m.loss());
        data.put("accuracy", m.accuracy());
        data.put("weights", m.weights());
        data.put("bias", m.bias());
        data.put("elapsedMs", m.elapsedNanos() / 1e6);
        return data;
    }

    /** Bytes the log and the history hold. */
    long footprint() {
        return events.footprint() + history.footprint();
    }

    EventLog events() {
        return events;
    }

    /** The kept metrics, in order. */
    List<TrainingMetrics> history() {
        return history.snapshot();
    }

    /** The kept metrics of {@code iteration}, or null. */
    TrainingMetrics metricsAt(int iteration) {
        return history.at(iteration);
    }

    /** Logged iterations apart in the kept metrics: {@code logEvery} until the first thinning. */
    synchronized long metricsEvery() {
        return (long) stride * logEvery;
    }
}
