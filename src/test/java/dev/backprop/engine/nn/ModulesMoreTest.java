package dev.backprop.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.engine.Tensor;
import dev.backprop.engine.random.Generator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The layer types beyond linear and the activations, built from specs as the HTTP contract sends them:
 * initial parameters drawn as PyTorch draws them (seeds 0 and 42), forward values, gradients after backward,
 * train/eval, reprs and refusals. The expected values are what {@code ModulesMoreTest.py} (beside this file)
 * prints with PyTorch 1.13. The tests that run {@code log_softmax}, {@code nll_loss}, {@code cross_entropy}
 * and {@code l1_loss} need those ops in the registry.
 */
class ModulesMoreTest {
    private static final List<Object> MODEL = List.of(
            Map.of("type", "embedding", "numEmbeddings", 5, "embeddingDim", 3, "paddingIdx", 0),
            Map.of("type", "flatten"),
            Map.of("type", "layer_norm", "normalizedShape", 6),
            Map.of("type", "linear", "inFeatures", 6, "outFeatures", 4),
            Map.of("type", "log_softmax", "dim", 1));

    private static double[] flat(Tensor t) {
        double[] out = new double[t.numel()];
        for (int i = 0; i < out.length; i++) out[i] = t.getDouble(i);
        return out;
    }

    private static Tensor param(Module m, String key) {
        return m.stateDict().get(key);
    }

    @Test
    void initialParametersAreDrawnAsPyTorchDrawsThem() {
        Module seed0 = Modules.build(MODEL, new Generator(0));
        assertThat(seed0.stateDict().keySet()).containsExactly("0.weight", "2.weight", "2.bias", "3.weight", "3.bias");
        assertThat(flat(param(seed0, "0.weight"))).containsExactly(0.0, 0.0, 0.0, 0.5684312582015991, -1.0845223665237427,
                -1.3985954523086548, 0.40334683656692505, 0.8380263447761536, -0.7192575931549072, -0.40334352850914, -0.5966353416442871,
                0.18203648924827576, -0.8566746115684509, 1.1006041765213013, -1.0711873769760132);
        assertThat(flat(param(seed0, "2.weight"))).containsExactly(1, 1, 1, 1, 1, 1);
        assertThat(flat(param(seed0, "2.bias"))).containsExactly(0, 0, 0, 0, 0, 0);
        assertThat(flat(param(seed0, "3.bias"))).containsExactly(0.07607463002204895, -0.316517174243927, -0.2829512357711792,
                -0.2108943611383438);
        Module seed42 = Modules.build(MODEL, new Generator(42));
        assertThat(flat(param(seed42, "0.weight"))).containsExactly(0.0, 0.0, 0.0, 0.23033303022384644, -1.1228563785552979,
                -0.18632829189300537, 2.2082014083862305, -0.637997031211853, 0.46165722608566284, 0.2673508822917938, 0.5349046587944031,
                0.809357225894928, 1.110290288925171, -1.6897989511489868, -0.9889599084854126);
        assertThat(flat(param(seed42, "3.bias"))).containsExactly(0.1291130930185318, -0.00710187666118145, 0.3194985091686249,
                -0.2900659739971161);
        assertThat(param(seed42, "3.weight").getDouble(0)).isEqualTo(0.31517887115478516);
        assertThat(param(seed42, "3.weight").getDouble(23)).isEqualTo(0.16910196840763092);
    }

