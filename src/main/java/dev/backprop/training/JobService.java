package dev.backprop.training;

import dev.backprop.engine.EngineException;
import dev.backprop.engine.train.CheckpointSink;
import dev.backprop.engine.train.Dataset;
import dev.backprop.engine.train.LogisticRegressionTraining;
import dev.backprop.engine.train.StopReason;
import dev.backprop.engine.train.TrainingCheckpoint;
import dev.backprop.engine.train.TrainedModel;
import dev.backprop.engine.train.TrainingData;
import dev.backprop.engine.train.TrainingMetrics;
import dev.backprop.engine.train.TrainingResult;
import dev.backprop.engine.train.TrainingSpec;
import dev.backprop.memory.Pools;
import dev.backprop.session.ApiException;
import dev.backprop.session.Caller;
import dev.backprop.session.TenantQuotas;
import dev.backprop.session.TenantUsage;
import dev.backprop.session.Page;
import dev.backprop.session.PageQuery;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs training jobs on a bounded executor: a full queue answers 429, a cancel takes effect within one
 * iteration, and every status change and logged iteration becomes an event in the job's journal, which
 * stays under {@code backprop.jobs.max-log-bytes}. A job is admitted only if its memory fits in the jobs'
 * pool; when it ends its training data is let go, and it keeps its result, journal, points and model.
 */
