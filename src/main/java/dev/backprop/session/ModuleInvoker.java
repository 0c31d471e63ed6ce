package dev.backprop.session;

import dev.backprop.engine.EngineException;
import dev.backprop.engine.ErrorCode;
import dev.backprop.engine.Tensor;
import dev.backprop.engine.nn.Module;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The {@code call} op: runs a session module on its inputs ({@code lr_net(train_x)}, {@code loss_fn(logits, y)}). */
@Component
public class ModuleInvoker {

    Tensor call(Session s, Map<String, Object> attrs, List<Object> inputs) {
        if (!(attrs.get("module") instanceof String name)) {
            throw ApiException.badRequest("'call' needs the module's name in attrs.module");
        }
        Module module = ModuleService.module(s, name);
        for (String keyword : attrs.keySet()) {
            if (!keyword.equals("module")) {
                throw new EngineException(ErrorCode.INVALID_ARGUMENT,
                        module.typeName() + ".forward() got an unexpected keyword argument '" + keyword + "'");
            }
        }
        List<Tensor> tensors = new ArrayList<>(inputs.size());
        for (Object input : inputs) {
            if (!(input instanceof Tensor t)) throw ApiException.badRequest("'call' takes input tensors by name");
            tensors.add(t);
        }
        return module.call(tensors);
    }
}
