package dev.backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * argmax, argmin, amax, amin, all, any, sort and topk called by name as a client calls them, and eye and linspace to
 * the bit: values, indices (PyTorch's order among ties and NaN), dtypes, gradients, grad_fn names and error texts. The
 * expected values are what {@code SortingTest.py} (beside this file) prints with PyTorch 1.13.
 */
class SortingTest {
    private static final float NAN = Float.NaN, INF = Float.POSITIVE_INFINITY;

    private static Tensor[] call(String op, Map<String, Object> attrs, Object... inputs) {
        return OpRegistry.get(op).invoker().call(new OpArgs(op, new ArrayList<>(List.of(inputs)), attrs, n -> null, null));
    }

    private static Tensor one(String op, Map<String, Object> attrs, Object... inputs) {
        return call(op, attrs, inputs)[0];
    }

    private static Tensor leaf(float[] values, int... shape) {
        return Tensor.of(values, shape).requiresGrad_(true);
    }

    private static long[] longs(Tensor t) {
        return (long[]) t.toFlat();
    }

    private static boolean[] bools(Tensor t) {
        return (boolean[]) t.toFlat();
    }

    @Test
    void argmaxAndArgminGiveTheFirstExtremeAndTheFirstNan() {
        Tensor x = Tensor.of(new float[] {3, NAN, 1, NAN, 2, 5, 5, -1}, 2, 4);
        Tensor argmax = one("argmax", Map.of("dim", 1), x);
        assertThat(argmax.dtype()).isEqualTo(DType.INT64);
        assertThat(longs(argmax)).containsExactly(1, 1);
        assertThat(longs(one("argmin", Map.of("dim", 1), x))).containsExactly(1, 3);

        Tensor t = Tensor.of(new float[] {1, 4, 4, 4, 0, 0}, 2, 3);
        assertThat(one("argmax", Map.of(), t).item()).isEqualTo(1);
        assertThat(one("argmin", Map.of(), t).item()).isEqualTo(4);
        assertThat(one("argmax", Map.of("keepdim", true), t).shape()).containsExactly(1, 1);
        Tensor ints = one("argmax", Map.of("keepdim", true), Tensor.of(new long[] {3, 7, 7, 1}, 2, 2), 0);
        assertThat(ints.shape()).containsExactly(1, 2);
        assertThat(longs(ints)).containsExactly(1, 0);
    }

    @Test
    void argmaxRefusesAsPyTorchDoes() {
        Tensor t = Tensor.of(new float[6], 2, 3);
        assertThatThrownBy(() -> call("argmax", Map.of(), t, 2))
                .hasMessage("Dimension out of range (expected to be in range of [-2, 1], but got 2)");
        assertThatThrownBy(() -> call("argmax", Map.of(), Tensor.of(new float[0], 0)))
                .hasMessage("argmax(): Expected reduction dim to be specified for input.numel() == 0.");
        assertThatThrownBy(() -> call("argmax", Map.of(), Tensor.of(new float[0], 2, 0), 1))
                .hasMessage("argmax(): Expected reduction dim 1 to have non-zero size.");
        assertThatThrownBy(() -> call("argmax", Map.of(), Tensor.of(new boolean[] {true, false}, 2)))
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DTYPE_MISMATCH))
                .hasMessage("\"argmax_cpu\" not implemented for 'Bool'");
    }

    @Test
    void amaxSplitsTheGradientAmongTiesAsMaxDoes() {
        Tensor y = leaf(new float[] {1, 3, 3, 2}, 4);
        Tensor m = one("amax", Map.of(), y);
        assertThat(m.gradFnName()).isEqualTo("AmaxBackward0");
        assertThat(m.item()).isEqualTo(3);
        m.backward();
        assertThat(y.grad().toFloatArray()).containsExactly(0f, 0.5f, 0.5f, 0f);
        Tensor z = leaf(new float[] {1, 3, 3, 2}, 4);
        z.max().backward();
        assertThat(z.grad().toFloatArray()).containsExactly(0f, 0.5f, 0.5f, 0f);

        Tensor w = leaf(new float[] {1, 3, 3, 2, 2, 0}, 2, 3);
        Tensor min = one("amin", Map.of(), w, 1);
        assertThat(min.gradFnName()).isEqualTo("AminBackward0");
        assertThat(min.toFloatArray()).containsExactly(1f, 0f);
        min.mul(Tensor.of(new float[] {1, 2}, 2)).sum().backward();
        assertThat(w.grad().toFloatArray()).containsExactly(1f, 0f, 0f, 0f, 0f, 2f);
    }

    @Test
    void amaxOverSeveralDimsKeepsThemAndSplitsWithinEachGroup() {
        Tensor y = Tensor.of(new double[] {1, 6, 6, 2, 0, 6, 3, 4}, 2, 2, 2).requiresGrad_(true);
        Tensor m = one("amax", Map.of("dim", List.of(0, 2), "keepdim", true), y);
        assertThat(m.shape()).containsExactly(1, 2, 1);
        assertThat(m.dtype()).isEqualTo(DType.FLOAT64);
        assertThat((double[]) m.toFlat()).containsExactly(6, 6);
        m.sum().backward();
        assertThat((double[]) y.grad().toFlat()).containsExactly(0, 0.5, 1, 0, 0, 0.5, 0, 0);
    }

    @Test
    void amaxKeepsTheDtypeAndPropagatesNan() {
        assertThat(one("amax", Map.of(), Tensor.of(new float[] {1, NAN, 2}, 3)).toFloatArray()).containsExactly(NAN);
        Tensor ints = one("amin", Map.of(), Tensor.of(new long[] {4, -2, 1, 9}, 2, 2), 0);
        assertThat(ints.dtype()).isEqualTo(DType.INT64);
        assertThat(longs(ints)).containsExactly(1, -2);
        Tensor bool = one("amax", Map.of(), Tensor.of(new boolean[] {false, true}, 2));
        assertThat(bool.dtype()).isEqualTo(DType.BOOL);
        assertThat(bools(bool)).containsExactly(true);
        assertThatThrownBy(() -> call("amax", Map.of(), Tensor.of(new float[0], 0)))
                .hasMessage("amax(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.");
        assertThatThrownBy(() -> call("amax", Map.of("dim", List.of(0, 0)), Tensor.of(new float[6], 2, 3)))
                .hasMessage("dim 0 appears multiple times in the list of dims");
    }

    @Test
    void allAndAnyAnswerBoolForEveryDtype() {
        Tensor all = one("all", Map.of(), Tensor.of(new float[] {1, NAN}, 2));
        assertThat(all.dtype()).isEqualTo(DType.BOOL);
        assertThat(bools(all)).containsExactly(true);
        assertThat(bools(one("any", Map.of(), Tensor.of(new float[] {0, -0f}, 2)))).containsExactly(false);
        assertThat(one("all", Map.of(), Tensor.of(new long[] {2, 0}, 2)).dtype()).isEqualTo(DType.BOOL);
        assertThat(bools(one("all", Map.of(), Tensor.of(new float[0], 0)))).containsExactly(true);
        assertThat(bools(one("any", Map.of(), Tensor.of(new float[0], 0)))).containsExactly(false);

        Tensor z = Tensor.of(new float[] {1, 0, 2, 3, 4, 5}, 2, 3);
        assertThat(bools(one("all", Map.of(), z, 1))).containsExactly(false, true);
        Tensor any = one("any", Map.of("keepdim", true), z, 0);
        assertThat(any.shape()).containsExactly(1, 3);
        assertThat(bools(any)).containsExactly(true, true, true);
        assertThat(one("all", Map.of(), Tensor.of(new long[] {0, 2}, 1, 2), 1).dtype()).isEqualTo(DType.BOOL);
        assertThatThrownBy(() -> call("all", Map.of(), z, 2)).hasMessage("Dimension out of range (expected to be in range of [-2, 1], but got 2)");
    }

    @Test
    void sortPutsNanLastAndKeepsSignedZerosInPlace() {
        Tensor s = Tensor.of(new float[] {2, NAN, 1, -0f, 0, NAN, INF, -INF}, 8);
        Tensor[] up = call("sort", Map.of(), s);
        assertThat(up[0].toFloatArray()).containsExactly(-INF, -0f, 0f, 1f, 2f, INF, NAN, NAN);
        assertThat(up[1].dtype()).isEqualTo(DType.INT64);
        assertThat(longs(up[1])).containsExactly(7, 3, 4, 2, 0, 6, 1, 5);
        Tensor[] down = call("sort", Map.of("descending", true), s);
        assertThat(down[0].toFloatArray()).containsExactly(NAN, NAN, INF, 2f, 1f, -0f, 0f, -INF);
        assertThat(longs(down[1])).containsExactly(1, 5, 6, 0, 2, 3, 4, 7);
    }

    @Test
    void sortWithoutStableOrdersTiesAsStdSortDoes() {
        float[] v = new float[40];
        for (int i = 0; i < 40; i++) v[i] = i % 3;
        Tensor ties = Tensor.of(v, 40);
        assertThat(longs(call("sort", Map.of(), ties)[1])).containsExactly(0, 21, 18, 24, 15, 27, 12, 30, 9, 33, 6, 36, 3, 39, 31, 34,
                28, 37, 25, 22, 1, 19, 16, 4, 13, 7, 10, 2, 20, 38, 5, 35, 8, 32, 11, 29, 14, 26, 17, 23);
        assertThat(longs(call("sort", Map.of("stable", true), ties)[1])).containsExactly(0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, 36,
                39, 1, 4, 7, 10, 13, 16, 19, 22, 25, 28, 31, 34, 37, 2, 5, 8, 11, 14, 17, 20, 23, 26, 29, 32, 35, 38);
        assertThat(longs(call("sort", Map.of("stable", true, "descending", true), ties)[1])).containsExactly(2, 5, 8, 11, 14, 17, 20, 23,
                26, 29, 32, 35, 38, 1, 4, 7, 10, 13, 16, 19, 22, 25, 28, 31, 34, 37, 0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, 36, 39);
    }

    @Test
    void sortScattersTheGradientBack() {
        Tensor w = leaf(new float[] {3, 1, 2, 0, 5, 4}, 2, 3);
        Tensor[] r = call("sort", Map.of(), w, 0, true);
        assertThat(r[0].gradFnName()).isEqualTo("SortBackward0");
        assertThat(r[1].requiresGrad()).isFalse();
        assertThat(r[0].toFloatArray()).containsExactly(3f, 5f, 4f, 0f, 1f, 2f);
        assertThat(longs(r[1])).containsExactly(0, 1, 1, 1, 0, 0);
        r[0].mul(Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3)).sum().backward();
        assertThat(w.grad().toFloatArray()).containsExactly(1f, 5f, 6f, 4f, 2f, 3f);
        assertThat(call("sort", Map.of("stable", true), w)[0].gradFnName()).isEqualTo("SortBackward1");
        assertThat(longs(call("sort", Map.of(), Tensor.of(new long[] {3, -1, 2}, 3))[0])).containsExactly(-1, 2, 3);
        assertThat(longs(call("sort", Map.of(), Tensor.of(new boolean[] {true, false, true}, 3))[1])).containsExactly(1, 0, 2);
    }

    @Test
    void topkPicksNanFirstAndOrdersTiesAsPyTorch() {
        Tensor k = Tensor.of(new float[] {1, 5, 5, NAN, 2, 5}, 6);
        Tensor[] top = call("topk", Map.of(), k, 3);
        assertThat(top[0].toFloatArray()).containsExactly(NAN, 5f, 5f);
        assertThat(longs(top[1])).containsExactly(3, 5, 1);
        Tensor[] bottom = call("topk", Map.of("largest", false), k, 3);
        assertThat(bottom[0].toFloatArray()).containsExactly(1f, 2f, 5f);
        assertThat(longs(bottom[1])).containsExactly(0, 4, 5);
        float[] v = new float[40];
        for (int i = 0; i < 40; i++) v[i] = i % 3;
        assertThat(longs(call("topk", Map.of("sorted", false), Tensor.of(v, 40), 5)[1])).containsExactly(14, 8, 11, 26, 17);
    }

    @Test
    void topkScattersTheGradientBackAndRefusesAsPyTorchDoes() {
        Tensor w = leaf(new float[] {3, 1, 2, 0, 5, 4}, 2, 3);
        Tensor[] r = call("topk", Map.of(), w, 2);
        assertThat(r[0].gradFnName()).isEqualTo("TopkBackward0");
        assertThat(r[0].toFloatArray()).containsExactly(3f, 2f, 5f, 4f);
        assertThat(longs(r[1])).containsExactly(0, 2, 1, 2);
        r[0].mul(Tensor.of(new float[] {1, 2, 3, 4}, 2, 2)).sum().backward();
        assertThat(w.grad().toFloatArray()).containsExactly(1f, 0f, 2f, 0f, 3f, 4f);
        assertThatThrownBy(() -> call("topk", Map.of(), Tensor.of(new float[3], 3), 4)).hasMessage("selected index k out of range");
        assertThatThrownBy(() -> call("topk", Map.of("dim", 2), Tensor.of(new float[6], 2, 3), 1))
                .hasMessage("Dimension out of range (expected to be in range of [-2, 1], but got 2)");
        assertThatThrownBy(() -> call("topk", Map.of(), Tensor.of(new boolean[] {true}, 1), 1))
                .hasMessage("\"topk_cpu\" not implemented for 'Bool'");
    }

    @Test
    void eyeHasOnesOnTheDiagonalInEveryDtype() {
        Tensor e = one("eye", Map.of(), 2, 3);
        assertThat(e.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(e.shape()).containsExactly(2, 3);
        assertThat(e.toFloatArray()).containsExactly(1f, 0f, 0f, 0f, 1f, 0f);
        assertThat(longs(one("eye", Map.of("dtype", "int64"), 3))).containsExactly(1, 0, 0, 0, 1, 0, 0, 0, 1);
        assertThat(bools(one("eye", Map.of("dtype", "bool"), 2))).containsExactly(true, false, false, true);
        assertThatThrownBy(() -> call("eye", Map.of(), -1)).hasMessage("n must be greater or equal to 0, got -1");
        assertThatThrownBy(() -> call("eye", Map.of(), 2, -1)).hasMessage("m must be greater or equal to 0, got -1");
    }

    private static String bits(Tensor t) {
        return t.dtype() == DType.FLOAT32
                ? IntStream.range(0, t.numel()).mapToObj(i -> "%08x".formatted(Float.floatToRawIntBits(((float[]) t.toFlat())[i])))
                        .collect(Collectors.joining(" "))
                : Arrays.stream((double[]) t.toFlat()).mapToObj(d -> "%016x".formatted(Double.doubleToRawLongBits(d)))
                        .collect(Collectors.joining(" "));
    }

    private static void assertLinspace(String dtype, double start, double end, int steps, String expected) {
        Tensor t = one("linspace", Map.of("dtype", dtype), start, end, steps);
        assertThat(t.dtype().wireName()).isEqualTo(dtype);
        assertThat(bits(t)).as("linspace(%s, %s, %d, dtype=%s)", start, end, steps, dtype).isEqualTo(expected.strip().replaceAll("\\s+", " "));
    }

    @Test
    void linspaceHasPyTorchsFloat32Bits() {
        assertLinspace("float32", 0, 1, 7, """
                    00000000 3e2aaaab 3eaaaaab 3f000000 3f2aaaaa 3f555555 3f800000
                """);
        assertLinspace("float32", 0, 1, 100, """
                    00000000 3c257eb5 3ca57eb5 3cf83e10 3d257eb5 3d4ede62 3d783e10 3d90cede 3da57eb5 3dba2e8c
                    3dcede62 3de38e39 3df83e10 3e0676f3 3e10cede 3e1b26ca 3e257eb5 3e2fd6a0 3e3a2e8c 3e448677
                    3e4ede62 3e59364e 3e638e39 3e6de624 3e783e10 3e814afe 3e8676f3 3e8ba2e9 3e90cedf 3e95fad4
                    3e9b26ca 3ea052c0 3ea57eb5 3eaaaaab 3eafd6a0 3eb50296 3eba2e8c 3ebf5a81 3ec48677 3ec9b26c
                    3ecede62 3ed40a58 3ed9364d 3ede6243 3ee38e39 3ee8ba2e 3eede624 3ef3121a 3ef83e10 3efd6a06
                    3f014afe 3f03e0f8 3f0676f3 3f090cee 3f0ba2e9 3f0e38e4 3f10cede 3f1364d9 3f15fad4 3f1890ce
                    3f1b26c9 3f1dbcc4 3f2052bf 3f22e8ba 3f257eb5 3f2814b0 3f2aaaab 3f2d40a6 3f2fd6a0 3f326c9b
                    3f350296 3f379891 3f3a2e8c 3f3cc487 3f3f5a82 3f41f07c 3f448677 3f471c72 3f49b26d 3f4c4868
                    3f4ede62 3f51745d 3f540a58 3f56a052 3f59364d 3f5bcc48 3f5e6243 3f60f83e 3f638e39 3f662434
                    3f68ba2f 3f6b502a 3f6de624 3f707c1f 3f73121a 3f75a815 3f783e10 3f7ad40a 3f7d6a05 3f800000
                """);
        assertLinspace("float32", -1, -5.5, 100, """
                    bf800000 bf85d174 bf8ba2e9 bf91745d bf9745d2 bf9d1746 bfa2e8ba bfa8ba2e bfae8ba3 bfb45d17
                    bfba2e8c bfc00000 bfc5d174 bfcba2e9 bfd1745d bfd745d2 bfdd1746 bfe2e8ba bfe8ba2f bfee8ba3
                    bff45d18 bffa2e8c c0000000 c002e8ba c005d174 c008ba2e c00ba2e8 c00e8ba3 c011745d c0145d17
                    c01745d1 c01a2e8b c01d1746 c0200000 c022e8ba c025d175 c028ba2f c02ba2e9 c02e8ba3 c031745d
                    c0345d18 c03745d2 c03a2e8c c03d1747 c0400001 c042e8bb c045d175 c048ba2f c04ba2e9 c04e8ba3
                    c051745d c0545d18 c05745d2 c05a2e8c c05d1746 c0600000 c062e8ba c065d174 c068ba2e c06ba2e9
                    c06e8ba3 c071745d c0745d17 c07745d1 c07a2e8b c07d1745 c07fffff c081745d c082e8ba c0845d17
                    c085d174 c08745d1 c088ba2e c08a2e8b c08ba2e8 c08d1745 c08e8ba2 c08fffff c091745d c092e8ba
                    c0945d17 c095d174 c09745d1 c098ba2e c09a2e8b c09ba2e8 c09d1746 c09e8ba3 c0a00000 c0a1745d
                    c0a2e8ba c0a45d17 c0a5d174 c0a745d1 c0a8ba2f c0aa2e8c c0aba2e9 c0ad1746 c0ae8ba3 c0b00000
                """);
        assertLinspace("float32", 2.5, -10, 33, """
                    40200000 40070000 3fdc0000 3faa0000 3f700000 3f0c0000 3e200000 be700000 bf200000 bf820000
                    bfb40000 bfe60000 c00c0000 c0250000 c03e0000 c0570000 c0700000 c0848000 c0910000 c09d8000
                    c0aa0000 c0b68000 c0c30000 c0cf8000 c0dc0000 c0e88000 c0f50000 c100c000 c1070000 c10d4000
                    c1138000 c119c000 c1200000
                """);
        assertLinspace("float32", -3.7, 2.1, 100, """
                    c06ccccd c0690cee c0654d0f c0618d30 c05dcd51 c05a0d72 c0564d94 c0528db5 c04ecdd6 c04b0df7
                    c0474e18 c0438e39 c03fce5a c03c0e7c c0384e9c c0348ebe c030cede c02d0eff c0294f20 c0258f41
                    c021cf62 c01e0f84 c01a4fa4 c0168fc6 c012cfe7 c00f1008 c00b5029 c007904a c003d06b c000108c
                    bff8a15b bff1219d bfe9a1e0 bfe22222 bfdaa264 bfd322a6 bfcba2e9 bfc4232b bfbca36d bfb523af
                    bfada3f2 bfa62434 bf9ea476 bf9724b8 bf8fa4fb bf88253d bf80a57f bf724b82 bf634c06 bf544c8a
                    bf454d0f bf364d93 bf274e18 bf184e9c bf094f20 bef49f49 bed6a058 beb8a161 be9aa26a be7946e4
                    be3d48f6 be014b08 bd8a9a30 bc14f2a0 3d4abb12 3ddd5966 3e2aaaa2 3e66a890 3e91533f 3eaf5236
                    3ecd512e 3eeb5025 3f04a78e 3f13a70a 3f22a685 3f31a601 3f40a57c 3f4fa4f8 3f5ea474 3f6da3f0
                    3f7ca36b 3f85d173 3f8d5131 3f94d0ef 3f9c50ad 3fa3d06a 3fab5028 3fb2cfe6 3fba4fa4 3fc1cf62
                    3fc94f20 3fd0cede 3fd84e9b 3fdfce59 3fe74e17 3feecdd5 3ff64d93 3ffdcd50 4002a687 40066666
                """);
    }

    @Test
    void linspaceHasPyTorchsFloat64Bits() {
        assertLinspace("float64", 0, 1, 7, """
                    0000000000000000 3fc5555555555555 3fd5555555555555 3fe0000000000000 3fe5555555555556 3feaaaaaaaaaaaab 3ff0000000000000
                """);
        assertLinspace("float64", 0, 1, 100, """
                    0000000000000000 3f84afd6a052bf5b 3f94afd6a052bf5b 3f9f07c1f07c1f08 3fa4afd6a052bf5b 3fa9dbcc48676f32 3faf07c1f07c1f08 3fb219dbcc486770 3fb4afd6a052bf5b 3fb745d1745d1746
                    3fb9dbcc48676f32 3fbc71c71c71c71d 3fbf07c1f07c1f08 3fc0cede62433b7a 3fc219dbcc48676f 3fc364d9364d9365 3fc4afd6a052bf5b 3fc5fad40a57eb51 3fc745d1745d1746 3fc890cede62433c
                    3fc9dbcc48676f32 3fcb26c9b26c9b28 3fcc71c71c71c71d 3fcdbcc48676f313 3fcf07c1f07c1f08 3fd0295fad40a57f 3fd0cede62433b7a 3fd1745d1745d174 3fd219dbcc486770 3fd2bf5a814afd6b
                    3fd364d9364d9366 3fd40a57eb502960 3fd4afd6a052bf5b 3fd5555555555556 3fd5fad40a57eb51 3fd6a052bf5a814c 3fd745d1745d1746 3fd7eb50295fad41 3fd890cede62433c 3fd9364d9364d936
                    3fd9dbcc48676f32 3fda814afd6a052d 3fdb26c9b26c9b28 3fdbcc48676f3122 3fdc71c71c71c71d 3fdd1745d1745d18 3fddbcc48676f313 3fde62433b79890e 3fdf07c1f07c1f08 3fdfad40a57eb503
                    3fe0295fad40a57f 3fe07c1f07c1f07c 3fe0cede62433b79 3fe1219dbcc48676 3fe1745d1745d174 3fe1c71c71c71c71 3fe219dbcc48676f 3fe26c9b26c9b26c 3fe2bf5a814afd6a 3fe31219dbcc4867
                    3fe364d9364d9365 3fe3b79890cede62 3fe40a57eb502960 3fe45d1745d1745d 3fe4afd6a052bf5a 3fe50295fad40a57 3fe5555555555555 3fe5a814afd6a052 3fe5fad40a57eb50 3fe64d9364d9364d
                    3fe6a052bf5a814b 3fe6f31219dbcc48 3fe745d1745d1746 3fe79890cede6243 3fe7eb50295fad41 3fe83e0f83e0f83e 3fe890cede62433b 3fe8e38e38e38e38 3fe9364d9364d936 3fe9890cede62433
                    3fe9dbcc48676f31 3fea2e8ba2e8ba2e 3fea814afd6a052c 3fead40a57eb5029 3feb26c9b26c9b27 3feb79890cede624 3febcc48676f3122 3fec1f07c1f07c1f 3fec71c71c71c71c 3fecc48676f31219
                    3fed1745d1745d17 3fed6a052bf5a814 3fedbcc48676f312 3fee0f83e0f83e0f 3fee62433b79890d 3feeb50295fad40a 3fef07c1f07c1f08 3fef5a814afd6a05 3fefad40a57eb503 3ff0000000000000
                """);
        assertLinspace("float64", -1, -5.5, 100, """
                    bff0000000000000 bff0ba2e8ba2e8ba bff1745d1745d174 bff22e8ba2e8ba2e bff2e8ba2e8ba2e9 bff3a2e8ba2e8ba3 bff45d1745d1745d bff51745d1745d18 bff5d1745d1745d2 bff68ba2e8ba2e8c
                    bff745d1745d1746 bff8000000000000 bff8ba2e8ba2e8ba bff9745d1745d174 bffa2e8ba2e8ba2e bffae8ba2e8ba2e8 bffba2e8ba2e8ba3 bffc5d1745d1745d bffd1745d1745d17 bffdd1745d1745d2
                    bffe8ba2e8ba2e8c bfff45d1745d1746 c000000000000000 c0005d1745d1745d c000ba2e8ba2e8ba c0011745d1745d17 c001745d1745d174 c001d1745d1745d1 c0022e8ba2e8ba2f c0028ba2e8ba2e8c
                    c002e8ba2e8ba2e9 c00345d1745d1746 c003a2e8ba2e8ba3 c004000000000000 c0045d1745d1745d c004ba2e8ba2e8ba c0051745d1745d17 c005745d1745d174 c005d1745d1745d1 c0062e8ba2e8ba2e
                    c0068ba2e8ba2e8c c006e8ba2e8ba2e9 c00745d1745d1746 c007a2e8ba2e8ba3 c008000000000000 c0085d1745d1745d c008ba2e8ba2e8ba c0091745d1745d17 c009745d1745d174 c009d1745d1745d1
                    c00a2e8ba2e8ba2e c00a8ba2e8ba2e8b c00ae8ba2e8ba2e9 c00b45d1745d1746 c00ba2e8ba2e8ba3 c00c000000000000 c00c5d1745d1745d c00cba2e8ba2e8ba c00d1745d1745d17 c00d745d1745d174
                    c00dd1745d1745d1 c00e2e8ba2e8ba2e c00e8ba2e8ba2e8b c00ee8ba2e8ba2e8 c00f45d1745d1746 c00fa2e8ba2e8ba3 c010000000000000 c0102e8ba2e8ba2f c0105d1745d1745d c0108ba2e8ba2e8c
                    c010ba2e8ba2e8ba c010e8ba2e8ba2e9 c0111745d1745d17 c01145d1745d1746 c011745d1745d174 c011a2e8ba2e8ba3 c011d1745d1745d1 c012000000000000 c0122e8ba2e8ba2e c0125d1745d1745d
                    c0128ba2e8ba2e8c c012ba2e8ba2e8bb c012e8ba2e8ba2e9 c0131745d1745d18 c01345d1745d1746 c013745d1745d175 c013a2e8ba2e8ba3 c013d1745d1745d2 c014000000000000 c0142e8ba2e8ba2f
                    c0145d1745d1745d c0148ba2e8ba2e8c c014ba2e8ba2e8ba c014e8ba2e8ba2e9 c0151745d1745d17 c01545d1745d1746 c015745d1745d174 c015a2e8ba2e8ba3 c015d1745d1745d1 c016000000000000
                """);
        assertLinspace("float64", 2.5, -10, 33, """
                    4004000000000000 4000e00000000000 3ffb800000000000 3ff5400000000000 3fee000000000000 3fe1800000000000 3fc4000000000000 bfce000000000000 bfe4000000000000 bff0400000000000
                    bff6800000000000 bffcc00000000000 c001800000000000 c004a00000000000 c007c00000000000 c00ae00000000000 c00e000000000000 c010900000000000 c012200000000000 c013b00000000000
                    c015400000000000 c016d00000000000 c018600000000000 c019f00000000000 c01b800000000000 c01d100000000000 c01ea00000000000 c020180000000000 c020e00000000000 c021a80000000000
                    c022700000000000 c023380000000000 c024000000000000
                """);
    }

    @Test
    void linspaceTruncatesIntegersAndRefusesNegativeSteps() {
        assertThat(longs(one("linspace", Map.of("dtype", "int64"), 0.5, 9.7, 13))).containsExactly(0, 0, 1, 2, 3, 3, 4, 5, 6, 6, 7, 8, 9);
        assertThat(one("linspace", Map.of(), 5, 5, 1).toFloatArray()).containsExactly(5f);
        assertThat(one("linspace", Map.of(), 0, 1, 0).shape()).containsExactly(0);
        assertThatThrownBy(() -> call("linspace", Map.of(), 0, 1, -1)).hasMessage("number of steps must be non-negative");
        assertThatThrownBy(() -> call("linspace", Map.of("dtype", "int64"), Double.NaN, 1, 3))
                .hasMessage("value cannot be converted to type int64_t without overflow");
    }
}
