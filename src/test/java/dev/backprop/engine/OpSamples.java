package dev.backprop.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Calls of every registered op as a client would write them: inputs are tensor specs (made fresh for
 * each run) or Python values, attrs as JSON gives them. The gradcheck test differentiates the samples of
 * differentiable ops; the catalog tests run every sample of every op, locally and over HTTP. Each op
 * family keeps its samples in its own {@code *Samples} class.
 */
public final class OpSamples {
    public static final double EPS = 1e-6;

    /** One call: its label, inputs (specs or values), keyword attrs, and the finite-difference step. */
    public record Sample(String label, List<Object> inputs, Map<String, Object> attrs, double eps) {
        public Sample(String label, List<Object> inputs, Map<String, Object> attrs) {
            this(label, inputs, attrs, EPS);
        }
    }

    /**
     * A floating tensor: its shape, the interval its values are drawn from, whether it requires grad, its dtype
     * (float64 unless said), and whether it is a transposed (non-contiguous) 2-D leaf.
     */
    public record In(int[] shape, double lo, double hi, boolean requiresGrad, DType dtype, boolean columnMajor) {
        public static In of(double lo, double hi, int... shape) {
            return new In(shape, lo, hi, true, DType.FLOAT64, false);
        }

        public static In constant(double lo, double hi, int... shape) {
            return new In(shape, lo, hi, false, DType.FLOAT64, false);
        }

        public In float32() {
            return new In(shape, lo, hi, requiresGrad, DType.FLOAT32, columnMajor);
        }

        /** The same values laid out column-major: a leaf whose strides are those of a transposed matrix. */
        public In transposed() {
            return new In(shape, lo, hi, requiresGrad, dtype, true);
        }
    }

    /** A bool tensor. */
    public record Mask(boolean[] values, int... shape) {
        public Mask(boolean[] values) {
            this(values, values.length);
        }
    }

    /** An int64 tensor with these values (indices, class labels). */
    public record Longs(long[] values, int... shape) {
        public Longs(long... values) {
            this(values, values.length);
        }
    }

    private static final Map<String, List<Sample>> SAMPLES = new LinkedHashMap<>();

    static {
        CoreSamples.register();
        ActivationSamples.register();
        MathSamples.register();
        ShapeSamples.register();
        IndexingSamples.register();
        SortingSamples.register();
        RandomSamples.register();
        NormalizationSamples.register();
    }

    private OpSamples() {}

    static void add(String op, Sample... samples) {
        if (SAMPLES.putIfAbsent(op, List.of(samples)) != null) throw new IllegalStateException(op + " has samples twice");
    }

    static Sample s(String label, Map<String, Object> attrs, Object... inputs) {
        return new Sample(label, List.of(inputs), attrs);
    }

    static In any(int... shape) {
        return In.of(-2, 2, shape);
    }

    static In positive(int... shape) {
        return In.of(0.5, 2, shape);
    }

    public static List<Sample> of(String op) {
        return SAMPLES.getOrDefault(op, List.of());
    }

    public static boolean has(String op) {
        return SAMPLES.containsKey(op);
    }

    /** Whether an input spec becomes a tensor that gradcheck differentiates. */
    static boolean differentiated(Object spec) {
        return spec instanceof In in && in.requiresGrad();
    }

    /**
     * The tensor a spec describes, drawn from {@code r}; values are rounded to 1/1024 when the sample's step
     * is coarse (float32 samples), so that they are exact in float32.
     */
    public static Tensor make(Object spec, Sample sample, Random r) {
        return switch (spec) {
            case In in -> {
                int n = Shapes.numel(in.shape());
                double[] d = new double[n];
                for (int i = 0; i < n; i++) d[i] = in.lo() + (in.hi() - in.lo()) * r.nextDouble();
                if (sample.eps() != EPS) {
                    for (int i = 0; i < n; i++) d[i] = Math.round(d[i] * 1024) / 1024.0;
                }
                Tensor t = in.columnMajor() ? Tensor.of(transpose(d, in.shape()), in.shape()[1], in.shape()[0]).t().detach()
                        : Tensor.of(d, in.shape());
                yield (in.dtype() == DType.FLOAT64 ? t : t.to(in.dtype())).requiresGrad_(in.requiresGrad());
            }
            case Mask m -> Tensor.of(m.values(), m.shape());
            case Longs l -> Tensor.of(l.values(), l.shape());
            default -> throw new IllegalArgumentException("not a tensor spec: " + spec);
        };
    }

    /** Row-major values of a rows x cols matrix, reordered as its transpose's row-major values. */
    private static double[] transpose(double[] d, int[] shape) {
        double[] out = new double[d.length];
        for (int i = 0; i < shape[0]; i++) {
            for (int j = 0; j < shape[1]; j++) out[j * shape[0] + i] = d[i * shape[1] + j];
        }
        return out;
    }

    public static boolean isTensorSpec(Object spec) {
        return spec instanceof In || spec instanceof Mask || spec instanceof Longs;
    }

    /** The sample's inputs with its tensor specs made, drawing from {@code r}. */
    public static List<Object> inputs(Sample sample, Random r) {
        List<Object> out = new ArrayList<>();
        for (Object in : sample.inputs()) out.add(made(in, sample, r));
        return out;
    }

    /** An input as the op receives it: a tensor spec made, a list of tensor specs ({@code index_put}'s indices) made one by one. */
    public static Object made(Object in, Sample sample, Random r) {
        if (isTensorSpec(in)) return make(in, sample, r);
        if (in instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(OpSamples::isTensorSpec)) {
            List<Object> out = new ArrayList<>();
            for (Object e : list) out.add(make(e, sample, r));
            return out;
        }
        return in;
    }
}
