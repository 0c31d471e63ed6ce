package dev.backprop.engine;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code C = A·B} for large float32 operands of any strides, blocked for the caches as GotoBLAS and BLIS do: a
 * {@code KC}-deep slice of B is packed into panels {@code NR} vectors wide, a block of A's rows into panels of
 * {@code MR} rows, and a register tile of {@code MR × NR} vectors of C accumulates over the slice (tiles at the
 * edges of C run on zero-padded panels into a scratch tile). Each element of C is one chain of fused multiply-adds in
 * the order of k, whatever the blocking, the operands' layouts and the number of threads, interpreted or compiled;
 * stopping at the deadline only ever leaves C, a new array, half written.
 */
final class BlockedGemm {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int V = F.length();
    /** Rows of a register tile. */
    private static final int MR = 6;
    /** Vectors across a register tile. */
    private static final int NR = 4;
    private static final int TILE_COLUMNS = NR * V;
    /** Depth of the packed slices: a panel of B ({@code KC × NR} vectors) stays near the core while A's rows pass it. */
    private static final int KC = 256;
    /** Rows of A packed at once, between two checks of the deadline. */
    private static final int MC = 120;
    /** Columns of B packed at once; bounds the scratch of a thread at {@code KC × NC} floats. */
    private static final int NC = 2048;
    /** Below this many multiply-adds the packing is not worth it. */
    private static final long MIN_WORK = 1L << 18;

    private BlockedGemm() {}

    /** Whether the blocked product is the faster one for these sizes. */
    static boolean suits(int n, int k, int p) {
        return n >= MR && p >= TILE_COLUMNS && (long) n * k * p >= MIN_WORK;
    }

    /** {@code c = a·b} into the zeroed row-major {@code c} ({@code n × p}). */
    static void multiply(float[] a, int ao, int as0, int as1, float[] b, int bo, int bs0, int bs1, float[] c, int n, int k, int p) {
        Operands m = new Operands(a, ao, as0, as1, b, bo, bs0, bs1, c, n, k, p);
        Deadline.Limit deadline = Deadline.current();
        boolean split = (long) n * k * p >= (1L << 21) && n >= 2 * MR;
        // the packed copies of both threads count against the request's memory, as its storages do
        AllocationLimit.charge((split ? 2L : 1L) * Float.BYTES * scratch(m));
        if (!split) {
            rows(m, 0, n, deadline);
            return;
        }
        int half = (n / 2 + MR - 1) / MR * MR;
        VectorKernels.inParallel(() -> rows(m, 0, half, deadline), () -> rows(m, half, n, deadline));
    }

    /** The floats one thread packs into: a slice of B, a block of A's rows and an edge tile. */
    private static long scratch(Operands m) {
        return packedBSize(m) + packedASize(m) + (long) MR * TILE_COLUMNS;
    }

    private static int packedBSize(Operands m) {
        return Math.min(KC, m.k) * Math.min(NC, roundUp(m.p, TILE_COLUMNS));
    }

    private static int packedASize(Operands m) {
        return Math.min(MC, roundUp(m.n, MR)) * Math.min(KC, m.k);
    }

    private record Operands(float[] a, int ao, int as0, int as1, float[] b, int bo, int bs0, int bs1, float[] c, int n, int k, int p) {}

