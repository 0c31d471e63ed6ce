package dev.backprop.session;

import dev.backprop.engine.Tensor;
import java.util.ArrayList;
import java.util.List;

/** Every tensor a session keeps alive directly: its named tensors and its optimizers' state. */
final class Holdings {
    private Holdings() {}

    static List<Tensor> of(Session s) {
        List<Tensor> all = new ArrayList<>(s.tensors.values());
        for (Object o : s.optimizers.values()) {
            if (o instanceof dev.backprop.engine.optim.Optimizer opt) all.addAll(opt.stateTensors());
        }
        return all;
    }
}
