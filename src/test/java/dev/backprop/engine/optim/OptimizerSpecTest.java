package dev.backprop.engine.optim;

import static dev.backprop.engine.optim.SGDTest.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.engine.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptimizerSpecTest {
    private final List<Tensor> params = List.of(Tensor.of(new double[] {1.0}, 1).requiresGrad_(true));

    /** The request fields of {@code type} with only {@code lr} given. */
    private static OptimizerFields lrOnly(String type, Double lr) {
        return new OptimizerFields(type, lr, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void buildsSgdWithPyTorchsDefaults() {
        Optimizer opt = OptimizerSpec.sgd(0.01, 0.9).build(params);
        assertThat(opt).isInstanceOf(SGD.class);
        assertThat(opt.lr()).isEqualTo(0.01);
        assertThat(((SGD) opt).momentum()).isEqualTo(0.9);
        assertThat(lrOnly("SGD", 0.1).spec()).isEqualTo(new OptimizerSpec.SgdSpec(0.1, 0, 0, 0, false, false));
    }

    @Test
    void buildsAdamWithPyTorchsDefaults() {
        assertThat(lrOnly("adam", null).spec()).isEqualTo(new OptimizerSpec.AdamSpec(1e-3, 0.9, 0.999, 1e-8, 0, false, false));
        OptimizerFields custom = new OptimizerFields("adam", 0.1, null, null, 0.0, null, List.of(0.8, 0.99), 1e-6, true, false, null,
                null, null, null);
        assertThat(custom.spec()).isEqualTo(new OptimizerSpec.AdamSpec(0.1, 0.8, 0.99, 1e-6, 0, true, false));
        assertThat(custom.spec().build(params)).isInstanceOf(Adam.class);
    }

    @Test
    void theNewTypesTakePyTorchsDefaults() {
        assertThat(lrOnly("adamw", null).spec()).isEqualTo(new OptimizerSpec.AdamWSpec(1e-3, 0.9, 0.999, 1e-8, 1e-2, false, false));
        assertThat(lrOnly("rmsprop", null).spec()).isEqualTo(new OptimizerSpec.RmspropSpec(1e-2, 0.99, 1e-8, 0, 0, false, false));
        assertThat(lrOnly("Adagrad", null).spec()).isEqualTo(new OptimizerSpec.AdagradSpec(1e-2, 0, 0, 0, 1e-10, false));
        assertThat(lrOnly("adamw", null).spec().build(params)).isInstanceOf(AdamW.class);
        assertThat(lrOnly("rmsprop", null).spec().build(params)).isInstanceOf(RMSprop.class);
        assertThat(lrOnly("adagrad", 0.5).spec().build(params).lr()).isEqualTo(0.5);
    }

    @Test
    void eachSpecIsNamedByItsOwnFields() {
        List<OptimizerSpec> specs = List.of(OptimizerSpec.sgd(0.01, 0.9), new OptimizerSpec.AdamSpec(0.1, 0.8, 0.99, 1e-6, 0.1, true, true),
                new OptimizerSpec.AdamWSpec(0.1, 0.8, 0.99, 1e-6, 0.1, true, false),
                new OptimizerSpec.RmspropSpec(0.1, 0.9, 1e-6, 0.1, 0.5, true, true),
                new OptimizerSpec.AdagradSpec(0.1, 0.01, 0.1, 0.5, 1e-6, true));
        for (OptimizerSpec spec : specs) {
            assertThat(spec.fields().spec()).isEqualTo(spec);
            assertThat(spec.fields().type()).isEqualTo(spec.type());
        }
    }

    @Test
    void refusesWhatPyTorchRefuses() {
        assertInvalid(() -> new OptimizerFields("sgd", null, 0.9, null, null, null, null, null, null, null, null, null, null, null).spec(),
                "parameter group didn't specify a value of required optimization parameter lr");
        assertInvalid(() -> lrOnly("lbfgs", 0.1).spec(), "unknown optimizer type 'lbfgs' (expected sgd, adam, adamw, rmsprop or adagrad)");
        assertInvalid(() -> lrOnly(null, 0.1).spec(), "the optimizer 'type' is required (sgd, adam, adamw, rmsprop or adagrad)");
        assertInvalid(() -> new OptimizerFields("sgd", 0.1, null, null, null, null, List.of(0.9, 0.99), null, null, null, null, null, null,
                null).spec(), "sgd does not take 'betas'");
        assertInvalid(() -> new OptimizerFields("adam", 0.1, 0.9, null, null, true, null, null, null, null, null, null, null, null).spec(),
                "adam does not take 'momentum', 'nesterov'");
        assertInvalid(() -> new OptimizerFields("adam", 0.1, null, null, null, null, List.of(0.9), null, null, null, null, null, null,
                null).spec(), "'betas' must be a pair of numbers [beta1, beta2]");
        assertInvalid(() -> new OptimizerFields("adamw", 0.1, null, null, null, null, null, null, null, null, 0.9, true, null, null).spec(),
                "adamw does not take 'alpha', 'centered'");
        assertInvalid(() -> new OptimizerFields("rmsprop", 0.1, null, 0.1, null, true, null, null, true, null, null, null, 0.1, null)
                .spec(), "rmsprop does not take 'dampening', 'nesterov', 'amsgrad', 'lrDecay'");
        assertInvalid(() -> new OptimizerFields("adagrad", 0.1, 0.9, null, null, null, List.of(0.9, 0.99), null, null, null, null, null,
                null, 0.1).spec(), "adagrad does not take 'momentum', 'betas'");
        assertInvalid(() -> OptimizerSpec.sgd(-0.1, 0).build(params), "Invalid learning rate: -0.1");
    }
}
