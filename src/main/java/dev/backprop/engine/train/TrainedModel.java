package dev.backprop.engine.train;

import dev.backprop.engine.GradMode;
import dev.backprop.engine.Tensor;
import dev.backprop.engine.nn.Linear;
import dev.backprop.engine.nn.Module;
import dev.backprop.engine.nn.Sequential;
import dev.backprop.engine.nn.Sigmoid;
import dev.backprop.engine.random.Generator;

/**
 * What a trained {@code lr_net} needs to predict: the module itself (a weight of {@code features} values and
 * a bias), without the data it was trained on or the optimizer's state. Not thread-safe: serialise calls.
 */
public final class TrainedModel {
    private final Module model;
    private final int features;

    TrainedModel(Module model, int features) {
        this.model = model;
        this.features = features;
    }

    /** {@code lr_net} with these parameters: a trained model put back from its weights and bias. */
    public static TrainedModel of(float[] weights, float bias) {
        Linear linear = new Linear(weights.length, 1, true, new Generator(0));
        LogisticRegressionTraining.assign(linear.weight(), weights);
        LogisticRegressionTraining.assign(linear.bias(), new float[] {bias});
        return new TrainedModel(new Sequential(linear, new Sigmoid()), weights.length);
    }

    /** {@code lr_net(x)} under no_grad: the probability of class 1 for every row of {@code x}. */
    public float[] predict(float[][] x) {
        if (x.length == 0) {
            return new float[0];
        }
        float[] flat = Dataset.flatten(x, "x");
        if (x[0].length != features) {
            throw TrainingSpec.invalid("the model takes rows of " + features + " features, got rows of " + x[0].length);
        }
        try (GradMode.Scope _ = GradMode.disable()) {
            Tensor p = model.forward(Tensor.of(flat, x.length, features));
            float[] out = new float[x.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) p.getDouble(i);
            }
            return out;
        }
    }

    public int features() {
        return features;
    }
}
