package dev.backprop.engine;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * What a set of tensors holds on to: the bytes of every distinct storage reachable from them (their
 * data, their {@code .grad}, and the tensors their graphs saved for backward) and the number of
 * distinct grad_fn nodes behind them. Sessions are held to quotas on both.
 */
public record Footprint(long bytes, int graphNodes) {

    public static Footprint of(Iterable<Tensor> roots) {
        Set<Storage> storages = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Node> nodes = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Node> pending = new ArrayDeque<>();
        long[] bytes = {0};
        for (Tensor t : roots) {
            count(t, storages, bytes);
            if (t.grad != null) count(t.grad, storages, bytes);
            if (t.gradFn != null && nodes.add(t.gradFn)) pending.push(t.gradFn);
        }
        while (!pending.isEmpty()) {
            Node n = pending.pop();
            n.forEachSaved(s -> count(s, storages, bytes));
            for (Edge e : n.next) {
                if (e == null) continue;
                if (e.node() instanceof AccumulateGrad acc) {
                    count(acc.variable, storages, bytes);
                } else if (nodes.add(e.node())) {
                    pending.push(e.node());
                }
            }
        }
        return new Footprint(bytes[0], nodes.size());
    }

    private static void count(Tensor t, Set<Storage> storages, long[] bytes) {
        if (storages.add(t.storage)) bytes[0] += t.storage.bytes();
    }
}
