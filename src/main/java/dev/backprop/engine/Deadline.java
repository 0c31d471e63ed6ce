package dev.backprop.engine;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The time by which the work on this thread must be done. Callers that take work from outside (the HTTP
 * layer) set it around each request; long kernels call {@link #check()} between blocks of rows, and
 * backward between nodes, so that a request over its budget stops instead of holding a core for
 * seconds. The engine writes only fresh tensors until an op has finished, so a stopped op leaves
 * nothing behind.
 *
 * <p>Kernels that hand parts to other threads capture {@link #current()} on the calling thread and
 * check that in their workers, where this thread's deadline is not set.
 */
public final class Deadline {
    /** No deadline: checking it costs one comparison. */
    static final Limit NONE = new Limit(0, 0);
    private static final ThreadLocal<Limit[]> CURRENT = ThreadLocal.withInitial(() -> new Limit[] {NONE});

    private Deadline() {}

    /** Stops the work on this thread once {@code budget} has passed from now, until the returned scope is closed. */
    public static GradMode.Scope within(Duration budget) {
        long nanos = budget.toNanos();
        return install(new Limit(System.nanoTime() + nanos, nanos));
    }

    /**
     * Stops the work on this thread once {@link System#nanoTime()} passes {@code deadlineNanos}, until the
     * returned scope is closed; the budget named in the error is the time left now.
     */
    public static GradMode.Scope set(long deadlineNanos) {
        return install(new Limit(deadlineNanos, Math.max(deadlineNanos - System.nanoTime(), 0)));
    }

    private static GradMode.Scope install(Limit limit) {
        Limit[] cell = CURRENT.get();
        Limit previous = cell[0];
        cell[0] = limit;
        return () -> cell[0] = previous;
    }

    /** Throws {@link ErrorCode#TIME_BUDGET} when this thread's deadline has passed. */
    public static void check() {
        CURRENT.get()[0].check();
    }

    /** This thread's deadline, to be checked on the threads that do parts of its work. */
    static Limit current() {
        return CURRENT.get()[0];
    }

    /** One deadline and the budget it was set from (for the message). */
    static final class Limit {
        private final long deadlineNanos;
        private final long budgetNanos;

        private Limit(long deadlineNanos, long budgetNanos) {
            this.deadlineNanos = deadlineNanos;
            this.budgetNanos = budgetNanos;
        }

        void check() {
            if (this != NONE && System.nanoTime() - deadlineNanos >= 0) {
                throw new EngineException(ErrorCode.TIME_BUDGET, "the request ran past its time budget of " + format(budgetNanos)
                        + " and was stopped; nothing it did was kept");
            }
        }
    }

    /** Whole milliseconds under a second ({@code 250 ms}), seconds above ({@code 10 s}, {@code 1.5 s}). */
    static String format(long nanos) {
        long millis = Math.round(nanos / 1e6);
        if (millis < 1000) return millis + " ms";
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + " s";
    }
}
