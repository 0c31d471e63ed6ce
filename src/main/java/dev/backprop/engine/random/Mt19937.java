package dev.backprop.engine.random;

/**
 * The 32-bit Mersenne Twister exactly as {@code at::mt19937} in
 * aten/src/ATen/core/MT19937RNGEngine.h: {@code init_genrand} seeding from the low 32 bits of the seed,
 * and the state regenerated lazily on the first draw (PyTorch starts with {@code left = 1}).
 */
final class Mt19937 {

    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UMASK = 0x80000000;
    private static final int LMASK = 0x7fffffff;

    private final int[] state = new int[N];
    private int left;
    private int next;

    Mt19937(long seed) {
        seed(seed);
    }

    /** Copies another engine's whole state into this one. */
    void copyFrom(Mt19937 other) {
        System.arraycopy(other.state, 0, state, 0, N);
        left = other.left;
        next = other.next;
    }

    void seed(long seed) {
        state[0] = (int) seed;
        for (int j = 1; j < N; j++) {
            state[j] = 1812433253 * (state[j - 1] ^ (state[j - 1] >>> 30)) + j;
        }
        left = 1;
        next = 0;
    }

    /** One tempered 32-bit output; the int holds the uint32 bit pattern. */
    int nextInt() {
        if (--left == 0) {
            nextState();
        }
        int y = state[next++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    private static int twist(int u, int v) {
        int mixed = (u & UMASK) | (v & LMASK);
        return (mixed >>> 1) ^ ((v & 1) != 0 ? MATRIX_A : 0);
    }

    private void nextState() {
        left = N;
        next = 0;
        int p = 0;
        for (; p < N - M; p++) {
            state[p] = state[p + M] ^ twist(state[p], state[p + 1]);
        }
        for (; p < N - 1; p++) {
            state[p] = state[p + M - N] ^ twist(state[p], state[p + 1]);
        }
        state[N - 1] = state[M - 1] ^ twist(state[N - 1], state[0]);
    }
}
