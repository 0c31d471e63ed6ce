package dev.backprop.session;

import dev.backprop.engine.AllocationLimit;
import dev.backprop.engine.Deadline;
import dev.backprop.engine.EngineException;
import dev.backprop.engine.GradMode;
import dev.backprop.engine.OpArgs;
import dev.backprop.engine.OpRegistry;
import dev.backprop.engine.OpTag;
import dev.backprop.engine.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Runs ops on a session by name: resolves tensor names (and {@code x.grad} references), calls the
 * engine's registry, binds the results, and keeps the whole request atomic — a failed op, or a result
 * that breaks a quota, leaves the session exactly as it was.
 */
@Service
public class OpExecutor {
    private final SessionService sessions;
    private final Limits limits;
    private final ModuleInvoker modules;
    private final java.util.concurrent.atomic.AtomicLong opsRun = new java.util.concurrent.atomic.AtomicLong();

    public OpExecutor(SessionService sessions, Limits limits, ModuleInvoker modules) {
        this.sessions = sessions;
        this.limits = limits;
        this.modules = modules;
    }

    /** Runs the calls in order as one unit; answers the tensors each call produced, bound to their names. */
    public List<List<BoundTensor>> run(Session s, List<OpCall> calls, boolean noGrad) {
        if (calls.size() > limits.maxBatchOps()) {
            throw ApiException.tooLarge("batch-too-large", "a batch of " + calls.size() + " ops is over the limit of "
                    + limits.maxBatchOps());
        }
        Transaction tx = new Transaction(s);
        try (GradMode.Scope ignored = AllocationLimit.set(limits.maxTensorElements(), limits.maxRank());
             GradMode.Scope budget = Deadline.within(limits.timeBudget())) {
            List<List<BoundTensor>> results = new ArrayList<>(calls.size());
            for (int i = 0; i < calls.size(); i++) {
                try {
                    Deadline.check();
                    results.add(runOne(s, calls.get(i), noGrad, tx));
                } catch (RuntimeException e) {
                    throw calls.size() > 1 ? new BatchFailure(i, e) : e;
                }
            }
            s.answer.check(new Answer.OpResults(results), limits.maxAnswerElements());
            sessions.checkQuotas(s, Holdings.of(s));
            opsRun.addAndGet(calls.size());
            return results;
        } catch (RuntimeException e) {
            tx.rollback();
            throw e;
        }
    }

    /** Ops run successfully since start. */
    public long opsRun() {
        return opsRun.get();
    }

    /** Runs {@code change} on the session as one unit, with the same undo and quota rules as ops. */
    public <T> T atomically(Session s, java.util.function.Function<Transaction, T> change) {
        Transaction tx = new Transaction(s);
        try (GradMode.Scope ignored = AllocationLimit.set(limits.maxTensorElements(), limits.maxRank());
             GradMode.Scope budget = Deadline.within(limits.timeBudget())) {
            T result = change.apply(tx);
            s.answer.check(result, limits.maxAnswerElements());
            sessions.checkQuotas(s, Holdings.of(s));
            return result;
        } catch (RuntimeException e) {
            tx.rollback();
            throw e;
        }
    }

    private List<BoundTensor> runOne(Session s, OpCall call, boolean batchNoGrad, Transaction tx) {
        if (call.op() == null || call.op().isBlank()) {
            throw ApiException.badRequest("an op needs a name in 'op'");
        }
        OpRegistry.OpDef def = call.op().equals("call") ? null : OpRegistry.get(call.op());
        List<Object> inputs = resolveInputs(s, call.inputs(), def);
        Map<String, Object> attrs = call.attrs() == null ? Map.of() : call.attrs();
        List<String> outNames = outNames(call.out());
        Tensor[] outs;
        try (GradMode.Scope ignored = GradMode.set(!(call.noGrad() || batchNoGrad))) {
            if (call.op().equals("call")) {
                tx.beforeRandomDraw(); // a module in training mode may hold a dropout
                outs = new Tensor[] {modules.call(s, attrs, inputs)};
            } else {
                if ((def.has(OpTag.IN_PLACE) || def.has(OpTag.AUTOGRAD_FLAGS)) && !inputs.isEmpty() && inputs.get(0) instanceof Tensor t) {
                    tx.beforeChange(t);
                    tx.beforeChange(t.base());
                }
                if (def.has(OpTag.RANDOM)) {
                    tx.beforeRandomDraw();
                }
                outs = def.invoker().call(new OpArgs(def.name(), inputs, attrs, name -> Names.resolve(s, name), s.generator));
                if (def.has(OpTag.FACTORY) && requiresGradAttr(attrs)) {
                    outs[0].requiresGradAtCreation();
                }
            }
        }
        return bind(s, call, inputs, outs, outNames, tx);
    }

