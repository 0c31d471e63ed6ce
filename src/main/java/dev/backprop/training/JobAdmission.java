package dev.backprop.training;

import dev.backprop.memory.MemoryPool;
import dev.backprop.session.ApiException;

/**
 * Lets a job in only if the memory it will need fits in the jobs' pool: its data at the training's peak, the
 * cap of its journal and its points. Finished jobs, oldest first, make room for it, but only if that is enough:
 * when running and queued jobs hold too much of the pool, it is refused with 429 and Retry-After (and no
 * finished job is dropped for nothing), and a job larger than the whole pool with 413.
 */
final class JobAdmission {
    /** A guess at how soon running jobs free memory; most jobs end within seconds. */
    static final int RETRY_AFTER_SECONDS = 5;

    private final MemoryPool pool;
    private final JobStore store;

    JobAdmission(MemoryPool pool, JobStore store) {
        this.pool = pool;
        this.store = store;
    }

    JobReservation admit(long samples, long features, boolean synthetic, long keptBytes) {
        long data = JobFootprint.data(samples, features, synthetic);
        long total = data + keptBytes;
        if (total > pool.capacity()) {
            throw ApiException.tooLarge("job-too-large", "a job of " + samples + " samples × " + features + " features needs "
                    + mib(total) + " of memory (its data while it trains, its log and its points); the jobs' memory holds "
                    + mib(pool.capacity()) + " in all");
        }
        while (!pool.tryReserve(total)) {
            long held = pool.reserved() - finishedBytes();
            if (held + total > pool.capacity() || !store.evictOldestFinished()) {
                throw ApiException.quota("job-memory-quota", "a job of " + samples + " samples × " + features + " features needs "
                        + mib(total) + " of memory; running and queued jobs hold " + mib(held) + " of the jobs' "
                        + mib(pool.capacity()) + "; retry when one has finished", RETRY_AFTER_SECONDS);
            }
        }
        return new JobReservation(pool, data, keptBytes);
    }

    /** Memory for a job put back from the store that holds only {@code keptBytes}, or null when the pool has no room. */
    JobReservation forKept(long keptBytes) {
        return pool.tryReserve(keptBytes) ? new JobReservation(pool, 0, keptBytes) : null;
    }

    /** What finished jobs hold, which evicting them would give back. */
    private long finishedBytes() {
        long bytes = 0;
        for (Job j : store.all()) {
            if (j.status.isTerminal()) bytes += j.memory.dataBytes() + j.memory.keptBytes();
        }
        return bytes;
    }

    private static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
