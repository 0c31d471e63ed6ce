package dev.backprop.web;

import dev.backprop.engine.train.TrainingMetrics;
import dev.backprop.engine.train.TrainingResult;
import dev.backprop.training.Job;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

@Schema(description = "A training job: its status, latest metrics and, when done, its result", example = """
        {"id": "5f0c6a8e-2b7d-4c1e-9f3a-1d2e3f4a5b6c", "status": "SUCCEEDED", "createdAt": "2026-11-26T12:00:00Z",
         "startedAt": "2026-11-26T12:00:00.010Z", "finishedAt": "2026-11-26T12:00:00.050Z",
         "metrics": {"iteration": 540, "loss": 0.0447, "accuracy": 0.995, "weights": [-1.48, -1.70], "bias": 2.22, "elapsedMs": 12.5},
         "result": {"weights": [-1.48, -1.70], "bias": 2.22, "loss": 0.0447, "accuracy": 0.995, "iterations": 541, "elapsedMs": 12.6},
         "error": null}""")
record JobView(String id, String status, Instant createdAt, Instant startedAt, Instant finishedAt, Metrics metrics, Result result,
               String error) {

    @Schema(description = "One logged iteration", example = """
            {"iteration": 20, "loss": 0.1936, "accuracy": 0.94, "weights": [-0.79, -0.61], "bias": 0.2575, "elapsedMs": 0.9}""")
    record Metrics(int iteration, double loss, double accuracy, float[] weights, float bias, double elapsedMs) {
        static Metrics of(TrainingMetrics m) {
            return m == null ? null : new Metrics(m.iteration(), m.loss(), m.accuracy(), m.weights(), m.bias(), m.elapsedNanos() / 1e6);
        }
    }

    @Schema(description = "The trained model and how training ended", example = """
            {"weights": [-1.48, -1.70], "bias": 2.22, "loss": 0.0447, "accuracy": 0.995, "iterations": 541, "elapsedMs": 12.6}""")
    record Result(float[] weights, float bias, double loss, double accuracy, int iterations, double elapsedMs) {
        static Result of(TrainingResult r) {
            return r == null ? null : new Result(r.weights(), r.bias(), r.loss(), r.accuracy(), r.iterations(), r.elapsedNanos() / 1e6);
        }
    }

    static JobView of(Job j) {
        return new JobView(j.id(), j.status().name(), j.createdAt(), j.startedAt(), j.finishedAt(), Metrics.of(j.latest()),
                Result.of(j.result()), j.error());
    }
}
