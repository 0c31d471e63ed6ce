package dev.backprop.engine;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Prints the raw bits of the sigmoid, binary cross entropy, row-dot and blocked matrix product kernels on a fixed input,
 * one hexadecimal int per line, for {@link KernelBitsAcrossJvmModesTest} to compare between JVMs.
 */
public final class KernelBitsMain {
    /** Not a multiple of any vector length, so that both the SIMD body and the scalar tail run. */
    static final int N = 203;

    private KernelBitsMain() {}

    public static void main(String[] args) {
        System.out.println(Arrays.stream(bits()).mapToObj(Integer::toHexString).collect(Collectors.joining("\n")));
    }

    /** Rows of the matrix products' left operand, and their length (the SIMD body and a scalar tail each). */
    static final int ROWS = 7, K = 37;
    /** Columns of the blocked product: one whole register tile and a part of one, at any vector length up to 16 lanes. */
    static final int COLUMNS = 70;

    /** The kernels' outputs as raw int bits: sigmoid, binary cross entropy, the two row-dot products, the blocked product. */
    static int[] bits() {
        float[] logits = logits(), probabilities = probabilities(), targets = targets();
        float[] sigmoid = new float[N], loss = new float[N];
        VectorKernels.sigmoid(logits, sigmoid, N);
        VectorKernels.binaryCrossEntropy(probabilities, targets, loss, N);
        float[] a = Arrays.copyOf(logits, ROWS * K), w = Arrays.copyOfRange(probabilities, 11, 11 + K);
        float[] dots = new float[ROWS], products = new float[ROWS * ROWS];
        VectorKernels.rowDots(a, 0, K, w, dots, ROWS, K);
        VectorKernels.rowDotsAgainstRows(a, 0, K, a, 0, K, products, ROWS, K, ROWS);
        float[] b = new float[K * COLUMNS], blocked = new float[ROWS * COLUMNS];
        for (int i = 0; i < b.length; i++) b[i] = probabilities[i % N] * (i % 5 - 2);
        GemmF32.multiply(a, 0, K, 1, b, 0, COLUMNS, 1, blocked, ROWS, K, COLUMNS);
        int[] bits = new int[2 * N + ROWS + ROWS * ROWS + ROWS * COLUMNS];
        for (int i = 0; i < N; i++) {
            bits[i] = Float.floatToRawIntBits(sigmoid[i]);
            bits[N + i] = Float.floatToRawIntBits(loss[i]);
        }
        for (int i = 0; i < ROWS; i++) bits[2 * N + i] = Float.floatToRawIntBits(dots[i]);
        for (int i = 0; i < ROWS * ROWS; i++) bits[2 * N + ROWS + i] = Float.floatToRawIntBits(products[i]);
        for (int i = 0; i < ROWS * COLUMNS; i++) bits[2 * N + ROWS + ROWS * ROWS + i] = Float.floatToRawIntBits(blocked[i]);
        return bits;
    }

    /** From -100 to 100, with the edges of exp's range and of the float format among them. */
    static float[] logits() {
        float[] x = new float[N];
        for (int i = 0; i < N; i++) x[i] = -100f + 200f * i / (N - 1) + 0.013f * (i % 7);
        float[] edges = {0f, -0f, 1e-30f, -1e-30f, 88.7f, -88.7f, 87.4f, -87.4f, 103.9f, -103.9f, 1e-8f, Float.POSITIVE_INFINITY,
                Float.NEGATIVE_INFINITY, 0.34657359f, -0.34657359f};
        for (int i = 0; i < edges.length; i++) x[13 * i + 5] = edges[i];
        x[N - 1] = 0.5f;
        x[N - 2] = -2.75f;
        return x;
    }

    /** From 0 to 1, with subnormal, tiny and almost-one probabilities among them. */
    static float[] probabilities() {
        float[] p = new float[N];
        for (int i = 0; i < N; i++) p[i] = (float) i / (N - 1);
        float[] edges = {0f, 1f, Float.MIN_VALUE, 1e-40f, Float.MIN_NORMAL, 1e-30f, 0x1p-24f, 1f - 0x1p-24f, 0.70710677f, 0.5f, 1e-44f,
                0.9999f, 1e-5f};
        for (int i = 0; i < edges.length; i++) p[11 * i + 3] = edges[i];
        p[N - 1] = 0.999f;
        p[N - 2] = 1e-7f;
        return p;
    }

    static float[] targets() {
        float[] t = new float[N];
        for (int i = 0; i < N; i++) t[i] = i % 3 == 0 ? 0f : i % 3 == 1 ? 1f : 0.25f;
        return t;
    }
}
