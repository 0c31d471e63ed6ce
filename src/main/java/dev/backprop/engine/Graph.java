package dev.backprop.engine;

/** Records ops into the dynamic graph: whether a result needs a grad_fn, and attaching one. */
final class Graph {
    private Graph() {}

    static boolean needsGrad(Tensor a) {
        return a.requiresGrad() && GradMode.isEnabled();
    }

    static boolean needsGrad(Tensor a, Tensor b) {
        return (a.requiresGrad() || (b != null && b.requiresGrad())) && GradMode.isEnabled();
    }

    static boolean needsGrad(Iterable<Tensor> ts) {
        if (!GradMode.isEnabled()) return false;
        for (Tensor t : ts) {
            if (t != null && t.requiresGrad()) return true;
        }
        return false;
    }

    /** Makes {@code out} the output of a new node named {@code name}; returns {@code out}. */
    static Tensor record(String name, Tensor out, Tensor[] inputs, Tensor[] saved, Node.Backward backward) {
        Node n = new Node(name, inputs, new Tensor[] {out}, saved, backward);
        out.gradFn = n;
        out.outputNr = 0;
        return out;
    }

    /** Makes each of {@code outs} an output of one new node. */
    static void recordMany(String name, Tensor[] outs, Tensor[] inputs, Tensor[] saved, Node.Backward backward) {
        Node n = new Node(name, inputs, outs, saved, backward);
        for (int i = 0; i < outs.length; i++) {
            outs[i].gradFn = n;
            outs[i].outputNr = i;
        }
    }

    /** One-element gradient arrays for single-input formulas. */
    static Tensor[] one(Tensor g) {
        return new Tensor[] {g};
    }
}
