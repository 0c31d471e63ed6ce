package dev.backprop.training;

import dev.backprop.engine.train.LogisticRegressionTraining;
import dev.backprop.engine.train.TrainingMetrics;
import dev.backprop.engine.train.TrainingResult;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/** One training job: its owner, status, latest metrics, result and event log. */
public final class Job {
    final String id;
    final String owner;
    final Instant createdAt;
    final LogisticRegressionTraining training;
    final EventLog events = new EventLog();
    final AtomicBoolean cancelRequested = new AtomicBoolean();
    volatile JobStatus status = JobStatus.QUEUED;
    volatile Instant startedAt;
    volatile Instant finishedAt;
    volatile TrainingMetrics latest;
    final java.util.List<TrainingMetrics> history = new java.util.concurrent.CopyOnWriteArrayList<>();
    volatile TrainingResult result;
    volatile String error;

    Job(String id, String owner, Instant createdAt, LogisticRegressionTraining training) {
        this.id = id;
        this.owner = owner;
        this.createdAt = createdAt;
        this.training = training;
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

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public TrainingMetrics latest() {
        return latest;
    }

    /** Every logged iteration so far, in order. */
    public java.util.List<TrainingMetrics> history() {
        return java.util.List.copyOf(history);
    }

    /** The training data's rows and labels (for plots). */
    public float[][] rows() {
        return training.data().rows();
    }

    public float[] labels() {
        return training.data().labels();
    }

    public TrainingResult result() {
        return result;
    }

    public String error() {
        return error;
    }

    public int features() {
        return training.weights().length;
    }
}
