package dev.backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code permute}, {@code flatten}, {@code unflatten}, {@code repeat}, {@code split}, {@code chunk}, {@code flip},
 * {@code roll}, {@code tril}/{@code triu}, {@code diag} and {@code einsum}, called by name as a client calls them:
 * PyTorch's shapes, strides and storage sharing for views, values, gradients, grad_fn names and error texts. The
 * expected values are what {@code ShapeOpsMoreTest.py} (beside this file) prints with PyTorch 1.13.
 */
class ShapeOpsMoreTest {
    private static Tensor leaf(int n, int... shape) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = i;
        return Tensor.of(v, shape).requiresGrad_(true);
    }

    /** The cotangent sent back: 1, 2, 3, ... in row-major order. */
    private static Tensor weights(int... shape) {
        float[] v = new float[Shapes.numel(shape)];
        for (int i = 0; i < v.length; i++) v[i] = i + 1;
        return Tensor.of(v, shape);
    }

    private static Tensor[] callAll(String op, Map<String, Object> attrs, Object... inputs) {
        return OpRegistry.get(op).invoker().call(new OpArgs(op, Arrays.asList(inputs), attrs, n -> null, null));
    }

    private static Tensor call(String op, Map<String, Object> attrs, Object... inputs) {
        Tensor[] out = callAll(op, attrs, inputs);
        assertThat(out).hasSize(1);
        return out[0];
    }

    private static void backward(Tensor out, Tensor cotangent) {
        out.backward(cotangent, false, false);
    }

    private static float[] floats(double... v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (float) v[i];
        return out;
    }

    private static void assertViewOf(Tensor view, Tensor base) {
        assertThat(view.isView()).isTrue();
        assertThat(view.viewBase).isSameAs(base);
        assertThat(view.storage).isSameAs(base.storage);
    }

    @Test
    void permuteIsAViewWithPermutedStrides() {
        Tensor x = leaf(24, 2, 3, 4);
        Tensor p = call("permute", Map.of("dims", List.of(2, 0, 1)), x);
        assertThat(p.gradFnName()).isEqualTo("PermuteBackward0");
        assertThat(p.shape()).containsExactly(4, 2, 3);
        assertThat(p.strides).containsExactly(1, 12, 4);
        assertViewOf(p, x);
        assertThat(p.select(0, 1).select(0, 0).toFloatArray()).containsExactly(1f, 5f, 9f);
        backward(p, weights(4, 2, 3));
        assertThat(x.grad().select(0, 0).select(0, 1).toFloatArray()).containsExactly(2f, 8f, 14f, 20f);
        assertThat(call("permute", Map.of(), x, 2, 1, 0).shape()).containsExactly(4, 3, 2);

        Tensor z = Factories.zeros(new int[] {2, 3}, DType.FLOAT32);
        Tensor pz = call("permute", Map.of("dims", List.of(1, 0)), z);
        z.add_(1.0);
        assertThat(pz.version()).isEqualTo(z.version()).isEqualTo(1);
        assertThat(pz.toFloatArray()).containsOnly(1f);

        assertThatThrownBy(() -> call("permute", Map.of(), x, 0, 0, 1)).hasMessage("permute(): duplicate dims are not allowed.");
        assertThatThrownBy(() -> call("permute", Map.of(), x, 0, 1)).hasMessage("permute(sparse_coo): number of dimensions in the "
                + "tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = 3 is not equal to "
                + "len(dims) = 2");
        assertThatThrownBy(() -> call("permute", Map.of(), x, 0, 1, 3))
                .hasMessage("Dimension out of range (expected to be in range of [-3, 2], but got 3)");
    }

    @Test
    void flattenIsAReshapeAliasWhenTheStridesAllowElseACopy() {
        Tensor x = leaf(24, 2, 3, 4);
        Tensor f = call("flatten", Map.of("start_dim", 1), x);
        assertThat(f.gradFnName()).isEqualTo("ReshapeAliasBackward0");
        assertThat(f.shape()).containsExactly(2, 12);
        assertThat(f.strides).containsExactly(12, 1);
        assertViewOf(f, x);

        Tensor t = x.transpose(0, 2);
        Tensor copy = call("flatten", Map.of(), t);
        assertThat(copy.gradFnName()).isEqualTo("UnsafeViewBackward0");
        assertThat(copy.storage).isNotSameAs(x.storage);
        assertThat(Arrays.copyOf(copy.toFloatArray(), 6)).containsExactly(0f, 12f, 4f, 16f, 8f, 20f);
        backward(copy, weights(24));
        assertThat(x.grad().select(0, 1).select(0, 2).toFloatArray()).containsExactly(6f, 12f, 18f, 24f);

        assertThat(call("flatten", Map.of("start_dim", 1, "end_dim", 1), x)).isSameAs(x);
        assertThat(call("flatten", Map.of(), Tensor.scalar(5)).shape()).containsExactly(1);
        assertThatThrownBy(() -> call("flatten", Map.of("start_dim", 2, "end_dim", 1), x))
                .hasMessage("flatten() has invalid args: start_dim cannot come after end_dim");
    }

    @Test
    void unflattenViewsOneDimAsSeveral() {
        Tensor x = leaf(12, 3, 4);
        Tensor u = call("unflatten", Map.of(), x, 1, List.of(2, -1));
        assertThat(u.gradFnName()).isEqualTo("ViewBackward0");
        assertThat(u.shape()).containsExactly(3, 2, 2);
        assertThat(u.strides).containsExactly(4, 2, 1);
        assertViewOf(u, x);
        assertThatThrownBy(() -> call("unflatten", Map.of(), x, 1, List.of(3, 2)))
                .hasMessage("unflatten: Provided sizes [3, 2] don't multiply up to the size of dim 1 (4) in the input tensor");
        assertThatThrownBy(() -> call("unflatten", Map.of(), x, 1, List.of())).hasMessage("unflatten: sizes must be non-empty");
        assertThatThrownBy(() -> call("unflatten", Map.of(), x, 1, List.of(-1, -1)))
                .hasMessage("unflatten got an unexpected error:\nonly one dimension can be inferred");
    }

    @Test
    void repeatTilesAndSumsTheTilesBack() {
        Tensor x = leaf(6, 2, 3);
        Tensor r = call("repeat", Map.of(), x, 2, 1, 2);
        assertThat(r.gradFnName()).isEqualTo("RepeatBackward0");
        assertThat(r.shape()).containsExactly(2, 2, 6);
        assertThat(r.select(0, 1).select(0, 1).toFloatArray()).containsExactly(3f, 4f, 5f, 3f, 4f, 5f);
        backward(r, weights(2, 2, 6));
        assertThat(x.grad().toFloatArray()).containsExactly(34f, 38f, 42f, 58f, 62f, 66f);

        Tensor y = leaf(6, 2, 3);
        Tensor empty = call("repeat", Map.of("repeats", List.of(0, 3)), y);
        assertThat(empty.shape()).containsExactly(0, 9);
        empty.sum().backward();
        assertThat(y.grad().toFloatArray()).containsExactly(0f, 0f, 0f, 0f, 0f, 0f);

        Tensor bools = call("repeat", Map.of(), Tensor.of(new boolean[] {true, false}, 2), 2);
        assertThat(bools.toNested()).isEqualTo(List.of(true, false, true, false));
        assertThatThrownBy(() -> call("repeat", Map.of(), x, 2))
                .hasMessage("Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor");
        assertThatThrownBy(() -> call("repeat", Map.of(), x, 2, -1)).hasMessage("Trying to create tensor with negative dimension -3: [4, -3]");
    }

    @Test
    void splitAnswersViewsOfOneNode() {
        Tensor x = leaf(10, 2, 5);
        Tensor[] parts = callAll("split", Map.of("dim", 1), x, 2);
        assertThat(parts).hasSize(3);
        assertThat(Arrays.stream(parts).map(Tensor::gradFnName)).containsOnly("SplitBackward0");
        assertThat(parts[0].gradFn()).isSameAs(parts[2].gradFn());
        assertThat(Arrays.stream(parts).map(t -> t.shape()[1])).containsExactly(2, 2, 1);
        assertThat(Arrays.stream(parts).map(t -> t.offset)).containsExactly(0, 2, 4);
        for (Tensor p : parts) assertViewOf(p, x);
        assertThat(parts[2].toFloatArray()).containsExactly(4f, 9f);
        parts[0].sum().mulScalar(2).add(parts[2].sum()).backward();
        assertThat(x.grad().toFloatArray()).containsExactly(2f, 2f, 0f, 0f, 1f, 2f, 2f, 0f, 0f, 1f);

        Tensor[] sections = callAll("split", Map.of("split_size_or_sections", List.of(1, 4), "dim", -1), x);
        assertThat(Arrays.stream(sections).map(Tensor::gradFnName)).containsOnly("SplitWithSizesBackward0");
        assertThat(sections[1].shape()).containsExactly(2, 4);
        assertThat(sections[1].strides).containsExactly(5, 1);

        assertThatThrownBy(() -> callAll("split", Map.of("dim", 1), x, -1))
                .hasMessage("split expects split_size be non-negative, but got split_size=-1");
        assertThatThrownBy(() -> callAll("split", Map.of("dim", 1), x, 0))
                .hasMessage("split_size can only be 0 if dimension size is 0, but got dimension size of 5");
        assertThatThrownBy(() -> callAll("split", Map.of("dim", 1), x, List.of(1, 2))).hasMessage("split_with_sizes expects split_sizes "
                + "to sum exactly to 5 (input tensor's size at dimension 1), but got split_sizes=[1, 2]");
        assertThatThrownBy(() -> callAll("split", Map.of("dim", 1), x, List.of(6, -1)))
                .hasMessage("split_with_sizes expects split_sizes have only non-negative entries, but got split_sizes=[6, -1]");
        assertThatThrownBy(() -> callAll("split", Map.of(), x, "a"))
                .hasMessage("split_with_sizes(): argument 'split_sizes' (position 2) must be tuple of ints, not str");
        assertThatThrownBy(() -> callAll("split", Map.of(), Tensor.scalar(1), 1)).hasMessage("split expects at least a 1-dimensional tensor");
    }

    @Test
    void chunkSplitsInPiecesOfTheRoundedUpSize() {
        Tensor x = leaf(14, 2, 7);
        Tensor[] chunks = callAll("chunk", Map.of("dim", 1), x, 3);
        assertThat(Arrays.stream(chunks).map(Tensor::gradFnName)).containsOnly("SplitBackward0");
        assertThat(Arrays.stream(chunks).map(t -> t.shape()[1])).containsExactly(3, 3, 1);
        assertThat(Arrays.stream(callAll("chunk", Map.of(), Factories.arange(0, 6, 1, DType.FLOAT32), 5)).map(Tensor::numel))
                .containsExactly(2, 2, 2);
        Tensor empty = Factories.zeros(new int[] {0, 3}, DType.FLOAT32).requiresGrad_(true);
        Tensor[] pieces = callAll("chunk", Map.of(), empty, 2);
        assertThat(Arrays.stream(pieces).map(Tensor::gradFnName)).containsOnly("SplitWithSizesBackward0");
        assertThat(pieces).hasSize(2);
        assertThat(pieces[1].shape()).containsExactly(0, 3);
        assertThatThrownBy(() -> callAll("chunk", Map.of("dim", 1), x, 0)).hasMessage("chunk expects `chunks` to be greater than 0, got: 0");
        assertThatThrownBy(() -> callAll("chunk", Map.of(), Tensor.scalar(1), 1)).hasMessage("chunk expects at least a 1-dimensional tensor");
    }

    @Test
    void flipAndRollAreCopies() {
        Tensor x = leaf(12, 2, 3, 2);
        Tensor f = call("flip", Map.of(), x, 0, 2);
        assertThat(f.gradFnName()).isEqualTo("FlipBackward0");
        assertThat(f.isView()).isFalse();
        assertThat(f.select(0, 0).toFloatArray()).containsExactly(7f, 6f, 9f, 8f, 11f, 10f);
        backward(f, weights(2, 3, 2));
        assertThat(x.grad().select(0, 0).toFloatArray()).containsExactly(8f, 7f, 10f, 9f, 12f, 11f);
        assertThatThrownBy(() -> call("flip", Map.of(), x, 0, -3)).hasMessage("dim 0 appears multiple times in the list of dims");

        Tensor y = leaf(12, 3, 4);
        Tensor r = call("roll", Map.of("shifts", List.of(1, -2), "dims", List.of(0, 1)), y);
        assertThat(r.gradFnName()).isEqualTo("RollBackward0");
        assertThat(r.toFloatArray()).containsExactly(floats(10, 11, 8, 9, 2, 3, 0, 1, 6, 7, 4, 5));
        backward(r, weights(3, 4));
        assertThat(y.grad().toFloatArray()).containsExactly(floats(7, 8, 5, 6, 11, 12, 9, 10, 3, 4, 1, 2));
        assertThat(call("roll", Map.of(), y, 5).toFloatArray()).containsExactly(floats(7, 8, 9, 10, 11, 0, 1, 2, 3, 4, 5, 6));
        assertThatThrownBy(() -> call("roll", Map.of(), y, List.of(1, 2), 0)).hasMessage("shifts and dimensions must align. shifts: 2, dims:1");
        assertThatThrownBy(() -> call("roll", Map.of(), y, List.of(1, 2))).hasMessage("shifts and dimensions must align. shifts: 2, dims:0");
        assertThatThrownBy(() -> call("roll", Map.of(), y, List.of(), List.of())).hasMessage("`shifts` required");
    }

    @Test
    void trilAndTriuKeepATriangle() {
        Tensor x = leaf(12, 3, 4);
        Tensor l = call("tril", Map.of(), x);
        assertThat(l.gradFnName()).isEqualTo("TrilBackward0");
        assertThat(l.toFloatArray()).containsExactly(floats(0, 0, 0, 0, 4, 5, 0, 0, 8, 9, 10, 0));
        backward(l, weights(3, 4));
        assertThat(x.grad().toFloatArray()).containsExactly(floats(1, 0, 0, 0, 5, 6, 0, 0, 9, 10, 11, 0));
        Tensor u = call("triu", Map.of("diagonal", 1), x);
        assertThat(u.gradFnName()).isEqualTo("TriuBackward0");
        assertThat(u.toFloatArray()).containsExactly(floats(0, 1, 2, 3, 0, 0, 6, 7, 0, 0, 0, 11));
        assertThat(call("tril", Map.of("diagonal", -1), Factories.arange(0, 8, 1, DType.FLOAT32).reshape(2, 2, 2)).toFloatArray())
                .containsExactly(floats(0, 0, 2, 0, 0, 0, 6, 0));

        Tensor y = leaf(9, 3, 3).mulScalar(1);
        assertThat(call("triu_", Map.of(), y)).isSameAs(y);
        assertThat(y.gradFnName()).isEqualTo("TriuBackward0");
        assertThat(y.toFloatArray()).containsExactly(floats(0, 1, 2, 0, 4, 5, 0, 0, 8));

        Tensor ones = Tensor.of(new boolean[] {true, true, true, true, true, true}, 2, 3);
        assertThat(call("tril", Map.of(), ones).toNested()).isEqualTo(List.of(List.of(true, false, false), List.of(true, true, false)));
        assertThatThrownBy(() -> call("tril", Map.of(), Factories.arange(0, 3, 1, DType.FLOAT32)))
                .hasMessage("Dimension out of range (expected to be in range of [-1, 0], but got -2)");
    }

    @Test
    void diagMakesAMatrixOfAVectorAndAVectorOfAMatrix() {
        Tensor v = Tensor.of(new float[] {1, 2, 3}, 3).requiresGrad_(true);
        Tensor d = call("diag", Map.of("diagonal", 1), v);
        assertThat(d.gradFnName()).isEqualTo("DiagBackward0");
        assertThat(d.toFloatArray()).containsExactly(floats(0, 1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 3, 0, 0, 0, 0));
        backward(d, weights(4, 4));
        assertThat(v.grad().toFloatArray()).containsExactly(2f, 7f, 12f);

        Tensor m = leaf(6, 2, 3);
        Tensor dm = call("diag", Map.of(), m, 1);
        assertThat(dm.isView()).isFalse();
        assertThat(dm.toFloatArray()).containsExactly(1f, 5f);
        backward(dm, Tensor.of(new float[] {10, 20}, 2));
        assertThat(m.grad().toFloatArray()).containsExactly(floats(0, 10, 0, 0, 0, 20));

        assertThat(call("diag", Map.of(), Factories.ones(new int[] {3, 3}, DType.FLOAT32), 3).shape()).containsExactly(0);
        assertThatThrownBy(() -> call("diag", Map.of(), Factories.ones(new int[] {2, 2, 2}, DType.FLOAT32)))
                .hasMessage("matrix or a vector expected");
        assertThatThrownBy(() -> call("diag", Map.of(), Factories.ones(new int[] {3, 3}, DType.FLOAT32), 5))
                .hasMessage("numel: integer multiplication overflow");
    }

    @Test
    void einsumContractsAsPyTorchDoes() {
        Tensor a = leaf(6, 2, 3), b = leaf(12, 3, 4);
        Tensor e = call("einsum", Map.of(), "ij,jk->ik", a, b);
        assertThat(e.gradFnName()).isEqualTo("ViewBackward0");
        assertThat(e.toFloatArray()).containsExactly(floats(20, 23, 26, 29, 56, 68, 80, 92));
        backward(e, weights(2, 4));
        assertThat(a.grad().toFloatArray()).containsExactly(floats(20, 60, 100, 44, 148, 252));

        Tensor m = leaf(9, 3, 3);
        Tensor trace = call("einsum", Map.of(), "ii", m);
        assertThat(trace.gradFnName()).isEqualTo("SumBackward1");
        assertThat(trace.item()).isEqualTo(12.0);
        Tensor diagonal = call("einsum", Map.of(), "ii->i", m);
        assertThat(diagonal.gradFnName()).isEqualTo("PermuteBackward0");
        assertThat(diagonal.toFloatArray()).containsExactly(0f, 4f, 8f);
        assertThat(call("einsum", Map.of(), "ij->ji", a).toFloatArray()).containsExactly(floats(0, 3, 1, 4, 2, 5));
        assertThat(call("einsum", Map.of(), "ba", a).shape()).containsExactly(3, 2);
        assertThat(call("einsum", Map.of(), "Ba", a).shape()).containsExactly(2, 3);

        Tensor outer = call("einsum", Map.of(), "i,j->ij", Tensor.of(new float[] {1, 2}, 2).requiresGrad_(true), Tensor.of(new float[] {3, 4, 5}, 3));
        assertThat(outer.gradFnName()).isEqualTo("MulBackward0");
        assertThat(outer.toFloatArray()).containsExactly(floats(3, 4, 5, 6, 8, 10));
    }

    @Test
    void einsumBroadcastsEllipsesAndTakesDiagonalsOfRepeatedSubscripts() {
        Tensor p = leaf(12, 2, 2, 3);
        Tensor q = Factories.arange(0, 6, 1, DType.FLOAT32).reshape(1, 3, 2);
        Tensor e = call("einsum", Map.of(), "...ij,...jk", p, q);
        assertThat(e.gradFnName()).isEqualTo("ViewBackward0");
        assertThat(e.toFloatArray()).containsExactly(floats(10, 13, 28, 40, 46, 67, 64, 94));
        backward(e, weights(2, 2, 2));
        assertThat(p.grad().toFloatArray()).containsExactly(floats(2, 8, 14, 4, 18, 32, 6, 28, 50, 8, 38, 68));

        Tensor t = leaf(12, 2, 2, 3);
        Tensor k = Factories.arange(0, 6, 1, DType.FLOAT32).reshape(3, 2);
        Tensor r = call("einsum", Map.of(), "iij,jk->k", t, k);
        assertThat(r.gradFnName()).isEqualTo("ViewBackward0");
        assertThat(r.toFloatArray()).containsExactly(74f, 107f);
        backward(r, Tensor.of(new float[] {1, 2}, 2));
        assertThat(t.grad().toFloatArray()).containsExactly(floats(2, 8, 14, 0, 0, 0, 0, 0, 0, 2, 8, 14));

        Tensor three = call("einsum", Map.of(), "ij,jk,kl->li", Factories.arange(0, 6, 1, DType.FLOAT32).reshape(2, 3),
                Factories.arange(0, 6, 1, DType.FLOAT32).reshape(3, 2), Factories.arange(0, 4, 1, DType.FLOAT32).reshape(2, 2));
        assertThat(three.toFloatArray()).containsExactly(26f, 80f, 49f, 148f);

        Map<String, Tensor> named = Map.of("a", Factories.arange(0, 6, 1, DType.FLOAT32).reshape(2, 3),
                "b", Factories.arange(0, 6, 1, DType.FLOAT32).reshape(3, 2));
        Map<String, Object> byName = Map.of("equation", "ij,jk->ik", "operands", List.of("a", "b"));
        Tensor product = OpRegistry.get("einsum").invoker().call(new OpArgs("einsum", List.of(), byName, named::get, null))[0];
        assertThat(product.toFloatArray()).containsExactly(10f, 13f, 28f, 40f);

        Tensor longs = call("einsum", Map.of(), "ij,jk", Tensor.of(new long[] {1, 2, 3, 4}, 2, 2), Tensor.of(new long[] {1, 1, 1, 1}, 2, 2));
        assertThat(longs.dtype()).isEqualTo(DType.INT64);
        assertThat(longs.toNested()).isEqualTo(List.of(List.of(3L, 3L), List.of(7L, 7L)));
    }

    @Test
    void aBadEquationHasPyTorchsText() {
        Tensor a = leaf(6, 2, 3), b = leaf(12, 3, 4);
        assertThatThrownBy(() -> call("einsum", Map.of(), "ij,jk->ik", a, a))
                .hasMessage("einsum(): subscript j has size 2 for operand 1 which does not broadcast with previously seen size 3");
        assertThatThrownBy(() -> call("einsum", Map.of(), "ijk,jk", a, b)).hasMessage("einsum(): the number of subscripts in the equation "
                + "(3) does not match the number of dimensions (2) for operand 0 and no ellipsis was given");
        assertThatThrownBy(() -> call("einsum", Map.of(), "ij,jk", a))
                .hasMessage("einsum(): fewer operands were provided than specified in the equation");
        assertThatThrownBy(() -> call("einsum", Map.of(), "ij", a, b)).hasMessage("einsum(): more operands were provided than specified in the equation");
        assertThatThrownBy(() -> call("einsum", Map.of(), "i1", a))
                .hasMessage("einsum(): invalid subscript given at index 1 in the equation string, subscripts must be in [a-zA-Z]");
        assertThatThrownBy(() -> call("einsum", Map.of(), "ij->ii", a)).hasMessage("einsum(): output subscript i appears more than once in the output");
        assertThatThrownBy(() -> call("einsum", Map.of(), "ij->k", a))
                .hasMessage("einsum(): output subscript k does not appear in the equation for any input operand");
        assertThatThrownBy(() -> call("einsum", Map.of(), "ii", a))
                .hasMessage("einsum(): subscript i is repeated for operand 0 but the sizes don't match, 3 != 2");
        assertThatThrownBy(() -> call("einsum", Map.of(), "ij,jk", a, b.toDouble())).hasMessage("expected scalar type Float but found Double");
        assertThatThrownBy(() -> call("einsum", Map.of(), "i.j", a)).hasMessage("einsum(): found '.' for operand 0 that is not part of any ellipsis");
        assertThatThrownBy(() -> call("einsum", Map.of(), "...i,...i", Factories.ones(new int[] {2, 3}, DType.FLOAT32),
                Factories.ones(new int[] {4, 3}, DType.FLOAT32))).hasMessage("einsum(): dimension 0 covered by ellipsis in operand 1has size 4 "
                        + "which does not broadcast with previously seen ellipsis with size 2 for the respective dimension");
    }
}
