package dev.backprop.training;

import java.time.Instant;
import java.util.List;

/**
 * Where jobs are written so that they outlive the process: a database ({@code backprop.store.type} embedded or
 * external), or nowhere ({@link #NONE}, jobs in memory only). The job service writes a new job before it answers
 * 202, then each job's events, checkpoints and end from one writer thread; at start-up it reads back every stored
 * job. A failure to reach the store is a {@link JobStoreUnavailableException}.
 */
public interface JobLedger {
    /** Keeps nothing: jobs live and die with the process. */
    JobLedger NONE = new JobLedger() {
        @Override
        public boolean durable() {
            return false;
        }

        @Override
        public java.time.Duration writeInterval() {
            return java.time.Duration.ofSeconds(1);
        }

        @Override
        public void created(NewJob job) {}

        @Override
        public void write(JobWrite write) {}


        @Override
        public void fail(String id, String reason) {}

        @Override
        public List<StoredJob> load(int finished) {
            return List.of();
        }

        @Override
        public List<String> dropExpired() {
            return List.of();
        }

        @Override
        public List<String> renewLeases() {
            return List.of();
        }

        @Override
        public List<StoredJob> claimExpired() {
            return List.of();
        }

        @Override
        public void release(String id) {}

        @Override
        public StoredJob find(String id, long afterEventId) {
            return null;
        }

        @Override
        public boolean requestCancel(String id) {
            return false;
        }


        @Override
        public AutoCloseable listen(java.util.function.Consumer<String> changed) {
            return () -> { };
        }

        @Override
        public List<StoredSummary> page(String owner, dev.backprop.session.PageQuery query, JobStatus status) {
            return List.of();
        }
    };

    /** Whether jobs written here outlive the process. */
    boolean durable();

    /** How often the job service writes running jobs' events and checkpoints. */
    java.time.Duration writeInterval();

    /** Records a new job with its first events; when this returns, the job is durable. */
    void created(NewJob job);

    /**
     * Records what changed in a job, its events and its checkpoint (or end) in one transaction; a
     * {@link JobLeaseLostException} when another process has taken the job over.
     */
    void write(JobWrite write);

    /** Ends a stored job that cannot be read back: FAILED with {@code reason}, its events left as they are. */
    void fail(String id, String reason);


    /**
     * At start-up: the unfinished jobs this process now runs (claimed: all of them on a store only this process uses,
     * else those whose lease has expired) and the {@code finished} jobs that finished last, oldest first.
     */
    List<StoredJob> load(int finished);

    /**
     * Drops the finished jobs past the store's retention (per tenant: its newest ones up to a count, none older than
     * an age) and answers their ids.
     */
    List<String> dropExpired();

    /**
     * Renews the lease of every unfinished job this process runs, and answers those of them that a cancel was asked
     * for through another process.
     */
    List<String> renewLeases();

    /** Claims the unfinished jobs whose lease has expired (their process died), for this process to go on with. */
    List<StoredJob> claimExpired();

    /** Lets another process claim this unfinished job at once (this one stops without finishing it). */
    void release(String id);

    /**
     * A job whichever process runs it, with only the events after {@code afterEventId} (its frames may begin with
     * events at or before it, which the caller skips); null if there is no such job.
     */
    StoredJob find(String id, long afterEventId);

    /** Asks the process that runs this unfinished job to cancel it; false if there is no such unfinished job. */
    boolean requestCancel(String id);

    /**
     * The jobs of {@code owner} (of every owner when null), of {@code status} when it is given, that {@code query}
     * admits: newest first, at most one more than its size.
     */
    List<StoredSummary> page(String owner, dev.backprop.session.PageQuery query, JobStatus status);

    /** A job as a listing shows it: {@code result} and {@code latestMetrics} as JSON, or null. */
    record StoredSummary(String id, JobStatus status, Instant createdAt, Instant startedAt, Instant finishedAt, String error, String result,
                         String latestMetrics) {}

    /**
     * Calls {@code changed} with a job's id each time a write of it is committed, by any process, from a thread of
     * its own, until the returned handle is closed. After a lost connection it calls {@code changed} with null:
     * anything may have changed meanwhile.
     */
    AutoCloseable listen(java.util.function.Consumer<String> changed);

    /**
     * A job as submitted.
     *
     * @param spec   the spec as JSON, its inline data left out
     * @param data   the inline data ({@link RowsFormat}), or null for synthetic data
     * @param points the sample of the rows kept for the plot ({@link RowsFormat})
     */
    record NewJob(String id, String owner, boolean metered, Instant createdAt, String spec, byte[] data, byte[] points, Events events) {}

    /**
     * Events {@code firstId}..{@code lastId} as a stream sends them; {@code replacesAll} when they replace every
     * stored event of the job (its log dropped some since the last write).
     */
    record Events(long firstId, long lastId, byte[] frames, boolean replacesAll) {}

    /** The state a running job resumes from, and the journal's position when it was taken. */
    record Checkpoint(int iteration, long lastEventId, byte[] state, String pendingMetrics) {}

    /**
     * A job's status and times as they are now, with events to add (or null), a checkpoint (or null) and its latest
     * logged metrics (JSON, or null). When the status is terminal, {@code result} (JSON, or null) and {@code error} are its end, and the job's checkpoint
     * and data are dropped.
     */
    record JobWrite(String id, JobStatus status, Instant startedAt, Instant finishedAt, String error, String result, Events events,
                    Checkpoint checkpoint, String latestMetrics) {}

    /** A job as stored: its submission, where it stands, every stored event's frames, and its checkpoint (or null). */
    record StoredJob(String id, String owner, boolean metered, Instant createdAt, String spec, byte[] data, byte[] points,
                     JobStatus status, Instant startedAt, Instant finishedAt, String error, String result, boolean cancelRequested,
                     byte[] frames, Checkpoint checkpoint) {}
}
