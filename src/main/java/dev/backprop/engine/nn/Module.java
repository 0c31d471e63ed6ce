package dev.backprop.engine.nn;

import dev.backprop.engine.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code torch.nn.Module}: a forward function over registered parameters and child modules. Names and
 * order follow torch/nn/modules/module.py: a module's own parameters in registration order, then each
 * child's under the prefix {@code childName.}, recursively.
 */
public abstract class Module {
    private final Map<String, Tensor> parameters = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    public abstract Tensor forward(Tensor input);

    /**
     * {@code module(*inputs)}: one input for most modules, {@link Loss}es take two; a wrong count is
     * Python's TypeError for {@code forward}.
     */
    public Tensor call(List<Tensor> inputs) {
        if (inputs.isEmpty()) throw Specs.invalid(typeName() + ".forward() missing 1 required positional argument: 'input'");
        if (inputs.size() > 1) {
            throw Specs.invalid(typeName() + ".forward() takes 2 positional arguments but " + (inputs.size() + 1) + " were given");
        }
        return forward(inputs.get(0));
    }

    /** {@code module.training}: true unless {@link #train(boolean)} set it otherwise. */
    public final boolean training() {
        return training;
    }

    /** {@code module.train(mode)}, which {@code module.eval()} is with false: this module and every descendant. */
    public final Module train(boolean mode) {
        training = mode;
        children.values().forEach(child -> child.train(mode));
        return this;
    }

    /** PyTorch's class name, as its repr prints it. */
    public String typeName() {
        return getClass().getSimpleName();
    }

    /** The part of the repr between the parentheses of a leaf module, e.g. {@code in_features=2, ...}. */
    protected String extraRepr() {
        return "";
    }

    protected final Tensor registerParameter(String name, Tensor parameter) {
        checkName(name, "parameter");
        checkFree(name);
        parameters.put(name, parameter);
        return parameter;
    }

    /** {@code register_buffer(name, tensor)}: state that is in {@code state_dict} but is not a parameter (a loss's class weights). */
    protected final Tensor registerBuffer(String name, Tensor buffer) {
        checkName(name, "buffer");
        checkFree(name);
        buffers.put(name, buffer);
        return buffer;
    }

    private void checkFree(String name) {
        if (parameters.containsKey(name) || buffers.containsKey(name) || children.containsKey(name)) {
            throw Specs.invalid("attribute '" + name + "' already exists");
        }
    }

    protected final <M extends Module> M registerModule(String name, M module) {
        checkName(name, "module");
        checkFree(name);
        children.put(name, module);
        return module;
    }

    // torch/nn/modules/module.py, add_module: the messages PyTorch raises as KeyError.
    static void checkName(String name, String kind) {
        if (name.isEmpty()) {
            throw Specs.invalid(kind + " name can't be empty string \"\"");
        }
        if (name.contains(".")) {
            throw Specs.invalid(kind + " name can't contain \".\", got: " + name);
        }
    }

    /** The parameters this module registered itself, without its children's. */
    public final Map<String, Tensor> ownParameters() {
        return Collections.unmodifiableMap(parameters);
    }

    public final Map<String, Module> namedChildren() {
        return Collections.unmodifiableMap(children);
    }

    public final List<Module> children() {
        return List.copyOf(children.values());
    }

    /**
     * {@code named_parameters()}: every parameter once, under the name where it is first met, as
     * PyTorch's {@code _named_members} visits modules and parameters with a memo of those already seen.
     */
    public final Map<String, Tensor> namedParameters() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collect("", out, Collections.newSetFromMap(new IdentityHashMap<>()), Collections.newSetFromMap(new IdentityHashMap<>()));
        return out;
    }

    private void collect(String prefix, Map<String, Tensor> out, Set<Module> seenModules, Set<Tensor> seenParameters) {
        if (!seenModules.add(this)) {
            return;
        }
        parameters.forEach((name, p) -> {
            if (seenParameters.add(p)) {
                out.put(prefix + name, p);
            }
        });
        children.forEach((name, child) -> child.collect(prefix + name + ".", out, seenModules, seenParameters));
    }

    /** {@code parameters()}: the values of {@link #namedParameters()}, in order. */
    public final List<Tensor> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** {@code state_dict()} keys and tensors: each module's parameters, then its buffers, then its children's; no deduplication. */
    public final Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        addState("", out);
        return out;
    }

    private void addState(String prefix, Map<String, Tensor> out) {
        parameters.forEach((name, p) -> out.put(prefix + name, p));
        buffers.forEach((name, b) -> out.put(prefix + name, b));
        children.forEach((name, child) -> child.addState(prefix + name + ".", out));
    }

    /** PyTorch's repr: {@code Linear(in_features=2, out_features=1, bias=True)}, containers over several lines. */
    @Override
    public String toString() {
        if (children.isEmpty()) {
            return typeName() + "(" + extraRepr() + ")";
        }
        StringBuilder sb = new StringBuilder(typeName()).append("(\n");
        children.forEach((name, child) -> sb.append("  (").append(name).append("): ")
                .append(child.toString().replace("\n", "\n  ")).append('\n'));
        return sb.append(')').toString();
    }
}
