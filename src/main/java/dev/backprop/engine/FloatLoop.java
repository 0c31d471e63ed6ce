package dev.backprop.engine;

/**
 * An op's own float32 loop, for the ops on the hot path of training. Written out per op, so that the
 * JIT compiles each loop with its arithmetic inlined (a shared loop calling a lambda per element cannot
 * be). A step of 0 broadcasts a one-element operand.
 */
public final class FloatLoop {
    private FloatLoop() {}

    @FunctionalInterface
    public interface Binary {
        void run(float[] a, int sa, float[] b, int sb, float[] out, int n);
    }

    @FunctionalInterface
    public interface Unary {
        void run(float[] a, float[] out, int n);
    }
}
