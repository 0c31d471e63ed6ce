package dev.backprop.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.engine.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** zero_grad and what every optimizer shares. */
class OptimizerTest {

    private static Tensor paramWithGrad() {
        Tensor p = Tensor.of(new float[] {1f, 2f}, 2).requiresGrad_(true);
        p.mul(3.0).sum().backward();
        return p;
    }

    @Test
    void zeroGradSetsGradsToNone() {
        Tensor p = paramWithGrad();
        Tensor none = Tensor.of(new float[] {1f}, 1).requiresGrad_(true);
        Optimizer opt = new SGD(List.of(p, none), 0.1);
        assertThat(p.grad()).isNotNull();
        opt.zeroGrad();
        assertThat(p.grad()).isNull();
        assertThat(none.grad()).isNull();
    }

    @Test
    void zeroGradWithoutSetToNoneFillsTheSameTensorWithZeros() {
        Tensor p = paramWithGrad();
        Tensor g = p.grad();
        new SGD(List.of(p), 0.1).zeroGrad(false);
        assertThat(p.grad()).isSameAs(g);
        assertThat(g.toNested()).isEqualTo(List.of(0f, 0f));
    }

    @Test
    void stepRecordsNoGraph() {
        Tensor p = paramWithGrad();
        Optimizer opt = new Adam(List.of(p));
        opt.step();
        assertThat(p.isLeaf()).isTrue();
        assertThat(p.gradFn()).isNull();
        assertThat(opt.params()).containsExactly(p);
    }

    @Test
    void backwardAfterStepSeesTheNewValues() {
        Tensor p = paramWithGrad();
        Optimizer opt = new SGD(List.of(p), 0.5);
        opt.step();
        opt.zeroGrad();
        assertThat(p.toNested()).isEqualTo(List.of(-0.5f, 0.5f));
        p.mul(p).sum().backward();
        assertThat(p.grad().toNested()).isEqualTo(List.of(-1f, 1f));
    }
}
