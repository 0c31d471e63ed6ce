package dev.backprop.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.engine.optim.OptimizerSpec;
import dev.backprop.engine.optim.OptimizerState;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The binary form of a checkpoint, and the checkpoints and bytes a training refuses. */
class CheckpointBytesTest {

    @Test
    void theSeedJobsCheckpointTakes74Bytes() {
        // Header 5, counters and loss/accuracy 28, 2 weights 12, bias 4, optimizer tag and count 5,
        // momentum buffers of the weight (12) and the bias (8).
        assertThat(checkpointAt(TrainingSpec.seedJob(), 100).toBytes()).hasSize(74);
        // Adam keeps two moments per parameter and a step: 110 bytes; amsgrad's third moment: 122.
        assertThat(checkpointAt(new TrainingSpec(1L, null, OptimizerSpec.adam(0.01), null, null, null), 100).toBytes()).hasSize(110);
        assertThat(checkpointAt(new TrainingSpec(1L, null, amsgrad(), null, null, null), 100).toBytes()).hasSize(122);
    }

    @Test
    void bytesRoundTripEveryBit() {
        float nanWithPayload = Float.intBitsToFloat(0x7fc01234);
        OptimizerState adam = new OptimizerState.AdamState(new float[] {3f, 0f}, new float[][] {{-0f, nanWithPayload}, null},
                new float[][] {{Float.MIN_VALUE, Float.MAX_VALUE}, null}, new float[][] {{1f, Float.NEGATIVE_INFINITY}, null});
        TrainingCheckpoint c = new TrainingCheckpoint(12, new float[] {-0f, nanWithPayload}, Float.intBitsToFloat(0xffc00001), adam, 987_654_321L,
                Double.longBitsToDouble(0x7ff8000000000abcL), -0.0);
        byte[] bytes = c.toBytes();
        TrainingCheckpoint back = TrainingCheckpoint.fromBytes(bytes);
        assertThat(back.nextIteration()).isEqualTo(12);
        assertThat(back.elapsedNanos()).isEqualTo(987_654_321L);
        assertThat(Double.doubleToRawLongBits(back.loss())).isEqualTo(0x7ff8000000000abcL);
        assertThat(Double.doubleToRawLongBits(back.accuracy())).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(CheckpointResumeTest.bits(back.weights())).containsExactly(0x80000000, 0x7fc01234);
        assertThat(Float.floatToRawIntBits(back.bias())).isEqualTo(0xffc00001);
        OptimizerState.AdamState state = (OptimizerState.AdamState) back.optimizer();
        assertThat(state.steps()).containsExactly(3f, 0f);
        assertThat(CheckpointResumeTest.bits(state.expAvgs()[0])).containsExactly(0x80000000, 0x7fc01234);
        assertThat(state.expAvgs()[1]).isNull();
        assertThat(state.expAvgSqs()[0]).containsExactly(Float.MIN_VALUE, Float.MAX_VALUE);
        assertThat(state.maxExpAvgSqs()[0]).containsExactly(1f, Float.NEGATIVE_INFINITY);
        assertThat(back.toBytes()).isEqualTo(bytes);

        TrainingCheckpoint sgd = checkpointAt(TrainingSpec.seedJob(), 100);
        assertThat(TrainingCheckpoint.fromBytes(sgd.toBytes()).toBytes()).isEqualTo(sgd.toBytes());
    }

