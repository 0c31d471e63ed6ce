package dev.backprop.engine.nn;

import dev.backprop.engine.Tensor;
import java.util.List;

/** A loss module of {@code torch.nn} ({@code _Loss}): {@code loss_fn(input, target)}, called with two inputs. */
public abstract class Loss extends Module {
    public abstract Tensor forward(Tensor input, Tensor target);

    @Override
    public final Tensor forward(Tensor input) {
        return call(List.of(input));
    }

    @Override
    public final Tensor call(List<Tensor> inputs) {
        return switch (inputs.size()) {
            case 0 -> throw Specs.invalid(typeName() + ".forward() missing 2 required positional arguments: 'input' and 'target'");
            case 1 -> throw Specs.invalid(typeName() + ".forward() missing 1 required positional argument: 'target'");
            case 2 -> forward(inputs.get(0), inputs.get(1));
            default -> throw Specs.invalid(typeName() + ".forward() takes 3 positional arguments but " + (inputs.size() + 1) + " were given");
        };
    }
}