@Service
public class JobService implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(JobService.class);

    private final JobStore store;
    private final JobLimits limits;
    private final TenantQuotas tenants;
    private final TenantUsage activeJobs = new TenantUsage();
    private final Clock clock;
    private final JsonMapper json;
    private final ThreadPoolExecutor executor;
    private final EventTicker ticker;
    private final JobAdmission admission;
    private final java.util.concurrent.atomic.AtomicLong iterations = new java.util.concurrent.atomic.AtomicLong();
    private final JobLedger ledger;
    private final JobRecordForm records;
    private final JobWriter writer;
    private final JobMirrors mirrors;
    private final AutoCloseable listening;
    private volatile boolean accepting = true;

    public JobService(JobStore store, JobLimits limits, TenantQuotas tenants, Clock clock, JsonMapper json, Pools pools, JobLedger ledger) {
        this.store = store;
        this.ledger = ledger;
        this.records = new JobRecordForm();
        this.tenants = tenants;
        this.admission = new JobAdmission(pools.jobs(), store);
        this.limits = limits;
        this.clock = clock;
        this.json = json;
        this.executor = new ThreadPoolExecutor(limits.threads(), limits.threads(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, limits.queueLength())), Thread.ofPlatform().name("job-", 0).factory());
        this.ticker = new EventTicker(limits.streamInterval(), limits.streamWriteBudget());
        this.writer = new JobWriter(ledger, ledger.writeInterval(), this::prepareWrite, this::leases, this::lost);
        this.mirrors = new JobMirrors(ledger, limits, admission, records, this::write, limits.keepFinished());
        if (ledger.durable()) {
            restore();
            listening = ledger.listen(this::changed);
        } else {
            listening = () -> { };
        }
    }

    public Job submit(Caller caller, TrainingSpec spec) {
        TrainingSpec s = spec.withDefaults();
        return submit(caller, s, samples(s), features(s), s.data().synthetic() != null, () -> s);
    }

    private static long samples(TrainingSpec s) {
        return s.data().synthetic() != null ? 2L * s.data().synthetic().samplesPerClass() : s.data().inline().samples();
    }

    private static long features(TrainingSpec s) {
        return s.data().synthetic() != null ? s.data().synthetic().features() : s.data().inline().features();
    }

    /**
     * Submits a job on data of {@code samples} × {@code features} that {@code copy} makes (from a session's
     * tensors) only once the job's memory is reserved; the data of {@code spec} is not used.
     */
    public Job submit(Caller caller, TrainingSpec spec, long samples, long features, Supplier<TrainingData> copy) {
        return submit(caller, spec.withDefaults(), samples, features, false, () -> spec.withData(copy.get()).withDefaults());
    }

    private Job submit(Caller caller, TrainingSpec s, long samples, long features, boolean synthetic, Supplier<TrainingSpec> withData) {
        if (!accepting) {
            throw new ShuttingDownException();
        }
        checkSize(s, samples, features);
        store.evictFinished();
        boolean metered = !caller.isLocal();
        if (metered && !activeJobs.tryAdd(caller.owner(), 1, tenants.maxActiveJobs())) {
            throw ApiException.quota("tenant-job-quota", "tenant '" + caller.owner() + "' has " + tenants.maxActiveJobs()
                    + " jobs queued or running, its limit: wait for one to finish, or cancel one");
        }
        long points = Math.min(samples, limits.maxPoints());
        JobReservation memory = null;
        Job job;
        try {
            memory = admission.admit(samples, features, synthetic, limits.maxLogBytes().toBytes() + Job.pointsBytes(points, features));
            LogisticRegressionTraining training = new LogisticRegressionTraining(withData.get());
            job = new Job(UUID.randomUUID().toString(), caller, now(), training,
                    training.data().sample(limits.maxPoints()), journal(s.logEvery()), memory);
            status(job, JobStatus.QUEUED);
            if (ledger.durable()) record(job, training);
        } catch (RuntimeException | Error e) {
            if (memory != null) memory.release();
            if (metered) activeJobs.release(caller.owner(), 1);
            throw e;
        }
        store.save(job);
        writer.track(job);
        if (!enqueue(job, "the job queue was full")) {
            throw new QueueFullException(limits.queueLength(), 2);
        }
        return job;
    }

    /** Queues the job to train; when the queue is full, ends it FAILED with {@code errorIfFull} and answers false. */
    private boolean enqueue(Job job, String errorIfFull) {
        Runnable task = () -> run(job);
        queued.put(job, task);
        try {
            executor.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            job.error = errorIfFull;
            finish(job, JobStatus.FAILED);
            return false;
        }
    }

    private JobJournal journal(int logEvery) {
        return new JobJournal(limits.maxLogBytes().toBytes(), logEvery, this::write, ledger.durable());
    }

    /** Writes the new job with its first event to the store, then lets streams see that event. */
    private void record(Job job, LogisticRegressionTraining training) {
        EventLog events = job.journal.events();
        EventLog.Frames first = events.framesBetween(0, events.appendedId());
        ledger.created(new JobLedger.NewJob(job.id, job.owner, job.metered, job.createdAt, records.spec(training.spec()),
                records.data(training.spec()), records.points(job.points),
                new JobLedger.Events(first.firstId(), first.lastId(), first.bytes(), false)));
        job.durability.writtenThrough = first.lastId();
        job.durability.statusThrough = first.lastId();
        job.durability.writtenStatus = JobStatus.QUEUED;
        events.publish(first.lastId());
    }

    private void checkSize(TrainingSpec s, long samples, long features) {
        if (samples < 1 || features < 1) {
            throw ApiException.badRequest("a job needs at least one sample of at least one feature");
        }
        if (samples > limits.maxSamples() || features > limits.maxFeatures() || samples * features > limits.maxElements()) {
            throw ApiException.tooLarge("job-too-large", "a job of " + samples + " samples × " + features + " features is over the "
                    + "limits (" + limits.maxSamples() + " samples, " + limits.maxFeatures() + " features, " + limits.maxElements()
                    + " values)");
        }
        if (s.maxIterations() > limits.maxIterations()) {
            throw ApiException.tooLarge("job-too-large", "maxIterations " + s.maxIterations() + " is over the limit of "
                    + limits.maxIterations());
        }
    }

    /** The caller's own job: what its events, plot, points and predictions are read from. */
    public Job get(Caller caller, String id) {
        return store.find(caller.owner(), id).or(() -> mirrored(id).filter(j -> j.owner.equals(caller.owner())))
                .orElseThrow(() -> ApiException.notFound("job", id));
    }

    /** A job the caller may see and cancel: its own, or any tenant's for an admin. */
    public Job visible(Caller caller, String id) {
        return (caller.admin() ? store.findAnyOwner(id) : store.find(caller.owner(), id))
                .or(() -> mirrored(id).filter(j -> caller.admin() || j.owner.equals(caller.owner())))
                .orElseThrow(() -> ApiException.notFound("job", id));
    }

    /** The job as stored, when another process sharing the store has it. */
    private java.util.Optional<Job> mirrored(String id) {
        if (!ledger.durable()) return java.util.Optional.empty();
        try {
            UUID.fromString(id);
        } catch (IllegalArgumentException notAJobId) {
            return java.util.Optional.empty();
        }
        return mirrors.find(id);
    }

    /** A write of a job was committed, by this process or another: a mirror of it follows. */
    private void changed(String id) {
        try {
            mirrors.changed(id);
        } catch (RuntimeException e) {
            log.debug("a mirrored job could not be read again", e);
        }
    }

    /** A page of the jobs the caller may see (every tenant's for an admin), newest first, of one status when it is given. */
    public Page<JobSummary> list(Caller caller, PageQuery query, JobStatus status) {
        if (ledger.durable()) {
            // every replica's jobs, from the store; this replica's own as they are now
            List<JobSummary> stored = ledger.page(caller.admin() ? null : caller.owner(), query, status).stream()
                    .map(s -> store.findAnyOwner(s.id()).map(Job::summary).orElseGet(() -> records.summary(s))).toList();
            return Page.of(stored, JobSummary::position, query);
        }
        List<Job> visible = caller.admin() ? store.all() : store.list(caller.owner());
        if (status != null) visible = visible.stream().filter(j -> j.status == status).toList();
        return Page.of(visible.stream().map(Job::summary).toList(), JobSummary::position, query);
    }

    /** Asks a job to stop; idempotent for a cancelled job, 409 for one that already finished otherwise. */
    public Job cancel(Caller caller, String id) {
        Job job = visible(caller, id);
        if (mirrors.isMirror(job)) {
            // the process that runs it reads the request at its next write and stops the job
            if (!job.status.isTerminal() && !ledger.requestCancel(id)) mirrors.changed(id);
        } else {
            cancel(job);
        }
        if (job.status.isTerminal() && job.status != JobStatus.CANCELLED) {
            throw new ApiException(409, "job-finished", "job '" + id + "' has already finished (" + job.status + ")");
        }
        return job;
    }

    /** Asks a job of this process to stop: at once if it is queued, else at its next iteration. */
    private void cancel(Job job) {
        synchronized (job) {
            if (job.status.isTerminal()) return;
            job.cancelRequested.set(true);
            if (job.status == JobStatus.QUEUED && executor.remove(runnableOf(job))) {
                finish(job, JobStatus.CANCELLED);
            }
        }
    }

    /** The trained model's probabilities and classes for new rows. */
    public float[] predict(Caller caller, String id, float[][] x) {
        Job job = get(caller, id);
        TrainedModel model = job.model;
        if ((job.status != JobStatus.SUCCEEDED && job.status != JobStatus.CANCELLED) || model == null) {
            throw new ApiException(409, "job-not-trained", "job '" + id + "' is " + job.status + ": predictions need a finished job");
        }
        synchronized (model) {
            return model.predict(x);
        }
    }

    /** The job's events as a stream for one subscriber. */
    public EventStream stream(Job job) {
        return new EventStream(job.journal.events(), ticker, limits.heartbeat(), limits.subscriberBuffer());
    }

    /** Training iterations completed by finished jobs since start. */
    public long iterationsRun() {
        return iterations.get();
    }

    /** Jobs of every owner by status, for the service's metrics. */
    public java.util.Map<JobStatus, Long> countByStatus() {
        java.util.Map<JobStatus, Long> counts = new java.util.EnumMap<>(JobStatus.class);
        for (JobStatus s : JobStatus.values()) counts.put(s, 0L);
        for (Job j : store.all()) counts.merge(j.status, 1L, Long::sum);
        return counts;
    }

    /**
     * Stops taking jobs. Without a store, lets running ones finish for up to {@code grace}, then cancels what is
     * left: every job ends in a terminal state with its terminal event, so every open stream closes. With a store,
     * hands the jobs back instead: each running job checkpoints and stops, everything is written, and the streams
     * end without a terminal event (their clients resume with Last-Event-ID from the next process, which goes on
     * with the jobs).
     */
    public void shutdown(java.time.Duration grace) {
        accepting = false;
        if (ledger.durable()) {
            handBack();
            return;
        }
        long deadline = System.nanoTime() + grace.toNanos();
        while (System.nanoTime() < deadline && store.all().stream().anyMatch(j -> !j.status.isTerminal())) {
            if (!pause(50)) break;
        }
        for (Job j : store.all()) {
            if (!j.status.isTerminal()) {
                j.cancelRequested.set(true);
                if (j.status == JobStatus.QUEUED && queued.get(j) != null && executor.remove(queued.get(j))) {
                    finish(j, JobStatus.CANCELLED);
                }
            }
        }
        long stop = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < stop && store.all().stream().anyMatch(j -> !j.status.isTerminal())) {
            if (!pause(20)) break;
        }
        executor.shutdownNow();
    }

    private void handBack() {
        List<Job> unfinished = store.all().stream().filter(j -> !j.status.isTerminal()).toList();
        unfinished.forEach(j -> j.durability.suspending = true);
        unfinished.forEach(j -> {
            Runnable task = queued.get(j);
            if (task != null && executor.remove(task)) j.durability.settled = true;
        });
        long stop = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < stop && unfinished.stream().anyMatch(j -> !j.durability.settled)) {
            if (!pause(10)) break;
        }
        executor.shutdownNow();
        unfinished.forEach(j -> j.durability.settled = true);
        long written = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
        do {
            writer.tick();
        } while (writer.pendingJobs() > 0 && System.nanoTime() < written && pause(50));
        for (Job j : unfinished) {
            if (j.status.isTerminal()) continue;
            j.journal.events().hangUp();
            try {
                ledger.release(j.id);
            } catch (RuntimeException e) {
                log.warn("job {} keeps its lease until it expires: {}", j.id, e.getMessage());
            }
        }
        writer.close();
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private final Map<Job, Runnable> queued = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private Runnable runnableOf(Job job) {
        return queued.get(job);
    }

    private void run(Job job) {
        queued.remove(job);
        JobDurability d = job.durability;
        synchronized (job) {
            if (job.status.isTerminal()) return;
            if (job.cancelRequested.get()) {
                finish(job, JobStatus.CANCELLED);
                return;
            }
            if (d.suspending) {
                d.settled = true;
                return;
            }
            // a job that goes on from the store is running already
            if (job.status != JobStatus.RUNNING) {
                job.startedAt = now();
                status(job, JobStatus.RUNNING);
                d.statusThrough = job.journal.events().appendedId();
            }
        }
        LogisticRegressionTraining training = job.training;
        try {
            TrainingResult result = training.run(m -> metrics(job, m), () -> job.cancelRequested.get() || d.suspending, checkpoints(job));
            if (result.stopReason() == StopReason.CANCELLED && !job.cancelRequested.get()) {
                d.settled = true;
                return;
            }
            job.result = result;
            iterations.addAndGet(result.iterations());
            finish(job, job.cancelRequested.get() ? JobStatus.CANCELLED : JobStatus.SUCCEEDED);
        } catch (EngineException | IllegalStateException e) {
            job.error = e.getMessage();
            finish(job, JobStatus.FAILED);
        } catch (RuntimeException e) {
            // An OutOfMemoryError is not caught: it ends the thread and the process (see Application).
            log.error("job {} failed", job.id, e);
            job.error = "the job failed";
            finish(job, JobStatus.FAILED);
        }
    }

    /** With a store, a checkpoint whenever the writer asks for one, and a last one when the service stops. */
    private CheckpointSink checkpoints(Job job) {
        if (!ledger.durable()) return CheckpointSink.NONE;
        JobDurability d = job.durability;
        return new CheckpointSink() {
            @Override
            public boolean due(int iterationsDone, long elapsedNanos) {
                return d.checkpointWanted || d.suspending;
            }

            @Override
            public void save(TrainingCheckpoint checkpoint) {
                d.offer(checkpoint, job.journal.position());
            }
        };
    }

    private void metrics(Job job, TrainingMetrics m) {
        job.latest = m;
        job.journal.metrics(m);
    }

    /**
     * Ends a job: it keeps the trained model, lets its training and data go, writes its terminal event and
     * gives back the memory of its data and whatever its journal did not use of its cap.
     */
    private void finish(Job job, JobStatus terminal) {
        queued.remove(job);
        synchronized (job) {
            if (job.status.isTerminal()) return;
            LogisticRegressionTraining training = job.training;
            if (training != null) job.model = training.trained();
            job.training = null;
            job.finishedAt = now();
            job.status = terminal;
            if (job.metered) activeJobs.release(job.owner, 1);
            // before the terminal event is published: a client that sees it may submit the next job at once
            job.memory.dropData();
            job.journal.end(terminal, job.error);
            job.durability.settled = true;
        }
        job.memory.finish(job.keptBytes());
        writer.wake();
    }

    /**
     * What the writer is to write of {@code job} now: its status, the events up to {@code offered} (the latest
     * checkpoint) or, once it has ended, all of them; null when nothing changed since the last write.
     */
    private JobWriter.Prepared prepareWrite(Job job, JobDurability.Offered offered) {
        JobDurability d = job.durability;
        synchronized (job) {
            JobStatus status = job.status;
            boolean ended = status.isTerminal();
            EventLog log = job.journal.events();
            long through = ended ? log.appendedId() : Math.max(d.statusThrough, offered == null ? 0 : offered.position().lastEventId());
            int generation = log.generation();
            boolean replace = generation != d.writtenGeneration;
            EventLog.Frames frames = log.framesBetween(replace ? 0 : d.writtenThrough, through);
            JobLedger.Checkpoint checkpoint = ended || offered == null ? null : records.checkpoint(offered);
            if (status == d.writtenStatus && frames == null && checkpoint == null) return null;
            JobLedger.Events events = frames == null ? null : new JobLedger.Events(frames.firstId(), frames.lastId(), frames.bytes(), replace);
            return new JobWriter.Prepared(new JobLedger.JobWrite(job.id, status, job.startedAt, job.finishedAt, ended ? job.error : null,
                    ended ? records.result(job.result) : null, events, checkpoint, records.metrics(job.latest)),
                    Math.max(through, d.writtenThrough), generation);
        }
    }

    private int leaseRounds;

    /**
     * Renews the leases of this process's jobs and cancels those a cancel was asked for through another process; about
     * every second takes over the jobs of a process that died (whose leases expired), going on with each from its
     * checkpoint. On the writer's thread.
     */
    private void leases() {
        for (String id : ledger.renewLeases()) {
            store.findAnyOwner(id).ifPresent(job -> cancel(job));
        }
        int roundsASecond = Math.max(1, (int) (1000 / Math.max(1, ledger.writeInterval().toMillis())));
        if (accepting && leaseRounds % roundsASecond == 0) {
            for (JobLedger.StoredJob stored : ledger.claimExpired()) {
                log.info("job {} is taken over from a process that stopped renewing its lease", stored.id());
                restoreOrFail(stored);
            }
        }
        if (leaseRounds % (60 * roundsASecond) == 0) {
            for (String id : ledger.dropExpired()) {
                store.findAnyOwner(id).ifPresent(store::remove);
                mirrors.drop(id);
            }
        }
        leaseRounds++;
    }

    /**
     * Stops a job another process has taken over: its training ends here, its streams end without a terminal event
     * (their clients resume from the job as the store has it), and this process lets it go.
     */
    private void lost(Job job) {
        job.durability.suspending = true;
        job.journal.events().hangUp();
        store.remove(job);
        if (job.metered) activeJobs.release(job.owner, 1);
    }

    /**
     * Puts back every stored job: a finished one as it ended, an unfinished one queued to go on from its last
     * checkpoint (or from its start, if it had none). A job that cannot go on (its spec, data or checkpoint no
     * longer runs, or there is no room for it) ends FAILED with the reason; one that cannot even be read is
     * written FAILED as it is. Then the finished jobs past the retention limits are dropped.
     */
    private void restore() {
        for (JobLedger.StoredJob stored : ledger.load(limits.keepFinished())) {
            restoreOrFail(stored);
        }
        store.evictFinished();
    }

    private void restoreOrFail(JobLedger.StoredJob stored) {
        if (store.findAnyOwner(stored.id()).isPresent()) return;
        mirrors.drop(stored.id());
        try {
            restore(stored);
        } catch (RuntimeException unreadable) {
            log.error("job {} could not be read back from the store; it is marked failed", stored.id(), unreadable);
            writer.markFailed(stored, "the job could not be read back from the store: " + unreadable.getMessage());
        }
    }

    private void restore(JobLedger.StoredJob s) {
        Dataset points = records.points(s.points());
        JobLedger.Checkpoint checkpoint = s.checkpoint();
        TrainingSpec spec = null;
        String unrunnable = null;
        try {
            spec = records.spec(s.spec(), s.data());
        } catch (RuntimeException e) {
            unrunnable = e.getMessage();
        }
        JobJournal journal = journal(spec == null ? records.logEvery(s.spec()) : spec.logEvery());
        journal.restore(EventFrames.split(s.frames()), checkpoint == null ? null : records.pendingMetrics(checkpoint),
                records::metrics, records::metricsEvery);
        long pointsBytes = Job.pointsBytes(points.size(), points.features());
        JobReservation memory = null;
        if (s.status().isTerminal()) {
            memory = admission.forKept(journal.footprint() + pointsBytes);
        } else {
            long kept = limits.maxLogBytes().toBytes() + pointsBytes;
            if (spec != null) {
                try {
                    memory = admission.admit(samples(spec), features(spec), spec.data().synthetic() != null, kept);
                } catch (ApiException full) {
                    unrunnable = full.getMessage();
                }
            }
            if (memory == null) memory = admission.forKept(kept);
        }
        if (memory == null) {
            // the store keeps it: a finished job is read from there when asked for, an unfinished one is claimed again
            log.warn("job {} is not held here now: the jobs' memory has no room for it", s.id());
            if (!s.status().isTerminal()) ledger.release(s.id());
            return;
        }
        Job job = new Job(s.id(), s.owner(), s.metered(), s.createdAt(), points.features(), points, journal, memory);
        job.status = s.status();
        job.startedAt = s.startedAt();
        job.finishedAt = s.finishedAt();
        job.error = s.error();
        List<TrainingMetrics> history = journal.history();
        job.latest = history.isEmpty() ? null : history.getLast();
        JobDurability d = job.durability;
        d.writtenThrough = journal.events().appendedId();
        d.statusThrough = d.writtenThrough;
        d.writtenStatus = s.status();
        if (s.status().isTerminal()) {
            job.result = records.result(s.result());
            if (job.result != null) job.model = TrainedModel.of(job.result.weights(), job.result.bias());
            journal.events().close();
            store.save(job);
            return;
        }
        if (job.metered) activeJobs.tryAdd(job.owner, 1, Integer.MAX_VALUE);
        store.save(job);
        writer.track(job);
        if (unrunnable == null) {
            try {
                job.training = checkpoint == null ? new LogisticRegressionTraining(spec)
                        : LogisticRegressionTraining.resume(spec, TrainingCheckpoint.fromBytes(checkpoint.state()));
            } catch (RuntimeException e) {
                unrunnable = e.getMessage();
            }
        }
        if (unrunnable != null) {
            job.error = "the job could not go on after a restart: " + unrunnable;
            finish(job, JobStatus.FAILED);
            return;
        }
        job.cancelRequested.set(s.cancelRequested());
        log.info("job {} goes on from iteration {} after a restart", job.id, checkpoint == null ? 0 : checkpoint.iteration());
        enqueue(job, "the job could not go on after a restart: the job queue was full");
    }

    /**
     * The time in microseconds, as the store keeps times: a job reads the same from memory and from the store, and a
     * listing's cursor means the same in both.
     */
    private java.time.Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private void status(Job job, JobStatus s) {
        job.status = s;
        job.journal.status(s, null);
    }

    private String write(Object value) {
        return json.writeValueAsString(value);
    }

    @Override
    public void destroy() throws Exception {
        listening.close();
        writer.close();
        executor.shutdownNow();
        ticker.close();
    }
}
