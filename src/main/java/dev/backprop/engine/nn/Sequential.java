package dev.backprop.engine.nn;

import dev.backprop.engine.Tensor;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.nn.Sequential}: children applied in order. Built from a list, the children are named
 * {@code "0"}, {@code "1"}, ...; built from an ordered map, as {@code Sequential(OrderedDict(...))}, they
 * keep the map's names, which is also how an {@code nn.Module} subclass with attributes such as
 * {@code features} and {@code sigmoid} names its parameters ({@code features.weight}).
 */
public final class Sequential extends Module {
    private final List<Module> layers;

    public Sequential(Module... layers) {
        this(List.of(layers));
    }

    public Sequential(List<? extends Module> layers) {
        for (int i = 0; i < layers.size(); i++) {
            registerModule(Integer.toString(i), layers.get(i));
        }
        this.layers = List.copyOf(layers);
    }

    /** Named children in the map's iteration order (pass a {@link java.util.LinkedHashMap}). */
    public Sequential(Map<String, ? extends Module> namedLayers) {
        namedLayers.forEach(this::registerModule);
        this.layers = List.copyOf(namedLayers.values());
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor x = input;
        for (int i = 0, n = layers.size(); i < n; i++) {
            x = layers.get(i).forward(x);
        }
        return x;
    }

    /** {@code model[i]}, negative indices counting from the end as in Python. */
    public Module get(int index) {
        int n = layers.size();
        int i = index < 0 ? index + n : index;
        if (i < 0 || i >= n) {
            throw Specs.invalid("index " + index + " is out of range");
        }
        return layers.get(i);
    }

    /** The child registered under {@code name}, e.g. {@code "0"} or {@code "features"}. */
    public Module get(String name) {
        Module m = namedChildren().get(name);
        if (m == null) {
            throw Specs.invalid("'Sequential' object has no attribute '" + name + "'");
        }
        return m;
    }

    public int size() {
        return layers.size();
    }
}
