package dev.backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Python's subscripts ({@code getitem}, {@code setitem_}) and the indexing ops, called by name as a client calls them:
 * values, gradients of {@code (y * y).sum()}, {@code grad_fn} names, views and PyTorch's error texts. The expected values
 * are what {@code IndexingTest.py} (beside this file) prints with PyTorch 1.13.
 */
class IndexingTest {
    private static final Map<String, Tensor> NAMES = Map.of(
            "idx", Tensor.of(new long[] {2, 0, 2}, 3),
            "mask", Tensor.of(new boolean[] {true, false, true}, 3),
            "grid", grid(),
            "far", Tensor.of(new long[] {0, 5}, 2),
            "short_mask", Tensor.of(new boolean[] {true, false}, 2),
            "float_idx", Tensor.of(new float[] {1}, 1));

    /** {@code torch.arange(12.).reshape(3, 4) % 3 == 0}. */
    private static Tensor grid() {
        boolean[] g = new boolean[12];
        for (int i = 0; i < 12; i++) g[i] = i % 3 == 0;
        return Tensor.of(g, 3, 4);
    }

    private static Tensor leaf() {
        return Factories.arange(0, 12, 1, DType.FLOAT32).reshape(3, 4).detach().requiresGrad_(true);
    }

    private static Tensor call(String op, List<Object> inputs, Map<String, Object> attrs) {
        return OpRegistry.get(op).invoker().call(new OpArgs(op, new ArrayList<>(inputs), attrs, NAMES::get, null))[0];
    }

    private static Tensor get(Tensor x, String key) {
        return call("getitem", List.of(x), Map.of("key", key));
    }

    private static Tensor squaredSumBackward(Tensor y) {
        y.mul(y).sum().backward();
        return y;
    }

    /** {@code x[key]} of {@link #leaf()}: its grad_fn, whether a view, shape, values and the gradient of {@code (y * y).sum()}. */
    private static void assertSubscript(String key, String gradFn, boolean view, int[] shape, String values, String grad) {
        Tensor x = leaf();
        Tensor y = squaredSumBackward(get(x, key));
        assertThat(y.gradFnName()).as(key).isEqualTo(gradFn);
        assertThat(y.isView()).as(key).isEqualTo(view);
        assertThat(y.shape()).as(key).containsExactly(shape);
        assertThat(y.toNested()).as(key).hasToString(values);
        assertThat(x.grad().toNested()).as(key).hasToString(grad);
    }

    @Test
    void basicKeysAreViews() {
        assertSubscript("1:3, ::2", "SliceBackward0", true, new int[] {2, 2}, "[[4.0, 6.0], [8.0, 10.0]]",
                "[[0.0, 0.0, 0.0, 0.0], [8.0, 0.0, 12.0, 0.0], [16.0, 0.0, 20.0, 0.0]]");
        assertSubscript("None, 1", "SelectBackward0", true, new int[] {1, 4}, "[[4.0, 5.0, 6.0, 7.0]]",
                "[[0.0, 0.0, 0.0, 0.0], [8.0, 10.0, 12.0, 14.0], [0.0, 0.0, 0.0, 0.0]]");
        assertSubscript("..., 0", "SelectBackward0", true, new int[] {3}, "[0.0, 4.0, 8.0]",
                "[[0.0, 0.0, 0.0, 0.0], [8.0, 0.0, 0.0, 0.0], [16.0, 0.0, 0.0, 0.0]]");
        assertSubscript("...", "AliasBackward0", true, new int[] {3, 4}, "[[0.0, 1.0, 2.0, 3.0], [4.0, 5.0, 6.0, 7.0], [8.0, 9.0, 10.0, 11.0]]",
                "[[0.0, 2.0, 4.0, 6.0], [8.0, 10.0, 12.0, 14.0], [16.0, 18.0, 20.0, 22.0]]");
        assertSubscript("-2:, -3:-1", "SliceBackward0", true, new int[] {2, 2}, "[[5.0, 6.0], [9.0, 10.0]]",
                "[[0.0, 0.0, 0.0, 0.0], [0.0, 10.0, 12.0, 0.0], [0.0, 18.0, 20.0, 0.0]]");
        assertThat(get(leaf(), "None").gradFnName()).isEqualTo("UnsqueezeBackward0");
    }

