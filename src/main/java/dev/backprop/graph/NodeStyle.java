package dev.backprop.graph;

/** torchviz's colours: the root tensor green, leaf tensors light blue, functions light grey. */
enum NodeStyle {
    ROOT("darkolivegreen1", "#caff70", false),
    LEAF("lightblue", "#add8e6", false),
    FUNCTION("lightgrey", "#d3d3d3", true);

    final String graphvizColor;
    final String rgb;
    final boolean rounded;

    NodeStyle(String graphvizColor, String rgb, boolean rounded) {
        this.graphvizColor = graphvizColor;
        this.rgb = rgb;
        this.rounded = rounded;
    }

    static NodeStyle of(GraphModel model, GraphNode node) {
        if (node.id().equals(model.rootId())) {
            return ROOT;
        }
        return GraphNode.TENSOR.equals(node.kind()) ? LEAF : FUNCTION;
    }
}
