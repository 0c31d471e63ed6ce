package dev.backprop.training;

import dev.backprop.engine.EngineException;
import dev.backprop.engine.train.LogisticRegressionTraining;
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
    private volatile boolean accepting = true;

    public JobService(JobStore store, JobLimits limits, TenantQuotas tenants, Clock clock, JsonMapper json, Pools pools) {
        this.store = store;
        this.tenants = tenants;
        this.admission = new JobAdmission(pools.jobs(), store);
        this.limits = limits;
        this.clock = clock;
        this.json = json;
        this.executor = new ThreadPoolExecutor(limits.threads(), limits.threads(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, limits.queueLength())), Thread.ofPlatform().name("job-", 0).factory());
        this.ticker = new EventTicker(limits.streamInterval(), limits.streamWriteBudget());
    }

    public Job submit(Caller caller, TrainingSpec spec) {
        TrainingSpec s = spec.withDefaults();
        boolean synthetic = s.data().synthetic() != null;
        long samples = synthetic ? 2L * s.data().synthetic().samplesPerClass() : s.data().inline().samples();
        long features = synthetic ? s.data().synthetic().features() : s.data().inline().features();
        return submit(caller, s, samples, features, synthetic, () -> s);
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
            job = new Job(UUID.randomUUID().toString(), caller, clock.instant(), training,
                    training.data().sample(limits.maxPoints()), new JobJournal(limits.maxLogBytes().toBytes(), s.logEvery(), this::write),
                    memory);
        } catch (RuntimeException | Error e) {
            if (memory != null) memory.release();
            if (metered) activeJobs.release(caller.owner(), 1);
            throw e;
        }
        store.save(job);
        status(job, JobStatus.QUEUED);
        Runnable task = () -> run(job);
        queued.put(job, task);
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            job.error = "the job queue was full";
            finish(job, JobStatus.FAILED);
            throw new QueueFullException(limits.queueLength(), 2);
        }
        return job;
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
        return store.find(caller.owner(), id).orElseThrow(() -> ApiException.notFound("job", id));
    }

    /** A job the caller may see and cancel: its own, or any tenant's for an admin. */
    public Job visible(Caller caller, String id) {
        return (caller.admin() ? store.findAnyOwner(id) : store.find(caller.owner(), id))
                .orElseThrow(() -> ApiException.notFound("job", id));
    }

    /** A page of the jobs the caller may see (every tenant's for an admin), newest first, of one status when it is given. */
    public Page<Job> list(Caller caller, PageQuery query, JobStatus status) {
        List<Job> visible = caller.admin() ? store.all() : store.list(caller.owner());
        if (status != null) visible = visible.stream().filter(j -> j.status == status).toList();
        return Page.of(visible, Job::position, query);
    }

    /** Asks a job to stop; idempotent for a cancelled job, 409 for one that already finished otherwise. */
    public Job cancel(Caller caller, String id) {
        Job job = visible(caller, id);
        synchronized (job) {
            if (job.status == JobStatus.CANCELLED) {
                return job;
            }
            if (job.status.isTerminal()) {
                throw new ApiException(409, "job-finished", "job '" + id + "' has already finished (" + job.status + ")");
            }
            job.cancelRequested.set(true);
            if (job.status == JobStatus.QUEUED && executor.remove(runnableOf(job))) {
                finish(job, JobStatus.CANCELLED);
            }
        }
        return job;
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
     * Stops taking jobs, lets running ones finish for up to {@code grace}, then cancels what is left; every
     * job ends in a terminal state with its terminal event, so every open stream closes.
     */
    public void shutdown(java.time.Duration grace) {
        accepting = false;
        long deadline = System.nanoTime() + grace.toNanos();
        while (System.nanoTime() < deadline && store.all().stream().anyMatch(j -> !j.status.isTerminal())) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
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
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        executor.shutdownNow();
    }

    private final Map<Job, Runnable> queued = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private Runnable runnableOf(Job job) {
        return queued.get(job);
    }

    private void run(Job job) {
        queued.remove(job);
        synchronized (job) {
            if (job.status.isTerminal()) return;
            if (job.cancelRequested.get()) {
                finish(job, JobStatus.CANCELLED);
                return;
            }
            job.startedAt = clock.instant();
            status(job, JobStatus.RUNNING);
        }
        LogisticRegressionTraining training = job.training;
        try {
            TrainingResult result = training.run(m -> metrics(job, m), job.cancelRequested::get);
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
            job.finishedAt = clock.instant();
            job.status = terminal;
            if (job.metered) activeJobs.release(job.owner, 1);
            // before the terminal event is published: a client that sees it may submit the next job at once
            job.memory.dropData();
            job.journal.end(terminal, job.error);
        }
        job.memory.finish(job.keptBytes());
    }

    private void status(Job job, JobStatus s) {
        job.status = s;
        job.journal.status(s, null);
    }

    private String write(Object value) {
        return json.writeValueAsString(value);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
        ticker.close();
    }
}
