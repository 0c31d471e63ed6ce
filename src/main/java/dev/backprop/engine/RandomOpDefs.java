package dev.backprop.engine;

import static dev.backprop.engine.FactoryOpDefs.FACTORY_KEYWORDS;
import static dev.backprop.engine.FactoryOpDefs.dtype;
import static dev.backprop.engine.OpTag.RANDOM;

/** The ops that draw from the session's generator, each drawing exactly what PyTorch's CPU kernels draw. */
final class RandomOpDefs {
    private RandomOpDefs() {}

    static void register() {
        random("rand(int... size|shape, " + FACTORY_KEYWORDS + ")")
                .does(a -> RandomOps.rand(a.ints("size"), dtype(a, DType.FLOAT32), a.generator()));
        random("randn(int... size|shape, " + FACTORY_KEYWORDS + ")")
                .does(a -> RandomOps.randn(a.ints("size"), dtype(a, DType.FLOAT32), a.generator()));
        random("uniform(float from = 0, float to = 1, *, int[] size|shape, " + FACTORY_KEYWORDS.substring(3) + ")")
                .does(a -> RandomOps.uniform(a.ints("size"), dtype(a, DType.FLOAT32), a.number("from"), a.number("to"), a.generator()));
        String requiresGrad = "*, bool requires_grad|requiresGrad = False";
        random("normal(Tensor mean, Tensor std, " + requiresGrad + ")",
                "normal(Tensor mean, float std = 1, " + requiresGrad + ")",
                "normal(float mean, Tensor std, " + requiresGrad + ")",
                "normal(float mean = 0, float std = 1, int[] size|shape, " + FACTORY_KEYWORDS + ")").does(RandomOpDefs::normal);
    }

    /** A random factory: draws, makes a new tensor, and {@code requires_grad} at creation applies. */
    private static OpDefinition random(String... forms) {
        return FactoryOpDefs.factory(forms).tags(RANDOM);
    }

    private static Tensor normal(BoundArgs a) {
        return switch (a.form()) {
            case 0 -> RandomOps.normal(a.tensor("mean"), a.tensor("std"), a.generator());
            case 1 -> RandomOps.normal(a.tensor("mean"), a.number("std"), a.generator());
            case 2 -> RandomOps.normal(a.number("mean"), a.tensor("std"), a.generator());
            default -> RandomOps.normal(a.number("mean"), a.number("std"), a.ints("size"), dtype(a, DType.FLOAT32), a.generator());
        };
    }
}
