package dev.backprop.session;

import dev.backprop.engine.Autograd;
import dev.backprop.engine.EngineException;
import dev.backprop.engine.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** {@code torch.autograd.backward} and {@code torch.autograd.grad} on a session's named tensors. */
@Service
public class AutogradService {
    private final OpExecutor executor;
    private final Limits limits;

    public AutogradService(OpExecutor executor, Limits limits) {
        this.executor = executor;
        this.limits = limits;
    }

    /** Answers every tensor whose grad changed, with its name (null when it has none in the session). */
    public List<BoundTensor> backward(Session s, List<String> tensors, List<Object> gradTensors, Boolean retainGraph,
                                      boolean createGraph, List<String> inputs) {
        List<Tensor> roots = resolveAll(s, tensors, "tensors");
        List<Tensor> grads = gradients(s, roots, gradTensors, "gradTensors");
        List<Tensor> in = inputs == null ? null : resolveAll(s, inputs, "inputs");
        return executor.atomically(s, tx -> {
            List<Tensor> updated = Autograd.backward(roots, grads, retainGraph, createGraph, in, t -> {
                tx.beforeChange(t);
                tx.beforeChange(t.grad());
            });
            List<BoundTensor> out = new ArrayList<>(updated.size());
            for (Tensor t : updated) out.add(new BoundTensor(Names.nameOf(s, t), t));
            return out;
        });
    }

    /** Binds each gradient to its {@code out} name (fresh names when omitted); null for unused inputs. */
    public List<BoundTensor> grad(Session s, List<String> outputs, List<String> inputs, List<Object> gradOutputs,
                                  Boolean retainGraph, boolean createGraph, boolean allowUnused, List<String> out) {
        List<Tensor> outs = resolveAll(s, outputs, "outputs");
        List<Tensor> ins = resolveAll(s, inputs, "inputs");
        List<Tensor> grads = gradients(s, outs, gradOutputs, "gradOutputs");
        if (out != null) {
            if (out.size() != ins.size()) {
                throw ApiException.badRequest("'out' names " + out.size() + " tensors but there are " + ins.size() + " inputs");
            }
            for (String n : out) Names.check(n, limits.maxNameLength(), "out");
        }
        return executor.atomically(s, tx -> {
            Tensor[] result = Autograd.grad(outs, ins, grads, retainGraph, createGraph, allowUnused);
            List<BoundTensor> bound = new ArrayList<>(result.length);
            for (int i = 0; i < result.length; i++) {
                if (result[i] == null) {
                    bound.add(null);
                    continue;
                }
                String name = out != null ? out.get(i) : s.freshName();
                s.tensors.put(name, result[i]);
                bound.add(new BoundTensor(name, result[i]));
            }
            return bound;
        });
    }

    private static List<Tensor> resolveAll(Session s, List<String> names, String field) {
        if (names == null || names.isEmpty()) {
            throw ApiException.badRequest("'" + field + "' must name at least one tensor");
        }
        List<Tensor> out = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (n == null) throw EngineException.invalidField(field + "[" + i + "]", "a tensor name", null);
            out.add(Names.resolve(s, n));
        }
        return out;
    }

    /** Gradient arguments: per output, a tensor name, literal data (in the output's dtype) or null. */
    private static List<Tensor> gradients(Session s, List<Tensor> outputs, List<Object> given, String field) {
        if (given == null) return null;
        if (given.size() != outputs.size()) {
            throw ApiException.badRequest("'" + field + "' has " + given.size() + " entries for " + outputs.size() + " tensors");
        }
        List<Tensor> out = new ArrayList<>(given.size());
        for (int i = 0; i < given.size(); i++) {
            out.add(switch (given.get(i)) {
                case null -> null;
                case String name -> Names.resolve(s, name);
                case Map<?, ?> object -> throw EngineException.invalidField(field + "[" + i + "]",
                        "a tensor name, a number, nested lists of numbers or null", object);
                case Object data -> Tensor.fromNested(data, outputs.get(i).dtype());
            });
        }
        return out;
    }
}
