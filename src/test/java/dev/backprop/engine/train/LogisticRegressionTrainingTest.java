package dev.backprop.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.engine.EngineException;
import dev.backprop.engine.optim.Adam;
import dev.backprop.engine.optim.OptimizerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The program around the loop: cancellation, inline data, other optimizers, prediction, checks. */
class LogisticRegressionTrainingTest {
    private static final float[][] X = {{2f, 2f}, {1.5f, 2.5f}, {3f, 1f}, {-2f, -1f}, {-1f, -2.5f}, {-3f, -2f}};
    private static final float[] Y = {0f, 0f, 0f, 1f, 1f, 1f};

    @Test
    void cancellationIsCheckedBeforeEveryIteration() {
        AtomicInteger asked = new AtomicInteger();
        LogisticRegressionTraining training = new LogisticRegressionTraining(TrainingSpec.seedJob());
        TrainingResult result = training.run(MetricsListener.NONE, () -> asked.incrementAndGet() > 5);
        assertThat(result.iterations()).isEqualTo(5);
        assertThat(result.stopReason()).isEqualTo(StopReason.CANCELLED);
        assertThat(asked.get()).isEqualTo(6);
        assertThatThrownBy(() -> training.run(MetricsListener.NONE, () -> false)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void cancelledBeforeTheFirstIteration() {
        TrainingResult result = new LogisticRegressionTraining(TrainingSpec.seedJob()).run(MetricsListener.NONE, () -> true);
        assertThat(result.iterations()).isZero();
        assertThat(result.loss()).isNaN();
        assertThat(result.accuracy()).isNaN();
    }

    @Test
    void inlineDataWithAdam() {
        TrainingSpec spec = new TrainingSpec(3L, TrainingData.inline(X, Y), OptimizerSpec.adam(0.1), 500, 0.99, 10);
        LogisticRegressionTraining training = new LogisticRegressionTraining(spec);
        assertThat(training.optimizer()).isInstanceOf(Adam.class);
        List<TrainingMetrics> log = new ArrayList<>();
        TrainingResult result = training.run(log::add, () -> false);
        assertThat(result.stopReason()).isEqualTo(StopReason.TARGET_REACHED);
        assertThat(result.accuracy()).isEqualTo(1.0);
        assertThat(log.getLast().iteration() % 10).isZero();
        float[] p = training.predict(new float[][] {{4f, 4f}, {-4f, -4f}});
        assertThat(p[0]).isLessThan(0.5f);
        assertThat(p[1]).isGreaterThan(0.5f);
        assertThat(training.predict(new float[0][])).isEmpty();
    }

    @Test
    void maxIterationsWithoutALogOnTheLastIteration() {
        TrainingSpec spec = new TrainingSpec(1L, null, null, 7, 2.0, 5);
        List<TrainingMetrics> log = new ArrayList<>();
        TrainingResult result = new LogisticRegressionTraining(spec).run(log::add, () -> false);
        assertThat(log).extracting(TrainingMetrics::iteration).containsExactly(0, 5);
        assertThat(result.iterations()).isEqualTo(7);
        assertThat(result.stopReason()).isEqualTo(StopReason.MAX_ITERATIONS);
        assertThat(result.accuracy()).isBetween(0.0, 1.0);
    }

    @Test
    void badInputsAreRefused() {
        assertRefused(new TrainingSpec(1L, TrainingData.inline(X, new float[] {0f}), null, null, null, null),
                "inline data has 6 rows in 'x' but 1 labels in 'y'");
        assertThatThrownBy(() -> TrainingData.inline(new float[][] {{1f, 2f}, {1f}}, new float[] {0f, 1f}))
                .isInstanceOf(EngineException.class).hasMessage("'x' row 1 has 1 values, but row 0 has 2");
        assertThatThrownBy(() -> TrainingData.inline(new float[0][], new float[0]))
                .isInstanceOf(EngineException.class).hasMessage("inline data needs 'x' (a non-empty list of rows) and 'y' (one label per row)");
        assertRefused(new TrainingSpec(1L, TrainingData.inline(new float[0], 2, new float[0]), null, null, null, null),
                "inline data needs 'x' (a non-empty list of rows) and 'y' (one label per row)");
        assertRefused(new TrainingSpec(1L, TrainingData.inline(new float[] {1f, 2f, 3f}, 2, new float[] {0f, 1f}), null, null, null, null),
                "inline data has 3 values in 'x', not rows of 2");
        assertRefused(new TrainingSpec(1L, TrainingData.synthetic(0, 1.7, 1, 2), null, null, null, null),
                "synthetic data needs samplesPerClass >= 1 and features >= 1, got 0 and 2");
        assertRefused(new TrainingSpec(1L, new TrainingData(new TrainingData.Synthetic(null, null, null, null), TrainingData.inline(X, Y).inline()),
                null, null, null, null), "data must be either 'synthetic' or 'inline', not both");
        assertRefused(new TrainingSpec(1L, null, null, -1, null, null), "maxIterations must be >= 0, got -1");
        assertRefused(new TrainingSpec(1L, null, null, null, null, 0), "logEvery must be >= 1, got 0");
        assertRefused(new TrainingSpec(1L, null, OptimizerSpec.sgd(-1, 0), null, null, null), "Invalid learning rate: -1.0");
        LogisticRegressionTraining training = new LogisticRegressionTraining(TrainingSpec.seedJob());
        assertThatThrownBy(() -> training.predict(new float[][] {{1f, 2f, 3f}}))
                .hasMessage("the model takes rows of 2 features, got rows of 3");
    }

    @Test
    void inlineDataIsTakenWithoutACopy() {
        float[] x = {2f, 2f, -2f, -1f};
        float[] y = {0f, 1f};
        LogisticRegressionTraining training = new LogisticRegressionTraining(new TrainingSpec(1L, TrainingData.inline(x, 2, y), null, 5,
                null, null));
        x[3] = -7f;
        assertThat(training.data().rows()).isDeepEqualTo(new float[][] {{2f, 2f}, {-2f, -7f}});
    }

    @Test
    void theTrainedModelPredictsAsTheTrainingDoes() {
        LogisticRegressionTraining training = new LogisticRegressionTraining(TrainingSpec.seedJob());
        training.run(MetricsListener.NONE, () -> false);
        TrainedModel model = training.trained();
        float[][] rows = {{1.1744041f, 1.9497683f}, {-0.77f, -0.35f}};
        assertThat(model.predict(rows)).containsExactly(training.predict(rows));
        assertThat(model.features()).isEqualTo(2);
        assertThatThrownBy(() -> model.predict(new float[][] {{1f}})).hasMessage("the model takes rows of 2 features, got rows of 1");
    }

    @Test
    void aSampleOfTheDataIsChosenEvenlyWithItsLabels() {
        float[] x = new float[10 * 2];
        float[] y = new float[10];
        for (int i = 0; i < 10; i++) {
            x[2 * i] = i;
            x[2 * i + 1] = -i;
            y[i] = i % 2;
        }
        Dataset data = Dataset.inline(TrainingData.inline(x, 2, y).inline());
        Dataset four = data.sample(4);
        assertThat(four.rows()).isDeepEqualTo(new float[][] {{0f, 0f}, {2f, -2f}, {5f, -5f}, {7f, -7f}});
        assertThat(four.labels()).containsExactly(0f, 0f, 1f, 1f);
        assertThat(data.sample(50).rows()).isDeepEqualTo(data.rows());
        x[0] = 99f;
        assertThat(four.rows()[0][0]).isZero();
    }

    @Test
    void defaultsAreTheSeedScript() {
        TrainingSpec spec = new TrainingSpec(null, new TrainingData(new TrainingData.Synthetic(null, null, null, 3), null), null, null, null,
                null).withDefaults();
        assertThat(spec.seed()).isEqualTo(1L);
        assertThat(spec.maxIterations()).isEqualTo(1000);
        assertThat(spec.targetAccuracy()).isEqualTo(0.99);
        assertThat(spec.logEvery()).isEqualTo(20);
        assertThat(spec.optimizer()).isEqualTo(OptimizerSpec.sgd(0.01, 0.9));
        assertThat(spec.data().synthetic()).isEqualTo(new TrainingData.Synthetic(100, 1.7, 1.0, 3));
    }

    private static void assertRefused(TrainingSpec spec, String message) {
        assertThatThrownBy(() -> new LogisticRegressionTraining(spec)).isInstanceOf(EngineException.class).hasMessage(message);
    }
}
