package dev.backprop.training;

import java.util.List;
import java.util.Optional;

/** Where jobs and their events live; in memory; the job service writes them through to a {@link JobLedger}. */
public interface JobStore {
    void save(Job job);

    Optional<Job> find(String owner, String id);

    /** An id's job whichever tenant owns it (for an admin). */
    Optional<Job> findAnyOwner(String id);

    /** One owner's jobs, in no particular order. */
    List<Job> list(String owner);

    /** Every job of every owner (for metrics and shutdown). */
    List<Job> all();

    /** Drops finished jobs beyond the configured count and age, releasing their memory. */
    void evictFinished();

    /** Drops a job (finished, or no longer this process's), releasing its memory; false if it was not here. */
    boolean remove(Job job);

    /** Drops the finished job that finished first, releasing its memory; false if no job has finished. */
    boolean evictOldestFinished();
}