    /** Rows {@code [from, to)} of C, on the calling thread. */
    private static void rows(Operands m, int from, int to, Deadline.Limit deadline) {
        float[] packedB = new float[packedBSize(m)];
        float[] packedA = new float[packedASize(m)];
        float[] edge = new float[MR * TILE_COLUMNS];
        for (int jc = 0; jc < m.p; jc += NC) {
            int nc = Math.min(NC, m.p - jc);
            for (int pc = 0; pc < m.k; pc += KC) {
                int kc = Math.min(KC, m.k - pc);
                packB(m, pc, kc, jc, nc, packedB);
                for (int ic = from; ic < to; ic += MC) {
                    deadline.check();
                    int mc = Math.min(MC, to - ic);
                    packA(m, ic, mc, pc, kc, packedA);
                    for (int jr = 0; jr < nc; jr += TILE_COLUMNS) {
                        int bPanel = jr * kc;
                        int width = Math.min(TILE_COLUMNS, nc - jr);
                        for (int ir = 0; ir < mc; ir += MR) {
                            int height = Math.min(MR, mc - ir);
                            int aPanel = ir * kc;
                            int cAt = (ic + ir) * m.p + jc + jr;
                            if (height == MR && width == TILE_COLUMNS) {
                                tile(packedA, aPanel, packedB, bPanel, kc, m.c, cAt, m.p);
                            } else {
                                edgeTile(packedA, aPanel, packedB, bPanel, kc, m.c, cAt, m.p, height, width, edge);
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * B's rows {@code [pc, pc + kc)} and columns {@code [jc, jc + nc)} as panels of {@code TILE_COLUMNS} columns,
     * each {@code kc} rows of the panel's width one after the other (a last, narrower panel is zero-padded to full width).
     */
    private static void packB(Operands m, int pc, int kc, int jc, int nc, float[] out) {
        for (int jr = 0; jr < nc; jr += TILE_COLUMNS) {
            int width = Math.min(TILE_COLUMNS, nc - jr);
            int at = jr * kc;
            for (int kk = 0; kk < kc; kk++, at += TILE_COLUMNS) {
                int from = m.bo + (pc + kk) * m.bs0 + (jc + jr) * m.bs1;
                if (m.bs1 == 1) {
                    System.arraycopy(m.b, from, out, at, width);
                } else {
                    for (int j = 0; j < width; j++) out[at + j] = m.b[from + j * m.bs1];
                }
                if (width < TILE_COLUMNS) java.util.Arrays.fill(out, at + width, at + TILE_COLUMNS, 0f);
            }
        }
    }

    /** A's rows {@code [ic, ic + mc)} and columns {@code [pc, pc + kc)} as panels of {@code MR} rows, column by column. */
    private static void packA(Operands m, int ic, int mc, int pc, int kc, float[] out) {
        for (int ir = 0; ir < mc; ir += MR) {
            int height = Math.min(MR, mc - ir);
            int at = ir * kc;
            for (int kk = 0; kk < kc; kk++, at += MR) {
                int from = m.ao + (ic + ir) * m.as0 + (pc + kk) * m.as1;
                for (int r = 0; r < height; r++) out[at + r] = m.a[from + r * m.as0];
                for (int r = height; r < MR; r++) out[at + r] = 0f;
            }
        }
    }

    /**
     * {@code C[6 rows, NR vectors] += A panel · B panel} over {@code kc}, the tile held in registers: written out by
     * hand, because the JIT keeps 24 named vectors in registers where an array of them would live in memory.
     */
    private static void tile(float[] a, int ai, float[] b, int bi, int kc, float[] c, int ci, int ldc) {
        int r0 = ci, r1 = r0 + ldc, r2 = r1 + ldc, r3 = r2 + ldc, r4 = r3 + ldc, r5 = r4 + ldc;
        FloatVector c00 = FloatVector.fromArray(F, c, r0), c01 = FloatVector.fromArray(F, c, r0 + V);
        FloatVector c02 = FloatVector.fromArray(F, c, r0 + 2 * V), c03 = FloatVector.fromArray(F, c, r0 + 3 * V);
        FloatVector c10 = FloatVector.fromArray(F, c, r1), c11 = FloatVector.fromArray(F, c, r1 + V);
        FloatVector c12 = FloatVector.fromArray(F, c, r1 + 2 * V), c13 = FloatVector.fromArray(F, c, r1 + 3 * V);
        FloatVector c20 = FloatVector.fromArray(F, c, r2), c21 = FloatVector.fromArray(F, c, r2 + V);
        FloatVector c22 = FloatVector.fromArray(F, c, r2 + 2 * V), c23 = FloatVector.fromArray(F, c, r2 + 3 * V);
        FloatVector c30 = FloatVector.fromArray(F, c, r3), c31 = FloatVector.fromArray(F, c, r3 + V);
        FloatVector c32 = FloatVector.fromArray(F, c, r3 + 2 * V), c33 = FloatVector.fromArray(F, c, r3 + 3 * V);
        FloatVector c40 = FloatVector.fromArray(F, c, r4), c41 = FloatVector.fromArray(F, c, r4 + V);
        FloatVector c42 = FloatVector.fromArray(F, c, r4 + 2 * V), c43 = FloatVector.fromArray(F, c, r4 + 3 * V);
        FloatVector c50 = FloatVector.fromArray(F, c, r5), c51 = FloatVector.fromArray(F, c, r5 + V);
        FloatVector c52 = FloatVector.fromArray(F, c, r5 + 2 * V), c53 = FloatVector.fromArray(F, c, r5 + 3 * V);
        for (int kk = 0; kk < kc; kk++, ai += MR, bi += TILE_COLUMNS) {
            FloatVector b0 = FloatVector.fromArray(F, b, bi), b1 = FloatVector.fromArray(F, b, bi + V);
            FloatVector b2 = FloatVector.fromArray(F, b, bi + 2 * V), b3 = FloatVector.fromArray(F, b, bi + 3 * V);
            FloatVector x = FloatVector.broadcast(F, a[ai]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            c02 = b2.fma(x, c02);
            c03 = b3.fma(x, c03);
            x = FloatVector.broadcast(F, a[ai + 1]);
            c10 = b0.fma(x, c10);
            c11 = b1.fma(x, c11);
            c12 = b2.fma(x, c12);
            c13 = b3.fma(x, c13);
            x = FloatVector.broadcast(F, a[ai + 2]);
            c20 = b0.fma(x, c20);
            c21 = b1.fma(x, c21);
            c22 = b2.fma(x, c22);
            c23 = b3.fma(x, c23);
            x = FloatVector.broadcast(F, a[ai + 3]);
            c30 = b0.fma(x, c30);
            c31 = b1.fma(x, c31);
            c32 = b2.fma(x, c32);
            c33 = b3.fma(x, c33);
            x = FloatVector.broadcast(F, a[ai + 4]);
            c40 = b0.fma(x, c40);
            c41 = b1.fma(x, c41);
            c42 = b2.fma(x, c42);
            c43 = b3.fma(x, c43);
            x = FloatVector.broadcast(F, a[ai + 5]);
            c50 = b0.fma(x, c50);
            c51 = b1.fma(x, c51);
            c52 = b2.fma(x, c52);
            c53 = b3.fma(x, c53);
        }
        c00.intoArray(c, r0);
        c01.intoArray(c, r0 + V);
        c02.intoArray(c, r0 + 2 * V);
        c03.intoArray(c, r0 + 3 * V);
        c10.intoArray(c, r1);
        c11.intoArray(c, r1 + V);
        c12.intoArray(c, r1 + 2 * V);
        c13.intoArray(c, r1 + 3 * V);
        c20.intoArray(c, r2);
        c21.intoArray(c, r2 + V);
        c22.intoArray(c, r2 + 2 * V);
        c23.intoArray(c, r2 + 3 * V);
        c30.intoArray(c, r3);
        c31.intoArray(c, r3 + V);
        c32.intoArray(c, r3 + 2 * V);
        c33.intoArray(c, r3 + 3 * V);
        c40.intoArray(c, r4);
        c41.intoArray(c, r4 + V);
        c42.intoArray(c, r4 + 2 * V);
        c43.intoArray(c, r4 + 3 * V);
        c50.intoArray(c, r5);
        c51.intoArray(c, r5 + V);
        c52.intoArray(c, r5 + 2 * V);
        c53.intoArray(c, r5 + 3 * V);
    }

    /** A tile at C's bottom or right edge: computed in {@code scratch} from C's part of it, and that part copied back. */
    private static void edgeTile(float[] a, int ai, float[] b, int bi, int kc, float[] c, int ci, int ldc, int height, int width,
                                 float[] scratch) {
        java.util.Arrays.fill(scratch, 0f);
        for (int r = 0; r < height; r++) System.arraycopy(c, ci + r * ldc, scratch, r * TILE_COLUMNS, width);
        tile(a, ai, b, bi, kc, scratch, 0, TILE_COLUMNS);
        for (int r = 0; r < height; r++) System.arraycopy(scratch, r * TILE_COLUMNS, c, ci + r * ldc, width);
    }

    private static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }
}
