package dev.backprop.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The request bodies of the jobs API. */
final class JobRequests {
    private JobRequests() {}

    @Schema(description = "A logistic-regression training job; with synthetic data and a seed it is the seed's script",
            example = """
            {"data": {"synthetic": {"samplesPerClass": 100, "meanValue": 1.7, "bias": 1.0, "features": 2}}, "seed": 1,
             "optimizer": {"type": "sgd", "lr": 0.01, "momentum": 0.9}, "maxIterations": 1000, "targetAccuracy": 0.99,
             "logEvery": 20}""")
    record Create(Data data, Long seed, Optimizer optimizer, Integer maxIterations, Double targetAccuracy, Integer logEvery) {}

    @Schema(description = "Exactly one of synthetic, inline or session", example = """
            {"synthetic": {"samplesPerClass": 100, "meanValue": 1.7, "bias": 1.0, "features": 2}}""")
    record Data(Synthetic synthetic, Inline inline, SessionData session) {}

    @Schema(description = "The seed's two clouds of points", example = "{\"samplesPerClass\": 100, \"meanValue\": 1.7, \"bias\": 1.0, \"features\": 2}")
    record Synthetic(Integer samplesPerClass, Double meanValue, Double bias, Integer features) {}

    @Schema(description = "Rows of features and their 0/1 labels", example = "{\"x\": [[1.0, 2.0], [-1.0, -2.0]], \"y\": [0, 1]}")
    record Inline(List<List<Double>> x, List<Double> y) {}

    @Schema(description = "Tensors of a session: x of shape (n, features), y of shape (n)",
            example = "{\"id\": \"0b5e7c1e-4c0e-4a51-9a7e-2f6d8b1c9e3a\", \"x\": \"train_x\", \"y\": \"train_y\"}")
    record SessionData(String id, String x, String y) {}

    @Schema(description = "torch.optim.SGD or Adam", example = "{\"type\": \"sgd\", \"lr\": 0.01, \"momentum\": 0.9}")
    record Optimizer(@Schema(allowableValues = {"sgd", "adam"}) String type, Double lr, Double momentum, Double dampening,
                     Double weightDecay, Boolean nesterov, List<Double> betas, Double eps, Boolean amsgrad, Boolean maximize) {}

    @Schema(description = "Rows to classify", example = "{\"x\": [[1.17, 1.95], [-0.77, -0.35]]}")
    record Predict(List<List<Double>> x) {}
}
