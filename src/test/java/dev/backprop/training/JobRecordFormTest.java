package dev.backprop.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.engine.EngineException;
import dev.backprop.engine.optim.OptimizerSpec;
import dev.backprop.engine.train.TrainingData;
import dev.backprop.engine.train.TrainingSpec;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** A job's spec comes back from its stored form as it went in, whatever its optimizer. */
class JobRecordFormTest {
    private final JobRecordForm form = new JobRecordForm();

    static Stream<OptimizerSpec> optimizers() {
        return Stream.of(OptimizerSpec.sgd(0.01, 0.9), new OptimizerSpec.SgdSpec(0.1, 0.5, 0.1, 0.01, false, true),
                new OptimizerSpec.AdamSpec(0.01, 0.8, 0.99, 1e-6, 0.1, true, false),
                new OptimizerSpec.AdamWSpec(1e-3, 0.9, 0.999, 1e-8, 1e-2, false, true),
                new OptimizerSpec.RmspropSpec(0.01, 0.9, 1e-8, 0.1, 0.5, true, false),
                new OptimizerSpec.AdagradSpec(0.1, 0.01, 0.001, 0.1, 1e-10, true));
    }

    @ParameterizedTest
    @MethodSource("optimizers")
    void aSpecRoundTrips(OptimizerSpec optimizer) {
        TrainingSpec spec = new TrainingSpec(7L, TrainingData.synthetic(10, 1.5, 0.5, 3), optimizer, 30, 0.9, 5).withDefaults();
        String stored = form.spec(spec);
        assertThat(stored).contains("\"type\":\"" + optimizer.type() + "\"");
        assertThat(form.spec(stored, form.data(spec))).isEqualTo(spec);

        TrainingSpec inline = spec.withData(TrainingData.inline(new float[][] {{1f, 2f}, {-1f, 0.5f}}, new float[] {0f, 1f}));
        TrainingSpec read = form.spec(form.spec(inline), form.data(inline));
        assertThat(read.optimizer()).isEqualTo(optimizer);
        assertThat(read.data().inline().x()).containsExactly(1f, 2f, -1f, 0.5f);
    }

    @Test
    void aSpecStoredBeforeTheTypedOptimizersStillReads() {
        String stored = """
                {"seed":1,"data":{"synthetic":{"samplesPerClass":100,"meanValue":1.7,"bias":1.0,"features":2},"inline":null},\
                "optimizer":{"type":"SGD","lr":0.01,"momentum":0.9,"dampening":null,"weightDecay":null,"nesterov":null,"betas":null,\
                "eps":null,"amsgrad":null,"maximize":null},"maxIterations":1000,"targetAccuracy":0.99,"logEvery":20}""";
        assertThat(form.spec(stored, null)).isEqualTo(TrainingSpec.seedJob());
    }

    @Test
    void aStoredOptimizerIsCheckedAsARequestIs() {
        String stored = """
                {"seed":1,"data":{"synthetic":{"samplesPerClass":100,"meanValue":1.7,"bias":1.0,"features":2}},\
                "optimizer":{"type":"sgd","lr":0.01,"betas":[0.9,0.99]},"maxIterations":1000,"targetAccuracy":0.99,"logEvery":20}""";
        assertThatThrownBy(() -> form.spec(stored, null)).hasRootCauseInstanceOf(EngineException.class)
                .rootCause().hasMessage("sgd does not take 'betas'");
    }
}
