package dev.backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Forward values, dtypes, grad_fn names and error messages of the ops, as PyTorch gives them. */
class TensorOpsTest {

    private static Tensor call(String op, List<Object> inputs, Map<String, Object> attrs) {
        return OpRegistry.get(op).invoker().call(new OpArgs(op, inputs, attrs, n -> null, null))[0];
    }

    @Test
    void typePromotion() {
        Tensor i = Tensor.of(new long[] {1, 2}, 2);
        Tensor f = Tensor.of(new float[] {1, 2}, 2);
        Tensor d = Tensor.of(new double[] {1, 2}, 2);
        Tensor b = Tensor.of(new boolean[] {true, false}, 2);
        assertThat(f.add(d).dtype()).isEqualTo(DType.FLOAT64);
        assertThat(i.add(1.5).dtype()).isEqualTo(DType.FLOAT32);
        assertThat(i.add(Tensor.wrap(2L)).dtype()).isEqualTo(DType.INT64);
        assertThat(b.add(b).dtype()).isEqualTo(DType.BOOL);
        assertThat(b.add(Tensor.wrap(1L)).dtype()).isEqualTo(DType.INT64);
        assertThat(i.div(i).dtype()).isEqualTo(DType.FLOAT32);
        assertThat(f.add(Tensor.of(new double[] {1})).dtype()).as("0-d float64 does not promote float32").isEqualTo(DType.FLOAT32);
        assertThat(i.add(Tensor.of(new double[] {1})).dtype()).as("0-d of a higher category does").isEqualTo(DType.FLOAT64);
        assertThat(b.sum().dtype()).isEqualTo(DType.INT64);
        assertThat(b.sum().item()).isEqualTo(1.0);
        assertThat(f.ge(1.5).toNested()).isEqualTo(List.of(false, true));
        assertThat(i.exp().dtype()).isEqualTo(DType.FLOAT32);
    }

    @Test
    void boolArithmeticErrors() {
        Tensor b = Tensor.of(new boolean[] {true}, 1);
        assertThatThrownBy(() -> b.sub(b)).hasMessageStartingWith("Subtraction, the `-` operator, with two bool tensors is not supported.");
        assertThatThrownBy(b::neg).hasMessageStartingWith("Negation, the `-` operator, on a bool tensor is not supported.");
    }

