package dev.backprop.engine.train;

import dev.backprop.engine.EngineException;
import dev.backprop.engine.ErrorCode;
import dev.backprop.engine.optim.OptimizerSpec;

/**
 * A training job as a request describes it. Every field left null takes the value of the seed's script,
 * so an empty spec is the seed job: seed 1, the synthetic data, {@code SGD(lr=0.01, momentum=0.9)}, at
 * most 1000 iterations, a log every 20, and a stop once the accuracy of a logged iteration exceeds 0.99.
 *
 * @param seed {@code torch.manual_seed} before the data and the model are made
 */
public record TrainingSpec(Long seed, TrainingData data, OptimizerSpec optimizer, Integer maxIterations, Double targetAccuracy,
                           Integer logEvery) {
    public static final long SEED = 1;
    public static final int MAX_ITERATIONS = 1000;
    public static final double TARGET_ACCURACY = 0.99;
    public static final int LOG_EVERY = 20;

    /** The seed job, exactly as the reference script runs it. */
    public static TrainingSpec seedJob() {
        return new TrainingSpec(null, null, null, null, null, null).withDefaults();
    }

    /** This spec on other data. */
    public TrainingSpec withData(TrainingData other) {
        return new TrainingSpec(seed, other, optimizer, maxIterations, targetAccuracy, logEvery);
    }

    /** This spec with every null replaced by the seed's value, checked; fails with INVALID_ARGUMENT. */
    public TrainingSpec withDefaults() {
        int iterations = maxIterations == null ? MAX_ITERATIONS : maxIterations;
        int every = logEvery == null ? LOG_EVERY : logEvery;
        if (iterations < 0) {
            throw invalid("maxIterations must be >= 0, got " + iterations);
        }
        if (every < 1) {
            throw invalid("logEvery must be >= 1, got " + every);
        }
        return new TrainingSpec(seed == null ? SEED : seed, resolvedData(), optimizer == null ? OptimizerSpec.sgd(0.01, 0.9) : optimizer,
                iterations, targetAccuracy == null ? TARGET_ACCURACY : targetAccuracy, every);
    }

    private TrainingData resolvedData() {
        if (data == null || (data.synthetic() == null && data.inline() == null)) {
            return TrainingData.synthetic(100, 1.7, 1.0, 2);
        }
        if (data.synthetic() != null && data.inline() != null) {
            throw invalid("data must be either 'synthetic' or 'inline', not both");
        }
        TrainingData.Synthetic s = data.synthetic();
        if (s == null) {
            return data;
        }
        return TrainingData.synthetic(s.samplesPerClass() == null ? 100 : s.samplesPerClass(), s.meanValue() == null ? 1.7 : s.meanValue(),
                s.bias() == null ? 1.0 : s.bias(), s.features() == null ? 2 : s.features());
    }

    static EngineException invalid(String message) {
        return new EngineException(ErrorCode.INVALID_ARGUMENT, message);
    }
}