    @Test
    void forwardAndGradientsMatchPyTorchForSeed0() {
        Module model = Modules.build(MODEL, new Generator(0));
        Tensor out = model.forward(Tensor.of(new long[] {1, 4, 0, 2, 3, 3}, 3, 2));
        assertThat(out.gradFnName()).isEqualTo("LogSoftmaxBackward0");
        assertThat(flat(out)).containsExactly(new double[] {-1.5306607484817505, -1.0859978199005127, -2.382355213165283,
                -1.0392787456512451, -2.4118099212646484, -1.1589329242706299, -1.7288554906845093, -0.8697917461395264,
                -0.6800342798233032, -2.5799386501312256, -1.0632057189941406, -2.627279281616211}, within(1e-6));
        Module nll = Modules.build(Map.of("type", "nll_loss"), new Generator(0));
        Tensor loss = nll.call(List.of(out, Tensor.of(new long[] {0, 3, 1}, 3)));
        assertThat(loss.item()).isCloseTo(1.6601303815841675, within(1e-6));
        loss.backward();
        assertThat(flat(param(model, "0.weight").grad())).containsExactly(new double[] {0.0, 0.0, 0.0, 0.023050524294376373,
                0.07786825299263, 0.078654944896698, 0.047336332499980927, 0.014933072030544281, 0.043951816856861115,
                0.0020226240158081055, -0.0015700571238994598, -0.0004526376724243164, 0.046527959406375885, -0.009661294519901276,
                -0.2164403647184372}, within(1e-6));
        assertThat(flat(param(model, "2.weight").grad())).containsExactly(new double[] {0.18271464109420776, 0.04355454072356224,
                -0.12920448184013367, -0.06973662972450256, 0.13330209255218506, 0.31135469675064087}, within(1e-6));
        assertThat(param(model, "3.weight").grad().getDouble(0)).isCloseTo(-0.3572880029678345, within(1e-6));
        assertThat(param(model, "3.weight").grad().getDouble(23)).isCloseTo(0.2867749035358429, within(1e-6));
    }

    @Test
    void dropoutDrawsFromTheGeneratorInTrainingAndIsTheIdentityInEval() {
        Generator gen = new Generator(42);
        Module drop = Modules.build(List.of(Map.of("type", "dropout")), gen);
        Tensor ones = Tensor.of(new float[] {1, 1, 1, 1, 1, 1, 1, 1}, 2, 4);
        assertThat(drop.training()).isTrue();
        assertThat(flat(drop.forward(ones))).containsExactly(2, 2, 2, 2, 0, 2, 0, 0);
        drop.train(false);
        assertThat(drop.training()).isFalse();
        assertThat(drop.children().get(0).training()).isFalse();
        assertThat(drop.forward(ones)).isSameAs(ones);
        Module seed0 = Modules.build(Map.of("type", "dropout", "p", 0.5), new Generator(0));
        assertThat(flat(seed0.forward(ones))).containsExactly(0, 0, 2, 0, 0, 0, 2, 2);
    }

    @Test
    void lossesTakeTwoInputs() {
        Module ce = Modules.build(Map.of("type", "cross_entropy_loss", "weight", List.of(1, 2, 0.5), "labelSmoothing", 0.1),
                new Generator(0));
        assertThat(ce.stateDict().keySet()).containsExactly("weight");
        assertThat(ce.parameters()).isEmpty();
        Tensor logits = Tensor.of(new float[] {1, 2, 0.5f, 0.1f, -1, 2}, 2, 3).requiresGrad_(true);
        Tensor loss = ce.call(List.of(logits, Tensor.of(new long[] {1, 2}, 2)));
        assertThat(loss.item()).isCloseTo(0.5258872509002686, within(1e-6));
        loss.backward();
        assertThat(flat(logits.grad())).containsExactly(new double[] {0.16393828392028809, -0.2647923529148102, 0.10085401684045792,
                0.01493369322270155, -0.017257392406463623, 0.0023237019777297974}, within(1e-6));
        Module l1 = Modules.build(Map.of("type", "l1_loss", "reduction", "sum"), new Generator(0));
        assertThat(l1.call(List.of(Tensor.of(new float[] {1, -2}, 2), Tensor.of(new float[] {0.5f, 1}, 2))).item()).isEqualTo(3.5);
        Module mse = Modules.build(Map.of("type", "mse_loss"), new Generator(0));
        assertThat(mse.call(List.of(Tensor.of(new float[] {1, 3}, 2), Tensor.of(new float[] {0, 1}, 2))).item()).isEqualTo(2.5);
    }

    @Test
    void softmaxWithoutDimPicksPyTorchsImplicitDim() {
        Module softmax = Modules.build(Map.of("type", "softmax"), new Generator(0));
        assertThat(softmax.toString()).isEqualTo("Softmax(dim=None)");
        assertThat(flat(softmax.forward(Tensor.of(new float[] {1, 2, 3, 5}, 2, 2)))).containsExactly(new double[] {0.2689414322376251,
                0.7310585975646973, 0.11920291185379028, 0.8807970285415649}, within(1e-7));
    }

