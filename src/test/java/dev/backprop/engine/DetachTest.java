package dev.backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * {@code detach} shares storage and version counter with its source and may be changed in place; {@code detach_}
 * cuts a tensor from the graph where it stands. The expected values are what {@code DetachTest.py} (beside this
 * file) prints with PyTorch 1.13.
 */
class DetachTest {
    private static Tensor onesRequiringGrad() {
        return Factories.ones(new int[] {2}, DType.FLOAT32).requiresGrad_(true);
    }

    @Test
    void aDetachedTensorChangedInPlaceChangesItsSourceAndFailsABackwardThatSavedIt() {
        Tensor w = onesRequiringGrad();
        Tensor d = w.detach();
        assertThat(d.isView()).isFalse();
        assertThat(d.requiresGrad()).isFalse();
        assertThat(d.isLeaf()).isTrue();
        Tensor y = w.mul(w).sum();
        d.add_(1);
        assertThat(w.toFloatArray()).containsExactly(2f, 2f);
        assertThat(w.version()).isEqualTo(1);
        assertThat(d.version()).isEqualTo(1);
        assertThatThrownBy(y::backward).hasMessage("one of the variables needed for gradient computation has been modified by an inplace "
                + "operation: [torch.FloatTensor [2]] is at version 1; expected version 0 instead. Hint: enable anomaly detection to "
                + "find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True).");
    }

    @Test
    void theDetachedCopyOfANonLeafMayChangeInPlace() {
        Tensor a = onesRequiringGrad().mul(2);
        a.detach().mul_(3);
        assertThat(a.toFloatArray()).containsExactly(6f, 6f);
        assertThat(a.version()).isEqualTo(1);
        assertThat(a.gradFnName()).isEqualTo("MulBackward0");
    }

    @Test
    void detachInPlaceLeavesALeafThatDoesNotRequireGrad() {
        Tensor x = onesRequiringGrad().mul(1);
        assertThat(x.detach_()).isSameAs(x);
        assertThat(x.requiresGrad()).isFalse();
        assertThat(x.gradFnName()).isNull();
        assertThat(x.isLeaf()).isTrue();
        Tensor leaf = onesRequiringGrad().detach_();
        assertThat(leaf.requiresGrad()).isFalse();
        assertThat(leaf.isLeaf()).isTrue();
        assertThatThrownBy(() -> Factories.ones(new int[] {4}, DType.FLOAT32).requiresGrad_(true).view(2, 2).detach_())
                .hasMessage("Can't detach views in-place. Use detach() instead. If you are using DistributedDataParallel (DDP) for "
                        + "training, and gradient_as_bucket_view is set as True, gradients are views of DDP buckets, and hence detach_() "
                        + "cannot be called on these gradients. To fix this error, please refer to the Optimizer.zero_grad() function in "
                        + "torch/optim/optimizer.py as the solution.");
    }
}
