package dev.backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of PyTorch's autograd beyond the walkthrough: versions, no_grad, detach, inputs, deep graphs. */
class AutogradRulesTest {
    private static final String HINT = " Hint: enable anomaly detection to find the operation that failed to compute its "
            + "gradient, with torch.autograd.set_detect_anomaly(True).";

    private static Tensor leaf(float... v) {
        return Tensor.of(v, v.length).requiresGrad_(true);
    }

    @Test
    void savedInputModifiedInPlaceFailsWithVersionsAndNodeName() {
        Tensor w = leaf(1), x = leaf(2);
        Tensor a = w.add(x);
        Tensor y = a.mul(a);
        a.add_(1);
        assertThat(a.gradFnName()).isEqualTo("AddBackward0");
        assertThat(a.version()).isEqualTo(1);
        assertThatThrownBy(y::backward)
                .hasMessage("one of the variables needed for gradient computation has been modified by an inplace operation: "
                        + "[torch.FloatTensor [1]], which is output 0 of AddBackward0, is at version 1; expected version 0 instead."
                        + HINT)
                .extracting(e -> ((EngineException) e).code()).isEqualTo(ErrorCode.SAVED_TENSOR_MODIFIED);
    }

    @Test
    void savedOutputModifiedInPlaceIsDetected() {
        Tensor x = leaf(0.5f, 1);
        Tensor e = x.exp();
        e.mul_(2);
        assertThatThrownBy(() -> e.sum().backward())
                .hasMessageContaining("[torch.FloatTensor [2]], which is output 0 of MulBackward0, is at version 1; expected version 0");
    }

    @Test
    void inPlaceOnANonLeafRebasesItsGraph() {
        Tensor w = leaf(3), x = leaf(2);
        Tensor a = w.mul(1);
        a.mul_(x);
        assertThat(a.gradFnName()).isEqualTo("MulBackward0");
        a.backward();
        assertThat(w.grad().item()).isEqualTo(2.0);
        assertThat(x.grad().item()).isEqualTo(3.0);
    }

    @Test
    void unsavedTensorsMayChangeInPlace() {
        Tensor w = leaf(1);
        Tensor a = w.add(1);
        Tensor y = a.neg();
        a.add_(5);
        y.backward();
        assertThat(w.grad().item()).isEqualTo(-1.0);
    }

    @Test
    void noGradScopeRecordsNothing() {
        Tensor w = leaf(1);
        try (GradMode.Scope ignored = GradMode.disable()) {
            Tensor y = w.mul(2);
            assertThat(y.requiresGrad()).isFalse();
            assertThat(y.gradFn()).isNull();
            w.add_(1);
        }
        assertThat(w.item()).isEqualTo(2.0);
        assertThat(GradMode.isEnabled()).isTrue();
    }

    @Test
    void detachSharesDataAndVersionButNotTheGraph() {
        Tensor w = leaf(1, 2);
        Tensor a = w.mul(2);
        Tensor d = a.detach();
        assertThat(d.requiresGrad()).isFalse();
        d.add_(1);
        assertThat(a.toNested()).isEqualTo(List.of(3.0f, 5.0f));
        assertThat(a.version()).isEqualTo(1);
    }

    @Test
    void requiresGradRules() {
        assertThatThrownBy(() -> Tensor.of(new long[] {1}, 1).requiresGrad_(true))
                .hasMessage("only Tensors of floating point dtype can require gradients");
        Tensor a = leaf(1).mul(2);
        assertThatThrownBy(() -> a.requiresGrad_(false)).hasMessageStartingWith("you can only change requires_grad flags of leaf variables.");
        assertThatThrownBy(() -> Tensor.of(new float[] {1}, 1).retainGrad())
                .hasMessage("can't retain_grad on Tensor that has requires_grad=False");
        assertThatThrownBy(() -> Tensor.of(new float[] {1}, 1).backward())
                .hasMessage("element 0 of tensors does not require grad and does not have a grad_fn");
    }

