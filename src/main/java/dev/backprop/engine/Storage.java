package dev.backprop.engine;

/**
 * The flat array behind one or more tensors (a tensor and its views), and the version counter that
 * in-place operations bump and saved tensors check, shared by all of them as in PyTorch.
 */
final class Storage {
    final float[] f32;
    final double[] f64;
    final long[] i64;
    final boolean[] bool;
    int version;

    private Storage(float[] f32, double[] f64, long[] i64, boolean[] bool) {
        this.f32 = f32;
        this.f64 = f64;
        this.i64 = i64;
        this.bool = bool;
        AllocationLimit.charge(bytes());
    }

    static Storage of(float[] a) {
        return new Storage(a, null, null, null);
    }

    static Storage of(double[] a) {
        return new Storage(null, a, null, null);
    }

    static Storage of(long[] a) {
        return new Storage(null, null, a, null);
    }

    static Storage of(boolean[] a) {
        return new Storage(null, null, null, a);
    }

    static Storage allocate(DType dtype, int n) {
        return switch (dtype) {
            case FLOAT32 -> of(new float[n]);
            case FLOAT64 -> of(new double[n]);
            case INT64 -> of(new long[n]);
            case BOOL -> of(new boolean[n]);
        };
    }

    int length() {
        if (f32 != null) return f32.length;
        if (f64 != null) return f64.length;
        if (i64 != null) return i64.length;
        return bool.length;
    }

    double getDouble(int i) {
        if (f32 != null) return f32[i];
        if (f64 != null) return f64[i];
        if (i64 != null) return i64[i];
        return bool[i] ? 1 : 0;
    }

    long getLong(int i) {
        if (f32 != null) return (long) f32[i];
        if (f64 != null) return (long) f64[i];
        if (i64 != null) return i64[i];
        return bool[i] ? 1 : 0;
    }

    boolean getBool(int i) {
        if (f32 != null) return f32[i] != 0;
        if (f64 != null) return f64[i] != 0;
        if (i64 != null) return i64[i] != 0;
        return bool[i];
    }

    long bytes() {
        if (f32 != null) return 4L * f32.length;
        if (f64 != null) return 8L * f64.length;
        if (i64 != null) return 8L * i64.length;
        return bool.length;
    }
}
