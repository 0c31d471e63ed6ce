package dev.backprop.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.engine.Tensor;
import dev.backprop.engine.nn.BCELoss;
import dev.backprop.engine.nn.Linear;
import dev.backprop.engine.nn.Module;
import dev.backprop.engine.nn.Modules;
import dev.backprop.engine.nn.Sequential;
import dev.backprop.engine.optim.Optimizer;
import dev.backprop.engine.optim.SGD;
import dev.backprop.engine.random.Generator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Case seed-4-data-and-init of seed_cases.json, step by step: the seed's data and model, then three
 * iterations of SGD(lr=0.01, momentum=0.9). PyTorch: weight [[-0.04845106601715088, 0.14106842875480652]],
 * bias [0.24919311702251434], loss of the third forward 0.8497726917266846 (BinaryCrossEntropyBackward0).
 */
class SeedFirstStepsTest {
    private static final double W0 = -0.04845106601715088, W1 = 0.14106842875480652, B = 0.24919311702251434;
    private static final double LOSS = 0.8497726917266846;

    private static void assertUlps(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(2.0 * Math.ulp((float) expected)));
    }

    @Test
    void threeStepsOfTheLoopByHand() {
        Generator gen = new Generator(1);
        Dataset data = Dataset.synthetic(new TrainingData.Synthetic(100, 1.7, 1.0, 2), gen);
        Module net = Modules.build(List.of(Map.of("type", "linear", "inFeatures", 2, "outFeatures", 1), Map.of("type", "sigmoid")), gen);
        Optimizer opt = new SGD(net.parameters(), 0.01, 0.9);
        BCELoss lossFn = new BCELoss();
        Tensor loss = null;
        for (int i = 0; i < 3; i++) {
            Tensor yPred = net.forward(data.x());
            loss = lossFn.forward(yPred.squeeze(), data.y());
            loss.backward();
            opt.step();
            opt.zeroGrad();
        }
        Linear linear = (Linear) ((Sequential) net).get(0);
        assertThat(net.stateDict().keySet()).containsExactly("0.weight", "0.bias");
        assertUlps(linear.weight().getDouble(0), W0);
        assertUlps(linear.weight().getDouble(1), W1);
        assertUlps(linear.bias().getDouble(0), B);
        assertThat(linear.weight().grad()).isNull();
        assertThat(linear.bias().grad()).isNull();
        assertThat(linear.weight().isLeaf()).isTrue();
        assertThat(loss.gradFnName()).isEqualTo("BinaryCrossEntropyBackward0");
        assertThat(loss.shape()).isEmpty();
        assertUlps(loss.item(), LOSS);
    }

    @Test
    void threeIterationsOfTheProgram() {
        List<TrainingMetrics> log = new ArrayList<>();
        TrainingSpec spec = new TrainingSpec(1L, null, null, 3, null, 1);
        TrainingResult result = new LogisticRegressionTraining(spec).run(log::add, () -> false);
        assertThat(result.iterations()).isEqualTo(3);
        assertThat(result.stopReason()).isEqualTo(StopReason.MAX_ITERATIONS);
        assertThat(log).extracting(TrainingMetrics::iteration).containsExactly(0, 1, 2);
        TrainingMetrics third = log.get(2);
        assertUlps(third.weights()[0], W0);
        assertUlps(third.weights()[1], W1);
        assertUlps(third.bias(), B);
        assertUlps(third.loss(), LOSS);
        assertUlps(result.loss(), LOSS);
        assertThat(result.weights()).containsExactly(third.weights());
    }
}
