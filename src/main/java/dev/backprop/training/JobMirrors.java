package dev.backprop.training;

import dev.backprop.engine.train.Dataset;
import dev.backprop.engine.train.TrainedModel;
import dev.backprop.engine.train.TrainingMetrics;
import dev.backprop.session.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Jobs that another process sharing the database runs (or ran), as this process shows them: read from the store
 * when asked for, then kept up to date as that process's writes are committed (the store's notifications call
 * {@link #changed}), so that any replica serves any job's status, events, points, plot and predictions. At most
 * {@code capacity} are kept, the least recently used dropped first; each holds its share of the jobs' memory.
 */
final class JobMirrors {
    private final JobLedger ledger;
    private final JobLimits limits;
    private final JobAdmission admission;
    private final JobRecordForm records;
    private final Function<Object, String> json;
    private final int capacity;
    private final Map<String, Job> mirrors = new LinkedHashMap<>(16, 0.75f, true);

    JobMirrors(JobLedger ledger, JobLimits limits, JobAdmission admission, JobRecordForm records, Function<Object, String> json, int capacity) {
        this.ledger = ledger;
        this.limits = limits;
        this.admission = admission;
        this.records = records;
        this.json = json;
        this.capacity = capacity;
    }

    /** The job of {@code id} as stored, if another process has it. */
    Optional<Job> find(String id) {
        synchronized (this) {
            Job known = mirrors.get(id);
            if (known != null) return Optional.of(known);
        }
        JobLedger.StoredJob stored = ledger.find(id, 0);
        if (stored == null) return Optional.empty();
        Job mirror = mirror(stored);
        synchronized (this) {
            Job raced = mirrors.putIfAbsent(id, mirror);
            if (raced != null) {
                mirror.memory.release();
                return Optional.of(raced);
            }
            if (mirrors.size() > capacity) {
                var eldest = mirrors.entrySet().iterator();
                Job dropped = eldest.next().getValue();
                eldest.remove();
                dropped.memory.release();
            }
        }
        return Optional.of(mirror);
    }

    /** Reads again what changed of the job of {@code id} (of every mirrored job, when null), if it is mirrored. */
    void changed(String id) {
        List<Job> stale;
        synchronized (this) {
            stale = id == null ? new ArrayList<>(mirrors.values()) : Optional.ofNullable(mirrors.get(id)).map(List::of).orElse(List.of());
        }
        for (Job mirror : stale) refresh(mirror);
    }

    /**
     * Stops mirroring a job (this process now runs it, or it is gone): the mirror's streams end without a terminal
     * event, and their clients resume with Last-Event-ID from the job itself.
     */
    synchronized void drop(String id) {
        Job dropped = mirrors.remove(id);
        if (dropped == null) return;
        if (!dropped.journal.events().isClosed()) dropped.journal.events().hangUp();
        dropped.memory.release();
    }

    private void refresh(Job mirror) {
        JobLedger.StoredJob stored = ledger.find(mirror.id, mirror.journal.events().appendedId());
        if (stored == null) {
            drop(mirror.id);
            return;
        }
        synchronized (mirror) {
            if (mirror.status.isTerminal()) return;
            long last = mirror.journal.events().appendedId();
            mirror.journal.restore(EventFrames.split(stored.frames()).stream().filter(e -> e.id() > last).toList(), null, records::metrics,
                    records::metricsEvery);
            apply(mirror, stored);
        }
    }

    private Job mirror(JobLedger.StoredJob s) {
        Dataset points = records.points(s.points());
        JobJournal journal = new JobJournal(limits.maxLogBytes().toBytes(), records.logEvery(s.spec()), json);
        journal.restore(EventFrames.split(s.frames()), null, records::metrics, records::metricsEvery);
        long bytes = limits.maxLogBytes().toBytes() + Job.pointsBytes(points.size(), points.features());
        JobReservation memory = admission.forKept(bytes);
        if (memory == null) {
            throw ApiException.quota("job-memory-quota", "the jobs' memory has no room to show job '" + s.id() + "' here now; retry shortly",
                    JobAdmission.RETRY_AFTER_SECONDS);
        }
        Job mirror = new Job(s.id(), s.owner(), false, s.createdAt(), points.features(), points, journal, memory);
        apply(mirror, s);
        return mirror;
    }

    /** Takes the stored status, times, error and (once it has ended) result and model. */
    private void apply(Job mirror, JobLedger.StoredJob s) {
        List<TrainingMetrics> history = mirror.journal.history();
        mirror.latest = history.isEmpty() ? null : history.getLast();
        mirror.startedAt = s.startedAt();
        mirror.finishedAt = s.finishedAt();
        mirror.error = s.error();
        if (s.status().isTerminal()) {
            mirror.result = records.result(s.result());
            if (mirror.result != null) mirror.model = TrainedModel.of(mirror.result.weights(), mirror.result.bias());
            mirror.journal.events().close();
        }
        mirror.status = s.status();
    }

    /** Whether {@code job} is a mirror here (another process runs it). */
    synchronized boolean isMirror(Job job) {
        return mirrors.get(job.id) == job;
    }
}
