package dev.backprop.engine;

/**
 * What an op may allocate on this thread: the largest tensor in elements, its highest rank, and the bytes
 * every new storage draws from an {@link Allowance}. Callers that take work from outside (the HTTP layer)
 * set them around each request, so that no op can exhaust memory (a broadcast of two long vectors, a
 * factory with a huge size, a batch that allocates again and again) before its result is even seen.
 */
public final class AllocationLimit {
    /** Where the bytes of new storages are drawn from; refuses by throwing. */
    @FunctionalInterface
    public interface Allowance {
        void take(long bytes);
    }

    private static final class Limit {
        int maxElements = Integer.MAX_VALUE;
        int maxRank = Integer.MAX_VALUE;
        Allowance allowance;
    }

    private static final ThreadLocal<Limit> LIMIT = ThreadLocal.withInitial(Limit::new);

    private AllocationLimit() {}

    /** Applies the size limits until the returned scope is closed; the allowance in force stays. */
    public static GradMode.Scope set(int maxElements, int maxRank) {
        Limit cell = LIMIT.get();
        int previousElements = cell.maxElements, previousRank = cell.maxRank;
        cell.maxElements = maxElements;
        cell.maxRank = maxRank;
        return () -> {
            cell.maxElements = previousElements;
            cell.maxRank = previousRank;
        };
    }

    /** Draws the bytes of every storage made on this thread from {@code allowance} until the scope is closed. */
    public static GradMode.Scope drawFrom(Allowance allowance) {
        Limit cell = LIMIT.get();
        Allowance previous = cell.allowance;
        cell.allowance = allowance;
        return () -> cell.allowance = previous;
    }

    static void check(int[] shape, long numel) {
        Limit cell = LIMIT.get();
        if (shape.length > cell.maxRank) {
            throw new EngineException(ErrorCode.TOO_LARGE, "a tensor of rank " + shape.length + " is over the limit of " + cell.maxRank
                    + " dimensions");
        }
        if (numel > cell.maxElements) {
            throw new EngineException(ErrorCode.TOO_LARGE, "a tensor of shape " + Shapes.format(shape) + " has " + numel
                    + " elements, over the limit of " + cell.maxElements);
        }
    }

    /** Counts a new storage of {@code bytes} against the allowance in force, if any. */
    static void charge(long bytes) {
        Allowance allowance = LIMIT.get().allowance;
        if (allowance != null) allowance.take(bytes);
    }
}