    @Test
    void malformedBytesAreRefused() {
        byte[] good = checkpointAt(TrainingSpec.seedJob(), 100).toBytes();
        assertMalformed(new byte[0], "not a training checkpoint: they do not start with the checkpoint header");
        assertMalformed("hello, world".getBytes(), "not a training checkpoint: they do not start with the checkpoint header");
        byte[] otherVersion = good.clone();
        otherVersion[4] = 2;
        assertMalformed(otherVersion, "not a training checkpoint: they are of format version 2, but this engine reads version 1");
        assertMalformed(Arrays.copyOf(good, 30), "not a training checkpoint: they end in the middle of the checkpoint");
        assertMalformed(Arrays.copyOf(good, good.length + 3), "not a training checkpoint: they have 3 bytes after the checkpoint");
        byte[] unknownOptimizer = good.clone();
        unknownOptimizer[49] = 9;
        assertMalformed(unknownOptimizer, "not a training checkpoint: they name an unknown optimizer (9)");
        byte[] hugeCount = good.clone();
        ByteBuffer.wrap(hugeCount).putInt(33, Integer.MAX_VALUE);
        assertMalformed(hugeCount, "not a training checkpoint: they hold a count of 2147483647 that does not fit the 37 bytes left");
        byte[] iterationZero = good.clone();
        ByteBuffer.wrap(iterationZero).putInt(5, 0);
        assertMalformed(iterationZero, "not a training checkpoint: a checkpoint needs nextIteration >= 1, weights, an optimizer state and "
                + "elapsedNanos >= 0");
    }

    @Test
    void aCheckpointThatDoesNotFitTheSpecIsRefused() {
        TrainingCheckpoint seed = checkpointAt(TrainingSpec.seedJob(), 100);
        assertMismatch(new TrainingSpec(1L, TrainingData.synthetic(100, 1.7, 1.0, 3), null, null, null, null), seed,
                "the checkpoint holds 2 weights, but the spec's data has 3 features");
        assertMismatch(new TrainingSpec(1L, null, OptimizerSpec.adam(0.01), null, null, null), seed,
                "the saved state is SgdState, which Adam cannot load");
        assertMismatch(new TrainingSpec(1L, null, null, 50, null, null), seed,
                "the checkpoint continues with iteration 100, but the spec stops after 50 iterations");
        TrainingCheckpoint adam = checkpointAt(new TrainingSpec(1L, null, OptimizerSpec.adam(0.01), null, null, null), 100);
        assertMismatch(new TrainingSpec(1L, null, OptimizerSpec.sgd(0.01, 0.9), null, null, null), adam,
                "the saved state is AdamState, which SGD cannot load");
        assertMismatch(new TrainingSpec(1L, null, amsgrad(), null, null, null), adam,
                "the saved state of parameter 0 has no max_exp_avg_sq, which amsgrad needs");
        TrainingCheckpoint withMax = checkpointAt(new TrainingSpec(1L, null, amsgrad(), null, null, null), 100);
        assertMismatch(new TrainingSpec(1L, null, OptimizerSpec.adam(0.01), null, null, null), withMax,
                "the saved state of parameter 0 has a max_exp_avg_sq, which only amsgrad keeps");
        TrainingCheckpoint oneParameter = new TrainingCheckpoint(1, new float[] {0f, 0f}, 0f,
                new OptimizerState.SgdState(new float[][] {{0f, 0f}}), 0, 0, 0);
        assertMismatch(TrainingSpec.seedJob(), oneParameter, "the saved state covers 1 parameters, but this SGD has 2");
        TrainingCheckpoint shortBuffer = new TrainingCheckpoint(1, new float[] {0f, 0f}, 0f,
                new OptimizerState.SgdState(new float[][] {{0f}, {0f}}), 0, 0, 0);
        assertMismatch(TrainingSpec.seedJob(), shortBuffer,
                "the saved momentum_buffer of parameter 0 has 1 float32 values, but the parameter has 2 of float32");
    }

    private static OptimizerSpec amsgrad() {
        return new OptimizerSpec.AdamSpec(0.01, 0.9, 0.999, 1e-8, 0, true, false);
    }

    private static TrainingCheckpoint checkpointAt(TrainingSpec spec, int k) {
        AtomicReference<TrainingCheckpoint> saved = new AtomicReference<>();
        new LogisticRegressionTraining(spec).run(MetricsListener.NONE, () -> saved.get() != null, CheckpointSink.every(k, saved::set));
        return saved.get();
    }

    private static void assertMalformed(byte[] bytes, String message) {
        assertThatThrownBy(() -> TrainingCheckpoint.fromBytes(bytes)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    private static void assertMismatch(TrainingSpec spec, TrainingCheckpoint checkpoint, String message) {
        assertThatThrownBy(() -> LogisticRegressionTraining.resume(spec, checkpoint)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
