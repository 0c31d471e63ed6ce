package dev.backprop.graph;

import dev.backprop.engine.Tensor;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;

/** The seed's figure 1: w = 1, x = 2 (both requiring grad), a = w + x, b = w + 1, y = a * b. */
record SeedGraph(Tensor w, Tensor x, Tensor a, Tensor b, Tensor y) {
    static SeedGraph build() {
        Tensor w = Tensor.of(new float[] {1f}, 1).requiresGrad_(true);
        Tensor x = Tensor.of(new float[] {2f}, 1).requiresGrad_(true);
        Tensor a = w.add(x);
        Tensor b = w.add(1);
        return new SeedGraph(w, x, a, b, a.mul(b));
    }

    /** The session's names, as the web layer would look them up. */
    Function<Tensor, String> names() {
        Map<Tensor, String> names = new IdentityHashMap<>();
        names.put(w, "w");
        names.put(x, "x");
        names.put(a, "a");
        names.put(b, "b");
        names.put(y, "y");
        return names::get;
    }

    GraphModel model() {
        return GraphModel.of(y, names(), 100);
    }
}
