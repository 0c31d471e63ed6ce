package dev.backprop.graph;

import java.util.HashMap;
import java.util.Map;

/**
 * Draws a {@link GraphModel} as a standalone SVG in torchviz's style, laid out by ELK's layered
 * algorithm: boxes with the node labels, and arrows in forward direction. The same model always draws
 * the same bytes. Refuses graphs whose layout would take too long.
 */
public final class SvgRenderer {
    public static final int DEFAULT_MAX_NODES = 2_000;
    /**
     * The layout's work grows with the dummy nodes it puts on edges that span several layers (a tensor
     * read at every step of a loop); this many take one to two seconds on two cores.
     */
    public static final long DEFAULT_MAX_DUMMY_NODES = 20_000;

    private final int maxNodes;
    private final long maxDummyNodes;

    public SvgRenderer() {
        this(DEFAULT_MAX_NODES, DEFAULT_MAX_DUMMY_NODES);
    }

    /**
     * @param maxNodes      the most nodes to draw
     * @param maxDummyNodes the most layers that edges spanning several layers may cross, summed over all edges
     */
    public SvgRenderer(int maxNodes, long maxDummyNodes) {
        if (maxNodes < 1 || maxDummyNodes < 0) {
            throw new IllegalArgumentException(
                    "maxNodes must be at least 1 and maxDummyNodes at least 0, got " + maxNodes + " and " + maxDummyNodes);
        }
        this.maxNodes = maxNodes;
        this.maxDummyNodes = maxDummyNodes;
    }

    /** @throws GraphTooLargeException if the model has more nodes, or its edges span more layers, than allowed */
    public String render(GraphModel model) {
        if (model.nodes().size() > maxNodes) {
            throw new GraphTooLargeException("the graph to draw has more than " + maxNodes + " nodes");
        }
        long dummyNodes = LayeredSize.dummyNodes(model);
        if (dummyNodes > maxDummyNodes) {
            throw new GraphTooLargeException("the graph to draw has edges that cross " + dummyNodes
                    + " layers in all, more than the " + maxDummyNodes + " its layout may route");
        }
        Map<String, LabelBox> labels = new HashMap<>();
        for (GraphNode node : model.nodes()) {
            labels.put(node.id(), LabelBox.of(node.label()));
        }
        Layout layout = ElkLayout.of(model, labels, dummyNodes);
        return SvgWriter.write(model, labels, layout);
    }
}
