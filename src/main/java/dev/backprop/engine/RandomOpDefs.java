package dev.backprop.engine;

import static dev.backprop.engine.FactoryOpDefs.FACTORY_KEYWORDS;
import static dev.backprop.engine.FactoryOpDefs.dtype;
import static dev.backprop.engine.OpDefinition.op;
import static dev.backprop.engine.OpTag.IN_PLACE;
import static dev.backprop.engine.OpTag.NON_DIFFERENTIABLE;
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
        random("randint(int high, int[] size|shape, " + FACTORY_KEYWORDS + ")",
                "randint(int low, int high, int[] size|shape, " + FACTORY_KEYWORDS + ")")
                .does(a -> RandomIntegers.randint(a.form() == 0 ? 0 : (Long) a.raw("low"), (Long) a.raw("high"), a.ints("size"),
                        dtype(a, DType.INT64), a.generator()));
        random("randperm(int n, " + FACTORY_KEYWORDS + ")")
                .does(a -> RandomIntegers.randperm(a.integer("n"), dtype(a, DType.INT64), a.generator()));
        random("rand_like(Tensor input, " + FACTORY_KEYWORDS + ")")
                .does(a -> RandomOps.randLike(a.tensor("input"), dtype(a, a.tensor("input").dtype), a.generator()));
        random("randn_like(Tensor input, " + FACTORY_KEYWORDS + ")")
                .does(a -> RandomOps.randnLike(a.tensor("input"), dtype(a, a.tensor("input").dtype), a.generator()));
        op("bernoulli(Tensor input)", "bernoulli(Tensor input, float p)").tags(RANDOM).gradFn("BernoulliBackward0")
                .does(a -> a.form() == 0 ? Bernoulli.sample(a.tensor("input"), a.generator())
                        : Bernoulli.sample(a.tensor("input"), a.number("p"), a.generator()));
        op("multinomial(Tensor input, int num_samples, bool replacement = False)").tags(RANDOM, NON_DIFFERENTIABLE)
                .does(a -> Multinomial.sample(a.tensor("input"), a.integer("num_samples"), a.bool("replacement"), a.generator()));
        op("dropout(Tensor input, float p = 0.5, bool training|train = True, bool inplace = False)").tags(RANDOM).gradFn("MulBackward0")
                .does(RandomOpDefs::dropout);
        op("dropout_(Tensor input, /, float p = 0.5, bool training|train = True)").tags(RANDOM, IN_PLACE).gradFn("MulBackward0")
                .does(RandomOpDefs::dropoutInPlace);
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

    private static Tensor dropout(BoundArgs a) {
        if (a.bool("inplace")) {
            throw EngineException.invalid("dropout(inplace=True) changes its input: call dropout_ for that");
        }
        return Dropout.apply(a.tensor("input"), a.number("p"), a.bool("training"), a.generator());
    }

    /** {@code F.dropout(input, p, training, inplace=True)}: {@code input.mul_(noise)}; a dropout that drops nothing leaves it as it is. */
    private static Tensor dropoutInPlace(BoundArgs a) {
        Tensor input = a.tensor("input");
        double p = a.number("p");
        boolean training = a.bool("training");
        Dropout.check(p);
        if (Dropout.keepsInput(input, p, training)) return input;
        return InPlace.apply(input, "dropout_", x -> Dropout.apply(x, p, training, a.generator()));
    }
}
