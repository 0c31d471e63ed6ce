package dev.backprop.training;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * A job's events, append-only, with ids 1, 2, 3, …. One writer (the job) appends; any number of readers
 * take snapshots without locking, so no reader can ever hold the job up.
 */
final class EventLog {
    private volatile JobEvent[] events = new JobEvent[64];
    private volatile int size;
    private volatile boolean closed;
    /** Parked readers and the last id each has taken. */
    private final ConcurrentHashMap<Thread, Long> waiting = new ConcurrentHashMap<>();

    synchronized void append(String name, String data) {
        JobEvent[] a = events;
        if (size == a.length) {
            a = Arrays.copyOf(a, a.length * 2);
            events = a;
        }
        a[size] = JobEvent.of(size + 1, name, data);
        size = size + 1;
    }

    /** Marks the log complete: no event follows (the last one was the terminal status). */
    void close() {
        closed = true;
        waiting.keySet().forEach(LockSupport::unpark);
    }

    /**
     * Parks the calling reader, which has taken every event up to {@code lastId}, until {@link #wakeReaders}
     * finds something after it, the log closes, or {@code nanos} pass. It may also return early; the reader
     * then simply looks again.
     */
    void await(long lastId, long nanos) throws InterruptedException {
        Thread reader = Thread.currentThread();
        waiting.put(reader, lastId);
        try {
            if (!closed) {
                LockSupport.parkNanos(this, nanos);
            }
        } finally {
            waiting.remove(reader);
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }

    /** Wakes every parked reader that has events to take. */
    void wakeReaders() {
        int n = size;
        waiting.forEach((reader, lastId) -> {
            if (lastId < n && waiting.remove(reader, lastId)) {
                LockSupport.unpark(reader);
            }
        });
    }

    /** The events after {@code lastId}, as they are now (possibly none). */
    List<JobEvent> after(long lastId) {
        int n = size;
        JobEvent[] a = events;
        if (lastId >= n) {
            return List.of();
        }
        return List.of(Arrays.copyOfRange(a, (int) Math.max(0, lastId), n));
    }

    /** Readers parked in {@link #await} now. */
    int waitingReaders() {
        return waiting.size();
    }

    boolean isClosed() {
        return closed;
    }

    int size() {
        return size;
    }
}
