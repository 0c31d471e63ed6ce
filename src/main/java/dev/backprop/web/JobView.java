package dev.backprop.web;

import dev.backprop.engine.train.TrainingMetrics;
import dev.backprop.engine.train.TrainingResult;
import dev.backprop.training.Job;
import dev.backprop.training.JobSummary;
import java.time.Instant;

record JobView(String id, String status, Instant createdAt, Instant startedAt, Instant finishedAt, Metrics metrics, Result result,
               String error) {

    record Metrics(int iteration, double loss, double accuracy, float[] weights, float bias, double elapsedMs) {
        static Metrics of(TrainingMetrics m) {
            return m == null ? null : new Metrics(m.iteration(), m.loss(), m.accuracy(), m.weights(), m.bias(), m.elapsedNanos() / 1e6);
        }
    }

    record Result(float[] weights, float bias, double loss, double accuracy, int iterations, double elapsedMs) {
        static Result of(TrainingResult r) {
            return r == null ? null : new Result(r.weights(), r.bias(), r.loss(), r.accuracy(), r.iterations(), r.elapsedNanos() / 1e6);
        }
    }

    static JobView of(Job j) {
        return of(j.summary());
    }

    static JobView of(JobSummary j) {
        return new JobView(j.id(), j.status().name(), j.createdAt(), j.startedAt(), j.finishedAt(), Metrics.of(j.latest()),
                Result.of(j.result()), j.error());
    }
}