    @Test
    void indexTensorsMasksAndIntListsAreCopies() {
        assertSubscript("idx", "IndexBackward0", false, new int[] {3, 4},
                "[[8.0, 9.0, 10.0, 11.0], [0.0, 1.0, 2.0, 3.0], [8.0, 9.0, 10.0, 11.0]]",
                "[[0.0, 2.0, 4.0, 6.0], [0.0, 0.0, 0.0, 0.0], [32.0, 36.0, 40.0, 44.0]]");
        assertSubscript("mask", "IndexBackward0", false, new int[] {2, 4}, "[[0.0, 1.0, 2.0, 3.0], [8.0, 9.0, 10.0, 11.0]]",
                "[[0.0, 2.0, 4.0, 6.0], [0.0, 0.0, 0.0, 0.0], [16.0, 18.0, 20.0, 22.0]]");
        assertSubscript("grid", "IndexBackward0", false, new int[] {4}, "[0.0, 3.0, 6.0, 9.0]",
                "[[0.0, 0.0, 0.0, 6.0], [0.0, 0.0, 12.0, 0.0], [0.0, 18.0, 0.0, 0.0]]");
        assertSubscript("[0, 2, 2], 1:", "IndexBackward0", false, new int[] {3, 3}, "[[1.0, 2.0, 3.0], [9.0, 10.0, 11.0], [9.0, 10.0, 11.0]]",
                "[[0.0, 2.0, 4.0, 6.0], [0.0, 0.0, 0.0, 0.0], [0.0, 36.0, 40.0, 44.0]]");
        assertSubscript(":, [3, 0]", "IndexBackward0", false, new int[] {3, 2}, "[[3.0, 0.0], [7.0, 4.0], [11.0, 8.0]]",
                "[[0.0, 0.0, 0.0, 6.0], [8.0, 0.0, 0.0, 14.0], [16.0, 0.0, 0.0, 22.0]]");
        assertSubscript("True", "IndexBackward0", false, new int[] {1, 3, 4},
                "[[[0.0, 1.0, 2.0, 3.0], [4.0, 5.0, 6.0, 7.0], [8.0, 9.0, 10.0, 11.0]]]",
                "[[0.0, 2.0, 4.0, 6.0], [8.0, 10.0, 12.0, 14.0], [16.0, 18.0, 20.0, 22.0]]");
    }

    @Test
    void advancedIndicesSeparatedByASliceMoveToTheFront() {
        Tensor x = Factories.arange(0, 24, 1, DType.FLOAT32).reshape(2, 3, 4);
        Tensor separated = get(x, "[1, 0], :, [2, 2]");
        assertThat(separated.shape()).containsExactly(2, 3);
        assertThat(separated.toNested()).hasToString("[[14.0, 18.0, 22.0], [2.0, 6.0, 10.0]]");
        Tensor adjacent = get(x, ":, [1, 0], [2, 2]");
        assertThat(adjacent.shape()).containsExactly(2, 2);
        assertThat(adjacent.toNested()).hasToString("[[6.0, 2.0], [18.0, 14.0]]");
    }

    @Test
    void badKeysHavePyTorchsTexts() {
        Tensor x = leaf();
        assertThatThrownBy(() -> get(x, "5")).hasMessage("index 5 is out of bounds for dimension 0 with size 3");
        assertThatThrownBy(() -> get(x, "far")).hasMessage("index 5 is out of bounds for dimension 0 with size 3");
        assertThatThrownBy(() -> get(x, "short_mask"))
                .hasMessage("The shape of the mask [2] at index 0 does not match the shape of the indexed tensor [3, 4] at index 0");
        assertThatThrownBy(() -> get(x, "1, 2, 3")).hasMessage("too many indices for tensor of dimension 2");
        assertThatThrownBy(() -> get(x, "::-1")).hasMessage("step must be greater than zero");
        assertThatThrownBy(() -> get(x, "::0")).hasMessage("slice step cannot be zero");
        assertThatThrownBy(() -> get(x, "1.5"))
                .hasMessage("only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got float)");
        assertThatThrownBy(() -> get(x, "float_idx")).hasMessage("tensors used as indices must be long, byte or bool tensors");
        assertThatThrownBy(() -> get(Tensor.scalar(3), "0")).hasMessage("invalid index of a 0-dim tensor. Use `tensor.item()` in Python or "
                + "`tensor.item<T>()` in C++ to convert a 0-dim tensor to a number");
        assertThatThrownBy(() -> get(x, "1 2")).hasMessage("invalid index key '1 2': unexpected '2' at position 2");
        assertThatThrownBy(() -> get(x, "")).hasMessage("invalid index key '': an index is missing at position 0");
        assertThatThrownBy(() -> get(x, "[0, 1")).hasMessage("invalid index key '[0, 1': a list is not closed with ']' at position 5");
    }

