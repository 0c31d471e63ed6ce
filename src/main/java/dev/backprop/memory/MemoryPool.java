package dev.backprop.memory;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A share of the heap that one kind of holding may use: callers reserve bytes before they allocate and
 * release them when the holding is gone. A reservation that would pass the capacity is refused, so the
 * pools together never promise more than the heap they live in.
 */
public final class MemoryPool {
    private final String name;
    private final long capacity;
    private final AtomicLong reserved = new AtomicLong();

    public MemoryPool(String name, long capacity) {
        if (capacity <= 0) throw new IllegalArgumentException("memory pool '" + name + "' needs a positive capacity");
        this.name = name;
        this.capacity = capacity;
    }

    /** Reserves {@code bytes} if they fit; answers whether they did. */
    public boolean tryReserve(long bytes) {
        if (bytes <= 0) return true;
        while (true) {
            long now = reserved.get();
            if (now + bytes > capacity || now + bytes < 0) return false;
            if (reserved.compareAndSet(now, now + bytes)) return true;
        }
    }


    public void release(long bytes) {
        if (bytes > 0) reserved.addAndGet(-bytes);
    }

    public String name() {
        return name;
    }

    public long capacity() {
        return capacity;
    }

    public long reserved() {
        return reserved.get();
    }

    /** The reserved share of the capacity, 0 to 1. */
    public double usage() {
        return (double) reserved.get() / capacity;
    }
}
