package dev.backprop.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.engine.Tensor;
import dev.backprop.engine.random.Generator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parameter names and order as state_dict and named_parameters give them, forward, repr. */
class ModuleTest {

    @Test
    void sequentialNamesChildrenByPosition() {
        Generator gen = new Generator(1);
        Sequential net = new Sequential(new Linear(2, 3, true, gen), new ReLU(), new Linear(3, 1, true, gen), new Sigmoid());
        assertThat(net.stateDict().keySet()).containsExactly("0.weight", "0.bias", "2.weight", "2.bias");
        assertThat(net.namedParameters().keySet()).containsExactly("0.weight", "0.bias", "2.weight", "2.bias");
        assertThat(net.parameters()).containsExactly(((Linear) net.get(0)).weight(), ((Linear) net.get(0)).bias(),
                ((Linear) net.get(2)).weight(), ((Linear) net.get(2)).bias());
        assertThat(net.get(-1)).isInstanceOf(Sigmoid.class);
        assertThat(net.get("2")).isSameAs(net.get(2));
        assertThat(net.size()).isEqualTo(4);
    }

    @Test
    void namedChildrenGiveTheModuleSubclassNames() {
        Map<String, Module> children = new LinkedHashMap<>();
        children.put("features", new Linear(2, 1, true, new Generator(1)));
        children.put("sigmoid", new Sigmoid());
        Sequential net = new Sequential(children);
        assertThat(net.stateDict().keySet()).containsExactly("features.weight", "features.bias");
        assertThat(net.namedChildren().keySet()).containsExactly("features", "sigmoid");
        assertThat(net.toString()).isEqualTo("""
                Sequential(
                  (features): Linear(in_features=2, out_features=1, bias=True)
                  (sigmoid): Sigmoid()
                )""");
    }

    @Test
    void sharedModulesAppearOnceInNamedParametersButEverywhereInStateDict() {
        Linear shared = new Linear(2, 2, true, new Generator(1));
        Sequential net = new Sequential(shared, new Tanh(), shared);
        assertThat(net.namedParameters().keySet()).containsExactly("0.weight", "0.bias");
        assertThat(net.stateDict().keySet()).containsExactly("0.weight", "0.bias", "2.weight", "2.bias");
    }

    @Test
    void nestedContainersPrefixEveryLevel() {
        Sequential inner = new Sequential(new Linear(2, 2, true, new Generator(1)));
        Sequential outer = new Sequential(Map.of("block", inner));
        assertThat(outer.stateDict().keySet()).containsExactly("block.0.weight", "block.0.bias");
        assertThat(outer.toString()).isEqualTo("""
                Sequential(
                  (block): Sequential(
                    (0): Linear(in_features=2, out_features=2, bias=True)
                  )
                )""");
    }

    @Test
    void forwardAppliesChildrenInOrder() {
        Sequential net = new Sequential(new ReLU(), new Tanh(), new Sigmoid());
        Tensor x = Tensor.of(new float[] {-1f, 0.5f}, 2);
        assertThat(net.forward(x).toNested()).isEqualTo(x.relu().tanh().sigmoid().toNested());
        assertThat(new Sequential().forward(x)).isSameAs(x);
        assertThat(net.parameters()).isEmpty();
        assertThat(net.children()).hasSize(3);
        assertThat(new ReLU().toString()).isEqualTo("ReLU()");
    }
}