    @Test
    void indexTensorsThatBroadcastPastTheSizeLimitAreRefusedEvenForAnEmptyResult() {
        Tensor x = Factories.zeros(new int[] {0, 40, 40}, DType.FLOAT32);
        long[] rows = new long[40];
        for (int i = 0; i < 40; i++) rows[i] = i;
        try (GradMode.Scope ignored = AllocationLimit.set(1000, 8)) {
            assertThatThrownBy(() -> IndexKernels.index(x, java.util.Arrays.asList(null, Tensor.of(rows, 40, 1), Tensor.of(rows, 1, 40))))
                    .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TOO_LARGE))
                    .hasMessage("a tensor of shape [40, 40] has 1600 elements, over the limit of 1000");
        }
    }

    @Test
    void indexSelectAndGather() {
        Tensor x = leaf();
        Tensor y = squaredSumBackward(call("index_select", List.of(x, 1, Tensor.of(new long[] {3, 0, 3}, 3)), Map.of()));
        assertThat(y.gradFnName()).isEqualTo("IndexSelectBackward0");
        assertThat(y.toNested()).hasToString("[[3.0, 0.0, 3.0], [7.0, 4.0, 7.0], [11.0, 8.0, 11.0]]");
        assertThat(x.grad().toNested()).hasToString("[[0.0, 0.0, 0.0, 12.0], [8.0, 0.0, 0.0, 28.0], [16.0, 0.0, 0.0, 44.0]]");

        Tensor x2 = leaf();
        Tensor g = squaredSumBackward(call("gather", List.of(x2, 1, Tensor.of(new long[] {1, 0, 3, 3, 2, 0}, 3, 2)), Map.of()));
        assertThat(g.gradFnName()).isEqualTo("GatherBackward0");
        assertThat(g.toNested()).hasToString("[[1.0, 0.0], [7.0, 7.0], [10.0, 8.0]]");
        assertThat(x2.grad().toNested()).hasToString("[[0.0, 2.0, 0.0, 0.0], [0.0, 0.0, 0.0, 28.0], [16.0, 0.0, 20.0, 0.0]]");
    }

    @Test
    void scatterAndScatterAdd() {
        Tensor x = leaf(), src = Tensor.of(new float[] {10, 20, 30, 40, 50, 60}, 3, 2).requiresGrad_(true);
        Tensor y = squaredSumBackward(call("scatter", List.of(x, 1, Tensor.of(new long[] {1, 0, 3, 2, 2, 0}, 3, 2), src), Map.of()));
        assertThat(y.gradFnName()).isEqualTo("ScatterBackward0");
        assertThat(y.toNested()).hasToString("[[20.0, 10.0, 2.0, 3.0], [4.0, 5.0, 40.0, 30.0], [60.0, 9.0, 50.0, 11.0]]");
        assertThat(x.grad().toNested()).hasToString("[[0.0, 0.0, 4.0, 6.0], [8.0, 10.0, 0.0, 0.0], [0.0, 18.0, 0.0, 22.0]]");
        assertThat(src.grad().toNested()).hasToString("[[20.0, 40.0], [60.0, 80.0], [100.0, 120.0]]");

        Tensor x2 = leaf();
        Tensor v = squaredSumBackward(call("scatter", List.of(x2, 0, Tensor.of(new long[] {2, 0, 1, 1}, 1, 4), 2.5), Map.of()));
        assertThat(v.gradFnName()).isEqualTo("ScatterBackward1");
        assertThat(v.toNested()).hasToString("[[0.0, 2.5, 2.0, 3.0], [4.0, 5.0, 2.5, 2.5], [2.5, 9.0, 10.0, 11.0]]");
        assertThat(x2.grad().toNested()).hasToString("[[0.0, 0.0, 4.0, 6.0], [8.0, 10.0, 0.0, 0.0], [0.0, 18.0, 20.0, 22.0]]");

        Tensor x3 = leaf(), src3 = Tensor.of(new float[] {10, 20, 30, 40, 50, 60}, 3, 2).requiresGrad_(true);
        Tensor a = squaredSumBackward(call("scatter_add", List.of(x3, 1, Tensor.of(new long[] {1, 1, 3, 3, 2, 0}, 3, 2), src3), Map.of()));
        assertThat(a.gradFnName()).isEqualTo("ScatterAddBackward0");
        assertThat(a.toNested()).hasToString("[[0.0, 31.0, 2.0, 3.0], [4.0, 5.0, 6.0, 77.0], [68.0, 9.0, 60.0, 11.0]]");
        assertThat(x3.grad().toNested()).hasToString("[[0.0, 62.0, 4.0, 6.0], [8.0, 10.0, 12.0, 154.0], [136.0, 18.0, 120.0, 22.0]]");
        assertThat(src3.grad().toNested()).hasToString("[[62.0, 62.0], [154.0, 154.0], [120.0, 136.0]]");
    }

    @Test
    void zeroDimTensorsAndIndicesCountAsOneElement() {
        Tensor vector = Factories.arange(0, 3, 1, DType.FLOAT32);
        assertThat(call("gather", List.of(Tensor.scalar(3), 0, Tensor.of(new long[] {0}, 1)), Map.of()).toNested()).hasToString("[3.0]");
        assertThat(call("gather", List.of(vector, 0, Tensor.of(new long[] {1})), Map.of()).toNested()).isEqualTo(1.0f);
        assertThat(call("scatter_add", List.of(vector, 0, Tensor.of(new long[] {1}, 1), Tensor.scalar(2)), Map.of()).toNested())
                .hasToString("[0.0, 3.0, 2.0]");
        assertThatThrownBy(() -> call("scatter_add", List.of(Tensor.of(new long[] {0, 1, 2}, 3), 0, Tensor.of(new long[] {1}, 1), Tensor.scalar(2)),
                Map.of())).hasMessage("scatter(): Expected self.dtype to be equal to src.dtype");
    }

    @Test
    void maskedFillWithATensorOrANumber() {
        Tensor x = leaf(), value = Tensor.scalar(-1).requiresGrad_(true);
        Tensor y = squaredSumBackward(call("masked_fill", List.of(x, grid(), value), Map.of()));
        assertThat(y.gradFnName()).isEqualTo("MaskedFillBackward1");
        assertThat(y.toNested()).hasToString("[[-1.0, 1.0, 2.0, -1.0], [4.0, 5.0, -1.0, 7.0], [8.0, -1.0, 10.0, 11.0]]");
        assertThat(x.grad().toNested()).hasToString("[[0.0, 2.0, 4.0, 0.0], [8.0, 10.0, 0.0, 14.0], [16.0, 0.0, 20.0, 22.0]]");
        assertThat(value.grad().item()).isEqualTo(-8.0);

        Tensor x2 = leaf();
        Tensor n = squaredSumBackward(call("masked_fill", List.of(x2, Tensor.of(new boolean[] {true, false, false, true}, 4), 7), Map.of()));
        assertThat(n.gradFnName()).isEqualTo("MaskedFillBackward0");
        assertThat(n.toNested()).hasToString("[[7.0, 1.0, 2.0, 7.0], [7.0, 5.0, 6.0, 7.0], [7.0, 9.0, 10.0, 7.0]]");
        assertThat(x2.grad().toNested()).hasToString("[[0.0, 2.0, 4.0, 0.0], [0.0, 10.0, 12.0, 0.0], [0.0, 18.0, 20.0, 0.0]]");
    }

    @Test
    void indexPutAccumulatedAndAtPoints() {
        Tensor x = leaf(), v = Tensor.of(new float[] {1, 2, 3, 4}, 4).requiresGrad_(true);
        Tensor y = squaredSumBackward(call("index_put", List.of(x, List.of(Tensor.of(new long[] {0, 2, 0}, 3)), v), Map.of("accumulate", true)));
        assertThat(y.gradFnName()).isEqualTo("IndexPutBackward0");
        assertThat(y.toNested()).hasToString("[[2.0, 5.0, 8.0, 11.0], [4.0, 5.0, 6.0, 7.0], [9.0, 11.0, 13.0, 15.0]]");
        assertThat(x.grad().toNested()).hasToString("[[4.0, 10.0, 16.0, 22.0], [8.0, 10.0, 12.0, 14.0], [18.0, 22.0, 26.0, 30.0]]");
        assertThat(v.grad().toNested()).hasToString("[26.0, 42.0, 58.0, 74.0]");

        Tensor x2 = leaf(), v2 = Tensor.of(new float[] {1, 2}, 2).requiresGrad_(true);
        List<Object> points = List.of(Tensor.of(new long[] {0, 2}, 2), Tensor.of(new long[] {1, 3}, 2));
        Tensor p = squaredSumBackward(call("index_put", List.of(x2, points, v2), Map.of()));
        assertThat(p.toNested()).hasToString("[[0.0, 1.0, 2.0, 3.0], [4.0, 5.0, 6.0, 7.0], [8.0, 9.0, 10.0, 2.0]]");
        assertThat(x2.grad().toNested()).hasToString("[[0.0, 0.0, 4.0, 6.0], [8.0, 10.0, 12.0, 14.0], [16.0, 18.0, 20.0, 0.0]]");
        assertThat(v2.grad().toNested()).hasToString("[2.0, 4.0]");
    }

    @Test
    void badArgumentsOfTheIndexingOpsHavePyTorchsTexts() {
        Tensor x = leaf();
        Tensor row = Tensor.of(new long[] {0}, 1);
        assertThatThrownBy(() -> call("index_select", List.of(x, 0, Tensor.of(new float[] {0}, 1)), Map.of()))
                .hasMessage("index_select(): Expected dtype int32 or int64 for index");
        assertThatThrownBy(() -> call("index_select", List.of(x, 0, Tensor.of(new long[] {3}, 1)), Map.of())).hasMessage("index out of range in self");
        assertThatThrownBy(() -> call("gather", List.of(x, 1, row), Map.of()))
                .hasMessage("Index tensor must have the same number of dimensions as input tensor");
        assertThatThrownBy(() -> call("gather", List.of(x, 1, Tensor.of(new long[] {4}, 1, 1)), Map.of()))
                .hasMessage("index 4 is out of bounds for dimension 1 with size 4");
        assertThatThrownBy(() -> call("scatter", List.of(x, 1, Tensor.of(new long[] {0}, 1, 1), Tensor.of(new double[] {0}, 1, 1)), Map.of()))
                .hasMessage("scatter(): Expected self.dtype to be equal to src.dtype");
        assertThatThrownBy(() -> call("scatter", List.of(x, 1, Tensor.of(new long[] {0, 1}, 1, 2), Tensor.of(new float[] {0}, 1, 1)), Map.of()))
                .hasMessage("Expected index [1, 2] to be smaller than self [3, 4] apart from dimension 1 and to be smaller size than src [1, 1]");
        assertThatThrownBy(() -> call("masked_fill", List.of(x, grid(), Tensor.of(new float[] {1, 2}, 2)), Map.of()))
                .hasMessage("masked_fill_ only supports a 0-dimensional value tensor, but got tensor with 1 dimension(s).");
        assertThatThrownBy(() -> call("index_put", List.of(x, List.of(row), Tensor.of(new double[] {1})), Map.of()))
                .hasMessage("Index put requires the source and destination dtypes match, got Float for the destination and Double for the source.");
        assertThatThrownBy(() -> call("index_put", List.of(x, List.of(Tensor.of(new long[] {0, 1}, 2)), Tensor.of(new float[] {1, 2}, 2)), Map.of()))
                .hasMessage("shape mismatch: value tensor of shape [2] cannot be broadcast to indexing result of shape [2, 4]");
        assertThatThrownBy(() -> call("index_put", List.of(x, List.of(1), Tensor.of(new float[] {1}, 1)), Map.of()))
                .hasMessage("expected Tensor as element 0 in argument 1, but got int");
    }

    @Test
    void setitemWritesThroughViewsAndIndexPut() {
        Tensor z = Factories.zeros(new int[] {3, 4}, DType.FLOAT32);
        call("setitem_", List.of(z, 5), Map.of("key", "1:3, ::2"));
        call("setitem_", List.of(z, Tensor.of(new float[] {1, 2, 3, 4}, 4)), Map.of("key", "[0]"));
        call("setitem_", List.of(z), Map.of("key", "grid", "value", -2));
        call("setitem_", List.of(z, -1), Map.of("key", "[False, False, True], 1"));
        Tensor result = call("setitem_", List.of(z, Tensor.of(new float[] {7, 8, 9}, 3)), Map.of("key", "..., 3"));
        assertThat(result).isSameAs(z);
        assertThat(z.toNested()).hasToString("[[-2.0, 2.0, 3.0, 7.0], [5.0, 0.0, -2.0, 8.0], [5.0, -1.0, 5.0, 9.0]]");
        assertThat(z.version()).isEqualTo(5);
    }

    @Test
    void setitemWithIndexTensorsIsIndexPutInTheGraph() {
        Tensor w = Tensor.of(new float[] {1, 2, 3, 4}, 4).requiresGrad_(true), v = Tensor.of(new float[] {10, 20, 30, 40}, 4).requiresGrad_(true);
        Tensor y = w.expand(3, 4).mul(1);
        call("setitem_", List.of(y, v), Map.of("key", "[0, 2]"));
        squaredSumBackward(y);
        assertThat(y.gradFnName()).isEqualTo("IndexPutBackward0");
        assertThat(y.toNested()).hasToString("[[10.0, 20.0, 30.0, 40.0], [1.0, 2.0, 3.0, 4.0], [10.0, 20.0, 30.0, 40.0]]");
        assertThat(w.grad().toNested()).hasToString("[2.0, 4.0, 6.0, 8.0]");
        assertThat(v.grad().toNested()).hasToString("[40.0, 80.0, 120.0, 160.0]");
    }

    @Test
    void copyBroadcastsItsSourceAndPassesTheGradientToIt() {
        Tensor w = Tensor.of(new float[] {1, 2, 3}, 3).requiresGrad_(true);
        Tensor z = Factories.zeros(new int[] {2, 3}, DType.FLOAT32);
        call("copy_", List.of(z, w.mul(2)), Map.of());
        squaredSumBackward(z);
        assertThat(z.gradFnName()).isEqualTo("CopyBackwards");
        assertThat(z.toNested()).hasToString("[[2.0, 4.0, 6.0], [2.0, 4.0, 6.0]]");
        assertThat(w.grad().toNested()).hasToString("[16.0, 32.0, 48.0]");
    }

    @Test
    void aWriteThroughAViewCarriesTheValuesGradientIntoATensorThatNeededNone() {
        // CopySlicesTest.py's PyTorch: z[1] = w and z[:, [0, 1, 2, 3]] = w make z's grad_fn CopySlices
        Map<String, float[]> grads = Map.of("1", new float[] {4, 5, 6, 7}, ":, [0, 1, 2, 3]", new float[] {12, 15, 18, 21});
        for (Map.Entry<String, float[]> key : grads.entrySet()) {
            Tensor z = Factories.zeros(new int[] {3, 4}, DType.FLOAT32);
            Tensor w = Tensor.of(new float[] {1, 2, 3, 4}, 4).requiresGrad_(true);
            call("setitem_", List.of(z, w), Map.of("key", key.getKey()));
            assertThat(z.gradFnName()).as(key.getKey()).isEqualTo("CopySlices");
            float[] k = new float[12];
            for (int i = 0; i < 12; i++) k[i] = i;
            z.mul(Tensor.of(k, 3, 4)).sum().backward();
            assertThat(w.grad().toFloatArray()).as(key.getKey()).containsExactly(key.getValue());
        }
        Tensor z = Factories.zeros(new int[] {3, 4}, DType.FLOAT32);
        call("setitem_", List.of(z, Tensor.of(new float[] {1, 2, 3, 4}, 4).requiresGrad_(true)), Map.of("key", "[0, 2]"));
        assertThat(z.gradFnName()).isEqualTo("IndexPutBackward0");
    }
}
