package dev.backprop.engine;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float64 packing and register tile of {@link BlockedGemm}: {@link GemmF32} line for line with {@code double} for
 * {@code float}, as the JDK writes its sorts and vector classes once per primitive type. Java has no generics over
 * primitive arrays or vector species, and a kernel written once over boxed values would not keep its tile in registers.
 */
final class GemmF64 extends BlockedGemm<double[]> {
    private static final VectorSpecies<Double> F = DoubleVector.SPECIES_PREFERRED;
    private static final int V = F.length();
    private static final int TILE_COLUMNS = NR * V;
    static final GemmF64 INSTANCE = new GemmF64();

    private GemmF64() {
        super(V, Double.BYTES);
    }

    /** {@code c = a·b} into the zeroed row-major {@code c} ({@code n × p}). */
    static void multiply(double[] a, int ao, int as0, int as1, double[] b, int bo, int bs0, int bs1, double[] c, int n, int k, int p) {
        INSTANCE.multiply(new Operands<>(a, ao, as0, as1, b, bo, bs0, bs1, c, n, k, p));
    }

    @Override
    double[] newArray(int length) {
        return new double[length];
    }

    @Override
    void clear(double[] scratch) {
        java.util.Arrays.fill(scratch, 0d);
    }

    @Override
    void packB(Operands<double[]> m, int pc, int kc, int jc, int nc, double[] out) {
        double[] b = m.b();
        for (int jr = 0; jr < nc; jr += tileColumns) {
            int width = Math.min(tileColumns, nc - jr);
            int at = jr * kc;
            for (int kk = 0; kk < kc; kk++, at += tileColumns) {
                int from = m.bo() + (pc + kk) * m.bs0() + (jc + jr) * m.bs1();
                if (m.bs1() == 1) {
                    System.arraycopy(b, from, out, at, width);
                } else {
                    for (int j = 0; j < width; j++) out[at + j] = b[from + j * m.bs1()];
                }
                if (width < tileColumns) java.util.Arrays.fill(out, at + width, at + tileColumns, 0d);
            }
        }
    }

    @Override
    void packA(Operands<double[]> m, int ic, int mc, int pc, int kc, double[] out) {
        double[] a = m.a();
        for (int ir = 0; ir < mc; ir += MR) {
            int height = Math.min(MR, mc - ir);
            int at = ir * kc;
            for (int kk = 0; kk < kc; kk++, at += MR) {
                int from = m.ao() + (ic + ir) * m.as0() + (pc + kk) * m.as1();
                for (int r = 0; r < height; r++) out[at + r] = a[from + r * m.as0()];
                for (int r = height; r < MR; r++) out[at + r] = 0d;
            }
        }
    }

    /**
     * Written out by hand, because the JIT keeps 24 named vectors in registers where an array of them would live in
     * memory.
     */
    @Override
    void tile(double[] a, int ai, double[] b, int bi, int kc, double[] c, int ci, int ldc) {
        int r0 = ci, r1 = r0 + ldc, r2 = r1 + ldc, r3 = r2 + ldc, r4 = r3 + ldc, r5 = r4 + ldc;
        DoubleVector c00 = DoubleVector.fromArray(F, c, r0), c01 = DoubleVector.fromArray(F, c, r0 + V);
        DoubleVector c02 = DoubleVector.fromArray(F, c, r0 + 2 * V), c03 = DoubleVector.fromArray(F, c, r0 + 3 * V);
        DoubleVector c10 = DoubleVector.fromArray(F, c, r1), c11 = DoubleVector.fromArray(F, c, r1 + V);
        DoubleVector c12 = DoubleVector.fromArray(F, c, r1 + 2 * V), c13 = DoubleVector.fromArray(F, c, r1 + 3 * V);
        DoubleVector c20 = DoubleVector.fromArray(F, c, r2), c21 = DoubleVector.fromArray(F, c, r2 + V);
        DoubleVector c22 = DoubleVector.fromArray(F, c, r2 + 2 * V), c23 = DoubleVector.fromArray(F, c, r2 + 3 * V);
        DoubleVector c30 = DoubleVector.fromArray(F, c, r3), c31 = DoubleVector.fromArray(F, c, r3 + V);
        DoubleVector c32 = DoubleVector.fromArray(F, c, r3 + 2 * V), c33 = DoubleVector.fromArray(F, c, r3 + 3 * V);
        DoubleVector c40 = DoubleVector.fromArray(F, c, r4), c41 = DoubleVector.fromArray(F, c, r4 + V);
        DoubleVector c42 = DoubleVector.fromArray(F, c, r4 + 2 * V), c43 = DoubleVector.fromArray(F, c, r4 + 3 * V);
        DoubleVector c50 = DoubleVector.fromArray(F, c, r5), c51 = DoubleVector.fromArray(F, c, r5 + V);
        DoubleVector c52 = DoubleVector.fromArray(F, c, r5 + 2 * V), c53 = DoubleVector.fromArray(F, c, r5 + 3 * V);
        for (int kk = 0; kk < kc; kk++, ai += MR, bi += TILE_COLUMNS) {
            DoubleVector b0 = DoubleVector.fromArray(F, b, bi), b1 = DoubleVector.fromArray(F, b, bi + V);
            DoubleVector b2 = DoubleVector.fromArray(F, b, bi + 2 * V), b3 = DoubleVector.fromArray(F, b, bi + 3 * V);
            DoubleVector x = DoubleVector.broadcast(F, a[ai]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            c02 = b2.fma(x, c02);
            c03 = b3.fma(x, c03);
            x = DoubleVector.broadcast(F, a[ai + 1]);
            c10 = b0.fma(x, c10);
            c11 = b1.fma(x, c11);
            c12 = b2.fma(x, c12);
            c13 = b3.fma(x, c13);
            x = DoubleVector.broadcast(F, a[ai + 2]);
            c20 = b0.fma(x, c20);
            c21 = b1.fma(x, c21);
            c22 = b2.fma(x, c22);
            c23 = b3.fma(x, c23);
            x = DoubleVector.broadcast(F, a[ai + 3]);
            c30 = b0.fma(x, c30);
            c31 = b1.fma(x, c31);
            c32 = b2.fma(x, c32);
            c33 = b3.fma(x, c33);
            x = DoubleVector.broadcast(F, a[ai + 4]);
            c40 = b0.fma(x, c40);
            c41 = b1.fma(x, c41);
            c42 = b2.fma(x, c42);
            c43 = b3.fma(x, c43);
            x = DoubleVector.broadcast(F, a[ai + 5]);
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
}
