package dev.backprop.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.engine.optim.OptimizerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A run stopped at a checkpoint and resumed from its bytes in a new training ends bit for bit as the
 * uninterrupted run: weights, bias, loss, accuracy, iterations, stop reason and every metric after the
 * checkpoint.
 */
class CheckpointResumeTest {
    private static final float[][] X = {{2f, 2f}, {1.5f, 2.5f}, {3f, 1f}, {-2f, -1f}, {-1f, -2.5f}, {-3f, -2f}};
    private static final float[] Y = {0f, 0f, 0f, 1f, 1f, 1f};

    /** A run and what it logged. */
    record Run(TrainingResult result, List<TrainingMetrics> log) {}

    static Stream<Arguments> optimizers() {
        return Stream.of(
                Arguments.of("SGD", new OptimizerSpec.SgdSpec(0.01, 0, 0, 0, false, false)),
                Arguments.of("SGD momentum 0.9", OptimizerSpec.sgd(0.01, 0.9)),
                Arguments.of("SGD nesterov, weight decay", new OptimizerSpec.SgdSpec(0.01, 0.9, 0.0, 0.01, true, false)),
                Arguments.of("SGD dampening, maximize", new OptimizerSpec.SgdSpec(0.001, 0.5, 0.3, 0, false, true)),
                Arguments.of("Adam", new OptimizerSpec.AdamSpec(1e-3, 0.9, 0.999, 1e-8, 0, false, false)),
                Arguments.of("Adam amsgrad, weight decay", new OptimizerSpec.AdamSpec(0.01, 0.9, 0.999, 1e-8, 0.01, true, false)),
                Arguments.of("Adam maximize, betas", new OptimizerSpec.AdamSpec(0.001, 0.8, 0.99, 1e-6, 0, false, true)),
                Arguments.of("AdamW amsgrad", new OptimizerSpec.AdamWSpec(0.01, 0.9, 0.999, 1e-8, 0.01, true, false)),
                Arguments.of("RMSprop centered, momentum", new OptimizerSpec.RmspropSpec(0.01, 0.99, 1e-8, 0.01, 0.9, true, false)),
                Arguments.of("RMSprop", new OptimizerSpec.RmspropSpec(0.01, 0.99, 1e-8, 0, 0, false, false)),
                Arguments.of("Adagrad lr_decay, initial accumulator", new OptimizerSpec.AdagradSpec(0.1, 0.01, 0, 0.1, 1e-10, false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void syntheticDataResumesExactly(String name, OptimizerSpec optimizer) {
        TrainingSpec spec = new TrainingSpec(1L, null, optimizer, 2000, 2.0, 1);
        assertResumesExactly(spec, 777, StopReason.MAX_ITERATIONS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void inlineDataResumesExactly(String name, OptimizerSpec optimizer) {
        TrainingSpec spec = new TrainingSpec(5L, TrainingData.inline(X, Y), optimizer, 2000, 2.0, 1);
        assertResumesExactly(spec, 777, StopReason.MAX_ITERATIONS);
    }

    @Test
    void theSeedJobReachesItsTargetAfterTheCheckpointAsWithout() {
        TrainingSpec spec = TrainingSpec.seedJob();
        Run whole = uninterrupted(spec);
        assertThat(whole.result().stopReason()).isEqualTo(StopReason.TARGET_REACHED);
        assertThat(whole.result().iterations()).isEqualTo(541);
        // 333 is no multiple of logEvery (20): the resumed loop logs on the job's own schedule.
        assertResumesExactly(spec, 333, StopReason.TARGET_REACHED);
    }

    @Test
    void aTargetStopAfterTheCheckpointWithALogEveryIteration() {
        TrainingSpec spec = new TrainingSpec(2L, null, OptimizerSpec.adam(0.01), 2000, 0.995, 1);
        Run whole = uninterrupted(spec);
        assertThat(whole.result().stopReason()).isEqualTo(StopReason.TARGET_REACHED);
        assertThat(whole.result().iterations()).isGreaterThan(50);
        assertResumesExactly(spec, 50, StopReason.TARGET_REACHED);
    }

    @Test
    void checkpointsTakenOneAfterAnotherEachResumeExactly() {
        TrainingSpec spec = new TrainingSpec(1L, null, OptimizerSpec.adam(0.01), 300, 2.0, 7);
        Run whole = uninterrupted(spec);
        byte[] first = checkpointAt(spec, 100);
        // The resumed run takes its own checkpoint, from which a third training finishes the job.
        AtomicReference<byte[]> second = new AtomicReference<>();
        LogisticRegressionTraining.resume(spec, TrainingCheckpoint.fromBytes(first)).run(MetricsListener.NONE, () -> second.get() != null,
                CheckpointSink.every(200, c -> second.set(c.toBytes())));
        TrainingCheckpoint fromSecond = TrainingCheckpoint.fromBytes(second.get());
        assertThat(fromSecond.nextIteration()).isEqualTo(200);
        Run last = resume(spec, fromSecond);
        assertSameResult(last.result(), whole.result());
        assertSameMetrics(last.log(), after(whole.log(), 200));
    }

    @Test
    void aResumedRunCancelledAtOnceReportsTheCheckpointsIteration() {
        TrainingSpec spec = TrainingSpec.seedJob();
        TrainingCheckpoint checkpoint = TrainingCheckpoint.fromBytes(checkpointAt(spec, 40));
        TrainingResult result = LogisticRegressionTraining.resume(spec, checkpoint).run(MetricsListener.NONE, () -> true);
        assertThat(result.stopReason()).isEqualTo(StopReason.CANCELLED);
        assertThat(result.iterations()).isEqualTo(40);
        assertThat(result.loss()).isEqualTo(checkpoint.loss());
        assertThat(result.accuracy()).isEqualTo(checkpoint.accuracy());
        assertThat(bits(result.weights())).isEqualTo(bits(checkpoint.weights()));
        assertThat(Float.floatToRawIntBits(result.bias())).isEqualTo(Float.floatToRawIntBits(checkpoint.bias()));
        assertThat(result.elapsedNanos()).isGreaterThanOrEqualTo(checkpoint.elapsedNanos());
        // The same numbers the uninterrupted run had after 40 iterations (iteration 39's forward pass).
        TrainingResult forty = new LogisticRegressionTraining(new TrainingSpec(1L, null, null, 40, null, null))
                .run(MetricsListener.NONE, () -> false);
        assertThat(result.loss()).isEqualTo(forty.loss());
        assertThat(result.accuracy()).isEqualTo(forty.accuracy());
        assertThat(bits(result.weights())).isEqualTo(bits(forty.weights()));
    }

    @Test
    void checkpointsAreOfferedAfterEveryIterationButTheLast() {
        List<Integer> asked = new ArrayList<>();
        List<Integer> saved = new ArrayList<>();
        CheckpointSink sink = new CheckpointSink() {
            @Override
            public boolean due(int iterationsDone, long elapsedNanos) {
                asked.add(iterationsDone);
                return iterationsDone % 2 == 0;
            }

            @Override
            public void save(TrainingCheckpoint checkpoint) {
                saved.add(checkpoint.nextIteration());
            }
        };
        new LogisticRegressionTraining(new TrainingSpec(1L, null, null, 6, 2.0, 1)).run(MetricsListener.NONE, () -> false, sink);
        assertThat(asked).containsExactly(1, 2, 3, 4, 5);
        assertThat(saved).containsExactly(2, 4);

        asked.clear();
        TrainingResult stopped = new LogisticRegressionTraining(TrainingSpec.seedJob()).run(MetricsListener.NONE, () -> false, sink);
        assertThat(stopped.stopReason()).isEqualTo(StopReason.TARGET_REACHED);
        assertThat(asked).hasSize(stopped.iterations() - 1).doesNotContain(stopped.iterations());
    }

    @Test
    void theTimeGoesOnFromTheCheckpoint() {
        TrainingSpec spec = new TrainingSpec(1L, null, null, 100, 2.0, 1);
        TrainingCheckpoint checkpoint = TrainingCheckpoint.fromBytes(checkpointAt(spec, 50));
        assertThat(checkpoint.elapsedNanos()).isPositive();
        Run rest = resume(spec, checkpoint);
        assertThat(rest.log()).extracting(TrainingMetrics::iteration).startsWith(50).endsWith(99);
        assertThat(rest.log()).allSatisfy(m -> assertThat(m.elapsedNanos()).isGreaterThan(checkpoint.elapsedNanos()));
        assertThat(rest.result().elapsedNanos()).isGreaterThanOrEqualTo(rest.log().getLast().elapsedNanos());
    }

    private static void assertResumesExactly(TrainingSpec spec, int k, StopReason expectedReason) {
        Run whole = uninterrupted(spec);
        assertThat(whole.result().stopReason()).isEqualTo(expectedReason);
        assertThat(whole.result().iterations()).isGreaterThan(k);
        Run rest = resume(spec, TrainingCheckpoint.fromBytes(checkpointAt(spec, k)));
        assertSameResult(rest.result(), whole.result());
        List<TrainingMetrics> expected = after(whole.log(), k);
        assertThat(expected).isNotEmpty();
        assertSameMetrics(rest.log(), expected);
    }

    private static Run uninterrupted(TrainingSpec spec) {
        List<TrainingMetrics> log = new ArrayList<>();
        TrainingResult result = new LogisticRegressionTraining(spec).run(log::add, () -> false);
        return new Run(result, log);
    }

    /** The bytes of the checkpoint after {@code k} iterations, from a run that then stops as if it crashed. */
    private static byte[] checkpointAt(TrainingSpec spec, int k) {
        AtomicReference<byte[]> saved = new AtomicReference<>();
        TrainingResult stopped = new LogisticRegressionTraining(spec).run(MetricsListener.NONE, () -> saved.get() != null,
                CheckpointSink.every(k, checkpoint -> saved.compareAndSet(null, checkpoint.toBytes())));
        assertThat(stopped.iterations()).isEqualTo(k);
        return saved.get();
    }

    private static Run resume(TrainingSpec spec, TrainingCheckpoint checkpoint) {
        List<TrainingMetrics> log = new ArrayList<>();
        TrainingResult result = LogisticRegressionTraining.resume(spec, checkpoint).run(log::add, () -> false);
        return new Run(result, log);
    }

    private static List<TrainingMetrics> after(List<TrainingMetrics> log, int k) {
        return log.stream().filter(m -> m.iteration() >= k).toList();
    }

    private static void assertSameResult(TrainingResult actual, TrainingResult expected) {
        assertThat(bits(actual.weights())).as("weights").isEqualTo(bits(expected.weights()));
        assertThat(Float.floatToRawIntBits(actual.bias())).as("bias").isEqualTo(Float.floatToRawIntBits(expected.bias()));
        assertThat(Double.doubleToRawLongBits(actual.loss())).as("loss").isEqualTo(Double.doubleToRawLongBits(expected.loss()));
        assertThat(Double.doubleToRawLongBits(actual.accuracy())).as("accuracy").isEqualTo(Double.doubleToRawLongBits(expected.accuracy()));
        assertThat(actual.iterations()).as("iterations").isEqualTo(expected.iterations());
        assertThat(actual.stopReason()).as("stop reason").isEqualTo(expected.stopReason());
    }

    private static void assertSameMetrics(List<TrainingMetrics> actual, List<TrainingMetrics> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            TrainingMetrics a = actual.get(i), e = expected.get(i);
            String at = "iteration " + e.iteration();
            assertThat(a.iteration()).as(at).isEqualTo(e.iteration());
            assertThat(Double.doubleToRawLongBits(a.loss())).as(at + " loss").isEqualTo(Double.doubleToRawLongBits(e.loss()));
            assertThat(Double.doubleToRawLongBits(a.accuracy())).as(at + " accuracy").isEqualTo(Double.doubleToRawLongBits(e.accuracy()));
            assertThat(bits(a.weights())).as(at + " weights").isEqualTo(bits(e.weights()));
            assertThat(Float.floatToRawIntBits(a.bias())).as(at + " bias").isEqualTo(Float.floatToRawIntBits(e.bias()));
        }
    }

    static int[] bits(float[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Float.floatToRawIntBits(values[i]);
        }
        return out;
    }
}
