package dev.backprop.engine.optim;

import static dev.backprop.engine.optim.SGDTest.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.engine.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * StepLR, ExponentialLR, CosineAnnealingLR and LinearLR over SGD(lr=0.1), alone and two on one optimizer, against
 * PyTorch 1.13's lr after creating them and after each round of {@code scheduler.step()} (SchedulersTest.py beside
 * this file prints them), exactly; an optimizer stepping with the lr its scheduler set; PyTorch's errors.
 */
class SchedulersTest {
    private static Optimizer sgd() {
        return new SGD(List.of(Tensor.of(new float[] {0f}, 1).requiresGrad_(true)), 0.1);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("StepLR(step_size=2, gamma=0.5)", List.of((Function<Optimizer, LRScheduler>) o -> new StepLR(o, 2, 0.5)),
                        new double[] {0.1, 0.1, 0.05, 0.05, 0.025, 0.025, 0.0125, 0.0125},
                        new double[] {0.0125}),
                Arguments.of("StepLR(step_size=3)", List.of((Function<Optimizer, LRScheduler>) o -> new StepLR(o, 3, 0.1)),
                        new double[] {0.1, 0.1, 0.1, 0.010000000000000002, 0.010000000000000002, 0.010000000000000002, 0.0010000000000000002, 0.0010000000000000002},
                        new double[] {0.0010000000000000002}),
                Arguments.of("ExponentialLR(gamma=0.9)", List.of((Function<Optimizer, LRScheduler>) o -> new ExponentialLR(o, 0.9)),
                        new double[] {0.1, 0.09000000000000001, 0.08100000000000002, 0.07290000000000002, 0.06561000000000002, 0.05904900000000002, 0.05314410000000002},
                        new double[] {0.05314410000000002}),
                Arguments.of("CosineAnnealingLR(T_max=4, eta_min=0.01)", List.of((Function<Optimizer, LRScheduler>) o -> new CosineAnnealingLR(o, 4, 0.01)),
                        new double[] {0.1, 0.08681980515339464, 0.05500000000000001, 0.023180194846605363, 0.01, 0.023180194846605363, 0.05500000000000002, 0.08681980515339469, 0.10000000000000006, 0.0868198051533947, 0.05500000000000005, 0.023180194846605412, 0.01, 0.023180194846605363, 0.054999999999999924},
                        new double[] {0.054999999999999924}),
                Arguments.of("CosineAnnealingLR(T_max=3)", List.of((Function<Optimizer, LRScheduler>) o -> new CosineAnnealingLR(o, 3, 0)),
                        new double[] {0.1, 0.07500000000000001, 0.025000000000000015, 0.0, 0.024999999999999994, 0.07500000000000005, 0.10000000000000006, 0.07500000000000007, 0.025000000000000053},
                        new double[] {0.025000000000000053}),
                Arguments.of("LinearLR()", List.of((Function<Optimizer, LRScheduler>) o -> new LinearLR(o, 1.0 / 3, 1.0, 5)),
                        new double[] {0.03333333333333333, 0.04666666666666667, 0.060000000000000005, 0.07333333333333335, 0.08666666666666668, 0.1, 0.1, 0.1},
                        new double[] {0.1}),
                Arguments.of("LinearLR(start_factor=1.0, end_factor=0.1, total_iters=3)", List.of((Function<Optimizer, LRScheduler>) o -> new LinearLR(o, 1.0, 0.1, 3)),
                        new double[] {0.1, 0.06999999999999999, 0.039999999999999994, 0.009999999999999998, 0.009999999999999998, 0.009999999999999998},
                        new double[] {0.009999999999999998}),
                Arguments.of("StepLR(step_size=2, gamma=0.5) + ExponentialLR(gamma=0.9)", List.of((Function<Optimizer, LRScheduler>) o -> new StepLR(o, 2, 0.5), o -> new ExponentialLR(o, 0.9)),
                        new double[] {0.1, 0.09000000000000001, 0.04050000000000001, 0.03645000000000001, 0.016402500000000004, 0.014762250000000005, 0.0066430125000000026},
                        new double[] {0.007381125000000002, 0.0066430125000000026}),
                Arguments.of("LinearLR(start_factor=0.5, total_iters=4) + CosineAnnealingLR(T_max=6, eta_min=0.001)", List.of((Function<Optimizer, LRScheduler>) o -> new LinearLR(o, 0.5, 1.0, 4), o -> new CosineAnnealingLR(o, 6, 0.001)),
                        new double[] {0.05, 0.05838028116637149, 0.05651076951545867, 0.04428615406757897, 0.02580637375290228, 0.007646847814234759, 0.001, 0.007631742512670284, 0.025750000000000002},
                        new double[] {0.007631742512670284, 0.025750000000000002}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorch(String name, List<Function<Optimizer, LRScheduler>> makers, double[] lrs, double[] lastLrs) {
        Optimizer opt = sgd();
        List<LRScheduler> schedulers = new ArrayList<>();
        for (Function<Optimizer, LRScheduler> make : makers) schedulers.add(make.apply(opt));
        List<Double> seen = new ArrayList<>(List.of(opt.lr()));
        for (int step = 1; step < lrs.length; step++) {
            for (LRScheduler s : schedulers) s.step();
            seen.add(opt.lr());
        }
        assertThat(seen).containsExactly(java.util.Arrays.stream(lrs).boxed().toArray(Double[]::new));
        assertThat(opt.initialLr()).isEqualTo(0.1);
        for (int i = 0; i < schedulers.size(); i++) {
            assertThat(schedulers.get(i).lastEpoch()).isEqualTo(lrs.length - 1);
            assertThat(schedulers.get(i).lastLr()).containsExactly(lastLrs[i]);
            assertThat(schedulers.get(i).baseLr()).isEqualTo(0.1);
        }
    }

    @Test
    void theOptimizerStepsWithTheLrItsSchedulerSet() {
        Tensor w = Tensor.of(new float[] {1f, -2f}, 2).requiresGrad_(true);
        Optimizer opt = new AdamW(List.of(w), 0.1, 0.9, 0.999, 1e-8, 1e-2, false, false);
        LRScheduler sched = new StepLR(opt, 1, 0.5);
        float[][] expected = {{0.8990000486373901f, -1.8980000019073486f}, {0.8487595319747925f, -1.8471362590789795f},
            {0.8237482309341431f, -1.821757197380066f}};
        for (float[] want : expected) {
            w.setGrad(w.detach().mul(2.0));
            opt.step();
            opt.zeroGrad();
            sched.step();
            assertThat(w.toFloatArray()).containsExactly(want);
        }
        assertThat(opt.lr()).isEqualTo(0.0125);
        assertThat(sched.lastEpoch()).isEqualTo(3);
    }

    @Test
    void aFailedStepChangesNothing() {
        Optimizer opt = sgd();
        LRScheduler sched = new StepLR(opt, 0, 0.5);
        assertInvalid(sched::step, "integer modulo by zero");
        assertThat(sched.lastEpoch()).isZero();
        assertThat(opt.lr()).isEqualTo(0.1);
        assertInvalid(new CosineAnnealingLR(sgd(), 0, 0)::step, "integer modulo by zero");
        assertInvalid(new LinearLR(sgd(), 0.0, 1.0, 5)::step, "float division by zero");
    }

    @Test
    void refusesWhatPyTorchRefuses() {
        assertInvalid(() -> new LinearLR(sgd(), 1.5, 1.0, 5), "Starting multiplicative factor expected to be between 0 and 1.");
        assertInvalid(() -> new LinearLR(sgd(), 0.5, -0.5, 5), "Ending multiplicative factor expected to be between 0 and 1.");
        Optimizer opt = sgd();
        assertInvalid(() -> new LinearLR(opt, 1.5, 1.0, 5), "Starting multiplicative factor expected to be between 0 and 1.");
        assertThat(opt.initialLr()).isNull();
    }

    @Test
    void fieldsTakePyTorchsDefaults() {
        assertThat(new SchedulerFields("step_lr", 2, null, null, null, null, null, null).spec())
                .isEqualTo(new SchedulerSpec.StepLrSpec(2, 0.1));
        assertThat(new SchedulerFields("Cosine_Annealing_LR", null, null, 4, null, null, null, null).spec())
                .isEqualTo(new SchedulerSpec.CosineAnnealingLrSpec(4, 0));
        assertThat(new SchedulerFields("linear_lr", null, null, null, null, null, null, null).spec())
                .isEqualTo(new SchedulerSpec.LinearLrSpec(1.0 / 3, 1.0, 5));
        assertThat(new SchedulerFields("exponential_lr", null, 0.9, null, null, null, null, null).spec().build(sgd()))
                .isInstanceOf(ExponentialLR.class);
    }

    @Test
    void fieldsRefuseWhatPythonRefuses() {
        assertInvalid(() -> new SchedulerFields("step_lr", null, 0.5, null, null, null, null, null).spec(),
                "StepLR.__init__() missing 1 required positional argument: 'step_size'");
        assertInvalid(() -> new SchedulerFields("exponential_lr", null, null, null, null, null, null, null).spec(),
                "ExponentialLR.__init__() missing 1 required positional argument: 'gamma'");
        assertInvalid(() -> new SchedulerFields("cosine_annealing_lr", null, null, null, 0.1, null, null, null).spec(),
                "CosineAnnealingLR.__init__() missing 1 required positional argument: 'T_max'");
        assertInvalid(() -> new SchedulerFields("step_lr", 2, null, 4, null, null, null, 3).spec(), "step_lr does not take 'tMax', 'totalIters'");
        assertInvalid(() -> new SchedulerFields("cyclic_lr", null, null, null, null, null, null, null).spec(),
                "unknown scheduler type 'cyclic_lr' (expected step_lr, exponential_lr, cosine_annealing_lr or linear_lr)");
        assertInvalid(() -> new SchedulerFields(null, 2, null, null, null, null, null, null).spec(),
                "the scheduler 'type' is required (step_lr, exponential_lr, cosine_annealing_lr or linear_lr)");
    }
}
