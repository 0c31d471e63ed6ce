package dev.backprop.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.engine.DType;
import dev.backprop.engine.EngineException;
import dev.backprop.engine.Tensor;
import dev.backprop.engine.random.Generator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** nn.Linear: parameters as PyTorch makes them, drawn from the generator as PyTorch draws them. */
class LinearTest {

    @Test
    void manualSeed42GivesPyTorchsLinear1x1() {
        // torch.manual_seed(42); torch.nn.Linear(1, 1)
        Linear linear = new Linear(1, 1, true, new Generator(42));
        assertThat((float) linear.weight().item()).isEqualTo(0.7645385f);
        assertThat((float) linear.bias().item()).isEqualTo(0.8300079f);
    }

    @Test
    void parametersAreFloat32LeavesThatRequireGrad() {
        Linear linear = new Linear(3, 2, true, new Generator(0));
        assertThat(linear.weight().shape()).containsExactly(2, 3);
        assertThat(linear.bias().shape()).containsExactly(2);
        for (Tensor p : linear.parameters()) {
            assertThat(p.dtype()).isEqualTo(DType.FLOAT32);
            assertThat(p.isLeaf()).isTrue();
            assertThat(p.requiresGrad()).isTrue();
            assertThat(p.grad()).isNull();
        }
        assertThat(linear.namedParameters()).containsOnlyKeys("weight", "bias");
        assertThat(linear.namedParameters().keySet()).containsExactly("weight", "bias");
    }

    @Test
    void weightsLieWithinTheKaimingBoundAndBiasWithinOneOverSqrtFanIn() {
        Linear linear = new Linear(16, 8, true, new Generator(3));
        double bound = Init.kaimingUniformBound(16, Math.sqrt(5));
        assertThat(bound).isCloseTo(0.25, org.assertj.core.api.Assertions.within(1e-15));
        for (int i = 0; i < 128; i++) {
            assertThat(Math.abs(linear.weight().getDouble(i))).isLessThanOrEqualTo((float) bound);
        }
        for (int i = 0; i < 8; i++) {
            assertThat(Math.abs(linear.bias().getDouble(i))).isLessThanOrEqualTo(0.25);
        }
    }

    @Test
    void weightIsDrawnBeforeBias() {
        Generator gen = new Generator(7);
        Tensor weight = Init.uniform(new int[] {2, 3}, Init.kaimingUniformBound(3, Math.sqrt(5)), gen);
        Tensor bias = Init.uniform(new int[] {2}, 1 / Math.sqrt(3), gen);
        Linear linear = new Linear(3, 2, true, new Generator(7));
        assertThat(linear.weight().toNested()).isEqualTo(weight.toNested());
        assertThat(linear.bias().toNested()).isEqualTo(bias.toNested());
    }

    @Test
    void withoutBias() {
        Linear linear = new Linear(2, 3, false, new Generator(1));
        assertThat(linear.bias()).isNull();
        assertThat(linear.namedParameters()).containsOnlyKeys("weight");
        Tensor y = linear.forward(Tensor.of(new float[] {1f, 0f}, 1, 2));
        assertThat(y.shape()).containsExactly(1, 3);
        assertThat((float) y.getDouble(2)).isEqualTo((float) linear.weight().getDouble(4));
        assertThat(linear.toString()).isEqualTo("Linear(in_features=2, out_features=3, bias=False)");
    }

    @Test
    void forwardIsAddmmForABatch() {
        Linear linear = new Linear(2, 1, true, new Generator(1));
        Tensor x = Tensor.of(new float[] {1f, 2f, 3f, 4f}, 2, 2);
        Tensor y = linear.forward(x);
        assertThat(y.gradFnName()).isEqualTo("AddmmBackward0");
        assertThat(y.shape()).containsExactly(2, 1);
        float w0 = (float) linear.weight().getDouble(0), w1 = (float) linear.weight().getDouble(1), b = (float) linear.bias().item();
        assertThat((float) y.getDouble(1)).isCloseTo(3f * w0 + 4f * w1 + b, org.assertj.core.api.Assertions.within(1e-6f));
    }

    @Test
    void zeroFanInDrawsNoWeightsAndAZeroBias() {
        Linear linear = new Linear(0, 2, true, new Generator(1));
        assertThat(linear.weight().shape()).containsExactly(2, 0);
        assertThat(linear.bias().toNested()).isEqualTo(List.of(0f, 0f));
        Linear noOutputs = new Linear(3, 0, true, new Generator(1));
        assertThat(noOutputs.weight().shape()).containsExactly(0, 3);
        assertThat(noOutputs.bias().shape()).containsExactly(0);
    }

    @Test
    void negativeSizesFailAsTorchEmptyDoes() {
        assertThatThrownBy(() -> new Linear(-1, 2, true, new Generator(1))).isInstanceOf(EngineException.class)
                .hasMessage("Trying to create tensor with negative dimension -1: [2, -1]");
    }
}
