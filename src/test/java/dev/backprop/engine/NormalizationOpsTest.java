package dev.backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * layer_norm and embedding called by name as a client calls them: float32 layer norms to the bit (through
 * exact checksums of every element), gradients, double backward, padding rows and PyTorch's error texts.
 * The expected values are what {@code NormalizationOpsTest.py} (beside this file) prints with PyTorch 1.13.
 */
class NormalizationOpsTest {
    private static Tensor call(String op, Map<String, Object> attrs, Object... inputs) {
        return OpRegistry.get(op).invoker().call(new OpArgs(op, new ArrayList<>(Arrays.asList(inputs)), attrs, n -> null, null))[0];
    }

    /** The script's {@code values(n)}: {@code ((i * 37) % 101 - 50) / 7 + 3.25} rounded to float32. */
    private static Tensor values(int n, int... shape) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (((i * 37) % 101 - 50) / 7.0 + 3.25);
        return Tensor.of(v, shape.length == 0 ? new int[] {n} : shape);
    }

    private static Tensor flip(Tensor t) {
        float[] v = t.toFloatArray();
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[v.length - 1 - i];
        return Tensor.of(out, t.shape());
    }

    /** The script's {@code checksums}: exactly rounded sums of the elements and of element * (position + 1). */
    private static double[] checksums(Tensor t) {
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal weighted = BigDecimal.ZERO;
        for (int i = 0; i < t.numel(); i++) {
            BigDecimal v = new BigDecimal(t.getDouble(i));
            sum = sum.add(v);
            weighted = weighted.add(v.multiply(BigDecimal.valueOf(i + 1)));
        }
        return new double[] {sum.doubleValue(), weighted.doubleValue()};
    }

    private static double[] flat(Tensor t) {
        double[] out = new double[t.numel()];
        for (int i = 0; i < out.length; i++) out[i] = t.getDouble(i);
        return out;
    }

    @Test
    void layerNormIsPyTorchsCpuKernelToTheBit() {
        Object[][] cases = {
                {1, 5, 2.9802322387695312e-08, 2.529039442539215, 5.2977235317230225, 13.445770770311356, 5.297723761065864, 13.445771443410544},
                {3, 17, 1.5422701835632324e-06, 21.72588411718607, 30.39261443912983, 301.89134104549885, 30.392614421870093, 301.89132105177873},
                {2, 129, 7.359310984611511e-06, 22.511522378772497, 219.86243054270744, 18300.321398824453, 219.86241535112683, 18300.320716466293},
                {1, 300, 2.3055821657180786e-05, 187.94836228340864, 433.762023948133, 65062.473573856056, 433.7620013828798, 65062.47030904929},
                {1, 2100, -2.814456820487976e-05, 2527.7018788531423, 3040.5558362305164, 3194397.5489920676, 3040.5557957181386, 3194397.506460527},
        };
        for (Object[] c : cases) {
            int rows = (int) c[0], n = (int) c[1];
            Tensor x = values(rows * n, rows, n);
            Tensor w = values(n).div(4);
            Tensor b = flip(values(n)).div(8);
            String at = rows + "x" + n;
            assertThat(checksums(call("layer_norm", Map.of(), x, List.of(n)))).as(at).containsExactly((double) c[2], (double) c[3]);
            assertThat(checksums(call("layer_norm", Map.of(), x, List.of(n), w, b))).as(at + " affine").containsExactly((double) c[4], (double) c[5]);
            Tensor y64 = call("layer_norm", Map.of(), x.toDouble(), List.of(n), w.toDouble(), b.toDouble());
            assertThat(y64.dtype()).isEqualTo(DType.FLOAT64);
            assertThat(checksums(y64)).as(at + " float64").containsExactly((double) c[6], (double) c[7]);
        }
    }

    @Test
    void layerNormGradients() {
        Tensor x = values(24, 2, 3, 4).requiresGrad_(true);
        Tensor w = values(12, 3, 4).div(5).detach().requiresGrad_(true);
        Tensor b = values(12, 3, 4).div(-3).detach().requiresGrad_(true);
        Tensor y = call("layer_norm", Map.of("eps", 1e-3), x, List.of(3, 4), w, b);
        assertThat(y.gradFnName()).isEqualTo("NativeLayerNormBackward0");
        Tensor v = values(24, 2, 3, 4);
        Tensor upstream = Tensor.cat(List.of(v.narrow(0, 1, 1), v.narrow(0, 0, 1)), 0);
        y.mul(upstream).sum().backward();
        assertThat(flat(x.grad())).containsExactly(new double[] {-0.24576550722122192, 0.38892900943756104, -0.8234313130378723,
                -0.32562142610549927, 0.9980815052986145, -0.4656737446784973, -0.2192588597536087, 1.7934527397155762, 0.07830232381820679,
                0.07332220673561096, -0.9630616307258606, -0.28927522897720337, -0.7686107158660889, -0.35174083709716797,
                -0.07567441463470459, -0.9333543181419373, 0.24382758140563965, 1.2802059650421143, -0.8926081657409668, 1.0448858737945557,
                2.84157657623291, -0.6463723182678223, -0.9025239944458008, -0.83961021900177}, within(2e-6));
        assertThat(flat(w.grad())).containsExactly(new double[] {-1.198749303817749, -0.16820773482322693, -10.883984565734863,
                -3.564255475997925, 4.712888717651367, -8.646918296813965, -3.971219778060913, 11.55252742767334, -4.451311111450195,
                -2.4196434020996094, -11.284599304199219, -2.1140480041503906}, within(1e-5));
        assertThat(flat(b.grad())).containsExactly(new double[] {-2.0714285373687744, 8.5, 4.642856597900391, 0.7857143878936768,
                11.357142448425293, 7.499999523162842, 3.642857074737549, 14.214285850524902, 10.357142448425293, 6.5, 2.6428568363189697,
                -1.2142856121063232}, within(1e-6));
    }

    @Test
    void layerNormDoubleBackward() {
        Tensor x = Tensor.of(new double[] {1, 2, 4, -1, 0, 3}, 2, 3).requiresGrad_(true);
        Tensor y = call("layer_norm", Map.of(), x, List.of(3));
        y.mul(Tensor.of(new double[] {1, -2, 0.5}, 3)).sum().backward(null, true, true);
        Tensor gx = x.grad();
        x.setGrad(null);
        gx.mul(gx).sum().backward();
        assertThat(flat(gx)).containsExactly(new double[] {0.9735911492720329, -1.4603871534309036, 0.4867960041588706,
                0.7806913988444063, -1.0409224308425582, 0.260231031998152}, within(1e-12));
        assertThat(flat(x.grad())).containsExactly(new double[] {1.839990561720105, 0.5575735437645748, -2.397564105484679,
                0.5888668054477684, 0.38865270107077776, -0.9775195065185456}, within(1e-12));
    }

    @Test
    void layerNormRefusesAsPyTorchDoes() {
        Tensor t = Tensor.of(new float[24], 2, 3, 4);
        assertThatThrownBy(() -> call("layer_norm", Map.of(), t, List.of(3)))
                .hasMessage("Given normalized_shape=[3], expected input with shape [*, 3], but got input of size[2, 3, 4]");
        assertThatThrownBy(() -> call("layer_norm", Map.of(), t, List.of(4), Tensor.of(new float[] {1, 1, 1}, 3)))
                .hasMessage("Expected weight to be of same shape as normalized_shape, but got weight of shape [3] and normalized_shape = [4]");
        assertThatThrownBy(() -> call("layer_norm", Map.of(), t, List.of(4), null, Tensor.of(new float[] {1, 1, 1}, 3)))
                .hasMessage("Expected bias to be of same shape as normalized_shape, but got bias of shape [3] and normalized_shape = [4]");
        assertThatThrownBy(() -> call("layer_norm", Map.of(), t, List.of()))
                .hasMessage("Expected normalized_shape to be at least 1-dimensional, i.e., containing at least one element, "
                        + "but got normalized_shape = []");
        assertThatThrownBy(() -> call("layer_norm", Map.of(), Tensor.of(new long[] {1, 2}, 2), List.of(2)))
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DTYPE_MISMATCH))
                .hasMessage("\"LayerNormKernelImpl\" not implemented for 'Long'");
        assertThatThrownBy(() -> call("layer_norm", Map.of(), t, List.of(4), Tensor.of(new double[4], 4)))
                .hasMessage("expected scalar type Float but found Double");
    }

    @Test
    void embeddingTakesRowsAndLeavesThePaddingRowWithoutGradient() {
        Tensor weight = values(15, 5, 3).requiresGrad_(true);
        Tensor idx = Tensor.of(new long[] {4, 0, 4, 2, 0, 1}, 2, 3);
        Tensor out = call("embedding", Map.of("padding_idx", 0), idx, weight);
        assertThat(out.gradFnName()).isEqualTo("EmbeddingBackward0");
        assertThat(out.shape()).containsExactly(2, 3, 3);
        assertThat(flat(out)).containsExactly(1.8214285373687744, 7.107142925262451, -2.0357143878936768, -3.892857074737549,
                1.3928571939468384, 6.6785712242126465, 1.8214285373687744, 7.107142925262451, -2.0357143878936768, -1.0357142686843872,
                4.25, 9.535714149475098, -3.892857074737549, 1.3928571939468384, 6.6785712242126465, -2.4642856121063232,
                2.8214285373687744, 8.107142448425293);
        out.mul(values(18, 2, 3, 3)).sum().backward();
        assertThat(flat(weight.grad())).containsExactly(0.0, 0.0, 0.0, 3.25, 8.535714149475098, -0.6071428656578064, 0.3928571343421936,
                5.6785712242126465, -3.4642856121063232, 0.0, 0.0, 0.0, -4.9285712242126465, 5.642857074737549, 16.214284896850586);
        weight.setGrad(null);
        call("embedding", Map.of("padding_idx", -1, "scale_grad_by_freq", true), idx, weight).sum().backward();
        assertThat(flat(weight.grad())).containsExactly(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
    }

    @Test
    void embeddingDoubleBackwardMasksThePaddingRow() {
        Tensor w = Tensor.of(new double[] {0, 1, 2, 3, 4, 5, 6, 7}, 4, 2).requiresGrad_(true);
        Tensor v = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 3, 2).requiresGrad_(true);
        Tensor out = call("embedding", Map.of("padding_idx", 1), Tensor.of(new long[] {3, 1, 3}, 3), w);
        out.mul(v).sum().backward(null, true, true);
        Tensor gw = w.grad();
        assertThat(flat(gw)).containsExactly(0, 0, 0, 0, 0, 0, 6, 8);
        v.setGrad(null);
        gw.mul(Tensor.of(new double[] {1, -1, 2, 0, 0, 5, 7, 3}, 4, 2)).sum().backward();
        assertThat(flat(v.grad())).containsExactly(7, 3, 0, 0, 7, 3);
    }

    @Test
    void embeddingRefusesAsPyTorchDoes() {
        Tensor w = Tensor.of(new float[15], 5, 3);
        assertThatThrownBy(() -> call("embedding", Map.of(), Tensor.of(new long[] {5}, 1), w)).hasMessage("index out of range in self");
        assertThatThrownBy(() -> call("embedding", Map.of(), Tensor.of(new long[] {-1}, 1), w)).hasMessage("index out of range in self");
        assertThatThrownBy(() -> call("embedding", Map.of(), Tensor.of(new float[] {1}, 1), w))
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DTYPE_MISMATCH))
                .hasMessage("Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; "
                        + "but got torch.FloatTensor instead (while checking arguments for embedding)");
        assertThatThrownBy(() -> call("embedding", Map.of(), Tensor.of(new boolean[] {true}, 1), w))
                .hasMessage("Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; "
                        + "but got CPUBoolType instead (while checking arguments for embedding)");
        assertThatThrownBy(() -> call("embedding", Map.of(), Tensor.of(new long[] {1}, 1), Tensor.of(new float[5], 5)))
                .hasMessage("'weight' must be 2-D");
        assertThatThrownBy(() -> call("embedding", Map.of("padding_idx", 5), Tensor.of(new long[] {1}, 1), w))
                .hasMessage("Padding_idx must be within num_embeddings");
        assertThatThrownBy(() -> call("embedding", Map.of("padding_idx", -6), Tensor.of(new long[] {1}, 1), w))
                .hasMessage("Padding_idx must be within num_embeddings");
    }
}
