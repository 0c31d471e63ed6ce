package dev.backprop.session;

import dev.backprop.engine.DType;
import dev.backprop.engine.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/** Named tensors: creating leaves from literal data, reading, listing and dropping bindings. */
@Service
public class TensorService {
    private final OpExecutor executor;
    private final Limits limits;

    public TensorService(OpExecutor executor, Limits limits) {
        this.executor = executor;
        this.limits = limits;
    }

    /** {@code name = torch.tensor(data, dtype=dtype, requires_grad=requiresGrad)}. */
    public BoundTensor create(Session s, String name, Object data, String dtype, boolean requiresGrad) {
        Names.check(name, limits.maxNameLength(), "name");
        if (data == null) {
            throw ApiException.badRequest("'data' is required: nested lists of numbers, or a number");
        }
        DType type = dtype == null ? null : DType.fromWireName(dtype);
        return executor.atomically(s, tx -> {
            Tensor t = Tensor.fromNested(data, type);
            if (requiresGrad) t.requiresGradAtCreation();
            Names.bind(s, name, t, tx);
            return new BoundTensor(name, t);
        });
    }

    /** The tensor bound to {@code name}; refused (413) if the request's answer could not carry its values. */
    public BoundTensor get(Session s, String name) {
        BoundTensor t = new BoundTensor(name, Names.resolve(s, name));
        s.answer.check(t, limits.maxAnswerElements());
        return t;
    }

    public List<BoundTensor> list(Session s) {
        List<BoundTensor> out = new ArrayList<>(s.tensors.size());
        s.tensors.forEach((n, t) -> out.add(new BoundTensor(n, t)));
        return out;
    }

    /** {@code del name}: the binding goes; the tensor lives on while a graph needs it. */
    public void delete(Session s, String name) {
        executor.atomically(s, tx -> {
            if (s.tensors.remove(name) == null) {
                Tensor owner = Names.isGradReference(name) ? s.tensors.get(Names.gradOwner(name)) : null;
                if (owner == null || owner.grad() == null) {
                    throw ApiException.notFound("tensor", name);
                }
                tx.beforeChange(owner);
                owner.setGrad(null);
            }
            return null;
        });
    }
}
