package dev.backprop.engine.optim;

import static dev.backprop.engine.optim.SGDTest.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.engine.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptimizerSpecTest {
    private final List<Tensor> params = List.of(Tensor.of(new double[] {1.0}, 1).requiresGrad_(true));

    @Test
    void buildsSgdWithPyTorchsDefaults() {
        Optimizer opt = OptimizerSpec.sgd(0.01, 0.9).build(params);
        assertThat(opt).isInstanceOf(SGD.class);
        assertThat(((SGD) opt).lr()).isEqualTo(0.01);
        assertThat(((SGD) opt).momentum()).isEqualTo(0.9);
        Optimizer plain = new OptimizerSpec("SGD", 0.1, null, null, null, null, null, null, null, null).build(params);
        assertThat(((SGD) plain).momentum()).isZero();
    }

    @Test
    void buildsAdamWithPyTorchsDefaults() {
        Optimizer opt = new OptimizerSpec("adam", null, null, null, null, null, null, null, null, null).build(params);
        assertThat(opt).isInstanceOf(Adam.class);
        Optimizer custom = new OptimizerSpec("adam", 0.1, null, null, 0.0, null, List.of(0.8, 0.99), 1e-6, true, false).build(params);
        assertThat(custom).isInstanceOf(Adam.class);
    }

    @Test
    void refusesWhatPyTorchRefuses() {
        assertInvalid(() -> new OptimizerSpec("sgd", null, 0.9, null, null, null, null, null, null, null).build(params),
                "parameter group didn't specify a value of required optimization parameter lr");
        assertInvalid(() -> new OptimizerSpec("rmsprop", 0.1, null, null, null, null, null, null, null, null).build(params),
                "unknown optimizer type 'rmsprop' (expected sgd or adam)");
        assertInvalid(() -> new OptimizerSpec(null, 0.1, null, null, null, null, null, null, null, null).build(params),
                "the optimizer 'type' is required (sgd or adam)");
        assertInvalid(() -> new OptimizerSpec("sgd", 0.1, null, null, null, null, List.of(0.9, 0.99), null, null, null).build(params),
                "sgd does not take 'betas'");
        assertInvalid(() -> new OptimizerSpec("adam", 0.1, 0.9, null, null, true, null, null, null, null).build(params),
                "adam does not take 'momentum', 'nesterov'");
        assertInvalid(() -> new OptimizerSpec("adam", 0.1, null, null, null, null, List.of(0.9), null, null, null).build(params),
                "'betas' must be a pair of numbers [beta1, beta2]");
        assertInvalid(() -> OptimizerSpec.sgd(-0.1, 0).build(params), "Invalid learning rate: -0.1");
    }
}
