package dev.backprop.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/** Lays a graph out top to bottom (leaves above, the root below) with ELK's layered algorithm. */
final class ElkLayout {
    private static final double PADDING = 16;
    private static final double NODE_SPACING = 24;
    private static final double LAYER_SPACING = 36;
    /** Some of ELK's graph walks recurse once per node along a path; a long chain needs a deep stack. */
    private static final long STACK_BYTES = 64L << 20;
    /**
     * Keeping the model's node order puts siblings where torchviz draws them, but ELK's sort for it grows
     * quadratically with dummy nodes, so larger graphs are left to plain crossing minimization.
     */
    private static final long MODEL_ORDER_MAX_DUMMY_NODES = 2_000;

    static {
        // ELK finds its algorithms through ServiceLoader; register layered by hand where that did not happen.
        LayoutMetaDataService service = LayoutMetaDataService.getInstance();
        if (service.getAlgorithmData(LayeredOptions.ALGORITHM_ID) == null) {
            service.registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
        }
    }

    private ElkLayout() {}

    /** @param dummyNodes the estimate of {@link LayeredSize#dummyNodes} */
    static Layout of(GraphModel model, Map<String, LabelBox> labels, long dummyNodes) {
        AtomicReference<Layout> layout = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(null, () -> {
            try {
                layout.set(compute(model, labels, dummyNodes <= MODEL_ORDER_MAX_DUMMY_NODES));
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "graph-layout", STACK_BYTES);
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while laying out the graph", e);
        }
        Throwable thrown = failure.get();
        if (thrown instanceof RuntimeException e) {
            throw e;
        }
        if (thrown instanceof Error e) {
            throw e;
        }
        if (thrown != null) {
            throw new IllegalStateException(thrown);
        }
        return layout.get();
    }

    private static Layout compute(GraphModel model, Map<String, LabelBox> labels, boolean keepModelOrder) {
        ElkNode graph = ElkGraphUtil.createGraph();
        graph.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        graph.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
        graph.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.POLYLINE);
        graph.setProperty(CoreOptions.PADDING, new ElkPadding(PADDING));
        graph.setProperty(CoreOptions.RANDOM_SEED, 1);
        graph.setProperty(LayeredOptions.SPACING_NODE_NODE, NODE_SPACING);
        graph.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, LAYER_SPACING);
        if (keepModelOrder) {
            graph.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.NODES_AND_EDGES);
        }

        Map<String, ElkNode> elkNodes = new HashMap<>();
        for (GraphNode node : model.nodes()) {
            LabelBox label = labels.get(node.id());
            ElkNode elkNode = ElkGraphUtil.createNode(graph);
            elkNode.setIdentifier(node.id());
            elkNode.setDimensions(label.width(), label.height());
            elkNodes.put(node.id(), elkNode);
        }
        List<ElkEdge> elkEdges = new ArrayList<>(model.edges().size());
        for (GraphEdge edge : model.edges()) {
            elkEdges.add(ElkGraphUtil.createSimpleEdge(elkNodes.get(edge.from()), elkNodes.get(edge.to())));
        }

        new RecursiveGraphLayoutEngine().layout(graph, new BasicProgressMonitor());

        Map<String, Layout.Box> boxes = new LinkedHashMap<>();
        for (GraphNode node : model.nodes()) {
            ElkNode n = elkNodes.get(node.id());
            boxes.put(node.id(), new Layout.Box(n.getX(), n.getY(), n.getWidth(), n.getHeight()));
        }
        List<Layout.Route> routes = new ArrayList<>(elkEdges.size());
        for (int i = 0; i < elkEdges.size(); i++) {
            routes.add(new Layout.Route(model.edges().get(i), points(elkEdges.get(i))));
        }
        return new Layout(graph.getWidth(), graph.getHeight(), boxes, routes);
    }

    /** The edge's section as a polyline; edges of a flat graph are in the graph's own coordinates. */
    private static List<Layout.Point> points(ElkEdge edge) {
        ElkEdgeSection section = edge.getSections().getFirst();
        List<Layout.Point> points = new ArrayList<>(section.getBendPoints().size() + 2);
        points.add(new Layout.Point(section.getStartX(), section.getStartY()));
        for (ElkBendPoint bend : section.getBendPoints()) {
            points.add(new Layout.Point(bend.getX(), bend.getY()));
        }
        points.add(new Layout.Point(section.getEndX(), section.getEndY()));
        return List.copyOf(points);
    }
}
