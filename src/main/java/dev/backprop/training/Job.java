package dev.backprop.training;

import dev.backprop.engine.train.Dataset;
import dev.backprop.session.Caller;
import dev.backprop.engine.train.LogisticRegressionTraining;
import dev.backprop.engine.train.TrainedModel;
import dev.backprop.engine.train.TrainingMetrics;
import dev.backprop.engine.train.TrainingResult;
import dev.backprop.session.Cursor;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One training job: its owner, status, latest metrics, result, journal (events and metrics history) and a
 * bounded sample of its points. Its training, with the data, lives only until the job ends; then only the
 * trained model is kept, to predict with.
 */
public final class Job {
    final String id;
    final String owner;
    /** Whether the job counts against its tenant's quota of active jobs. */
    final boolean metered;
    final Instant createdAt;
    final int features;
    final Dataset points;
    final JobJournal journal;
    final JobReservation memory;
    final AtomicBoolean cancelRequested = new AtomicBoolean();
    /** What of the job is written to the store, and what is still to be. */
    final JobDurability durability = new JobDurability();
    volatile LogisticRegressionTraining training;
    volatile TrainedModel model;
    volatile JobStatus status = JobStatus.QUEUED;
    volatile Instant startedAt;
    volatile Instant finishedAt;
    volatile TrainingMetrics latest;
    volatile TrainingResult result;
    volatile String error;

    Job(String id, Caller caller, Instant createdAt, LogisticRegressionTraining training, Dataset points, JobJournal journal,
        JobReservation memory) {
        this(id, caller.owner(), !caller.isLocal(), createdAt, training.data().features(), points, journal, memory);
        this.training = training;
    }

    /** A job as its stored record puts it back, without its training (which a job that goes on is given). */
    Job(String id, String owner, boolean metered, Instant createdAt, int features, Dataset points, JobJournal journal,
        JobReservation memory) {
        this.id = id;
        this.owner = owner;
        this.metered = metered;
        this.createdAt = createdAt;
        this.features = features;
        this.points = points;
        this.journal = journal;
        this.memory = memory;
    }

    public String id() {
        return id;
    }

    public String owner() {
        return owner;
    }

    public JobStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** What a listing shows of the job now. */
    public JobSummary summary() {
        return new JobSummary(id, status, createdAt, startedAt, finishedAt, latest, result, error);
    }

    /** Where the job stands in a newest-first listing. */
    public Cursor position() {
        return new Cursor(createdAt, id);
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    /** The latest logged iteration (whether or not the journal kept it). */
    public TrainingMetrics latest() {
        return latest;
    }

    /** The logged iterations the journal keeps, in order (all of them until it is thinned). */
    public List<TrainingMetrics> history() {
        return journal.history();
    }

    /** The kept metrics of a logged iteration, or null if it was not logged or was thinned out. */
    public TrainingMetrics metricsAt(int iteration) {
        return journal.metricsAt(iteration);
    }

    /** The kept sample of the data's rows (at most {@code backprop.jobs.max-points}), for plots. */
    public float[][] rows() {
        return points.rows();
    }

    /** The labels of {@link #rows}. */
    public float[] labels() {
        return points.labels();
    }

    public TrainingResult result() {
        return result;
    }

    public String error() {
        return error;
    }

    public int features() {
        return features;
    }

    /** Bytes the job holds once it has ended: its journal and its points. */
    long keptBytes() {
        return journal.footprint() + pointsBytes(points.size(), features);
    }

    /** Bytes of a sample of {@code rows} points of {@code features} values and their labels, as tensors. */
    static long pointsBytes(long rows, long features) {
        return 4 * rows * (features + 1) + 512;
    }
}
