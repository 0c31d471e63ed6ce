package dev.backprop.engine;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Every op callable by name, as {@code torch.<name>(*inputs, **attrs)}: the table the HTTP layer
 * dispatches through, {@code GET /ops} lists, and the gradcheck test walks. Each op is one
 * {@link OpDefinition} in its family ({@link ElementwiseOpDefs}, {@link ShapeOpDefs}, ...): its forms,
 * tags and {@code grad_fn} names, and its body. Arguments are fitted to the forms before the body runs,
 * so a body only ever sees arguments of the declared kinds.
 */
public final class OpRegistry {
    /** Calls the op; most ops answer one tensor, {@code max}/{@code min} over a dim answer two. */
    @FunctionalInterface
    public interface Invoker {
        Tensor[] call(OpArgs args);
    }

    /**
     * @param tags       what kind of op it is ({@link OpTag})
     * @param gradFns    the {@code grad_fn} names its results may carry
     * @param signatures its forms as declared ({@link Signature}), e.g. {@code add(Tensor input, Tensor|Number other, *, Number alpha = 1)}
     */
    public record OpDef(String name, Set<OpTag> tags, List<String> gradFns, List<String> signatures, Set<Integer> textPositions,
                        Invoker invoker) {
        /** Whether a positional input at {@code position} may be text ({@code einsum}'s equation) rather than a tensor's name. */
        public boolean takesTextAt(int position) {
            return textPositions.contains(position);
        }

        /** Whether gradients flow through it out of place: the ops the gradcheck test differentiates. */
        public boolean differentiable() {
            return !tags.contains(OpTag.NON_DIFFERENTIABLE) && !tags.contains(OpTag.IN_PLACE);
        }

        public boolean inPlace() {
            return tags.contains(OpTag.IN_PLACE);
        }

        public boolean has(OpTag tag) {
            return tags.contains(tag);
        }
    }

    private static final Map<String, OpDef> OPS = new LinkedHashMap<>();

    static {
        ElementwiseOpDefs.register();
        FactoryOpDefs.register();
        RandomOpDefs.register();
        ShapeOpDefs.register();
        IndexingOpDefs.register();
        ReductionOpDefs.register();
        SortingOpDefs.register();
        LinAlgOpDefs.register();
        ActivationOpDefs.register();
        LossOpDefs.register();
        NormalizationOpDefs.register();
        TensorOpDefs.register();
    }

    private OpRegistry() {}

    public static OpDef get(String name) {
        OpDef def = OPS.get(name);
        if (def == null) {
            throw new EngineException(ErrorCode.UNKNOWN_OP, "unknown op '" + name + "'");
        }
        return def;
    }

    public static boolean contains(String name) {
        return OPS.containsKey(name);
    }

    public static Collection<OpDef> all() {
        return Collections.unmodifiableCollection(OPS.values());
    }

    static void register(List<String> declarations, Set<OpTag> tags, List<String> gradFns, Function<BoundArgs, Tensor[]> body) {
        List<Signature> forms = declarations.stream().map(Signature::parse).toList();
        String name = forms.get(0).op;
        boolean changesInput = tags.contains(OpTag.IN_PLACE) || tags.contains(OpTag.AUTOGRAD_FLAGS);
        if (changesInput && !forms.stream().allMatch(form -> form.params.get(0).positionalOnly())) {
            throw new IllegalStateException(name + " changes its first input, which must be positional-only");
        }
        if (OPS.containsKey(name)) {
            throw new IllegalStateException(name + " is defined twice");
        }
        Set<OpTag> copy = tags.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(tags));
        Set<Integer> text = new java.util.TreeSet<>();
        for (Signature form : forms) {
            for (int k = 0; k < form.params.size() && !form.params.get(k).keywordOnly(); k++) {
                if (form.params.get(k).kind() == ArgKind.STR) text.add(k);
            }
        }
        OPS.put(name, new OpDef(name, copy, List.copyOf(gradFns), List.copyOf(declarations), Set.copyOf(text),
                args -> body.apply(args.bind(forms))));
    }
}
