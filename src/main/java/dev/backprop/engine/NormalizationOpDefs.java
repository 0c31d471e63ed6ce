package dev.backprop.engine;

import static dev.backprop.engine.OpDefinition.op;

/** The ops behind the normalization and embedding layers of {@code torch.nn}. */
final class NormalizationOpDefs {
    private NormalizationOpDefs() {}

    static void register() {
        op("layer_norm(Tensor input, int[] normalized_shape, Tensor? weight = None, Tensor? bias = None, float eps = 1e-05)")
                .gradFn("NativeLayerNormBackward0")
                .does(a -> LayerNorm.apply(a.tensor("input"), a.ints("normalized_shape"), a.tensor("weight"), a.tensor("bias"),
                        a.number("eps")));
        op("embedding(Tensor input, Tensor weight, int? padding_idx = None, float? max_norm = None, float norm_type = 2.0, "
                + "bool scale_grad_by_freq = False, bool sparse = False)").gradFn("EmbeddingBackward0")
                .does(NormalizationOpDefs::embedding);
    }

    private static Tensor embedding(BoundArgs a) {
        if (a.has("max_norm")) {
            throw EngineException.invalid("embedding(max_norm=...) renormalizes the weight in place, which this service does not do");
        }
        if (a.bool("sparse")) {
            throw EngineException.invalid("embedding(sparse=True) makes a sparse gradient, which this service does not have");
        }
        return Embedding.apply(a.tensor("input"), a.tensor("weight"), (Long) a.raw("padding_idx"), a.bool("scale_grad_by_freq"));
    }
}
