package dev.backprop.training;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
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
    /** Readers pausing between looks, woken when the log closes. */
    private final Set<Thread> readers = ConcurrentHashMap.newKeySet();

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
        readers.forEach(LockSupport::unpark);
    }

    /**
     * Pauses the calling reader up to {@code nanos}, or until the log closes: readers look for new events
     * now and then but see the end at once. (A latch would do, but a thousand readers timing out of one
     * latch's queue cost quadratic time.)
     */
    void pause(long nanos) throws InterruptedException {
        Thread reader = Thread.currentThread();
        readers.add(reader);
        try {
            if (!closed) {
                LockSupport.parkNanos(this, nanos);
            }
        } finally {
            readers.remove(reader);
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
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

    boolean isClosed() {
        return closed;
    }

    int size() {
        return size;
    }
}
