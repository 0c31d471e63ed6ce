package dev.backprop.engine;

import dev.backprop.engine.math.ReproducibleMath;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD loops (the JDK's Vector API) for the memory-bound work of large models: matrix-vector
 * products in both orientations, which each stream a whole data matrix once, and the elementwise
 * functions of logistic regression, whose exp and log give the same bits in the SIMD body and the scalar tail,
 * interpreted or compiled ({@link ReproducibleMath}). Large inputs are split across the cores. Every loop runs in
 * blocks between which the caller's {@link Deadline} is checked, on whichever thread runs the block.
 */
final class VectorKernels {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    /** Below this many multiply-adds a product stays on the calling thread. */
    private static final long PARALLEL_WORK = 1L << 20;
    /** Below this many elements an elementwise loop stays on the calling thread. */
    private static final int PARALLEL_ELEMENTS = 1 << 18;
    /** About this many multiply-adds between two checks of the deadline (a fraction of a millisecond). */
    private static final long BLOCK_WORK = 1L << 18;
    /** Elements between two checks of the deadline in an elementwise loop; a multiple of every vector length. */
    private static final int ELEMENT_BLOCK = 1 << 16;
    /** Where binary cross entropy clamps its logs. */
    private static final float LOG_FLOOR = -100f;

    private VectorKernels() {}

    /** {@code c[i] = Σ_j a[ao + i*rs + j] * w[j]}: each row of a row-major matrix dotted with a dense vector. */
    static void rowDots(float[] a, int ao, int rs, float[] w, float[] c, int n, int k) {
        rows(n, k, (from, to) -> rowDots(a, ao, rs, w, c, from, to, k));
    }

    private static void rowDots(float[] a, int ao, int rs, float[] w, float[] c, int from, int to, int k) {
        int upper = F.loopBound(k);
        float[] lanes = new float[F.length()];
        for (int i = from; i < to; i++) {
            int base = ao + i * rs;
            FloatVector acc = FloatVector.zero(F);
            int j = 0;
            for (; j < upper; j += F.length()) {
                acc = FloatVector.fromArray(F, a, base + j).fma(FloatVector.fromArray(F, w, j), acc);
            }
            float s = sumLanes(acc, lanes);
            for (; j < k; j++) s += a[base + j] * w[j];
            c[i] = s;
        }
    }

    /**
     * {@code c[j] = Σ_i a[ao + i*rs + j] * g[i]} for j < k: the transposed product {@code Aᵀ·g} of a
     * row-major matrix, read in one sequential pass with a private accumulator per thread.
     */
    static void transposedDots(float[] a, int ao, int rs, float[] g, int go, int gs, float[] c, int n, int k) {
        int block = rowsPerBlock(n, k);
        Deadline.Limit deadline = block >= n ? Deadline.NONE : Deadline.current();
        if ((long) n * k < PARALLEL_WORK || n < 2) {
            transposedDots(a, ao, rs, g, go, gs, c, 0, n, k, deadline, block);
            return;
        }
        int half = n / 2;
        float[] second = new float[k];
        inParallel(() -> transposedDots(a, ao, rs, g, go, gs, c, 0, half, k, deadline, block),
                () -> transposedDots(a, ao, rs, g, go, gs, second, half, n, k, deadline, block));
        for (int j = 0; j < k; j++) c[j] += second[j];
    }

    private static void transposedDots(float[] a, int ao, int rs, float[] g, int go, int gs, float[] c, int from, int to, int k,
                                       Deadline.Limit deadline, int block) {
        int upper = F.loopBound(k);
        float[] acc = new float[k];
        inBlocks(deadline, from, to, block, (blockFrom, blockTo) -> {
            for (int i = blockFrom; i < blockTo; i++) {
                float gi = g[go + i * gs];
                int base = ao + i * rs;
                FloatVector gv = FloatVector.broadcast(F, gi);
                int j = 0;
                for (; j < upper; j += F.length()) {
                    FloatVector.fromArray(F, a, base + j).fma(gv, FloatVector.fromArray(F, acc, j)).intoArray(acc, j);
                }
                for (; j < k; j++) acc[j] += a[base + j] * gi;
            }
        });
        for (int j = 0; j < k; j++) c[j] += acc[j];
    }

    /** {@code C += A·B} for row-major B (unit column stride): each row of C accumulates scaled rows of B. */
    static void rowTimesMatrix(float[] a, int ao, int as0, int as1, float[] b, int bo, int bs0, float[] c, int n, int k, int p) {
        Range rows = (from, to) -> {
            int upper = F.loopBound(p);
            for (int i = from; i < to; i++) {
                int ci = i * p;
                for (int kk = 0; kk < k; kk++) {
                    float av = a[ao + i * as0 + kk * as1];
                    FloatVector avv = FloatVector.broadcast(F, av);
                    int bi = bo + kk * bs0;
                    int j = 0;
                    for (; j < upper; j += F.length()) {
                        FloatVector.fromArray(F, b, bi + j).fma(avv, FloatVector.fromArray(F, c, ci + j)).intoArray(c, ci + j);
                    }
                    for (; j < p; j++) c[ci + j] += av * b[bi + j];
                }
            }
        };
        rows(n, (long) k * p, rows);
    }

    /** {@code C = A·B} where B is the transpose of a row-major matrix: each entry a dot of two contiguous rows. */
    static void rowDotsAgainstRows(float[] a, int ao, int as0, float[] b, int bo, int bs1, float[] c, int n, int k, int p) {
        Range rows = (from, to) -> {
            int upper = F.loopBound(k);
            float[] lanes = new float[F.length()];
            for (int i = from; i < to; i++) {
                int ai = ao + i * as0;
                for (int j = 0; j < p; j++) {
                    int bj = bo + j * bs1;
                    FloatVector acc = FloatVector.zero(F);
                    int kk = 0;
                    for (; kk < upper; kk += F.length()) {
                        acc = FloatVector.fromArray(F, a, ai + kk).fma(FloatVector.fromArray(F, b, bj + kk), acc);
                    }
                    float s = sumLanes(acc, lanes);
                    for (; kk < k; kk++) s += a[ai + kk] * b[bj + kk];
                    c[i * p + j] = s;
                }
            }
        };
        rows(n, (long) k * p, rows);
    }

    /**
     * The sum of {@code v}'s lanes, added in lane order through {@code lanes} (scratch of the vector's length).
     * Not {@code reduceLanes(ADD)}, which may add in any order, and does add in one order when compiled and in
     * another when interpreted: a job resumed in a fresh process would then not compute what it would have.
     */
    private static float sumLanes(FloatVector v, float[] lanes) {
        v.intoArray(lanes, 0);
        float s = lanes[0];
        for (int i = 1; i < lanes.length; i++) s += lanes[i];
        return s;
    }

    /**
     * Runs {@code body} over rows {@code [0, n)} of {@code workPerRow} multiply-adds each, in blocks between
     * which the calling thread's deadline is checked, split in two halves across the cores when the whole is large.
     */
    static void rows(int n, long workPerRow, Range body) {
        int block = rowsPerBlock(n, workPerRow);
        if (block >= n) {
            body.run(0, n);
            return;
        }
        Deadline.Limit deadline = Deadline.current();
        Range blocked = (from, to) -> inBlocks(deadline, from, to, block, body);
        if (n * workPerRow < PARALLEL_WORK || n < 2) {
            blocked.run(0, n);
            return;
        }
        int half = n / 2;
        inParallel(() -> blocked.run(0, half), () -> blocked.run(half, n));
    }

    /** As {@link #rows}, always on the calling thread. */
    static void sequentialRows(int n, long workPerRow, Range body) {
        int block = rowsPerBlock(n, workPerRow);
        if (block >= n) {
            body.run(0, n);
            return;
        }
        inBlocks(Deadline.current(), 0, n, block, body);
    }

    /** Checks the deadline before a loop of {@code n} elements that cannot be run in blocks; short loops skip it. */
    static void checkBeforeLongLoop(int n) {
        if (n > ELEMENT_BLOCK) Deadline.check();
    }

    /** Rows per block; work that fits in one block never reads the deadline. */
    private static int rowsPerBlock(int n, long workPerRow) {
        return (int) Math.max(1, Math.min(n, BLOCK_WORK / Math.max(workPerRow, 1)));
    }

    /** Runs {@code body} over {@code [from, to)} in pieces of {@code block}, checking the deadline before each. */
    private static void inBlocks(Deadline.Limit deadline, int from, int to, int block, Range body) {
        for (int start = from; start < to; ) {
            deadline.check();
            int end = (int) Math.min(to, (long) start + block);
            body.run(start, end);
            start = end;
        }
    }

    /** {@code out = 1 / (1 + exp(-x))}. */
    static void sigmoid(float[] x, float[] out, int n) {
        split(n, (from, to) -> sigmoid(x, out, from, to));
    }

    private static void sigmoid(float[] x, float[] out, int from, int n) {
        int upper = from + F.loopBound(n - from);
        FloatVector one = FloatVector.broadcast(F, 1f);
        int i = from;
        for (; i < upper; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, x, i);
            one.div(ReproducibleMath.exp(v.neg()).add(one)).intoArray(out, i);
        }
        for (; i < n; i++) out[i] = 1f / (ReproducibleMath.exp(-x[i]) + 1f);
    }

    /** Binary cross entropy per element, logs clamped at -100 (aten/src/ATen/native/Loss.cpp). */
    static void binaryCrossEntropy(float[] x, float[] t, float[] out, int n) {
        split(n, (from, to) -> binaryCrossEntropy(x, t, out, from, to));
    }

    /**
     * {@code (t - 1)·max(log(1 - x), -100) - t·max(log(x), -100)}, one term per loop: the JIT inlines one SIMD log
     * into a loop, where a second one would exceed its node budget and box every vector.
     */
    private static void binaryCrossEntropy(float[] x, float[] t, float[] out, int from, int n) {
        logOfOneMinusTerm(x, t, out, from, n);
        subtractLogTerm(x, t, out, from, n);
    }

    /** {@code out = (t - 1)·max(log(1 - x), -100)}. */
    private static void logOfOneMinusTerm(float[] x, float[] t, float[] out, int from, int n) {
        int upper = from + F.loopBound(n - from);
        FloatVector one = FloatVector.broadcast(F, 1f);
        int i = from;
        for (; i < upper; i += F.length()) {
            FloatVector xv = FloatVector.fromArray(F, x, i), tv = FloatVector.fromArray(F, t, i);
            tv.sub(one).mul(ReproducibleMath.log(one.sub(xv)).max(LOG_FLOOR)).intoArray(out, i);
        }
        for (; i < n; i++) out[i] = (t[i] - 1f) * Math.max(ReproducibleMath.log(1f - x[i]), LOG_FLOOR);
    }

    /** {@code out -= t·max(log(x), -100)}. */
    private static void subtractLogTerm(float[] x, float[] t, float[] out, int from, int n) {
        int upper = from + F.loopBound(n - from);
        int i = from;
        for (; i < upper; i += F.length()) {
            FloatVector xv = FloatVector.fromArray(F, x, i), tv = FloatVector.fromArray(F, t, i);
            FloatVector.fromArray(F, out, i).sub(tv.mul(ReproducibleMath.log(xv).max(LOG_FLOOR))).intoArray(out, i);
        }
        for (; i < n; i++) out[i] -= t[i] * Math.max(ReproducibleMath.log(x[i]), LOG_FLOOR);
    }

    /** A loop over {@code [from, to)}. */
    @FunctionalInterface
    interface Range {
        void run(int from, int to);
    }

    /**
     * Runs {@code body} over {@code [0, n)} in blocks between which the calling thread's deadline is checked,
     * split in two halves across the cores when n is large.
     */
    static void split(int n, Range body) {
        if (n < PARALLEL_ELEMENTS) {
            sequential(n, body);
            return;
        }
        Deadline.Limit deadline = Deadline.current();
        int half = (n / 2) & ~63;
        inParallel(() -> inBlocks(deadline, 0, half, ELEMENT_BLOCK, body), () -> inBlocks(deadline, half, n, ELEMENT_BLOCK, body));
    }

    /** As {@link #split}, always on the calling thread. */
    static void sequential(int n, Range body) {
        if (n <= ELEMENT_BLOCK) {
            body.run(0, n);
            return;
        }
        inBlocks(Deadline.current(), 0, n, ELEMENT_BLOCK, body);
    }

    /** Runs the two halves of a job on the common pool and waits for both. */
    /** Runs both on the common pool, one of them on the calling thread when it joins. */
    static void inParallel(Runnable first, Runnable second) {
        ForkJoinPool.commonPool().invoke(new RecursiveAction() {
            @Override
            protected void compute() {
                invokeAll(action(first), action(second));
            }
        });
    }

    private static RecursiveAction action(Runnable r) {
        return new RecursiveAction() {
            @Override
            protected void compute() {
                r.run();
            }
        };
    }
}
