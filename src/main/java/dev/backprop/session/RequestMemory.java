package dev.backprop.session;

import dev.backprop.engine.AllocationLimit;
import dev.backprop.memory.MemoryPool;

/**
 * The memory one request holds while it runs — its body as parsed, the storages its ops allocate (results,
 * temporaries and undo copies) — drawn from the requests pool and given back when the request ends. A
 * request that alone needs more than the whole pool is refused with 413; one that finds the pool full
 * because of others is refused with 503 and Retry-After. The count is cumulative: what a request allocates
 * and drops again still counts until it ends.
 */
public final class RequestMemory implements AllocationLimit.Allowance, AutoCloseable {
    private final MemoryPool pool;
    private long taken;

    public RequestMemory(MemoryPool pool) {
        this.pool = pool;
    }

    @Override
    public void take(long bytes) {
        if (bytes <= 0) return;
        if (taken + bytes > pool.capacity()) {
            throw ApiException.tooLarge("request-memory", "the request would hold more than " + pool.capacity() + " bytes at once "
                    + "(its body, its results and their temporaries), over the limit for one request; split it into smaller requests");
        }
        if (!pool.tryReserve(bytes)) {
            throw ApiException.saturated("memory-saturated", "the service is short of memory for requests right now; retry shortly");
        }
        taken += bytes;
    }

    @Override
    public void close() {
        pool.release(taken);
        taken = 0;
    }
}
