package dev.backprop.session;

import dev.backprop.engine.Tensor;
import dev.backprop.engine.TensorSnapshot;
import dev.backprop.engine.random.Generator;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The undo log of one request on a session: the name bindings as they were, a snapshot of each existing
 * tensor before its first change, and the generator's state before its first draw. Rolling back puts
 * the session exactly as it was.
 */
public final class Transaction {
    private final Session session;
    private final Map<String, Tensor> bindings;
    private final Map<Tensor, TensorSnapshot> touched = new IdentityHashMap<>();
    private final List<TensorSnapshot> order = new ArrayList<>();
    private Generator generatorBefore;
    private final List<Runnable> undo = new ArrayList<>();

    Transaction(Session session) {
        this.session = session;
        this.bindings = new LinkedHashMap<>(session.tensors);
    }

    /** Records {@code t}'s state before the request changes it for the first time. */
    public void beforeChange(Tensor t) {
        if (t != null && !touched.containsKey(t)) {
            TensorSnapshot snap = TensorSnapshot.of(t);
            touched.put(t, snap);
            order.add(snap);
        }
    }

    public void beforeRandomDraw() {
        if (generatorBefore == null) {
            generatorBefore = session.generator.copy();
        }
    }

    /** Adds an undo step of its own (state the transaction cannot snapshot itself). */
    public void onRollback(Runnable step) {
        undo.add(step);
    }

    /** Removes {@code key}'s entry from {@code map} (one of the session's), putting it back if the change is undone. */
    public <V> V remove(java.util.Map<String, V> map, String key) {
        V removed = map.remove(key);
        if (removed != null) onRollback(() -> map.put(key, removed));
        return removed;
    }

    void rollback() {
        for (int i = undo.size() - 1; i >= 0; i--) {
            undo.get(i).run();
        }
        for (int i = order.size() - 1; i >= 0; i--) {
            order.get(i).restore();
        }
        session.tensors.clear();
        session.tensors.putAll(bindings);
        if (generatorBefore != null) {
            session.generator.restore(generatorBefore);
        }
    }
}
