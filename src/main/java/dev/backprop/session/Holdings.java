package dev.backprop.session;

import dev.backprop.engine.Tensor;
import java.util.ArrayList;
import java.util.List;

/** Every tensor a session keeps alive directly: its named tensors, its modules' parameters and its optimizers' state. */
final class Holdings {
    private Holdings() {}

    static List<Tensor> of(Session s) {
        List<Tensor> all = new ArrayList<>(s.tensors.values());
        for (Object o : s.modules.values()) {
            if (o instanceof dev.backprop.engine.nn.Module m) all.addAll(m.stateDict().values());
        }
        for (BoundOptimizer o : s.optimizers.values()) {
            all.addAll(o.optimizer().stateTensors());
        }
        return all;
    }
}
