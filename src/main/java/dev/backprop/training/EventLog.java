package dev.backprop.training;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A job's events, append-only, with ids 1, 2, 3, …. The job appends without ever waiting for a reader;
 * readers wait for events after the last id they have.
 */
final class EventLog {
    private final List<JobEvent> events = new ArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition appended = lock.newCondition();
    private boolean closed;

    JobEvent append(String name, String data) {
        lock.lock();
        try {
            JobEvent e = new JobEvent(events.size() + 1, name, data);
            events.add(e);
            appended.signalAll();
            return e;
        } finally {
            lock.unlock();
        }
    }

    /** Marks the log complete: no event follows (the last one was the terminal status). */
    void close() {
        lock.lock();
        try {
            closed = true;
            appended.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The events after {@code lastId}, waiting up to {@code wait} for one when there are none yet. */
    List<JobEvent> after(long lastId, Duration wait) throws InterruptedException {
        lock.lock();
        try {
            long deadline = System.nanoTime() + wait.toNanos();
            while (events.size() <= lastId && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !appended.await(left, TimeUnit.NANOSECONDS) && events.size() <= lastId) {
                    return List.of();
                }
            }
            return lastId >= events.size() ? List.of() : List.copyOf(events.subList((int) Math.max(0, lastId), events.size()));
        } finally {
            lock.unlock();
        }
    }

    boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return events.size();
        } finally {
            lock.unlock();
        }
    }
}
