package dev.backprop.engine;

import java.util.Set;

/**
 * The result dtypes of the math ops of one tensor where PyTorch departs from the rule of {@link UnaryOp}
 * (a floating input keeps its dtype, an integer one keeps it when the op has an integer form, else
 * becomes float32), and {@code round(decimals=...)}.
 */
final class MathUnaryRules {
    private MathUnaryRules() {}

    /** Ops whose CPU kernels (VML) have no bool form, named as PyTorch's dispatch error names them. */
    private static final Set<String> NO_BOOL_KERNEL = Set.of("floor", "ceil", "round");

    /**
     * The dtype of {@code name(x)}, given the default; {@code square} is {@code pow(x, 2)}, whose bool result
     * is int64.
     */
    static DType resultType(String name, DType input, DType byDefault) {
        if (input == DType.BOOL && NO_BOOL_KERNEL.contains(name)) {
            throw new EngineException(ErrorCode.DTYPE_MISMATCH, "\"" + name + "_vml_cpu\" not implemented for 'Bool'");
        }
        if (input == DType.BOOL && name.equals("square")) {
            return DType.INT64;
        }
        return byDefault;
    }

    /**
     * {@code round(x, decimals=d)} ({@code RoundBackward1}), as ATen's {@code round_decimals_kernel}: scale by
     * 10^|d| in the input's dtype, round half to even, scale back (a negative {@code d} divides first).
     */
    static Tensor roundDecimals(Tensor x, long decimals) {
        if (!x.dtype.isFloating()) {
            throw new EngineException(ErrorCode.DTYPE_MISMATCH, "\"round_cpu\" not implemented for '" + x.dtype.torchName() + "'");
        }
        boolean negative = decimals < 0;
        double scale = Math.pow(10, Math.abs((double) decimals));
        float scaleF = (float) scale;
        UnaryOp op = new UnaryOp("round", "RoundBackward1",
                v -> negative ? Math.rint(v / scale) * scale : Math.rint(v * scale) / scale, null, 0,
                (g, self, result) -> g.mulScalar(0)).withFloatLoop((a, o, n) -> {
                    for (int i = 0; i < n; i++) {
                        o[i] = negative ? (float) Math.rint(a[i] / scaleF) * scaleF : (float) Math.rint(a[i] * scaleF) / scaleF;
                    }
                });
        return op.apply(x);
    }
}
