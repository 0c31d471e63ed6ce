package dev.backprop.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * One op declared in one place: its forms as PyTorch prints them ({@link Signature}), its tags, the
 * {@code grad_fn} names its results carry, and its body over the bound arguments. Definitions are
 * written in the op families ({@code *OpDefs}) and registered in {@link OpRegistry} when their body is
 * given:
 * <pre>{@code op("t(Tensor input)").tags(VIEW).gradFn("TBackward0").does(a -> a.tensor("input").t());}</pre>
 */
final class OpDefinition {
    private final List<String> forms;
    private final Set<OpTag> tags = EnumSet.noneOf(OpTag.class);
    private final List<String> gradFns = new ArrayList<>();

    private OpDefinition(List<String> forms) {
        this.forms = List.copyOf(forms);
    }

    /** An op with one or more forms, tried in order. */
    static OpDefinition op(String... forms) {
        return new OpDefinition(Arrays.asList(forms));
    }

    static OpDefinition op(List<String> forms) {
        return new OpDefinition(forms);
    }

    OpDefinition tags(OpTag... more) {
        tags.addAll(Arrays.asList(more));
        return this;
    }

    /** The {@code grad_fn} names the op's results may carry, one per form or path ({@code MaxBackward1}, {@code MaxBackward0}). */
    OpDefinition gradFn(String... names) {
        gradFns.addAll(Arrays.asList(names));
        return this;
    }

    /** Registers the op with a body that answers one tensor. */
    void does(Function<BoundArgs, Tensor> body) {
        doesAll(a -> new Tensor[] {body.apply(a)});
    }

    /** Registers the op with a body that answers several tensors ({@code max(dim)}, {@code split}). */
    void doesAll(Function<BoundArgs, Tensor[]> body) {
        OpRegistry.register(forms, tags, gradFns, body);
    }
}
