package dev.backprop.graph;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Writes laid-out nodes and edges as SVG markup, escaping every piece of text. */
final class SvgWriter {
    private static final String STROKE = "#333333";
    private static final double CORNER_RADIUS = 6;
    private static final String ARROW_ID = "backprop-arrow";

    private SvgWriter() {}

    static String write(GraphModel model, Map<String, LabelBox> labels, Layout layout) {
        StringBuilder out = new StringBuilder(512 * (model.nodes().size() + 1));
        String width = number(layout.width());
        String height = number(layout.height());
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width)
                .append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"monospace\" font-size=\"").append(number(LabelBox.FONT_SIZE)).append("\">\n");
        out.append("<title>autograd graph</title>\n");
        out.append("<defs><marker id=\"" + ARROW_ID + "\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\""
                + " markerWidth=\"8\" markerHeight=\"8\" orient=\"auto\">"
                + "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"" + STROKE + "\"/></marker></defs>\n");
        out.append("<rect class=\"background\" width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        out.append("<g class=\"edges\">\n");
        for (Layout.Route route : layout.routes()) {
            edge(out, route);
        }
        out.append("</g>\n<g class=\"nodes\">\n");
        for (GraphNode node : model.nodes()) {
            node(out, node, NodeStyle.of(model, node), labels.get(node.id()), layout.boxes().get(node.id()));
        }
        return out.append("</g>\n</svg>\n").toString();
    }

    /** An edge as a polyline whose arrowhead's tip sits on the last point, the target's border. */
    private static void edge(StringBuilder out, Layout.Route route) {
        out.append("<polyline class=\"edge\" data-from=\"").append(Xml.escape(route.edge().from()))
                .append("\" data-to=\"").append(Xml.escape(route.edge().to()))
                .append("\" points=\"");
        List<Layout.Point> points = route.points();
        for (int i = 0; i < points.size(); i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(number(points.get(i).x())).append(',').append(number(points.get(i).y()));
        }
        out.append("\" fill=\"none\" stroke=\"").append(STROKE)
                .append("\" marker-end=\"url(#").append(ARROW_ID).append(")\"/>\n");
    }

    private static void node(StringBuilder out, GraphNode node, NodeStyle style, LabelBox label, Layout.Box box) {
        out.append("<g class=\"node ").append(node.kind()).append(style == NodeStyle.ROOT ? " root" : "")
                .append("\" data-id=\"").append(Xml.escape(node.id())).append("\">");
        out.append("<title>").append(Xml.escape(tooltip(node))).append("</title>");
        out.append("<rect x=\"").append(number(box.x())).append("\" y=\"").append(number(box.y()))
                .append("\" width=\"").append(number(box.width())).append("\" height=\"").append(number(box.height()))
                .append('"');
        if (style.rounded) {
            out.append(" rx=\"").append(number(CORNER_RADIUS)).append('"');
        }
        out.append(" fill=\"").append(style.rgb).append("\" stroke=\"").append(STROKE).append("\"/>");
        double centerX = box.x() + box.width() / 2;
        out.append("<text text-anchor=\"middle\">");
        List<String> lines = label.lines();
        for (int i = 0; i < lines.size(); i++) {
            // the baseline sits a quarter line above the line's bottom, which leaves room for descenders
            double baseline = box.y() + LabelBox.PADDING_Y + (i + 0.75) * LabelBox.LINE_HEIGHT;
            out.append("<tspan x=\"").append(number(centerX)).append("\" y=\"").append(number(baseline)).append("\">")
                    .append(Xml.escape(lines.get(i))).append("</tspan>");
        }
        out.append("</text></g>\n");
    }

    /** The full text behind a box, whose label may have been shortened. */
    private static String tooltip(GraphNode node) {
        if (!GraphNode.TENSOR.equals(node.kind())) {
            return node.gradFn();
        }
        String name = node.name() == null ? "tensor" : node.name();
        return name + ": " + node.dtype() + " " + GraphNode.sizeText(node.shape())
                + (node.requiresGrad() ? ", requires_grad" : "");
    }

    /** A coordinate with at most two decimals, in one format whatever the default locale. */
    static String number(double value) {
        return BigDecimal.valueOf(Math.round(value * 100), 2).stripTrailingZeros().toPlainString();
    }
}