    private static boolean requiresGradAttr(Map<String, Object> attrs) {
        Object v = attrs.containsKey("requires_grad") ? attrs.get("requires_grad") : attrs.get("requiresGrad");
        if (v == null) return false;
        if (v instanceof Boolean b) return b;
        throw ApiException.badRequest("'requires_grad' must be a boolean");
    }

    /**
     * Tensor names become their tensors, a list of names a list of tensors ({@code index_put}'s indices); a string where
     * the op takes text ({@code einsum}'s equation) stays text.
     */
    private List<Object> resolveInputs(Session s, List<Object> raw, OpRegistry.OpDef def) {
        if (raw == null) return List.of();
        List<Object> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            Object v = raw.get(i);
            if (v instanceof String text && def != null && def.takesTextAt(i)) {
                out.add(text);
            } else if (v instanceof String name) {
                out.add(Names.resolve(s, name));
            } else if (v instanceof Number || v instanceof Boolean) {
                out.add(v);
            } else if (v instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(String.class::isInstance)) {
                List<Tensor> tensors = new ArrayList<>(list.size());
                for (Object name : list) tensors.add(Names.resolve(s, (String) name));
                out.add(tensors);
            } else if (v instanceof List<?> list) {
                for (int j = 0; j < list.size(); j++) {
                    if (!(list.get(j) instanceof Number)) throw EngineException.invalidField("inputs[" + i + "][" + j + "]", "a number", list.get(j));
                }
                out.add(v);
            } else {
                throw EngineException.invalidField("inputs[" + i + "]", "a tensor name, a number, true, false, a list of numbers or a "
                        + "list of tensor names", v);
            }
        }
        return out;
    }

    private List<String> outNames(Object out) {
        if (out == null) return List.of();
        List<String> names = new ArrayList<>();
        if (out instanceof String name) {
            names.add(name);
        } else if (out instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof String name)) throw EngineException.invalidField("out[" + i + "]", "a name", list.get(i));
                names.add(name);
            }
        } else {
            throw EngineException.invalidField("out", "a name or a list of names", out);
        }
        for (String n : names) Names.check(n, limits.maxNameLength(), "out");
        return names;
    }

    private List<BoundTensor> bind(Session s, OpCall call, List<Object> inputs, Tensor[] outs, List<String> names, Transaction tx) {
        if (names.size() > outs.length) {
            throw ApiException.badRequest("'" + call.op() + "' gives " + outs.length + " result(s) but 'out' names " + names.size());
        }
        List<BoundTensor> bound = new ArrayList<>(outs.length);
        for (int i = 0; i < outs.length; i++) {
            Tensor t = outs[i];
            String name = i < names.size() ? names.get(i) : existingName(s, call, inputs, t);
            if (name == null) {
                name = s.freshName();
            }
            Names.bind(s, name, t, tx);
            bound.add(new BoundTensor(name, t));
        }
        return bound;
    }

    /** The name an input tensor already has when the op answers that same tensor (in-place ops, retain_grad). */
    private static String existingName(Session s, OpCall call, List<Object> inputs, Tensor t) {
        if (call.inputs() == null) return null;
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i) == t && call.inputs().get(i) instanceof String name) return name;
        }
        return null;
    }
}
