package dev.backprop.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * {@code torch.autograd.backward} and {@code torch.autograd.grad}: an iterative walk of the graph in
 * dependency order (ready nodes by descending sequence number, as PyTorch's engine orders them), with
 * gradients summed per input, reduced to each input's shape and cast to its dtype
 * (torch/csrc/autograd/engine.cpp, {@code validate_outputs}). The request's {@link Deadline} is
 * checked before each node; gradients are written only once the whole walk is done, so a backward
 * stopped on the way leaves every {@code .grad} as it was.
 */
public final class Autograd {
    private Autograd() {}

    /**
     * {@code torch.autograd.backward(tensors, grad_tensors, retain_graph, create_graph, inputs)}.
     * Returns the tensors whose {@code .grad} changed, in the order they were first written.
     */
    public static List<Tensor> backward(List<Tensor> tensors, List<Tensor> gradTensors, Boolean retainGraph, boolean createGraph,
                                        List<Tensor> inputs) {
        return backward(tensors, gradTensors, retainGraph, createGraph, inputs, t -> { });
    }

    /**
     * As {@link #backward(List, List, Boolean, boolean, List)}, calling {@code beforeGradChange} with each
     * tensor whose {@code .grad} is about to change, once the whole graph has been walked and before any
     * gradient is written (so that a caller can snapshot them).
     */
    public static List<Tensor> backward(List<Tensor> tensors, List<Tensor> gradTensors, Boolean retainGraph, boolean createGraph,
                                        List<Tensor> inputs, java.util.function.Consumer<Tensor> beforeGradChange) {
        Tensor[] grads = makeGrads(tensors, gradTensors);
        Edge[] roots = rootEdges(tensors);
        boolean keepGraph = retainGraph != null ? retainGraph : createGraph;
        Set<Tensor> updated = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        List<Tensor> order = new ArrayList<>();
        Run run = new Run(keepGraph, createGraph, order, updated);
        run.beforeGradChange = beforeGradChange;
        if (inputs != null) {
            if (inputs.isEmpty()) {
                throw EngineException.autograd("'inputs' argument to backward() cannot be empty.");
            }
            for (Tensor in : inputs) {
                Edge e = in.gradientEdge();
                if (e == null) {
                    throw EngineException.autograd("One of the differentiated Tensors does not require grad");
                }
                run.targets.add(e.node());
                if (!in.isLeaf()) {
                    run.accumulateInto.put(e, in);
                }
            }
        }
        run.execute(roots, grads);
        return order;
    }

    /**
     * {@code torch.autograd.grad(outputs, inputs, grad_outputs, retain_graph, create_graph, allow_unused)}:
     * the gradients of the outputs with respect to each input (null for an unused input when allowed).
     */
    public static Tensor[] grad(List<Tensor> outputs, List<Tensor> inputs, List<Tensor> gradOutputs, Boolean retainGraph,
                                boolean createGraph, boolean allowUnused) {
        Tensor[] grads = makeGrads(outputs, gradOutputs);
        Edge[] roots = rootEdges(outputs);
        Edge[] captures = new Edge[inputs.size()];
        for (int i = 0; i < captures.length; i++) {
            captures[i] = inputs.get(i).gradientEdge();
            if (captures[i] == null) {
                throw EngineException.autograd("One of the differentiated Tensors does not require grad");
            }
        }
        boolean keepGraph = retainGraph != null ? retainGraph : createGraph;
        Run run = new Run(keepGraph, createGraph, new ArrayList<>(), null);
        run.captures = captures;
        run.captured = new Tensor[captures.length];
        for (Edge c : captures) {
            run.targets.add(c.node());
        }
        run.execute(roots, grads);
        for (int i = 0; i < captures.length; i++) {
            if (run.captured[i] == null && !allowUnused) {
                throw EngineException.autograd("One of the differentiated Tensors appears to not have been used in the graph. "
                        + "Set allow_unused=True if this is the desired behavior.");
            }
        }
        return run.captured;
    }

    /** {@code _make_grads}: implicit ones for scalar outputs, shape checks for given gradients. */
    private static Tensor[] makeGrads(List<Tensor> outputs, List<Tensor> given) {
        if (given != null && given.size() != outputs.size()) {
            throw EngineException.autograd("grad can be implicitly created only for scalar outputs");
        }
        Tensor[] grads = new Tensor[outputs.size()];
        for (int i = 0; i < grads.length; i++) {
            Tensor out = outputs.get(i);
            Tensor g = given == null ? null : given.get(i);
            if (g == null) {
                if (out.requiresGrad()) {
                    if (out.numel != 1) {
                        throw EngineException.autograd("grad can be implicitly created only for scalar outputs");
                    }
                    g = Factories.ones(out.shape, out.dtype);
                }
            } else if (!Arrays.equals(g.shape, out.shape)) {
                throw EngineException.shape("Mismatch in shape: grad_output[" + i + "] has a shape of " + Shapes.torchSize(g.shape)
                        + " and output[" + i + "] has a shape of " + Shapes.torchSize(out.shape) + ".");
            } else if (!g.dtype.isFloating() && out.dtype.isFloating()) {
                throw new EngineException(ErrorCode.DTYPE_MISMATCH, "grad_output[" + i + "] must be a floating point tensor, got "
                        + g.dtype.wireName());
            }
            grads[i] = g;
        }
        return grads;
    }

    private static Edge[] rootEdges(List<Tensor> tensors) {
        if (tensors.isEmpty()) {
            throw EngineException.autograd("backward() needs at least one tensor");
        }
        Edge[] roots = new Edge[tensors.size()];
        for (int i = 0; i < roots.length; i++) {
            roots[i] = tensors.get(i).gradientEdge();
            if (roots[i] == null) {
                throw EngineException.autograd("element " + i + " of tensors does not require grad and does not have a grad_fn");
            }
        }
        return roots;
    }

    /** A node's state in one run: the gradients gathered for it, the inputs it still waits for, whether it runs. */
    private static final class NodeTask {
        int pending;
        Tensor[] buffer;
        boolean runs;
        boolean target;
        boolean queued;
    }

    /**
     * One execution of the engine over the graph below some roots (PyTorch's {@code GraphTask}): the state of each
     * node it reaches lives here, not on the node, so a graph holds nothing of a run once it ends.
     */
    private static final class Run {
        private final Map<Node, NodeTask> tasks = new IdentityHashMap<>();
        final boolean keepGraph;
        final boolean createGraph;
        final List<Tensor> updatedOrder;
        final Set<Tensor> updated;
        final Set<Node> targets = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        final Map<Edge, Tensor> accumulateInto = new HashMap<>();
        Edge[] captures;
        Tensor[] captured;
        /** Writes to .grad, applied only once the whole backward has succeeded, so that a failure changes nothing. */
        final List<Runnable> effects = new ArrayList<>();
        final List<Node> executed = new ArrayList<>();
        java.util.function.Consumer<Tensor> beforeGradChange = t -> { };

        Run(boolean keepGraph, boolean createGraph, List<Tensor> updatedOrder, Set<Tensor> updated) {
            this.keepGraph = keepGraph;
            this.createGraph = createGraph;
            this.updatedOrder = updatedOrder;
            this.updated = updated;
        }

        void execute(Edge[] roots, Tensor[] rootGrads) {
            List<Node> topo = discover(roots);
            markExecutable(topo);
            for (Node n : topo) {
                if (!task(n).runs) continue;
                for (Edge e : n.next) {
                    if (e != null && wanted(e.node())) task(e.node()).pending++;
                }
            }
            for (int i = 0; i < roots.length; i++) {
                if (rootGrads[i] != null) accumulate(roots[i], rootGrads[i]);
            }
            PriorityQueue<Node> ready = new PriorityQueue<>((a, b) -> Long.compare(b.sequenceNr, a.sequenceNr));
            for (Edge r : roots) {
                Node n = r.node();
                if (task(n).pending == 0 && wanted(n) && !task(n).queued) {
                    task(n).queued = true;
                    ready.add(n);
                }
            }
            try (GradMode.Scope ignored = GradMode.set(createGraph)) {
                while (!ready.isEmpty()) {
                    Deadline.check();
                    Node n = ready.poll();
                    Tensor[] grads = task(n).buffer != null ? task(n).buffer : new Tensor[n.numOutputs()];
                    task(n).buffer = null;
                    Tensor[] out = evaluate(n, grads, task(n).runs);
                    if (!task(n).runs) continue;
                    for (int i = 0; i < n.next.length; i++) {
                        Edge e = n.next[i];
                        if (e == null || !wanted(e.node())) continue;
                        if (out != null && out[i] != null) {
                            accumulate(e, validate(n, i, out[i]));
                        }
                        Node m = e.node();
                        if (--task(m).pending == 0 && !task(m).queued) {
                            task(m).queued = true;
                            ready.add(m);
                        }
                    }
                }
                for (Tensor t : updatedOrder) beforeGradChange.accept(t);
                for (Runnable effect : effects) effect.run();
                if (!keepGraph) {
                    for (Node n : executed) n.release();
                }
            } finally {
                tasks.clear();
            }
        }

        private NodeTask task(Node n) {
            return tasks.get(n);
        }

        /** Gives {@code n} its state in this run; false if it already has one. */
        private boolean claim(Node n) {
            return tasks.putIfAbsent(n, new NodeTask()) == null;
        }

        private boolean wanted(Node n) {
            return task(n).runs || task(n).target;
        }

        /** Runs one node's hooks and, when it is to run, its backward. Returns its input gradients. */
        private Tensor[] evaluate(Node n, Tensor[] grads, boolean runs) {
            n.runRetainHooks(grads, effects);
            noteRetained(n, grads);
            if (captures != null) {
                for (int k = 0; k < captures.length; k++) {
                    if (captures[k].node() == n && grads[captures[k].inputNr()] != null) {
                        captured[k] = grads[captures[k].inputNr()];
                    }
                }
            }
            for (int i = 0; i < grads.length; i++) {
                Tensor t = accumulateInto.get(new Edge(n, i));
                if (t != null && grads[i] != null) {
                    Tensor g = grads[i];
                    effects.add(() -> t.grad = t.grad == null ? g.clone() : t.grad.add(g));
                    note(t);
                }
            }
            if (!runs) return null;
            boolean any = false;
            for (Tensor g : grads) any |= g != null;
            Tensor[] out = null;
            if (any) {
                for (int i = 0; i < grads.length; i++) {
                    if (grads[i] == null) grads[i] = Factories.zeros(n.outputShapes[i], n.outputDtypes[i]);
                }
                if (n instanceof AccumulateGrad acc) {
                    effects.add(() -> acc.apply(grads));
                    note(acc.variable);
                } else {
                    out = n.apply(grads);
                }
            }
            executed.add(n);
            return out;
        }

        private void noteRetained(Node n, Tensor[] grads) {
            for (int i = 0; i < grads.length; i++) {
                if (grads[i] != null) {
                    Tensor t = n.retainedTensor(i);
                    if (t != null) note(t);
                }
            }
        }

        private void note(Tensor t) {
            if (updated != null && updated.add(t)) updatedOrder.add(t);
        }

        /** {@code validate_outputs}: reduce a broadcast gradient to the input's shape and cast it to its dtype. */
        private static Tensor validate(Node n, int i, Tensor g) {
            int[] want = n.inputShapes[i];
            if (!Arrays.equals(want, g.shape)) {
                if (!Shapes.expandable(want, g.shape)) {
                    throw EngineException.shape("Function " + n.name() + " returned an invalid gradient at index " + i + " - got "
                            + Shapes.format(g.shape) + " but expected shape compatible with " + Shapes.format(want));
                }
                g = g.sumTo(want);
            }
            if (g.dtype != n.inputDtypes[i]) {
                g = g.to(n.inputDtypes[i]);
            }
            return g;
        }

        private void accumulate(Edge e, Tensor g) {
            Node n = e.node();
            if (task(n).buffer == null) task(n).buffer = new Tensor[n.numOutputs()];
            int nr = e.inputNr();
            task(n).buffer[nr] = task(n).buffer[nr] == null ? g : task(n).buffer[nr].add(g);
        }

        /**
         * Every node below the roots, in an order where each node precedes the nodes it points to; each
         * node gets its state in this run as it is first reached.
         */
        private List<Node> discover(Edge[] roots) {
            List<Node> postOrder = new ArrayList<>();
            ArrayDeque<Node> nodes = new ArrayDeque<>();
            ArrayDeque<Integer> positions = new ArrayDeque<>();
            for (Edge r : roots) {
                if (claim(r.node())) {
                    nodes.push(r.node());
                    positions.push(0);
                }
                while (!nodes.isEmpty()) {
                    Node n = nodes.peek();
                    int i = positions.pop();
                    if (i < n.next.length) {
                        positions.push(i + 1);
                        Edge e = n.next[i];
                        if (e != null && claim(e.node())) {
                            nodes.push(e.node());
                            positions.push(0);
                        }
                    } else {
                        nodes.pop();
                        postOrder.add(n);
                    }
                }
            }
            java.util.Collections.reverse(postOrder);
            return postOrder;
        }

        /**
         * Marks the nodes that must run. Without targets: all of them. With targets (grad's inputs or
         * backward's inputs): those from which a target is reachable, the leaf targets' AccumulateGrad too.
         */
        private void markExecutable(List<Node> topo) {
            for (Node n : topo) task(n).target = targets.contains(n);
            if (targets.isEmpty()) {
                for (Node n : topo) task(n).runs = true;
                return;
            }
            for (int i = topo.size() - 1; i >= 0; i--) {
                Node n = topo.get(i);
                boolean leadsToTarget = false;
                for (Edge e : n.next) {
                    if (e != null && (task(e.node()).runs || task(e.node()).target)) {
                        leadsToTarget = true;
                        break;
                    }
                }
                task(n).runs = leadsToTarget || (n instanceof AccumulateGrad && task(n).target && captures == null);
            }
        }
    }
}