    @Test
    void reprsArePyTorchs() {
        Module all = Modules.build(List.of(Map.of("type", "softmax", "dim", 1), Map.of("type", "log_softmax", "dim", -1),
                Map.of("type", "dropout"), Map.of("type", "dropout", "p", 0.25), Map.of("type", "flatten"),
                Map.of("type", "flatten", "startDim", 0, "endDim", 2), Map.of("type", "layer_norm", "normalizedShape", 4),
                Map.of("type", "layer_norm", "normalizedShape", List.of(2, 3), "eps", 1e-3, "elementwiseAffine", false),
                Map.of("type", "embedding", "numEmbeddings", 10, "embeddingDim", 3, "paddingIdx", 0),
                Map.of("type", "embedding", "numEmbeddings", 10, "embeddingDim", 3, "paddingIdx", -1),
                Map.of("type", "cross_entropy_loss"), Map.of("type", "nll_loss"), Map.of("type", "l1_loss"),
                Map.of("type", "bce_loss"), Map.of("type", "mse_loss", "reduction", "sum")), new Generator(0));
        assertThat(all.toString()).isEqualTo("""
                Sequential(
                  (0): Softmax(dim=1)
                  (1): LogSoftmax(dim=-1)
                  (2): Dropout(p=0.5, inplace=False)
                  (3): Dropout(p=0.25, inplace=False)
                  (4): Flatten(start_dim=1, end_dim=-1)
                  (5): Flatten(start_dim=0, end_dim=2)
                  (6): LayerNorm((4,), eps=1e-05, elementwise_affine=True)
                  (7): LayerNorm((2, 3), eps=0.001, elementwise_affine=False)
                  (8): Embedding(10, 3, padding_idx=0)
                  (9): Embedding(10, 3, padding_idx=9)
                  (10): CrossEntropyLoss()
                  (11): NLLLoss()
                  (12): L1Loss()
                  (13): BCELoss()
                  (14): MSELoss()
                )""");
    }

    @Test
    void refusalsArePyTorchs() {
        Generator gen = new Generator(0);
        assertThatThrownBy(() -> Modules.build(Map.of("type", "dropout", "p", 1.5), gen))
                .hasMessage("layers (dropout): dropout probability has to be between 0 and 1, but got 1.5");
        assertThatThrownBy(() -> Modules.build(Map.of("type", "embedding", "numEmbeddings", 10, "embeddingDim", 3, "paddingIdx", 10), gen))
                .hasMessage("layers (embedding): Padding_idx must be within num_embeddings");
        assertThatThrownBy(() -> Modules.build(Map.of("type", "l1_loss", "reduction", "avg"), gen))
                .hasMessage("avg is not a valid value for reduction");
        Module linear = Modules.build(Map.of("type", "linear", "inFeatures", 2, "outFeatures", 1), gen);
        Tensor x = Tensor.of(new float[2], 2);
        assertThatThrownBy(() -> linear.call(List.of(x, x))).hasMessage("Linear.forward() takes 2 positional arguments but 3 were given");
        Module ce = Modules.build(Map.of("type", "cross_entropy_loss"), gen);
        assertThatThrownBy(() -> ce.call(List.of(x))).hasMessage("CrossEntropyLoss.forward() missing 1 required positional argument: 'target'");
        assertThatThrownBy(() -> ce.call(List.of(x, x, x))).hasMessage("CrossEntropyLoss.forward() takes 3 positional arguments but 4 were given");
    }

    @Test
    void anEmbeddingWithoutAPaddingRowDrawsEveryRow() {
        Module embedding = Modules.build(Map.of("type", "embedding", "numEmbeddings", 2, "embeddingDim", 3), new Generator(0));
        assertThat(embedding.toString()).isEqualTo("Embedding(2, 3)");
        // torch.manual_seed(0); nn.Embedding(2, 3).weight: no row is zero
        for (float v : embedding.parameters().getFirst().toFloatArray()) assertThat(v).isNotZero();
    }
}
