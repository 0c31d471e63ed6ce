package dev.backprop.graph;

/** Writes a {@link GraphModel} as Graphviz DOT in torchviz's style, ready for {@code dot -Tsvg}. */
public final class DotRenderer {
    private DotRenderer() {}

    public static String render(GraphModel model) {
        StringBuilder out = new StringBuilder(64 * (model.nodes().size() + model.edges().size()) + 256);
        out.append("digraph autograd {\n");
        out.append("  graph [rankdir=TB, size=\"12,12\"];\n");
        out.append("  node [shape=box, style=filled, align=left, fontsize=10, height=0.2, fontname=monospace];\n");
        for (GraphNode node : model.nodes()) {
            NodeStyle style = NodeStyle.of(model, node);
            out.append("  ").append(quote(node.id()))
                    .append(" [label=").append(quote(node.label()))
                    .append(", fillcolor=").append(style.graphvizColor);
            if (style.rounded) {
                out.append(", style=\"filled,rounded\"");
            }
            out.append("];\n");
        }
        for (GraphEdge edge : model.edges()) {
            out.append("  ").append(quote(edge.from())).append(" -> ").append(quote(edge.to())).append(";\n");
        }
        return out.append("}\n").toString();
    }

    /**
     * A DOT double-quoted string. Backslashes are doubled because Graphviz reads escapes such as
     * {@code \N} and {@code \l} in labels; line breaks become {@code \n}; other control characters are dropped.
     */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c >= ' ' && c != 0x7f) {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
