package dev.backprop.web;

import dev.backprop.engine.optim.OptimizerFields;
import java.util.List;

/** The optimizer fields a request body carries (a session's optimizer, a job's), as the engine reads them. */
interface OptimizerBody {
    String type();

    Double lr();

    Double momentum();

    Double dampening();

    Double weightDecay();

    Boolean nesterov();

    List<Double> betas();

    Double eps();

    Boolean amsgrad();

    Boolean maximize();

    Double alpha();

    Boolean centered();

    Double lrDecay();

    Double initialAccumulatorValue();

    /** The fields, each number refused when not finite, named by {@code prefix} and its field name. */
    default OptimizerFields fields(String prefix) {
        OptimizerFields fields = new OptimizerFields(type(), Finite.check(lr(), prefix + "lr"), Finite.check(momentum(), prefix + "momentum"),
                Finite.check(dampening(), prefix + "dampening"), Finite.check(weightDecay(), prefix + "weightDecay"), nesterov(), betas(),
                Finite.check(eps(), prefix + "eps"), amsgrad(), maximize(), Finite.check(alpha(), prefix + "alpha"), centered(),
                Finite.check(lrDecay(), prefix + "lrDecay"), Finite.check(initialAccumulatorValue(), prefix + "initialAccumulatorValue"));
        Finite.check(betas(), prefix + "betas");
        return fields;
    }
}
