package dev.backprop.training;

import dev.backprop.engine.optim.OptimizerFields;
import dev.backprop.engine.optim.OptimizerSpec;
import dev.backprop.engine.train.Dataset;
import dev.backprop.engine.train.TrainingData;
import dev.backprop.engine.train.TrainingMetrics;
import dev.backprop.engine.train.TrainingResult;
import dev.backprop.engine.train.TrainingSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.StdConverter;

/**
 * How a job's parts take their stored form and come back from it: the spec as JSON with its inline data apart
 * (as {@link RowsFormat} bytes), the points, the result, checkpoints, and the metrics of stored events.
 */
final class JobRecordForm {
    private final JsonMapper json = JsonMapper.builder().addMixIn(OptimizerSpec.class, StoredOptimizer.class).build();

    /** An optimizer is stored as the request fields that name it, and read back through them. */
    @JsonSerialize(converter = StoredOptimizer.Write.class)
    @JsonDeserialize(converter = StoredOptimizer.Read.class)
    private interface StoredOptimizer {
        final class Write extends StdConverter<OptimizerSpec, OptimizerFields> {
            @Override
            public OptimizerFields convert(OptimizerSpec spec) {
                return spec.fields();
            }
        }

        final class Read extends StdConverter<OptimizerFields, OptimizerSpec> {
            @Override
            public OptimizerSpec convert(OptimizerFields fields) {
                return fields.spec();
            }
        }
    }

    /** The spec as JSON, without inline data (which {@link #data} holds). */
    String spec(TrainingSpec spec) {
        return json.writeValueAsString(spec.data().inline() == null ? spec : spec.withData(null));
    }

    /** The spec's inline data, or null for synthetic data. */
    byte[] data(TrainingSpec spec) {
        TrainingData.Inline inline = spec.data().inline();
        return inline == null ? null : RowsFormat.write(inline.x(), inline.features(), inline.y());
    }

    /** The spec {@link #spec(TrainingSpec)} and {@link #data} wrote; fails when they no longer make a valid spec. */
    TrainingSpec spec(String spec, byte[] data) {
        TrainingSpec read = json.readValue(spec, TrainingSpec.class);
        if (data != null) {
            RowsFormat.Rows rows = RowsFormat.read(data);
            read = read.withData(TrainingData.inline(rows.x(), rows.features(), rows.y()));
        } else if (read.data() == null || read.data().synthetic() == null) {
            throw new IllegalArgumentException("the job's inline data is no longer stored");
        }
        return read.withDefaults();
    }

    /** The {@code logEvery} a stored spec names, whether or not the rest of it still reads. */
    int logEvery(String spec) {
        try {
            JsonNode every = json.readTree(spec).get("logEvery");
            return every != null && every.isInt() && every.intValue() > 0 ? every.intValue() : TrainingSpec.LOG_EVERY;
        } catch (RuntimeException unreadable) {
            return TrainingSpec.LOG_EVERY;
        }
    }

    /** The sample of rows {@link #points(Dataset)} wrote. */
    Dataset points(byte[] stored) {
        RowsFormat.Rows p = RowsFormat.read(stored);
        return Dataset.inline(new TrainingData.Inline(p.x(), p.features(), p.y()));
    }

    byte[] points(Dataset points) {
        int n = points.size(), f = points.features();
        float[] x = new float[n * f], y = new float[n];
        for (int i = 0; i < x.length; i++) x[i] = (float) points.x().getDouble(i);
        for (int i = 0; i < n; i++) y[i] = (float) points.y().getDouble(i);
        return RowsFormat.write(x, f, y);
    }

    String result(TrainingResult result) {
        return result == null ? null : json.writeValueAsString(result);
    }

    TrainingResult result(String result) {
        return result == null ? null : json.readValue(result, TrainingResult.class);
    }

    JobLedger.Checkpoint checkpoint(JobDurability.Offered offered) {
        TrainingMetrics pending = offered.position().pending();
        return new JobLedger.Checkpoint(offered.checkpoint().nextIteration(), offered.position().lastEventId(),
                offered.checkpoint().toBytes(), pending == null ? null : json.writeValueAsString(JobJournal.metricsJson(pending)));
    }

    TrainingMetrics pendingMetrics(JobLedger.Checkpoint checkpoint) {
        return checkpoint.pendingMetrics() == null ? null : metrics(checkpoint.pendingMetrics());
    }

    /** Metrics as a {@code metrics} event's data, or null. */
    String metrics(TrainingMetrics metrics) {
        return metrics == null ? null : json.writeValueAsString(JobJournal.metricsJson(metrics));
    }

    /** What a listing shows of a stored job. */
    JobSummary summary(JobLedger.StoredSummary s) {
        return new JobSummary(s.id(), s.status(), s.createdAt(), s.startedAt(), s.finishedAt(),
                s.latestMetrics() == null ? null : metrics(s.latestMetrics()), result(s.result()), s.error());
    }

    /** The metrics of a {@code metrics} event's data, as the journal rendered them. */
    TrainingMetrics metrics(String data) {
        JsonNode m = json.readTree(data);
        JsonNode w = m.get("weights");
        float[] weights = new float[w.size()];
        for (int i = 0; i < weights.length; i++) weights[i] = (float) number(w.get(i));
        return new TrainingMetrics(m.get("iteration").intValue(), number(m.get("loss")), number(m.get("accuracy")), weights,
                (float) number(m.get("bias")), Math.round(number(m.get("elapsedMs")) * 1e6));
    }

    /** The {@code metricsEvery} of a {@code thinned} event's data. */
    long metricsEvery(String data) {
        return json.readTree(data).get("metricsEvery").longValue();
    }

    /** A number as the service writes it: a JSON number, or a string for NaN and the infinities. */
    private static double number(JsonNode node) {
        if (node == null || node.isNull()) return Double.NaN;
        return node.isString() ? Double.parseDouble(node.stringValue()) : node.doubleValue();
    }
}
