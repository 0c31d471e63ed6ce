package dev.backprop.engine;

/**
 * The largest tensor an op may allocate on this thread, in elements, and its highest rank. Callers that
 * take work from outside (the HTTP layer) set it around each request, so that no op can exhaust memory
 * (a broadcast of two long vectors, a factory with a huge size) before its result is even seen.
 */
public final class AllocationLimit {
    private static final ThreadLocal<int[]> LIMIT = ThreadLocal.withInitial(() -> new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE});

    private AllocationLimit() {}

    /** Applies the limits until the returned scope is closed. */
    public static GradMode.Scope set(int maxElements, int maxRank) {
        int[] cell = LIMIT.get();
        int previousElements = cell[0], previousRank = cell[1];
        cell[0] = maxElements;
        cell[1] = maxRank;
        return () -> {
            cell[0] = previousElements;
            cell[1] = previousRank;
        };
    }

    static void check(int[] shape, long numel) {
        int[] cell = LIMIT.get();
        if (shape.length > cell[1]) {
            throw new EngineException(ErrorCode.TOO_LARGE, "a tensor of rank " + shape.length + " is over the limit of " + cell[1]
                    + " dimensions");
        }
        if (numel > cell[0]) {
            throw new EngineException(ErrorCode.TOO_LARGE, "a tensor of shape " + Shapes.format(shape) + " has " + numel
                    + " elements, over the limit of " + cell[0]);
        }
    }
}
