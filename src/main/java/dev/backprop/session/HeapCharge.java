package dev.backprop.session;

import dev.backprop.engine.Footprint;
import dev.backprop.engine.nn.Module;

/**
 * What a session costs the heap beyond its tensors' storage: the objects that describe tensors, graphs, modules,
 * optimizers and schedulers, each counted at a fixed size at least as large as it measures on a 64-bit JVM with
 * compressed pointers (a named empty tensor, its 128-character name and its map entry: under 400 bytes; a grad_fn
 * node with two inputs and two saved tensors: under 500). These sizes are what the sessions' share of the heap
 * ({@code backprop.memory.sessions}) is charged on top of the bytes, so that a client making many small things
 * reaches a quota before the heap runs out.
 */
final class HeapCharge {
    /** A tensor object: its shape, strides, flags and the header of its storage. */
    static final long TENSOR_BYTES = 192;
    /** A grad_fn node without its edges: its name, saved-tensor slots and backward function. */
    static final long NODE_BYTES = 256;
    /** One input edge of a node with the shape and dtype it records for that input. */
    static final long EDGE_BYTES = 96;
    /** A name a session holds (up to {@code max-name-length} characters) with its map entry, or a module, an optimizer, a
     * scheduler or a parameter reference without the tensors it holds. */
    static final long OBJECT_BYTES = 320;

    private HeapCharge() {}

    /** The session's named tensors, the modules of its module trees, its optimizers with their parameter lists, and their schedulers. */
    static long objects(Session s) {
        long n = s.tensors.size();
        for (Object o : s.modules.values()) n += o instanceof Module m ? modules(m) : 1;
        for (BoundOptimizer o : s.optimizers.values()) n += 1 + o.optimizer().params().size() + o.schedulers().size();
        return n;
    }

    /** The heap the session takes: the bytes of its storage and each object around them at its fixed size. */
    static long bytes(Footprint f, long objects) {
        return f.bytes() + f.tensorObjects() * TENSOR_BYTES + f.graphNodes() * NODE_BYTES + f.edges() * EDGE_BYTES
                + objects * OBJECT_BYTES;
    }

    private static long modules(Module m) {
        long n = 1;
        for (Module child : m.children()) n += modules(child);
        return n;
    }
}
