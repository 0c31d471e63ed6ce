package dev.backprop.engine;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * What a set of tensors holds on to: the bytes of every distinct storage reachable from them (their
 * data, their {@code .grad}, and the tensors their graphs saved for backward), the number of
 * distinct grad_fn nodes behind them, the edges between those nodes and the tensor objects all of
 * these refer to (counted once per reference, so at least as many as there are). Sessions are held to
 * quotas on the bytes and nodes; the counts of edges and tensor objects size the bookkeeping around them.
 */
public record Footprint(long bytes, int graphNodes, long edges, long tensorObjects) {

    public static Footprint of(Iterable<Tensor> roots) {
        Set<Storage> storages = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Node> nodes = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Node> pending = new ArrayDeque<>();
        // bytes, edges, tensor objects
        long[] counts = new long[3];
        for (Tensor t : roots) {
            count(t, storages, counts);
            if (t.grad != null) count(t.grad, storages, counts);
            if (t.gradFn != null && nodes.add(t.gradFn)) pending.push(t.gradFn);
        }
        while (!pending.isEmpty()) {
            Node n = pending.pop();
            n.forEachSaved(s -> count(s, storages, counts));
            counts[1] += n.next.length;
            for (Edge e : n.next) {
                if (e == null) continue;
                if (e.node() instanceof AccumulateGrad acc) {
                    count(acc.variable, storages, counts);
                } else if (nodes.add(e.node())) {
                    pending.push(e.node());
                }
            }
        }
        return new Footprint(counts[0], nodes.size(), counts[1], counts[2]);
    }

    private static void count(Tensor t, Set<Storage> storages, long[] counts) {
        counts[2]++;
        if (storages.add(t.storage)) counts[0] += t.storage.bytes();
    }
}
