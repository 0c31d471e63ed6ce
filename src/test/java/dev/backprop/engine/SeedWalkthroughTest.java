package dev.backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Sections 1 and 3 of the seed walkthrough, with PyTorch's values, names and messages. */
class SeedWalkthroughTest {

    private static Tensor leaf(float v) {
        return Tensor.of(new float[] {v}, 1).requiresGrad_(true);
    }

    /** w = 1, x = 2, a = w + x, b = w + 1, y = a * b. */
    private record Graph(Tensor w, Tensor x, Tensor a, Tensor b, Tensor y) {
        static Graph build() {
            Tensor w = leaf(1), x = leaf(2);
            Tensor a = w.add(x);
            Tensor b = w.add(1);
            return new Graph(w, x, a, b, a.mul(b));
        }
    }

    @Nested
    @DisplayName("1. the computational graph")
    class ComputationalGraph {
        @Test
        void backwardGivesWGrad5AndXGrad2() {
            Graph g = Graph.build();
            g.y().backward();
            assertThat(g.w().grad().item()).isEqualTo(5.0);
            assertThat(g.x().grad().item()).isEqualTo(2.0);
            assertThat(g.y().toNested()).isEqualTo(List.of(6.0f));
        }

        @Test
        void onlyUserCreatedTensorsAreLeaves() {
            Graph g = Graph.build();
            assertThat(g.w().isLeaf()).isTrue();
            assertThat(g.x().isLeaf()).isTrue();
            assertThat(g.a().isLeaf()).isFalse();
            assertThat(g.b().isLeaf()).isFalse();
            assertThat(g.y().isLeaf()).isFalse();
        }

        @Test
        void intermediateGradsAreFreedAfterBackward() {
            Graph g = Graph.build();
            g.y().backward();
            assertThat(g.a().grad()).isNull();
            assertThat(g.b().grad()).isNull();
            assertThat(g.y().grad()).isNull();
        }

        @Test
        void retainGradKeepsAGradOf2() {
            Graph g = Graph.build();
            g.a().retainGrad();
            g.y().backward();
            assertThat(g.a().grad().item()).isEqualTo(2.0);
            assertThat(g.b().grad()).isNull();
        }

        @Test
        void gradFnNamesFollowPyTorch() {
            Graph g = Graph.build();
            assertThat(g.w().gradFnName()).isNull();
            assertThat(g.x().gradFnName()).isNull();
            assertThat(g.a().gradFnName()).isEqualTo("AddBackward0");
            assertThat(g.b().gradFnName()).isEqualTo("AddBackward0");
            assertThat(g.y().gradFnName()).isEqualTo("MulBackward0");
        }

        @Test
        void nextFunctionsEndInAccumulateGradForLeaves() {
            Graph g = Graph.build();
            List<Edge> next = g.y().gradFn().nextFunctions();
            assertThat(next).extracting(e -> e.node().name()).containsExactly("AddBackward0", "AddBackward0");
            List<Edge> aNext = g.a().gradFn().nextFunctions();
            assertThat(aNext).extracting(e -> e.node().name()).containsExactly("AccumulateGrad", "AccumulateGrad");
            assertThat(g.b().gradFn().nextFunctions().get(1)).isNull();
        }
    }

    @Nested
    @DisplayName("3. autograd")
    class AutogradSection {
        @Test
        void secondBackwardFailsWithPyTorchsMessage() {
            Graph g = Graph.build();
            g.y().backward();
            assertThatThrownBy(() -> g.y().backward())
                    .isInstanceOf(EngineException.class)
                    .hasMessage(SavedTensor.ERR_BACKWARD_TWICE)
                    .extracting(e -> ((EngineException) e).code()).isEqualTo(ErrorCode.GRAPH_FREED);
        }

        @Test
        void retainGraphAllowsASecondBackward() {
            Graph g = Graph.build();
            g.y().backward(null, true, false);
            g.y().backward();
            assertThat(g.w().grad().item()).isEqualTo(10.0);
        }

