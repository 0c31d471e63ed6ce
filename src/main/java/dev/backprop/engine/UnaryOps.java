package dev.backprop.engine;

import static dev.backprop.engine.UnaryOp.RESULT;
import static dev.backprop.engine.UnaryOp.SELF;

import java.util.List;

/**
 * The elementwise ops of one tensor, each a single entry: forward on one element and the derivative
 * from tools/autograd/derivatives.yaml, in differentiable tensor ops. To add one, add an entry here and
 * list it in {@link #ALL}; the op registry and the gradcheck test pick it up from there.
 */
public final class UnaryOps {
    private UnaryOps() {}

    public static final UnaryOp NEG = new UnaryOp("neg", "NegBackward0", x -> -x, x -> -x, 0,
            (g, self, result) -> g.neg()).withFloatLoop((a, o, n) -> {
                for (int i = 0; i < n; i++) o[i] = -a[i];
            });
    public static final UnaryOp ABS = new UnaryOp("abs", "AbsBackward0", Math::abs, Math::abs, SELF,
            (g, self, result) -> g.mul(self.sign()));
    public static final UnaryOp SIGN = new UnaryOp("sign", "SignBackward0", Math::signum, Long::signum, 0,
            (g, self, result) -> g.mulScalar(0));
    public static final UnaryOp EXP = new UnaryOp("exp", "ExpBackward0", Math::exp, null, RESULT,
            (g, self, result) -> g.mul(result)).withFloatLoop((a, o, n) -> {
                for (int i = 0; i < n; i++) o[i] = (float) Math.exp(a[i]);
            });
    public static final UnaryOp LOG = new UnaryOp("log", "LogBackward0", Math::log, null, SELF,
            (g, self, result) -> g.div(self));
    public static final UnaryOp SQRT = new UnaryOp("sqrt", "SqrtBackward0", Math::sqrt, null, RESULT,
            (g, self, result) -> g.div(result.mulScalar(2)));
    public static final UnaryOp SIGMOID = new UnaryOp("sigmoid", "SigmoidBackward0", x -> 1 / (1 + Math.exp(-x)), null, RESULT,
            (g, self, result) -> FusedBackward.sigmoid(g, result)).withFloatLoop(VectorKernels::sigmoid);
    public static final UnaryOp TANH = new UnaryOp("tanh", "TanhBackward0", Math::tanh, null, RESULT,
            (g, self, result) -> g.mul(Tensor.wrap(1).sub(result.mul(result))));
    public static final UnaryOp RELU = new UnaryOp("relu", "ReluBackward0", x -> x > 0 ? x : (x == x ? 0 : x), x -> Math.max(x, 0),
            RESULT, (g, self, result) -> g.mul(result.gt(0)));

    public static final List<UnaryOp> ALL = List.of(NEG, ABS, SIGN, EXP, LOG, SQRT, SIGMOID, TANH, RELU);
}
