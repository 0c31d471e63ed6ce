package dev.backprop.session;

import dev.backprop.engine.EngineException;
import dev.backprop.engine.Tensor;
import dev.backprop.engine.nn.Module;
import dev.backprop.engine.nn.Modules;
import dev.backprop.engine.optim.Optimizer;
import dev.backprop.engine.optim.OptimizerFields;
import dev.backprop.engine.optim.OptimizerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Modules and optimizers of a session. A module's parameters become tensors named as its
 * {@code state_dict} keys behind its name ({@code lr_net.0.weight}); an optimizer steps them in place. An
 * optimizer created under a name already taken replaces the one before, and that one's schedulers go with it.
 */
@Service
public class ModuleService {
    private final OpExecutor executor;
    private final Limits limits;

    public ModuleService(OpExecutor executor, Limits limits) {
        this.executor = executor;
        this.limits = limits;
    }

    public record CreatedModule(String name, Module module, Map<String, Tensor> parameters) {}

    public CreatedModule createModule(Session s, String name, Object layers) {
        Names.check(name, limits.maxNameLength(), "name");
        if (layers == null) {
            throw ApiException.badRequest("'layers' is required: a list of layers or an object of named children");
        }
        return executor.atomically(s, tx -> {
            tx.beforeRandomDraw();
            Module module = Modules.build(layers, s.generator);
            Map<String, Tensor> params = new java.util.LinkedHashMap<>();
            module.stateDict().forEach((key, t) -> {
                String full = name + "." + key;
                s.tensors.put(full, t);
                params.put(full, t);
            });
            Object previous = s.modules.put(name, module);
            tx.onRollback(() -> {
                if (previous == null) s.modules.remove(name);
                else s.modules.put(name, previous);
            });
            return new CreatedModule(name, module, params);
        });
    }

    /**
     * {@code del net}: the module goes; its parameters stay bound to their names, as {@code w = net[0].weight} keeps
     * a parameter alive in Python, and an optimizer over them goes on stepping them.
     */
    public void deleteModule(Session s, String name) {
        module(s, name);
        executor.atomically(s, tx -> tx.remove(s.modules, name));
    }

    /** {@code del opt}: the optimizer goes with its state and its schedulers; its parameters stay. */
    public void deleteOptimizer(Session s, String name) {
        optimizer(s, name);
        executor.atomically(s, tx -> tx.remove(s.optimizers, name));
    }

    /** {@code module.train(mode)} (and {@code module.eval()} with false), recursively; 404 {@code module-not-found} when there is none. */
    public Module train(Session s, String name, boolean mode) {
        return module(s, name).train(mode);
    }

    /** The module bound to {@code name}; 404 {@code module-not-found} when there is none. */
    public static Module module(Session s, String name) {
        if (!(s.modules.get(name) instanceof Module m)) throw ApiException.notFound("module", name);
        return m;
    }

    public BoundOptimizer createOptimizer(Session s, String name, OptimizerFields fields, List<String> paramNames) {
        Names.check(name, limits.maxNameLength(), "name");
        if (paramNames == null || paramNames.isEmpty()) {
            throw ApiException.badRequest("'params' must name at least one module or tensor");
        }
        List<Tensor> params = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < paramNames.size(); i++) {
            String p = paramNames.get(i);
            if (p == null) throw EngineException.invalidField("params[" + i + "]", "a module's or tensor's name", null);
            if (s.modules.get(p) instanceof Module m) {
                List<Tensor> own = m.parameters();
                for (var e : m.stateDict().entrySet()) {
                    if (own.contains(e.getValue()) && !params.contains(e.getValue())) {
                        params.add(e.getValue());
                        names.add(p + "." + e.getKey());
                    }
                }
            } else {
                params.add(Names.resolve(s, p));
                names.add(p);
            }
        }
        OptimizerSpec spec = fields.spec();
        BoundOptimizer optimizer = new BoundOptimizer(spec.type(), spec.build(params), names);
        executor.atomically(s, tx -> {
            BoundOptimizer previous = s.optimizers.put(name, optimizer);
            tx.onRollback(() -> {
                if (previous == null) s.optimizers.remove(name);
                else s.optimizers.put(name, previous);
            });
            return null;
        });
        return optimizer;
    }

    /** {@code optimizer.step()}; answers the parameters it updated. */
    public List<BoundTensor> step(Session s, String name) {
        Optimizer opt = optimizer(s, name).optimizer();
        return executor.atomically(s, tx -> {
            Object state = opt.saveState();
            tx.onRollback(() -> opt.restoreState(state));
            for (Tensor p : opt.params()) tx.beforeChange(p);
            opt.step();
            return bound(s, opt);
        });
    }

    /** {@code optimizer.zero_grad()} (set_to_none, PyTorch's current default). */
    public List<BoundTensor> zeroGrad(Session s, String name, boolean setToNone) {
        Optimizer opt = optimizer(s, name).optimizer();
        return executor.atomically(s, tx -> {
            for (Tensor p : opt.params()) tx.beforeChange(p);
            opt.zeroGrad(setToNone);
            return bound(s, opt);
        });
    }

    private static List<BoundTensor> bound(Session s, Optimizer opt) {
        List<BoundTensor> out = new ArrayList<>();
        for (Tensor p : opt.params()) out.add(new BoundTensor(Names.nameOf(s, p), p));
        return out;
    }

    /** The optimizer bound to {@code name}; 404 {@code optimizer-not-found} when there is none. */
    public static BoundOptimizer optimizer(Session s, String name) {
        BoundOptimizer o = s.optimizers.get(name);
        if (o == null) throw ApiException.notFound("optimizer", name);
        return o;
    }
}