        @Test
        void nonScalarOutputNeedsGradTensors() {
            Graph g = Graph.build();
            Tensor y0 = g.a().mul(g.b());
            Tensor y1 = g.a().add(g.b());
            Tensor loss = Tensor.cat(List.of(y0, y1), 0);
            assertThat(loss.gradFnName()).isEqualTo("CatBackward0");
            assertThatThrownBy(loss::backward).hasMessage("grad can be implicitly created only for scalar outputs");
            loss.backward(Tensor.of(new float[] {1, 2}, 2), false, false);
            assertThat(g.w().grad().item()).isEqualTo(9.0);
            assertThat(loss.toNested()).isEqualTo(List.of(6.0f, 5.0f));
        }

        @Test
        void gradOfXSquaredIs6ThenSecondDerivativeIs2() {
            Tensor x = leaf(3);
            Tensor y = x.pow(2);
            assertThat(y.gradFnName()).isEqualTo("PowBackward0");
            Tensor[] grad1 = Autograd.grad(List.of(y), List.of(x), null, null, true, false);
            assertThat(grad1[0].item()).isEqualTo(6.0);
            assertThat(grad1[0].gradFnName()).isEqualTo("MulBackward0");
            Tensor[] grad2 = Autograd.grad(List.of(grad1[0]), List.of(x), null, null, false, false);
            assertThat(grad2[0].item()).isEqualTo(2.0);
            assertThat(grad2[0].requiresGrad()).isFalse();
            assertThat(x.grad()).isNull();
        }

        @Test
        void gradWithSeveralInputsAndOutputs() {
            Tensor x1 = Tensor.of(new float[] {1}).requiresGrad_(true);
            Tensor x2 = Tensor.of(new float[] {2}).requiresGrad_(true);
            Tensor y1 = x1.mul(x2);
            Tensor y2 = x1.add(x2);
            Tensor[] d1 = Autograd.grad(List.of(y1), List.of(x1, x2), null, true, false, false);
            assertThat(d1[0].item()).isEqualTo(2.0);
            assertThat(d1[1].item()).isEqualTo(1.0);
            Tensor[] d12 = Autograd.grad(List.of(y1, y2), List.of(x1, x2), null, null, false, false);
            assertThat(d12[0].item()).isEqualTo(3.0);
            assertThat(d12[1].item()).isEqualTo(2.0);
            assertThat(d12[0].dim()).isZero();
        }

        @Test
        void gradientsAccumulate5_10_15_20UntilZeroed() {
            Tensor w = leaf(1), x = leaf(2);
            for (int i = 1; i <= 4; i++) {
                Tensor a = w.add(x);
                Tensor b = w.add(1);
                a.mul(b).backward();
                assertThat(w.grad().item()).isEqualTo(5.0 * i);
            }
            w.grad().zero_();
            assertThat(w.grad().item()).isZero();
        }

        @Test
        void computedTensorsRequireGrad() {
            Graph g = Graph.build();
            assertThat(g.a().requiresGrad()).isTrue();
            assertThat(g.b().requiresGrad()).isTrue();
        }

        @Test
        void leafThatRequiresGradCannotChangeInPlace() {
            Tensor w = leaf(1);
            assertThatThrownBy(() -> w.add_(1))
                    .hasMessage("a leaf Variable that requires grad is being used in an in-place operation.")
                    .extracting(e -> ((EngineException) e).code()).isEqualTo(ErrorCode.INPLACE_ON_LEAF);
            assertThat(w.version()).isZero();
        }

        @Test
        void inPlaceOnOtherTensorsKeepsIdentityAndBumpsVersion() {
            Tensor a = Factories.ones(new int[] {1}, DType.FLOAT32);
            Tensor same = a.add_(Factories.ones(new int[] {1}, DType.FLOAT32));
            assertThat(same).isSameAs(a);
            assertThat(a.item()).isEqualTo(2.0);
            assertThat(a.version()).isEqualTo(1);
        }
    }
}
