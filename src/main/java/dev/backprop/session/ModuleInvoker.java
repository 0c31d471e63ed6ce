package dev.backprop.session;

import dev.backprop.engine.EngineException;
import dev.backprop.engine.ErrorCode;
import dev.backprop.engine.Tensor;
import dev.backprop.engine.nn.Module;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The {@code call} op: runs a session module's forward on one input ({@code lr_net(train_x)}). */
@Component
public class ModuleInvoker {

    Tensor call(Session s, Map<String, Object> attrs, List<Object> inputs) {
        if (!(attrs.get("module") instanceof String name)) {
            throw ApiException.badRequest("'call' needs the module's name in attrs.module");
        }
        Object m = s.modules.get(name);
        if (!(m instanceof Module module)) {
            throw ApiException.notFound("module", name);
        }
        for (String keyword : attrs.keySet()) {
            if (!keyword.equals("module")) {
                throw new EngineException(ErrorCode.INVALID_ARGUMENT,
                        module.getClass().getSimpleName() + ".forward() got an unexpected keyword argument '" + keyword + "'");
            }
        }
        if (inputs.size() != 1 || !(inputs.get(0) instanceof Tensor input)) {
            throw ApiException.badRequest("'call' takes one input tensor");
        }
        return module.forward(input);
    }
}
