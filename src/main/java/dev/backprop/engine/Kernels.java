package dev.backprop.engine;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * Elementwise loops over contiguous arrays. Operands are read in the compute dtype (float32 math is
 * done in double and rounded once, which for + - * / and sqrt is exactly float32 arithmetic); a
 * one-element operand is broadcast by a zero step instead of being materialised. Loops run in blocks
 * between which the request's {@link Deadline} is checked.
 */
final class Kernels {
    private Kernels() {}

    static Tensor map(Tensor x, DType compute, DType out, DoubleUnaryOperator f, LongUnaryOperator fi) {
        return map(x, compute, out, f, fi, null);
    }

    static Tensor map(Tensor x, DType compute, DType out, DoubleUnaryOperator f, LongUnaryOperator fi, FloatLoop.Unary loop) {
        int n = x.numel;
        Tensor r = Tensor.empty(out, x.shape);
        switch (compute) {
            case FLOAT32 -> {
                float[] a = x.readF32();
                if (out == DType.FLOAT32 && loop != null) {
                    VectorKernels.checkBeforeLongLoop(n);
                    loop.run(a, r.storage.f32, n);
                } else if (out == DType.FLOAT32) {
                    float[] o = r.storage.f32;
                    VectorKernels.sequential(n, (from, to) -> {
                        for (int i = from; i < to; i++) o[i] = (float) f.applyAsDouble(a[i]);
                    });
                } else {
                    boolean[] o = r.storage.bool;
                    VectorKernels.sequential(n, (from, to) -> {
                        for (int i = from; i < to; i++) o[i] = f.applyAsDouble(a[i]) != 0;
                    });
                }
            }
            case FLOAT64 -> {
                double[] a = x.readF64();
                if (out == DType.FLOAT64) {
                    double[] o = r.storage.f64;
                    VectorKernels.sequential(n, (from, to) -> {
                        for (int i = from; i < to; i++) o[i] = f.applyAsDouble(a[i]);
                    });
                } else {
                    boolean[] o = r.storage.bool;
                    VectorKernels.sequential(n, (from, to) -> {
                        for (int i = from; i < to; i++) o[i] = f.applyAsDouble(a[i]) != 0;
                    });
                }
            }
            case INT64, BOOL -> {
                long[] a = x.readI64();
                if (out == DType.INT64) {
                    long[] o = r.storage.i64;
                    VectorKernels.sequential(n, (from, to) -> {
                        for (int i = from; i < to; i++) o[i] = fi.applyAsLong(a[i]);
                    });
                } else {
                    boolean[] o = r.storage.bool;
                    VectorKernels.sequential(n, (from, to) -> {
                        for (int i = from; i < to; i++) o[i] = fi.applyAsLong(a[i]) != 0;
                    });
                }
            }
        }
        return r;
    }

    static Tensor zip(Tensor x, Tensor y, DType compute, DType out, DoubleBinaryOperator f, LongBinaryOperator fi) {
        return zip(x, y, compute, out, f, fi, null);
    }

    static Tensor zip(Tensor x, Tensor y, DType compute, DType out, DoubleBinaryOperator f, LongBinaryOperator fi,
                      FloatLoop.Binary loop) {
        int[] shape = Shapes.broadcast(x.shape, y.shape);
        int n = Shapes.numel(shape);
        Tensor r = Tensor.empty(out, shape);
        int sa = x.numel == 1 ? 0 : 1, sb = y.numel == 1 ? 0 : 1;
        Tensor xe = operand(x, shape), ye = operand(y, shape);
        switch (compute) {
            case FLOAT32 -> {
                float[] a = xe.readF32(), b = ye.readF32();
                if (out == DType.FLOAT32 && loop != null) {
                    VectorKernels.checkBeforeLongLoop(n);
                    loop.run(a, sa, b, sb, r.storage.f32, n);
                } else if (out == DType.FLOAT32) {
                    float[] o = r.storage.f32;
                    VectorKernels.sequential(n, (from, to) -> {
                        for (int i = from, ia = from * sa, ib = from * sb; i < to; i++, ia += sa, ib += sb) {
                            o[i] = (float) f.applyAsDouble(a[ia], b[ib]);
                        }
                    });
                } else {
                    boolean[] o = r.storage.bool;
                    VectorKernels.sequential(n, (from, to) -> {
                        for (int i = from, ia = from * sa, ib = from * sb; i < to; i++, ia += sa, ib += sb) {
                            o[i] = f.applyAsDouble(a[ia], b[ib]) != 0;
                        }
                    });
                }
            }
            case FLOAT64 -> {
                double[] a = xe.readF64(), b = ye.readF64();
                if (out == DType.FLOAT64) {
                    double[] o = r.storage.f64;
                    VectorKernels.sequential(n, (from, to) -> {
                        for (int i = from, ia = from * sa, ib = from * sb; i < to; i++, ia += sa, ib += sb) {
                            o[i] = f.applyAsDouble(a[ia], b[ib]);
                        }
                    });
                } else {
                    boolean[] o = r.storage.bool;
                    VectorKernels.sequential(n, (from, to) -> {
                        for (int i = from, ia = from * sa, ib = from * sb; i < to; i++, ia += sa, ib += sb) {
                            o[i] = f.applyAsDouble(a[ia], b[ib]) != 0;
                        }
                    });
                }
            }
            case INT64, BOOL -> {
                long[] a = xe.readI64(), b = ye.readI64();
                if (out == DType.INT64) {
                    long[] o = r.storage.i64;
                    VectorKernels.sequential(n, (from, to) -> {
                        for (int i = from, ia = from * sa, ib = from * sb; i < to; i++, ia += sa, ib += sb) {
                            o[i] = fi.applyAsLong(a[ia], b[ib]);
                        }
                    });
                } else {
                    boolean[] o = r.storage.bool;
                    VectorKernels.sequential(n, (from, to) -> {
                        for (int i = from, ia = from * sa, ib = from * sb; i < to; i++, ia += sa, ib += sb) {
                            o[i] = fi.applyAsLong(a[ia], b[ib]) != 0;
                        }
                    });
                }
            }
        }
        return r;
    }

    /** The operand as it is read: itself when one element or already of the result's shape, else expanded. */
    private static Tensor operand(Tensor t, int[] shape) {
        if (t.numel == 1 || Arrays.equals(t.shape, shape)) {
            return t;
        }
        return ShapeOps.expandView(t, shape);
    }

    /** Fills a new tensor of the given shape with one value. */
    static Tensor filled(int[] shape, DType dtype, double value) {
        Tensor r = Tensor.empty(dtype, shape);
        switch (dtype) {
            case FLOAT32 -> Arrays.fill(r.storage.f32, (float) value);
            case FLOAT64 -> Arrays.fill(r.storage.f64, value);
            case INT64 -> Arrays.fill(r.storage.i64, (long) value);
            case BOOL -> Arrays.fill(r.storage.bool, value != 0);
        }
        return r;
    }
}
