package dev.backprop.engine;

/**
 * {@code C = A·B} for large operands of any strides, blocked for the caches as GotoBLAS and BLIS do: a
 * {@code KC}-deep slice of B is packed into panels {@code NR} vectors wide, a block of A's rows into panels of
 * {@code MR} rows, and a register tile of {@code MR × NR} vectors of C accumulates over the slice (tiles at the
 * edges of C run on zero-padded panels into a scratch tile). Each element of C is one chain of fused multiply-adds in
 * the order of k, whatever the blocking, the operands' layouts and the number of threads, interpreted or compiled;
 * stopping at the deadline only ever leaves C, a new array, half written. One subclass per dtype ({@link GemmF32},
 * {@link GemmF64}) packs and multiplies its arrays; the blocking is here.
 *
 * @param <A> the dtype's array ({@code float[]}, {@code double[]})
 */
abstract class BlockedGemm<A> {
    /** Rows of a register tile. */
    static final int MR = 6;
    /** Vectors across a register tile. */
    static final int NR = 4;
    /** Depth of the packed slices: a panel of B ({@code KC × NR} vectors) stays near the core while A's rows pass it. */
    static final int KC = 256;
    /** Rows of A packed at once, between two checks of the deadline. */
    static final int MC = 120;
    /** Columns of B packed at once; bounds the scratch of a thread at {@code KC × NC} elements. */
    static final int NC = 2048;
    /** Below this many multiply-adds the packing is not worth it. */
    private static final long MIN_WORK = 1L << 18;

    /** Columns of a register tile: {@code NR} vectors of the dtype's preferred length. */
    final int tileColumns;
    private final int elementBytes;

    BlockedGemm(int lanes, int elementBytes) {
        this.tileColumns = NR * lanes;
        this.elementBytes = elementBytes;
    }

    /** The operands, strided, and the zeroed row-major result ({@code n × p}). */
    record Operands<A>(A a, int ao, int as0, int as1, A b, int bo, int bs0, int bs1, A c, int n, int k, int p) {}

    abstract A newArray(int length);

    /** Zeroes a whole scratch array. */
    abstract void clear(A scratch);

    /**
     * B's rows {@code [pc, pc + kc)} and columns {@code [jc, jc + nc)} as panels of {@link #tileColumns} columns,
     * each {@code kc} rows of the panel's width one after the other (a last, narrower panel is zero-padded to full width).
     */
    abstract void packB(Operands<A> m, int pc, int kc, int jc, int nc, A out);

    /** A's rows {@code [ic, ic + mc)} and columns {@code [pc, pc + kc)} as panels of {@code MR} rows, column by column. */
    abstract void packA(Operands<A> m, int ic, int mc, int pc, int kc, A out);

    /** {@code C[MR rows, NR vectors] += A panel · B panel} over {@code kc}, the tile held in registers. */
    abstract void tile(A a, int ai, A b, int bi, int kc, A c, int ci, int ldc);

    /** Whether the blocked product is the faster one for these sizes. */
    final boolean suits(int n, int k, int p) {
        return n >= MR && p >= tileColumns && (long) n * k * p >= MIN_WORK;
    }

    /** {@code c = a·b} into the zeroed row-major {@code c}, on this thread or split across two. */
    final void multiply(Operands<A> m) {
        Deadline.Limit deadline = Deadline.current();
        boolean split = (long) m.n() * m.k() * m.p() >= (1L << 21) && m.n() >= 2 * MR;
        // the packed copies of both threads count against the request's memory, as its storages do
        AllocationLimit.charge((split ? 2L : 1L) * elementBytes * scratch(m));
        if (!split) {
            rows(m, 0, m.n(), deadline);
            return;
        }
        int half = (m.n() / 2 + MR - 1) / MR * MR;
        VectorKernels.inParallel(() -> rows(m, 0, half, deadline), () -> rows(m, half, m.n(), deadline));
    }

    /** The elements one thread packs into: a slice of B, a block of A's rows and an edge tile. */
    private long scratch(Operands<A> m) {
        return packedBSize(m) + packedASize(m) + (long) MR * tileColumns;
    }

    private int packedBSize(Operands<A> m) {
        return Math.min(KC, m.k()) * Math.min(NC, roundUp(m.p(), tileColumns));
    }

    private int packedASize(Operands<A> m) {
        return Math.min(MC, roundUp(m.n(), MR)) * Math.min(KC, m.k());
    }

    /** Rows {@code [from, to)} of C, on the calling thread. */
    private void rows(Operands<A> m, int from, int to, Deadline.Limit deadline) {
        A packedB = newArray(packedBSize(m));
        A packedA = newArray(packedASize(m));
        A edge = newArray(MR * tileColumns);
        for (int jc = 0; jc < m.p(); jc += NC) {
            int nc = Math.min(NC, m.p() - jc);
            for (int pc = 0; pc < m.k(); pc += KC) {
                int kc = Math.min(KC, m.k() - pc);
                packB(m, pc, kc, jc, nc, packedB);
                for (int ic = from; ic < to; ic += MC) {
                    deadline.check();
                    int mc = Math.min(MC, to - ic);
                    packA(m, ic, mc, pc, kc, packedA);
                    for (int jr = 0; jr < nc; jr += tileColumns) {
                        int bPanel = jr * kc;
                        int width = Math.min(tileColumns, nc - jr);
                        for (int ir = 0; ir < mc; ir += MR) {
                            int height = Math.min(MR, mc - ir);
                            int aPanel = ir * kc;
                            int cAt = (ic + ir) * m.p() + jc + jr;
                            if (height == MR && width == tileColumns) {
                                tile(packedA, aPanel, packedB, bPanel, kc, m.c(), cAt, m.p());
                            } else {
                                edgeTile(packedA, aPanel, packedB, bPanel, kc, m.c(), cAt, m.p(), height, width, edge);
                            }
                        }
                    }
                }
            }
        }
    }

    /** A tile at C's bottom or right edge: computed in {@code scratch} from C's part of it, and that part copied back. */
    private void edgeTile(A a, int ai, A b, int bi, int kc, A c, int ci, int ldc, int height, int width, A scratch) {
        clear(scratch);
        for (int r = 0; r < height; r++) System.arraycopy(c, ci + r * ldc, scratch, r * tileColumns, width);
        tile(a, ai, b, bi, kc, scratch, 0, tileColumns);
        for (int r = 0; r < height; r++) System.arraycopy(scratch, r * tileColumns, c, ci + r * ldc, width);
    }

    static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }
}
