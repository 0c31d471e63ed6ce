package dev.backprop.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@code grad_fn}: the backward of one op, with PyTorch's class name, its {@code next_functions}
 * (one edge per forward input, null where the input needs no gradient), the tensors it saved and the
 * shapes and dtypes of its inputs, which the engine uses to sum broadcast gradients back and cast them.
 */
public class Node {
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final String name;
    final long sequenceNr;
    final Edge[] next;
    final int[][] inputShapes;
    final DType[] inputDtypes;
    final int[][] outputShapes;
    final DType[] outputDtypes;
    private final SavedTensor[] saved;
    private final Backward backward;
    private Tensor[] retained;

    Node(String name, Tensor[] inputs, Tensor[] outputs, Tensor[] toSave, Backward backward) {
        this(name, SEQUENCE.getAndIncrement(), inputs, outputs, toSave, backward);
    }

    Node(String name, long sequenceNr, Tensor[] inputs, Tensor[] outputs, Tensor[] toSave, Backward backward) {
        this.name = name;
        this.sequenceNr = sequenceNr;
        this.backward = backward;
        int n = inputs.length;
        next = new Edge[n];
        inputShapes = new int[n][];
        inputDtypes = new DType[n];
        for (int i = 0; i < n; i++) {
            Tensor in = inputs[i];
            if (in != null) {
                next[i] = in.gradientEdge();
                inputShapes[i] = in.shape;
                inputDtypes[i] = in.dtype;
            }
        }
        outputShapes = new int[outputs.length][];
        outputDtypes = new DType[outputs.length];
        for (int i = 0; i < outputs.length; i++) {
            outputShapes[i] = outputs[i].shape;
            outputDtypes[i] = outputs[i].dtype;
        }
        saved = new SavedTensor[toSave.length];
        for (int i = 0; i < toSave.length; i++) {
            saved[i] = toSave[i] == null ? null : new SavedTensor(toSave[i]);
        }
    }

    /**
     * A node whose edges are given rather than read from input tensors: {@link CopySlices} takes over the edges of
     * the in-place op it wraps.
     */
    Node(String name, Edge[] next, int[][] inputShapes, DType[] inputDtypes, Tensor[] outputs, Backward backward) {
        this.name = name;
        this.sequenceNr = SEQUENCE.getAndIncrement();
        this.backward = backward;
        this.next = next;
        this.inputShapes = inputShapes;
        this.inputDtypes = inputDtypes;
        outputShapes = new int[outputs.length][];
        outputDtypes = new DType[outputs.length];
        for (int i = 0; i < outputs.length; i++) {
            outputShapes[i] = outputs[i].shape;
            outputDtypes[i] = outputs[i].dtype;
        }
        saved = new SavedTensor[0];
    }

    /** PyTorch's class name, e.g. {@code MulBackward0}. */
    public String name() {
        return name;
    }

    /** The name C++ gives the node in autograd's messages ({@code torch::autograd::CopySlices} for the nodes not generated from derivatives.yaml). */
    String cppName() {
        return name;
    }

    /** The leaf an {@code AccumulateGrad} node accumulates into ({@code node.variable}); null for other nodes. */
    public Tensor variable() {
        return null;
    }

    /** {@code next_functions}: one entry per forward input, null where no gradient flows. */
    public List<Edge> nextFunctions() {
        return Collections.unmodifiableList(Arrays.asList(next));
    }

    /** The tensors this node still holds for backward (none once the graph is freed). */
    public int savedCount() {
        int n = 0;
        for (SavedTensor s : saved) {
            if (s != null && !s.isReleased()) n++;
        }
        return n;
    }

    int numOutputs() {
        return outputShapes.length;
    }

    /** Runs the backward formula; {@code grads[i]} is the gradient of output i (never null). */
    Tensor[] apply(Tensor[] grads) {
        boolean[] needs = new boolean[next.length];
        for (int i = 0; i < next.length; i++) {
            needs[i] = next[i] != null;
        }
        return backward.apply(new BackwardContext(grads, saved, needs));
    }

    /** Whether input {@code i} of the forward needs a gradient. */
    boolean needsInputGrad(int i) {
        return next[i] != null;
    }

    /** Calls {@code action} with each tensor this node still holds for backward. */
    void forEachSaved(java.util.function.Consumer<Tensor> action) {
        for (SavedTensor s : saved) {
            if (s != null && !s.isReleased()) action.accept(s.peek());
        }
    }

    void release() {
        for (SavedTensor s : saved) {
            if (s != null) s.release();
        }
    }

    void rebindSavedOutput(Tensor from, Tensor to) {
        for (SavedTensor s : saved) {
            if (s != null && s.refersTo(from)) {
                s.rebind(to);
            }
        }
    }

    /** Registers {@code retain_grad} on output {@code nr}. */
    void retain(int nr, Tensor t) {
        if (retained == null) {
            retained = new Tensor[numOutputs()];
        }
        retained[nr] = t;
    }

    Tensor retainedTensor(int nr) {
        return retained == null ? null : retained[nr];
    }

    void moveRetained(int nr, Node target, int targetNr) {
        if (retained != null && retained[nr] != null) {
            target.retain(targetNr, retained[nr]);
            retained[nr] = null;
        }
    }

    /** Adds to {@code effects} the retain_grad updates for the gradients flowing into this node. */
    void runRetainHooks(Tensor[] grads, List<Runnable> effects) {
        if (retained == null) {
            return;
        }
        for (int i = 0; i < retained.length; i++) {
            Tensor t = retained[i];
            Tensor g = grads[i];
            if (t != null && g != null) {
                effects.add(() -> t.grad = t.grad == null ? g.clone() : t.grad.add(g));
            }
        }
    }

    List<Node> nextNodes() {
        List<Node> out = new ArrayList<>(next.length);
        for (Edge e : next) {
            if (e != null) out.add(e.node());
        }
        return out;
    }

    @Override
    public String toString() {
        return "<" + name + ">";
    }

    /** A backward formula, written in differentiable tensor ops so that higher derivatives work. */
    @FunctionalInterface
    interface Backward {
        Tensor[] apply(BackwardContext ctx);
    }

    /** What a backward formula sees: the output gradients, the saved tensors, which inputs need grads. */
    static final class BackwardContext {
        private final Tensor[] grads;
        private final SavedTensor[] saved;
        private final boolean[] needs;

        BackwardContext(Tensor[] grads, SavedTensor[] saved, boolean[] needs) {
            this.grads = grads;
            this.saved = saved;
            this.needs = needs;
        }

        Tensor grad() {
            return grads[0];
        }

        Tensor grad(int i) {
            return grads[i];
        }

        Tensor saved(int i) {
            return saved[i].unpack();
        }

        boolean needs(int i) {
            return needs[i];
        }
    }
}
