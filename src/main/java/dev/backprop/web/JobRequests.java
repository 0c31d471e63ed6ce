package dev.backprop.web;

import java.util.List;

/** The request bodies of the jobs API. */
final class JobRequests {
    private JobRequests() {}

    record Create(Data data, Long seed, Optimizer optimizer, Integer maxIterations, Double targetAccuracy, Integer logEvery) {}

    record Data(Synthetic synthetic, Inline inline, SessionData session) {}

    record Synthetic(Integer samplesPerClass, Double meanValue, Double bias, Integer features) {}

    record Inline(List<List<Double>> x, List<Double> y) {}

    record SessionData(String id, String x, String y) {}

    record Optimizer(String type, Double lr, Double momentum, Double dampening, Double weightDecay, Boolean nesterov, List<Double> betas,
                     Double eps, Boolean amsgrad, Boolean maximize, Double alpha, Boolean centered, Double lrDecay,
                     Double initialAccumulatorValue) implements OptimizerBody {}

    record Predict(List<List<Double>> x) {}
}
