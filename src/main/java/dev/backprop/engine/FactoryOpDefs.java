package dev.backprop.engine;

import static dev.backprop.engine.OpDefinition.op;
import static dev.backprop.engine.OpTag.FACTORY;
import static dev.backprop.engine.OpTag.NON_DIFFERENTIABLE;

import java.util.List;

/** The factories that make a tensor from data or sizes without drawing random numbers. */
final class FactoryOpDefs {
    private FactoryOpDefs() {}

    /** The keywords every factory takes. */
    static final String FACTORY_KEYWORDS = "*, dtype? dtype = None, bool requires_grad|requiresGrad = False";

    static void register() {
        factory("tensor(data data, " + FACTORY_KEYWORDS + ")").does(a -> Tensor.fromNested(a.raw("data"), a.dtype("dtype")));
        factory("zeros(int... size|shape, " + FACTORY_KEYWORDS + ")").does(a -> Factories.zeros(a.ints("size"), dtype(a, DType.FLOAT32)));
        factory("ones(int... size|shape, " + FACTORY_KEYWORDS + ")").does(a -> Factories.ones(a.ints("size"), dtype(a, DType.FLOAT32)));
        factory("full(int[] size|shape, Number fill_value, " + FACTORY_KEYWORDS + ")").does(a -> {
            Object v = a.scalar("fill_value");
            DType inferred = v instanceof Boolean ? DType.BOOL : v instanceof Long ? DType.INT64 : DType.FLOAT32;
            return Factories.full(a.ints("size"), a.number("fill_value"), dtype(a, inferred));
        });
        factory("arange(Number end, " + FACTORY_KEYWORDS + ")", "arange(Number start, Number end, Number step = 1, " + FACTORY_KEYWORDS + ")")
                .does(FactoryOpDefs::arange);
        factory("zeros_like(Tensor input, " + FACTORY_KEYWORDS + ")")
                .does(a -> Factories.zeros(a.tensor("input").shape, dtype(a, a.tensor("input").dtype)));
        factory("ones_like(Tensor input, " + FACTORY_KEYWORDS + ")")
                .does(a -> Factories.ones(a.tensor("input").shape, dtype(a, a.tensor("input").dtype)));
        factory("eye(int n, " + FACTORY_KEYWORDS + ")", "eye(int n, int m, " + FACTORY_KEYWORDS + ")")
                .does(a -> Eye.eye(a.integer("n"), a.form() == 0 ? a.integer("n") : a.integer("m"), dtype(a, DType.FLOAT32)));
        factory("linspace(Number start, Number end, int steps, " + FACTORY_KEYWORDS + ")")
                .does(a -> Linspace.linspace(a.number("start"), a.number("end"), a.integer("steps"), dtype(a, DType.FLOAT32)));
    }

    static OpDefinition factory(String... forms) {
        return op(forms).tags(FACTORY, NON_DIFFERENTIABLE);
    }

    static DType dtype(BoundArgs a, DType fallback) {
        return a.has("dtype") ? a.dtype("dtype") : fallback;
    }

    /** {@code arange(end)}, {@code arange(start, end, step=1)}: int64 when every bound is an integer, else float32. */
    private static Tensor arange(BoundArgs a) {
        boolean withStart = a.form() == 1;
        boolean integral = true;
        for (String bound : withStart ? List.of("start", "end", "step") : List.of("end")) {
            integral &= !(a.scalar(bound) instanceof Double);
        }
        return Factories.arange(withStart ? a.number("start") : 0, a.number("end"), withStart ? a.number("step") : 1,
                dtype(a, integral ? DType.INT64 : DType.FLOAT32));
    }
}
