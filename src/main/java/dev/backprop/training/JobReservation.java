package dev.backprop.training;

import dev.backprop.memory.MemoryPool;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One job's share of the jobs' memory pool: its data while it runs, and what it keeps once finished (its
 * log, history and points). Each part is released once, whoever releases it first.
 */
final class JobReservation {
    private final MemoryPool pool;
    private final AtomicLong data;
    private final AtomicLong kept;

    JobReservation(MemoryPool pool, long data, long kept) {
        this.pool = pool;
        this.data = new AtomicLong(data);
        this.kept = new AtomicLong(kept);
    }

    /** The job's training is over: its data is gone. */
    void dropData() {
        pool.release(data.getAndSet(0));
    }

    /** The job has ended: its data is gone, and of the rest it keeps {@code keptBytes} at most. */
    void finish(long keptBytes) {
        dropData();
        long before = kept.getAndUpdate(k -> Math.min(k, keptBytes));
        pool.release(before - Math.min(before, keptBytes));
    }

    /** The job is gone. */
    void release() {
        pool.release(data.getAndSet(0));
        pool.release(kept.getAndSet(0));
    }

    long dataBytes() {
        return data.get();
    }

    long keptBytes() {
        return kept.get();
    }
}
