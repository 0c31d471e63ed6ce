package dev.backprop.training;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wakes the readers of event logs that have something new for them, all of a log's readers together, once
 * a period.
 *
 * <p>The period is {@code interval}, or longer when so many streams are open that writing to each of them
 * every interval would take more than {@code writesPerSecond} writes a second in all: the CPU that streaming
 * takes from training stays bounded however many subscribers there are (a thousand subscribers of one job
 * get two writes a second each at the default budget of 2,000). The readers of a log wake in one burst, in
 * which the virtual-thread carriers run one stream after another without sleeping between them; a log with
 * nothing new wakes nobody; and the end of a job does not wait for the period: closing a log wakes its
 * readers at once.
 */
final class EventTicker implements AutoCloseable {
    /** The watched logs and when each one's readers were last woken. */
    private final Map<EventLog, Long> logs = new ConcurrentHashMap<>();
    private final AtomicInteger streams = new AtomicInteger();
    private final long intervalNanos;
    private final double writesPerSecond;
    private final ScheduledExecutorService clock;

    EventTicker(Duration interval, int writesPerSecond) {
        this.intervalNanos = Math.max(1, interval.toNanos());
        this.writesPerSecond = Math.max(1, writesPerSecond);
        clock = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("event-ticker").daemon().factory());
        clock.scheduleAtFixedRate(this::tick, intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);
    }

    /** A stream of {@code log} opened: its readers are woken from now on, until it closes. */
    void opened(EventLog log) {
        streams.incrementAndGet();
        logs.putIfAbsent(log, System.nanoTime());
    }

    /** A stream ended. */
    void closed() {
        streams.decrementAndGet();
    }

    /** The time between two writes to one stream now. */
    long periodNanos() {
        return Math.max(intervalNanos, (long) (streams.get() * 1e9 / writesPerSecond));
    }

    private void tick() {
        long now = System.nanoTime();
        // A log is due once a period has passed, give or take half a tick, so that the ticks do not stretch it.
        long due = periodNanos() - intervalNanos / 2;
        for (Map.Entry<EventLog, Long> e : logs.entrySet()) {
            EventLog log = e.getKey();
            if (log.isClosed()) {
                logs.remove(log);
            } else if (now - e.getValue() >= due) {
                e.setValue(now);
                log.wakeReaders();
            }
        }
    }

    @Override
    public void close() {
        clock.shutdownNow();
    }
}
