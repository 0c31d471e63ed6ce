package dev.backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * {@code matmul} shapes its result as ATen's {@code _matmul_impl} does, so each case has PyTorch's {@code grad_fn},
 * values and gradients; {@code pow} takes a number base; the two texts for a dtype that cannot require grad. The
 * expected values are what {@code MatmulShapesTest.py} (beside this file) prints with PyTorch 1.13.
 */
class MatmulShapesTest {
    private static Tensor arange(int n, int... shape) {
        return Factories.arange(0, n, 1, DType.FLOAT32).reshape(shape);
    }

    private static Tensor leafArange(int n, int... shape) {
        return Tensor.of(arange(n, shape).toFloatArray(), shape).requiresGrad_(true);
    }

    @Test
    void aVectorTimesAMatrixIsSqueezedInPlace() {
        Tensor v = Tensor.of(new float[] {1, 2, 3}, 3).requiresGrad_(true);
        Tensor r = v.matmul(arange(12, 3, 4));
        assertThat(r.gradFnName()).isEqualTo("SqueezeBackward3");
        assertThat(r.shape()).containsExactly(4);
        assertThat(r.toFloatArray()).containsExactly(32f, 38f, 44f, 50f);
        r.sum().backward();
        assertThat(v.grad().toFloatArray()).containsExactly(6f, 22f, 38f);
    }

    @Test
    void foldedAndBatchedProductsAreUnsafeViews() {
        Tensor x = leafArange(24, 2, 3, 4);
        Tensor r = x.matmul(arange(20, 4, 5));
        assertThat(r.gradFnName()).isEqualTo("UnsafeViewBackward0");
        assertThat(r.shape()).containsExactly(2, 3, 5);
        r.sum().backward();
        assertThat(java.util.Arrays.copyOf(x.grad().toFloatArray(), 4)).containsExactly(10f, 35f, 60f, 85f);

        Tensor byVector = leafArange(24, 2, 3, 4).matmul(arange(4, 4));
        assertThat(byVector.gradFnName()).isEqualTo("UnsafeViewBackward0");
        assertThat(byVector.shape()).containsExactly(2, 3);

        Tensor vectorByBatch = leafArange(3, 3).matmul(arange(24, 2, 3, 4));
        assertThat(vectorByBatch.gradFnName()).isEqualTo("UnsafeViewBackward0");
        assertThat(vectorByBatch.shape()).containsExactly(2, 4);
        assertThat(vectorByBatch.toFloatArray()).containsExactly(20f, 23f, 26f, 29f, 56f, 59f, 62f, 65f);

        Tensor batched = leafArange(24, 2, 3, 4).matmul(arange(40, 2, 4, 5));
        assertThat(batched.gradFnName()).isEqualTo("UnsafeViewBackward0");
        assertThat(batched.shape()).containsExactly(2, 3, 5);
    }

    @Test
    void aBatchedMismatchNamesTheWholeBatch() {
        assertThatThrownBy(() -> Factories.zeros(new int[] {3, 2, 3}, DType.FLOAT32).matmul(Factories.zeros(new int[] {3, 4, 5}, DType.FLOAT32)))
                .hasMessage("Expected size for first two dimensions of batch2 tensor to be: [3, 3] but got: [3, 4].");
    }

    @Test
    void aNumberRaisedToATensor() {
        Tensor x = Tensor.of(new float[] {1, 2, 3}, 3).requiresGrad_(true);
        Tensor p = Tensor.pow(2.0, x);
        assertThat(p.gradFnName()).isEqualTo("PowBackward2");
        assertThat(p.toFloatArray()).containsExactly(2f, 4f, 8f);
        p.sum().backward();
        assertThat(x.grad().toFloatArray()).containsExactly((float) 1.3862943649291992, (float) 2.7725887298583984, (float) 5.545177459716797);
    }

    @Test
    void aDtypeThatCannotRequireGradHasTheTextOfThePathThatAsked() {
        assertThatThrownBy(() -> Tensor.of(new long[] {1, 2}, 2).requiresGradAtCreation())
                .hasMessage("Only Tensors of floating point and complex dtype can require gradients");
        assertThatThrownBy(() -> Tensor.of(new long[] {1, 2}, 2).requiresGrad_(true))
                .hasMessage("only Tensors of floating point dtype can require gradients");
    }
}
