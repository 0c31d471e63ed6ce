package dev.backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * In-place ops through views of tensors that require grad: the base's {@code grad_fn} becomes {@code CopySlices},
 * the view's is remade as {@code AsStridedBackward0}, and gradients flow through both, as in PyTorch. The expected
 * values are what {@code CopySlicesTest.py} (beside this file) prints with PyTorch 1.13.
 */
class CopySlicesTest {
    private static Tensor op(String name, Object... inputs) {
        return op(name, Map.of(), inputs);
    }

    private static Tensor op(String name, Map<String, Object> attrs, Object... inputs) {
        return OpRegistry.get(name).invoker().call(new OpArgs(name, List.of(inputs), attrs, n -> null, null))[0];
    }

    private static int withinOneUlp(Float a, Float b) {
        return Math.abs(a - b) <= Math.ulp(b) ? 0 : Float.compare(a, b);
    }

    private static Tensor arange(int n, int... shape) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = i;
        return Tensor.of(v, shape.length == 0 ? new int[] {n} : shape).requiresGrad_(true);
    }

    @Test
    void aViewOfANonLeafMultipliedInPlace() {
        Tensor x = arange(6);
        Tensor a = x.mul(2);
        Tensor v = a.view(3, 2);
        v.mul_(Tensor.wrap(3L));
        assertThat(a.gradFnName()).isEqualTo("CopySlices");
        assertThat(v.gradFnName()).isEqualTo("AsStridedBackward0");
        assertThat(a.gradFn().nextFunctions().get(0).node().name()).isEqualTo("MulBackward0");
        assertThat(a.toFloatArray()).containsExactly(0f, 6f, 12f, 18f, 24f, 30f);
        a.mul(arange(6).detach()).sum().backward();
        assertThat(x.grad().toFloatArray()).containsExactly(0f, 6f, 12f, 18f, 24f, 30f);
    }

    @Test
    void aTransposedViewAddedToInPlace() {
        Tensor x = arange(6, 2, 3);
        Tensor a = x.mul(2);
        Tensor v = a.t();
        v.add_(Tensor.of(new float[] {1, 2, 3}, 3, 1));
        assertThat(a.gradFnName()).isEqualTo("CopySlices");
        assertThat(v.gradFnName()).isEqualTo("AsStridedBackward0");
        assertThat(a.toFloatArray()).containsExactly(1f, 4f, 7f, 7f, 10f, 13f);
        op("pow", a, 2L).sum().backward();
        assertThat(x.grad().toFloatArray()).containsExactly(4f, 16f, 28f, 28f, 40f, 52f);
    }

    @Test
    void aSelectedRowMultipliedInPlace() {
        Tensor x = arange(6, 2, 3);
        Tensor a = x.mul(2);
        Tensor v = a.select(0, 1);
        v.mul_(Tensor.wrap(3L));
        assertThat(a.gradFnName()).isEqualTo("CopySlices");
        assertThat(v.gradFnName()).isEqualTo("AsStridedBackward0");
        assertThat(a.toFloatArray()).containsExactly(0f, 2f, 4f, 18f, 24f, 30f);
        a.sum().backward();
        assertThat(x.grad().toFloatArray()).containsExactly(2f, 2f, 2f, 6f, 6f, 6f);
    }

    @Test
    void anOpThatSavesItsResultThroughASlice() {
        Tensor x = arange(4);
        Tensor a = x.mul(2);
        Tensor v = a.narrow(0, 1, 3);
        op("exp_", v);
        assertThat(a.gradFnName()).isEqualTo("CopySlices");
        assertThat(v.gradFnName()).isEqualTo("AsStridedBackward0");
        // PyTorch's float32 exp is SLEEF's (within 1 ulp); the engine's is correctly rounded: exp(4) is one ulp below PyTorch's.
        assertThat(a.toFloatArray()).usingElementComparator(CopySlicesTest::withinOneUlp)
                .containsExactly(0f, 7.389056f, 54.598152f, 403.42880f);
        a.sum().backward();
        assertThat(x.grad().toFloatArray()).usingElementComparator(CopySlicesTest::withinOneUlp)
                .containsExactly(2f, 14.778112411499023f, 109.19630432128906f, 806.8576049804688f);
    }

    @Test
    void aViewTakenBeforeItsBaseChangedInPlaceIsRemadeFromTheBase() {
        Tensor x = arange(6);
        Tensor a = x.mul(2);
        Tensor w = a.narrow(0, 2, 4);
        assertThat(w.gradFnName()).isEqualTo("SliceBackward0");
        a.add_(Tensor.wrap(1L));
        assertThat(a.gradFnName()).isEqualTo("AddBackward0");
        assertThat(w.gradFnName()).isEqualTo("AsStridedBackward0");
        assertThat(w.toFloatArray()).containsExactly(5f, 7f, 9f, 11f);
        w.sum().backward();
        assertThat(x.grad().toFloatArray()).containsExactly(0f, 0f, 2f, 2f, 2f, 2f);
    }

    @Test
    void aSiblingViewFollowsAWriteThroughAnotherView() {
        Tensor x = arange(6);
        Tensor a = x.mul(2);
        Tensor v = a.view(3, 2);
        Tensor w = a.narrow(0, 1, 5);
        v.mul_(Tensor.wrap(3L));
        assertThat(w.gradFnName()).isEqualTo("AsStridedBackward0");
        a.sum().add(op("pow", w, 2L).sum()).backward();
        assertThat(x.grad().toFloatArray()).containsExactly(6f, 78f, 150f, 222f, 294f, 366f);
    }

    @Test
    void aWriteThroughAViewMakesABaseThatNeededNoGradRequireIt() {
        Tensor w = Tensor.of(new float[] {1, 2}, 2).requiresGrad_(true);
        Tensor a = Factories.zeros(new int[] {4}, DType.FLOAT32);
        a.narrow(0, 1, 2).add_(w);
        assertThat(a.gradFnName()).isEqualTo("CopySlices");
        assertThat(a.requiresGrad()).isTrue();
        assertThat(a.toFloatArray()).containsExactly(0f, 1f, 2f, 0f);
        a.mul(Tensor.of(new float[] {1, 2, 3, 4}, 4)).sum().backward();
        assertThat(w.grad().toFloatArray()).containsExactly(2f, 3f);
    }

    @Test
    void secondDerivativesFlowThroughCopySlices() {
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4}, 4).requiresGrad_(true);
        Tensor a = x.mul(1);
        op("pow_", a.narrow(0, 0, 2), 2L);
        Tensor g = Autograd.grad(List.of(a.sum()), List.of(x), null, null, true, false)[0];
        assertThat(g.toFloatArray()).containsExactly(2f, 4f, 1f, 1f);
        g.sum().backward();
        assertThat(x.grad().toFloatArray()).containsExactly(2f, 2f, 0f, 0f);
    }

    @Test
    void aBaseSavedForBackwardAndThenWrittenThroughAViewFailsThatBackward() {
        Tensor x = arange(3);
        Tensor a = x.mul(2);
        Tensor b = a.log();
        a.narrow(0, 0, 2).mul_(Tensor.wrap(2L));
        assertThatThrownBy(() -> b.sum().backward()).hasMessage("one of the variables needed for gradient computation has been "
                + "modified by an inplace operation: [torch.FloatTensor [3]], which is output 0 of torch::autograd::CopySlices, is at "
                + "version 1; expected version 0 instead. Hint: enable anomaly detection to find the operation that failed to compute "
                + "its gradient, with torch.autograd.set_detect_anomaly(True).");
    }

    @Test
    void writesThatPyTorchRefusesAreRefusedWithItsTexts() {
        Tensor a = arange(3).mul(1);
        Tensor expanded = a.narrow(0, 0, 1).expand(3);
        assertThatThrownBy(() -> expanded.mul_(Tensor.wrap(2L))).hasMessage("unsupported operation: more than one element of the "
                + "written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.");
        Tensor leaf = arange(3);
        assertThatThrownBy(() -> leaf.narrow(0, 1, 2).mul_(Tensor.wrap(2L)))
                .hasMessage("a view of a leaf Variable that requires grad is being used in an in-place operation.");
    }

    @Test
    void oneOfSeveralViewsOrAViewMadeWithoutGradMayNotChangeInPlace() {
        Tensor a = arange(6).mul(2);
        Tensor[] pieces = OpRegistry.get("split").invoker().call(new OpArgs("split", List.of(a, 2L), Map.of(), n -> null, null));
        assertThatThrownBy(() -> pieces[1].mul_(Tensor.wrap(2L))).hasMessage("Output 1 of SplitBackward0 is a view and is being "
                + "modified inplace. This view is the output of a function that returns multiple views. Such functions do not allow the "
                + "output views to be modified inplace. You should replace the inplace operation by an out-of-place one.");
        Tensor b = arange(6).detach();
        Tensor[] plain = OpRegistry.get("split").invoker().call(new OpArgs("split", List.of(b, 2L), Map.of(), n -> null, null));
        plain[1].mul_(Tensor.wrap(2L));
        assertThat(b.toFloatArray()).containsExactly(0f, 1f, 4f, 6f, 4f, 5f);

        Tensor v;
        try (GradMode.Scope ignored = GradMode.disable()) {
            v = a.narrow(0, 1, 5);
        }
        assertThatThrownBy(() -> v.mul_(Tensor.wrap(2L))).hasMessage("A view was created in no_grad mode and is being modified inplace "
                + "with grad mode enabled. Given that this use case is ambiguous and error-prone, it is forbidden. You can clarify your "
                + "code by moving both the view and the inplace either both inside the no_grad block (if you don't want the inplace to "
                + "be tracked) or both outside (if you want the inplace to be tracked).");
    }
}
