package dev.backprop.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.engine.AllocationLimit;
import dev.backprop.engine.EngineException;
import dev.backprop.engine.ErrorCode;
import dev.backprop.engine.GradMode;
import dev.backprop.engine.random.Generator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Modules.build: the module requests of the HTTP contract, and clear refusals of bad ones. */
class ModulesTest {

    private static Map<String, Object> linear(int in, int out) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "linear");
        m.put("inFeatures", in);
        m.put("outFeatures", out);
        return m;
    }

    @Test
    void aListIsSequential() {
        Module net = Modules.build(List.of(linear(2, 1), Map.of("type", "sigmoid")), new Generator(1));
        assertThat(net).isInstanceOf(Sequential.class);
        assertThat(net.stateDict().keySet()).containsExactly("0.weight", "0.bias");
        assertThat(net.toString()).isEqualTo("""
                Sequential(
                  (0): Linear(in_features=2, out_features=1, bias=True)
                  (1): Sigmoid()
                )""");
    }

    @Test
    void anObjectOfNamedChildrenIsTheModuleSubclassStyle() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("features", linear(2, 1));
        spec.put("sigmoid", Map.of("type", "sigmoid"));
        Module net = Modules.build(spec, new Generator(1));
        assertThat(net.stateDict().keySet()).containsExactly("features.weight", "features.bias");
        Module seq = Modules.build(List.of(linear(2, 1), Map.of("type", "sigmoid")), new Generator(1));
        assertThat(net.parameters().get(0).toNested()).as("same draws in both styles").isEqualTo(seq.parameters().get(0).toNested());
    }

    @Test
    void layersDrawFromTheGeneratorInOrder() {
        Map<String, Object> noBias = linear(3, 2);
        noBias.put("bias", false);
        Module net = Modules.build(List.of(linear(2, 3), Map.of("type", "ReLU"), noBias, Map.of("type", "tanh")), new Generator(5));
        Generator gen = new Generator(5);
        Linear first = new Linear(2, 3, true, gen);
        Linear second = new Linear(3, 2, false, gen);
        assertThat(net.stateDict().keySet()).containsExactly("0.weight", "0.bias", "2.weight");
        assertThat(net.parameters().get(0).toNested()).isEqualTo(first.weight().toNested());
        assertThat(net.parameters().get(2).toNested()).isEqualTo(second.weight().toNested());
    }

    @Test
    void nestedSpecs() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("encoder", List.of(linear(4, 2), Map.of("type", "relu")));
        spec.put("head", linear(2, 1));
        assertThat(Modules.build(spec, new Generator(1)).stateDict().keySet())
                .containsExactly("encoder.0.weight", "encoder.0.bias", "head.weight", "head.bias");
    }

    @Test
    void badSpecsAreRefusedWithTheirPlace() {
        assertRefused(null, "layers: a module spec is required");
        assertRefused("linear", "layers: a module spec must be a list of layers, a layer {\"type\": ...} or an object of named "
                + "children, got the string \"linear\"");
        assertRefused(List.of(Map.of("type", "conv2d")), "layers[0]: unknown layer type 'conv2d' (expected linear, sigmoid, relu, tanh, softmax, log_softmax, dropout, flatten, "
                + "layer_norm, embedding, cross_entropy_loss, nll_loss, l1_loss, bce_loss or mse_loss)");
        assertRefused(List.of(Map.of("type", "linear", "inFeatures", 2)), "layers[0] (linear): 'outFeatures' is required");
        assertFieldRefused(List.of(Map.of("type", "linear", "inFeatures", 2.5, "outFeatures", 1)), ErrorCode.INVALID_FIELD,
                "layers[0].inFeatures", "'layers[0].inFeatures' must be an integer, got a number with a fraction");
        assertFieldRefused(List.of(Map.of("type", "linear", "inFeatures", "2", "outFeatures", 1)), ErrorCode.INVALID_FIELD,
                "layers[0].inFeatures", "'layers[0].inFeatures' must be an integer, got a string");
        assertFieldRefused(List.of(Map.of("type", "linear", "inFeatures", 2, "outFeatures", 1, "bias", "yes")), ErrorCode.INVALID_FIELD,
                "layers[0].bias", "'layers[0].bias' must be true or false, got a string");
        assertFieldRefused(List.of(Map.of("type", 7)), ErrorCode.INVALID_FIELD,
                "layers[0].type", "'layers[0].type' must be a layer type (linear, sigmoid, relu, tanh, softmax, log_softmax, dropout, flatten, layer_norm, "
                        + "embedding, cross_entropy_loss, nll_loss, l1_loss, bce_loss or mse_loss), got an integer");
        assertFieldRefused(List.of(Map.of("type", "linear", "in_features", 2, "outFeatures", 1)), ErrorCode.UNKNOWN_FIELD,
                "layers[0].in_features", "unknown field 'layers[0].in_features'; did you mean 'inFeatures'?");
        assertFieldRefused(List.of(linear(2, 1), Map.of("type", "sigmoid", "inFeatures", 1)), ErrorCode.UNKNOWN_FIELD,
                "layers[1].inFeatures", "unknown field 'layers[1].inFeatures'");
        assertFieldRefused(Map.of("head", Map.of("type", "Linear", "InFeatures", 1)), ErrorCode.UNKNOWN_FIELD,
                "layers.head.InFeatures", "unknown field 'layers.head.InFeatures'; did you mean 'inFeatures'?");
        assertRefused(List.of(linear(-1, 2)), "layers[0] (linear): Trying to create tensor with negative dimension -1: [2, -1]");
        assertRefused(Map.of("a.b", linear(1, 1)), "module name can't contain \".\", got: a.b");
        assertRefused(Map.of("", linear(1, 1)), "module name can't be empty string \"\"");
        assertRefused(Map.of("head", 3), "layers.head: a module spec must be a list of layers, a layer {\"type\": ...} or an object of "
                + "named children, got 3");
        Object deep = linear(1, 1);
        for (int i = 0; i < 40; i++) {
            deep = new ArrayList<>(List.of(deep));
        }
        Object tooDeep = deep;
        assertThatThrownBy(() -> Modules.build(tooDeep, new Generator(1))).hasMessageContaining("nested more than 32 levels deep");
    }

    @Test
    void oversizedLayersAreRefusedBeforeAnythingIsAllocated() {
        assertThatThrownBy(() -> Modules.build(List.of(linear(100_000, 100_000)), new Generator(1)))
                .hasMessageStartingWith("layers[0] (linear): ").hasMessageContaining("[100000, 100000]");
        try (GradMode.Scope _ = AllocationLimit.set(1_000, 8)) {
            assertThatThrownBy(() -> Modules.build(List.of(linear(2, 1), linear(100, 100)), new Generator(1)))
                    .isInstanceOf(EngineException.class).hasMessageStartingWith("layers[1] (linear): ")
                    .extracting(e -> ((EngineException) e).code()).isEqualTo(ErrorCode.TOO_LARGE);
        }
    }

    private static void assertFieldRefused(Object spec, ErrorCode code, String field, String message) {
        assertThatThrownBy(() -> Modules.build(spec, new Generator(1))).isInstanceOf(EngineException.class).hasMessage(message)
                .extracting(e -> ((EngineException) e).code(), e -> ((EngineException) e).field()).containsExactly(code, field);
    }

    private static void assertRefused(Object spec, String message) {
        assertThatThrownBy(() -> Modules.build(spec, new Generator(1))).isInstanceOf(EngineException.class).hasMessage(message)
                .extracting(e -> ((EngineException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }
}
