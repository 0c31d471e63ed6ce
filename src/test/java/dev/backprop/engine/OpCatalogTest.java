package dev.backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.engine.OpSamples.Sample;
import dev.backprop.engine.random.Generator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Holds each op's definition to what it does: every registered op has samples and every sample runs; the
 * {@code grad_fn} names its results carry are exactly those it declares; an unknown keyword is PyTorch's
 * TypeError on every op.
 */
class OpCatalogTest {
    @Test
    void everyOpHasSamplesAndEverySampleRuns() {
        List<String> failures = new ArrayList<>();
        for (OpRegistry.OpDef def : OpRegistry.all()) {
            if (!OpSamples.has(def.name())) {
                failures.add(def.name() + ": no sample");
                continue;
            }
            for (Sample sample : OpSamples.of(def.name())) {
                try {
                    run(def, sample, sample.attrs());
                } catch (RuntimeException e) {
                    failures.add(def.name() + " " + sample.label() + ": " + e.getMessage());
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void theGradFnNamesAnOpDeclaresAreTheOnesItsResultsCarry() {
        Map<String, String> wrong = new LinkedHashMap<>();
        for (OpRegistry.OpDef def : OpRegistry.all()) {
            Set<String> seen = new TreeSet<>();
            for (Sample sample : OpSamples.of(def.name())) {
                for (Tensor t : run(def, sample, sample.attrs())) {
                    if (t.gradFn != null && !t.isLeaf()) seen.add(t.gradFn.name());
                }
            }
            if (!seen.equals(new TreeSet<>(def.gradFns()))) wrong.put(def.name(), "declares " + def.gradFns() + ", samples carry " + seen);
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void anUnknownKeywordIsPyTorchsTypeErrorOnEveryOp() {
        for (OpRegistry.OpDef def : OpRegistry.all()) {
            Sample sample = OpSamples.of(def.name()).getFirst();
            Map<String, Object> attrs = new LinkedHashMap<>(sample.attrs());
            attrs.put("not_a_keyword", 1);
            String expected = def.signatures().size() == 1
                    ? def.name() + "() got an unexpected keyword argument 'not_a_keyword'"
                    : def.name() + "() received an invalid combination of arguments - got (";
            assertThatThrownBy(() -> run(def, sample, attrs)).as(def.name())
                    .isInstanceOfSatisfying(EngineException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                        assertThat(e.getMessage()).startsWith(expected);
                        if (def.signatures().size() > 1) assertThat(e.getMessage()).contains("not_a_keyword=int), but expected one of:\n * (");
                    });
        }
    }

    @Test
    void everyElementwiseEntryIsRegisteredWithItsInPlaceVariant() throws IllegalAccessException {
        List<String> missing = new ArrayList<>();
        for (java.lang.reflect.Field f : UnaryOps.class.getFields()) {
            if (f.getType() != UnaryOp.class) continue;
            UnaryOp u = (UnaryOp) f.get(null);
            if (!UnaryOps.ALL.contains(u) || !OpRegistry.contains(u.name()) || !OpRegistry.contains(u.name() + "_")) missing.add(f.getName());
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void tagsAgreeWithWhatTheOpDoes() {
        Set<String> inPlaceNames = new LinkedHashSet<>();
        for (OpRegistry.OpDef def : OpRegistry.all()) {
            if (def.name().endsWith("_") && !def.inPlace() && !def.has(OpTag.AUTOGRAD_FLAGS)) inPlaceNames.add(def.name());
            if (def.has(OpTag.VIEW)) {
                Sample sample = OpSamples.of(def.name()).getFirst();
                List<Object> inputs = OpSamples.inputs(sample, new Random(1));
                Tensor input = (Tensor) inputs.getFirst();
                Tensor out = def.invoker().call(new OpArgs(def.name(), inputs, sample.attrs(), n -> null, null))[0];
                assertThat(out.isView()).as(def.name() + " answers a view").isTrue();
                assertThat(out.storage).as(def.name() + " shares its input's storage").isSameAs(input.storage);
            }
        }
        assertThat(inPlaceNames).as("ops named as in-place but not tagged so").isEmpty();
    }

    /**
     * Runs a sample as the executor would: a random op draws from a seeded generator, and an in-place op changes a
     * non-leaf (the sample's leaf times one) so that its {@code grad_fn} is recorded.
     */
    private static Tensor[] run(OpRegistry.OpDef def, Sample sample, Map<String, Object> attrs) {
        List<Object> inputs = OpSamples.inputs(sample, new Random(def.name().hashCode()));
        if (def.inPlace() && inputs.getFirst() instanceof Tensor t && t.requiresGrad()) inputs.set(0, t.mulScalar(1));
        return def.invoker().call(new OpArgs(def.name(), inputs, attrs, n -> null, new Generator(0)));
    }
}
