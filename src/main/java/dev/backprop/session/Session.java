package dev.backprop.session;

import dev.backprop.engine.Tensor;
import dev.backprop.engine.random.Generator;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One dynamic-graph workspace: named tensors (as Python variables), modules, optimizers (with their schedulers) and the
 * generator random ops draw from. All access goes through {@link SessionService}, which holds the
 * session's lock, so the fields need no synchronization of their own.
 */
public final class Session {
    final String id;
    final String owner;
    /** Whether the session counts against its tenant's quotas. */
    final boolean metered;
    final Instant createdAt;
    volatile Instant lastAccess;
    final Generator generator;
    final Map<String, Tensor> tensors = new LinkedHashMap<>();
    final Map<String, Object> modules = new LinkedHashMap<>();
    final Map<String, BoundOptimizer> optimizers = new LinkedHashMap<>();
    final ReentrantLock lock = new ReentrantLock();
    volatile long bytes;
    /** What the session takes of the sessions' share of the heap: {@link #bytes} and the objects around them. */
    long heapBytes;
    int graphNodes;
    long freshNames;
    /** What the answer of the request holding the lock will show. */
    Answer answer = Answer.FULL;
    volatile boolean closed;

    Session(String id, Caller caller, Instant now, long seed) {
        this.id = id;
        this.owner = caller.owner();
        this.metered = !caller.isLocal();
        this.createdAt = now;
        this.lastAccess = now;
        this.generator = new Generator(seed);
    }

    public String id() {
        return id;
    }

    public String owner() {
        return owner;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Where the session stands in a newest-first listing. */
    public Cursor position() {
        return new Cursor(createdAt, id);
    }

    public Instant lastAccess() {
        return lastAccess;
    }

    public Generator generator() {
        return generator;
    }

    public Map<String, Tensor> tensors() {
        return tensors;
    }

    public Map<String, Object> modules() {
        return modules;
    }

    public Map<String, BoundOptimizer> optimizers() {
        return optimizers;
    }

    public long bytes() {
        return bytes;
    }

    public int graphNodes() {
        return graphNodes;
    }

    /** A name not yet bound in this session, for results whose {@code out} was omitted. */
    public String freshName() {
        String name;
        do {
            name = "t" + (++freshNames);
        } while (tensors.containsKey(name));
        return name;
    }
}
