package dev.backprop.training;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Jobs in memory, keyed by (owner, id); finished ones are kept up to a count and an age, and while the jobs'
 * memory pool has room for new ones.
 */
@Component
class InMemoryJobStore implements JobStore {
    private record Key(String owner, String id) {}

    private final ConcurrentHashMap<Key, Job> jobs = new ConcurrentHashMap<>();
    private final JobLimits limits;
    private final Clock clock;

    InMemoryJobStore(JobLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public void save(Job job) {
        jobs.put(new Key(job.owner, job.id), job);
    }

    @Override
    public Optional<Job> find(String owner, String id) {
        return Optional.ofNullable(jobs.get(new Key(owner, id)));
    }

    @Override
    public Optional<Job> findAnyOwner(String id) {
        return jobs.values().stream().filter(j -> j.id.equals(id)).findFirst();
    }

    @Override
    public List<Job> list(String owner) {
        List<Job> mine = new ArrayList<>();
        for (Job j : jobs.values()) {
            if (j.owner.equals(owner)) mine.add(j);
        }
        return mine;
    }

    @Override
    public List<Job> all() {
        return new ArrayList<>(jobs.values());
    }

    @Override
    public void evictFinished() {
        Instant oldest = clock.instant().minus(limits.keepFor());
        List<Job> finished = finishedNewestFirst();
        for (int i = 0; i < finished.size(); i++) {
            Job j = finished.get(i);
            if (i >= limits.keepFinished() || j.finishedAt.isBefore(oldest)) {
                evict(j);
            }
        }
    }

    @Override
    public boolean remove(Job job) {
        return evict(job);
    }

    @Override
    public boolean evictOldestFinished() {
        for (List<Job> finished = finishedNewestFirst(); !finished.isEmpty(); finished.removeLast()) {
            if (evict(finished.getLast())) return true;
        }
        return false;
    }

    private List<Job> finishedNewestFirst() {
        List<Job> finished = new ArrayList<>();
        for (Job j : jobs.values()) {
            if (j.status.isTerminal() && j.finishedAt != null) finished.add(j);
        }
        finished.sort(Comparator.comparing(Job::finishedAt).reversed());
        return finished;
    }

    /** Drops a job and releases its memory, unless another caller dropped it first. */
    private boolean evict(Job j) {
        if (!jobs.remove(new Key(j.owner, j.id), j)) return false;
        j.memory.release();
        return true;
    }
}
