package dev.backprop.engine;

/**
 * Whether ops record the graph on this thread: {@code torch.no_grad()} and {@code torch.enable_grad()}
 * as try-with-resources scopes that restore the previous mode on close.
 */
public final class GradMode {
    private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {true});

    private GradMode() {}

    public static boolean isEnabled() {
        return ENABLED.get()[0];
    }

    /** {@code with torch.no_grad():} */
    public static Scope disable() {
        return set(false);
    }

    /** {@code with torch.enable_grad():} */
    public static Scope enable() {
        return set(true);
    }

    public static Scope set(boolean enabled) {
        boolean[] cell = ENABLED.get();
        boolean previous = cell[0];
        cell[0] = enabled;
        return () -> cell[0] = previous;
    }

    /** Restores the previous grad mode; closing never throws. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