    @Test
    void backwardWithInputsAccumulatesOnlyThere() {
        Tensor w = leaf(1), x = leaf(2);
        Tensor y = w.mul(x);
        List<Tensor> updated = Autograd.backward(List.of(y), null, null, false, List.of(x));
        assertThat(x.grad().item()).isEqualTo(1.0);
        assertThat(w.grad()).isNull();
        assertThat(updated).containsExactly(x);
    }

    @Test
    void backwardReportsEveryUpdatedTensor() {
        Tensor w = leaf(1), x = leaf(2);
        Tensor a = w.add(x).retainGrad();
        List<Tensor> updated = Autograd.backward(List.of(a.mul(w)), null, null, false, null);
        assertThat(updated).containsExactlyInAnyOrder(w, x, a);
    }

    @Test
    void gradOfAnUnusedInput() {
        Tensor w = leaf(1), x = leaf(2);
        Tensor y = w.mul(3);
        assertThatThrownBy(() -> Autograd.grad(List.of(y), List.of(x), null, true, false, false))
                .hasMessage("One of the differentiated Tensors appears to not have been used in the graph. "
                        + "Set allow_unused=True if this is the desired behavior.");
        Tensor[] g = Autograd.grad(List.of(y), List.of(w, x), null, null, false, true);
        assertThat(g[0].item()).isEqualTo(3.0);
        assertThat(g[1]).isNull();
        assertThat(w.grad()).isNull();
    }

    @Test
    void gradTensorsMustMatchTheOutputsShape() {
        Tensor y = leaf(1, 2).mul(2);
        assertThatThrownBy(() -> y.backward(Tensor.of(new float[] {1}, 1), false, false))
                .hasMessage("Mismatch in shape: grad_output[0] has a shape of torch.Size([1]) and output[0] has a shape of "
                        + "torch.Size([2]).");
    }

    @Test
    void createGraphLeavesDifferentiableGrads() {
        Tensor x = leaf(3);
        x.pow(3).backward(null, false, true);
        assertThat(x.grad().item()).isEqualTo(27.0);
        assertThat(x.grad().requiresGrad()).isTrue();
        Tensor[] second = Autograd.grad(List.of(x.grad()), List.of(x), null, null, false, false);
        assertThat(second[0].item()).isEqualTo(18.0);
    }

    @Test
    void aChainOfAHundredThousandOpsBackpropagatesWithoutRecursion() {
        Tensor x = leaf(1);
        Tensor y = x;
        for (int i = 0; i < 100_000; i++) y = y.mul(1.0);
        y.backward();
        assertThat(x.grad().item()).isEqualTo(1.0);
    }

    @Test
    void broadcastGradientsAreCastToTheInputsDtype() {
        Tensor w = leaf(1, 2);
        Tensor x = Tensor.of(new double[] {0.5}, 1).requiresGrad_(true);
        Tensor y = w.mul(x);
        assertThat(y.dtype()).isEqualTo(DType.FLOAT64);
        y.sum().backward();
        assertThat(w.grad().dtype()).isEqualTo(DType.FLOAT32);
        assertThat(x.grad().shape()).containsExactly(1);
        assertThat(x.grad().item()).isEqualTo(3.0);
    }

    @Test
    void aFailedBackwardChangesNoGradAndFreesNothing() {
        Tensor w = leaf(1), x = leaf(2);
        Tensor a = w.add(x);
        Tensor early = w.mul(3);
        Tensor late = a.mul(a);
        a.add_(1);
        Tensor total = early.add(late);
        assertThatThrownBy(total::backward).extracting(e -> ((EngineException) e).code()).isEqualTo(ErrorCode.SAVED_TENSOR_MODIFIED);
        assertThat(w.grad()).isNull();
        assertThat(x.grad()).isNull();
        assertThat(early.gradFn().savedCount()).isEqualTo(1);
    }

    @Test
    void nodesKeepNoSavedTensorsAfterBackward() {
        Tensor w = leaf(2);
        Tensor y = w.mul(w);
        assertThat(y.gradFn().savedCount()).isEqualTo(2);
        y.backward();
        assertThat(y.gradFn().savedCount()).isZero();
    }
}