    @Test
    void gradFnNamesOfPyTorch113() {
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4}, 2, 2).requiresGrad_(true);
        assertThat(x.sum().gradFnName()).isEqualTo("SumBackward0");
        assertThat(x.sum(new int[] {0}, false).gradFnName()).isEqualTo("SumBackward1");
        assertThat(x.mean().gradFnName()).isEqualTo("MeanBackward0");
        assertThat(x.mean(new int[] {1}, true).gradFnName()).isEqualTo("MeanBackward1");
        assertThat(x.unsqueeze(0).squeeze().gradFnName()).isEqualTo("SqueezeBackward0");
        assertThat(x.unsqueeze(0).squeeze(0).gradFnName()).isEqualTo("SqueezeBackward1");
        assertThat(x.t().gradFnName()).isEqualTo("TBackward0");
        assertThat(x.transpose(0, 1).gradFnName()).isEqualTo("TransposeBackward0");
        assertThat(x.view(4).gradFnName()).isEqualTo("ViewBackward0");
        assertThat(x.mm(x).gradFnName()).isEqualTo("MmBackward0");
        assertThat(Tensor.addmm(Tensor.of(new float[] {1, 1}, 2), x, x).gradFnName()).isEqualTo("AddmmBackward0");
        assertThat(x.clamp(0.0, 1.0).gradFnName()).isEqualTo("ClampBackward1");
        assertThat(x.relu().gradFnName()).isEqualTo("ReluBackward0");
        assertThat(x.sigmoid().gradFnName()).isEqualTo("SigmoidBackward0");
        assertThat(x.tanh().gradFnName()).isEqualTo("TanhBackward0");
        assertThat(x.exp().gradFnName()).isEqualTo("ExpBackward0");
        assertThat(x.sub(x).gradFnName()).isEqualTo("SubBackward0");
        assertThat(x.div(x).gradFnName()).isEqualTo("DivBackward0");
        assertThat(x.pow(x).gradFnName()).isEqualTo("PowBackward1");
        assertThat(Tensor.pow(2, x).gradFnName()).isEqualTo("PowBackward2");
        assertThat(Tensor.stack(List.of(x, x), 0).gradFnName()).isEqualTo("StackBackward0");
        assertThat(x.max().gradFnName()).isEqualTo("MaxBackward1");
        assertThat(x.max(0, false)[0].gradFnName()).isEqualTo("MaxBackward0");
        assertThat(x.max(0, false)[1].requiresGrad()).isFalse();
        assertThat(x.toDouble().gradFnName()).isEqualTo("ToCopyBackward0");
        assertThat(x.toFloat()).isSameAs(x);
        assertThat(x.clone().gradFnName()).isEqualTo("CloneBackward0");
        assertThat(Functional.linear(x, x, Tensor.of(new float[] {0, 0}, 2)).gradFnName()).isEqualTo("AddmmBackward0");
        assertThat(Functional.binaryCrossEntropy(x.sigmoid(), Factories.ones(new int[] {2, 2}, DType.FLOAT32), null, Reduction.MEAN)
                .gradFnName()).isEqualTo("BinaryCrossEntropyBackward0");
        assertThat(Functional.mseLoss(x, x.detach(), Reduction.MEAN).gradFnName()).isEqualTo("MseLossBackward0");
    }

    @Test
    void viewsShareStorage() {
        Tensor t = Factories.zeros(new int[] {2, 3}, DType.FLOAT32);
        Tensor v = t.view(3, 2);
        v.add_(1);
        assertThat(t.sum().item()).isEqualTo(6.0);
        assertThat(t.version()).isEqualTo(1);
        Tensor col = t.t();
        assertThat(col.isContiguous()).isFalse();
        assertThatThrownBy(() -> col.view(6)).hasMessageStartingWith("view size is not compatible with input tensor's size and stride");
        assertThat(col.reshape(6).toNested()).isEqualTo(List.of(1f, 1f, 1f, 1f, 1f, 1f));
    }

    @Test
    void valuesMatchPyTorch() {
        Tensor x = Tensor.of(new float[] {-1, 0, 2}, 3);
        assertThat(x.relu().toNested()).isEqualTo(List.of(0f, 0f, 2f));
        // torch.sigmoid(torch.tensor([-1., 0., 2.]))[2].item(): computed in float, one ulp below the rounded exact value
        assertThat(x.sigmoid().getDouble(2)).isEqualTo((double) 0.8807970285415649f);
        assertThat(x.clamp(-0.5, 1.0).toNested()).isEqualTo(List.of(-0.5f, 0f, 1f));
        assertThat(x.pow(2).toNested()).isEqualTo(List.of(1f, 0f, 4f));
        assertThat(x.max().item()).isEqualTo(2.0);
        Tensor m = Tensor.of(new float[] {1, 5, 3, 4}, 2, 2);
        Tensor[] byRow = m.max(1, false);
        assertThat(byRow[0].toNested()).isEqualTo(List.of(5f, 4f));
        assertThat(byRow[1].toNested()).isEqualTo(List.of(1L, 1L));
        assertThat(m.mm(m).toNested()).isEqualTo(List.of(List.of(16f, 25f), List.of(15f, 31f)));
        assertThat(Tensor.cat(List.of(m, m), 1).shape()).containsExactly(2, 4);
        assertThat(m.mean(new int[] {0}, true).toNested()).isEqualTo(List.of(List.of(2f, 4.5f)));
    }

    @Test
    void registryCallsWithPositionalAndKeywordArguments() {
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertThat(call("transpose", List.of(x, 0, 1), Map.of()).shape()).containsExactly(3, 2);
        assertThat(call("transpose", List.of(x), Map.of("dim0", 0, "dim1", 1)).shape()).containsExactly(3, 2);
        assertThat(call("reshape", List.of(x, 3, 2), Map.of()).shape()).containsExactly(3, 2);
        assertThat(call("sum", List.of(x), Map.of("dim", 0, "keepdim", false)).toNested()).isEqualTo(List.of(5f, 7f, 9f));
        assertThat(call("arange", List.of(5), Map.of()).toNested()).isEqualTo(List.of(0L, 1L, 2L, 3L, 4L));
        assertThat(call("arange", List.of(1, 2, 0.5), Map.of()).toNested()).isEqualTo(List.of(1f, 1.5f));
        assertThat(call("full", List.of(List.of(2), 7), Map.of()).dtype()).isEqualTo(DType.INT64);
        assertThat(call("zeros", List.of(), Map.of("size", List.of(2, 2))).shape()).containsExactly(2, 2);
        assertThat(call("tensor", List.of(), Map.of("data", List.of(List.of(1, 2)))).dtype()).isEqualTo(DType.INT64);
        assertThatThrownBy(() -> OpRegistry.get("frobnicate")).hasMessage("unknown op 'frobnicate'")
                .extracting(e -> ((EngineException) e).code()).isEqualTo(ErrorCode.UNKNOWN_OP);
    }

    @Test
    void shapeErrorsUsePyTorchsMessages() {
        Tensor a = Factories.ones(new int[] {2, 3}, DType.FLOAT32);
        assertThatThrownBy(() -> a.mm(a)).hasMessage("mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)");
        assertThatThrownBy(() -> a.view(4)).hasMessage("shape '[4]' is invalid for input of size 6");
        assertThatThrownBy(() -> a.sum(new int[] {2}, false))
                .hasMessage("Dimension out of range (expected to be in range of [-2, 1], but got 2)");
        assertThatThrownBy(() -> Tensor.cat(List.of(a, Factories.ones(new int[] {2, 2}, DType.FLOAT32)), 0))
                .hasMessage("Sizes of tensors must match except in dimension 0. Expected size 3 but got size 2 for tensor number 1 in the list.");
        assertThatThrownBy(() -> Tensor.fromNested(List.of(List.of(1, 2), List.of(3)), null))
                .hasMessage("expected sequence of length 2 at dim 1 (got 1)");
        assertThatThrownBy(() -> a.expand(3, 3))
                .hasMessage("The expanded size of the tensor (3) must match the existing size (2) at non-singleton dimension 0.  "
                        + "Target sizes: [3, 3].  Tensor sizes: [2, 3]");
        assertThatThrownBy(() -> Functional.binaryCrossEntropy(a.mul(2), a, null, Reduction.MEAN))
                .hasMessage("all elements of input should be between 0 and 1");
    }

    @Test
    void inPlaceDtypeRules() {
        Tensor i = Tensor.of(new long[] {1}, 1);
        assertThatThrownBy(() -> i.add_(0.5)).hasMessage("result type Float can't be cast to the desired output type Long");
        Tensor f = Tensor.of(new float[] {1}, 1);
        f.add_(Tensor.of(new long[] {2}, 1));
        assertThat(f.item()).isEqualTo(3.0);
        assertThatThrownBy(() -> f.add_(Tensor.of(new float[] {1, 2}, 2)))
                .hasMessage("output with shape [1] doesn't match the broadcast shape [2]");
    }
}
