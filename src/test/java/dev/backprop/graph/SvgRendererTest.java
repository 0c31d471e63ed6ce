package dev.backprop.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.engine.Tensor;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class SvgRendererTest {
    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final double TOLERANCE = 0.05;

    private record Rect(double x, double y, double width, double height) {
        boolean hasOnBorder(double[] p) {
            boolean inside = p[0] >= x - TOLERANCE && p[0] <= x + width + TOLERANCE
                    && p[1] >= y - TOLERANCE && p[1] <= y + height + TOLERANCE;
            boolean onVertical = Math.abs(p[0] - x) <= TOLERANCE || Math.abs(p[0] - x - width) <= TOLERANCE;
            boolean onHorizontal = Math.abs(p[1] - y) <= TOLERANCE || Math.abs(p[1] - y - height) <= TOLERANCE;
            return inside && (onVertical || onHorizontal);
        }
    }

    @Test
    void drawsOneBoxPerNodeWithItsLabel() throws Exception {
        GraphModel model = SeedGraph.build().model();
        Document svg = parse(new SvgRenderer().render(model));

        assertThat(svg.getDocumentElement().getNamespaceURI()).isEqualTo(SVG_NS);
        assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
        List<Element> groups = nodeGroups(svg);
        assertThat(groups).hasSize(model.nodes().size());
        for (GraphNode node : model.nodes()) {
            Element group = groups.stream().filter(g -> g.getAttribute("data-id").equals(node.id())).findFirst().orElseThrow();
            assertThat(group.getElementsByTagNameNS(SVG_NS, "rect").getLength()).isOne();
            assertThat(lines(group)).isEqualTo(node.label());
            assertThat(group.getAttribute("class")).isEqualTo("node " + node.kind() + (node.id().equals("n0") ? " root" : ""));
        }
        assertThat(groups).extracting(SvgRendererTest::lines)
                .containsExactlyInAnyOrder("y\n(1)", "MulBackward0", "AddBackward0", "AddBackward0",
                        "AccumulateGrad", "AccumulateGrad", "w\n(1)", "x\n(1)");
    }

    @Test
    void colorsFollowTorchviz() throws Exception {
        Map<String, Element> rects = rectsById(parse(new SvgRenderer().render(SeedGraph.build().model())));

        assertThat(rects.get("n0").getAttribute("fill")).isEqualTo("#caff70");
        assertThat(rects.get("n6").getAttribute("fill")).isEqualTo("#add8e6");
        assertThat(rects.get("n1").getAttribute("fill")).isEqualTo("#d3d3d3");
        assertThat(rects.get("n1").getAttribute("rx")).isNotEmpty();
        assertThat(rects.get("n6").getAttribute("rx")).isEmpty();
    }

    @Test
    void edgesRunFromBorderToBorderInForwardDirection() throws Exception {
        GraphModel model = SeedGraph.build().model();
        Document svg = parse(new SvgRenderer().render(model));
        Map<String, Rect> boxes = new HashMap<>();
        rectsById(svg).forEach((id, rect) -> boxes.put(id, new Rect(number(rect, "x"), number(rect, "y"),
                number(rect, "width"), number(rect, "height"))));

        NodeList polylines = svg.getElementsByTagNameNS(SVG_NS, "polyline");
        assertThat(polylines.getLength()).isEqualTo(model.edges().size());
        List<GraphEdge> drawn = new ArrayList<>();
        for (int i = 0; i < polylines.getLength(); i++) {
            Element line = (Element) polylines.item(i);
            GraphEdge edge = new GraphEdge(line.getAttribute("data-from"), line.getAttribute("data-to"));
            drawn.add(edge);
            List<double[]> points = points(line.getAttribute("points"));
            assertThat(points).hasSizeGreaterThanOrEqualTo(2);
            assertThat(boxes.get(edge.from()).hasOnBorder(points.getFirst()))
                    .as("edge %s starts on its source's border", edge).isTrue();
            assertThat(boxes.get(edge.to()).hasOnBorder(points.getLast()))
                    .as("edge %s ends on its target's border", edge).isTrue();
            assertThat(line.getAttribute("marker-end")).isEqualTo("url(#backprop-arrow)");
        }
        assertThat(drawn).containsExactlyElementsOf(model.edges());
        // leaves above, the output below, as torchviz draws it
        assertThat(boxes.get("n6").y()).isLessThan(boxes.get("n1").y());
        assertThat(boxes.get("n1").y()).isLessThan(boxes.get("n0").y());
    }

    @Test
    void boxesDoNotOverlapAndFitTheCanvas() throws Exception {
        Document svg = parse(new SvgRenderer().render(SeedGraph.build().model()));
        double width = number(svg.getDocumentElement(), "width");
        double height = number(svg.getDocumentElement(), "height");
        List<Rect> rects = rectsById(svg).values().stream()
                .map(r -> new Rect(number(r, "x"), number(r, "y"), number(r, "width"), number(r, "height"))).toList();

        for (Rect a : rects) {
            assertThat(a.x()).isGreaterThanOrEqualTo(0);
            assertThat(a.y()).isGreaterThanOrEqualTo(0);
            assertThat(a.x() + a.width()).isLessThanOrEqualTo(width);
            assertThat(a.y() + a.height()).isLessThanOrEqualTo(height);
            for (Rect b : rects) {
                boolean overlap = a != b && a.x() < b.x() + b.width() && b.x() < a.x() + a.width()
                        && a.y() < b.y() + b.height() && b.y() < a.y() + a.height();
                assertThat(overlap).as("%s overlaps %s", a, b).isFalse();
            }
        }
    }

    @Test
    void escapesNamesFromUsers() throws Exception {
        Tensor w = Tensor.of(new float[] {1f}, 1).requiresGrad_(true);
        String name = "<script>&\"'\u0000";
        GraphModel model = GraphModel.of(w.neg(), t -> t == w ? name : null, 10);

        String text = new SvgRenderer().render(model);
        Document svg = parse(text);

        assertThat(text).doesNotContain("<script").contains("&lt;script&gt;&amp;&quot;&#39;");
        Element leaf = nodeGroups(svg).stream().filter(g -> g.getAttribute("data-id").equals("n3")).findFirst().orElseThrow();
        assertThat(lines(leaf)).isEqualTo("<script>&\"'\n(1)");
    }

    @Test
    void longNamesAreShortenedInTheBox() throws Exception {
        Tensor w = Tensor.of(new float[] {1f}, 1).requiresGrad_(true);
        GraphModel model = GraphModel.of(w.neg(), t -> t == w ? "a".repeat(200) : null, 10);

        Element leaf = nodeGroups(parse(new SvgRenderer().render(model))).getLast();

        assertThat(lines(leaf)).isEqualTo("a".repeat(39) + "…\n(1)");
        assertThat(leaf.getElementsByTagNameNS(SVG_NS, "title").item(0).getTextContent()).contains("a".repeat(200));
    }

    @Test
    void theSameGraphDrawsTheSameBytes() {
        String first = new SvgRenderer().render(SeedGraph.build().model());
        String second = new SvgRenderer().render(SeedGraph.build().model());

        assertThat(second).isEqualTo(first);
    }

    @Test
    void refusesGraphsAboveItsCap() {
        GraphModel seed = SeedGraph.build().model();
        assertThatThrownBy(() -> new SvgRenderer(7, 1000).render(seed))
                .isInstanceOf(GraphTooLargeException.class)
                .hasMessage("the graph to draw has more than 7 nodes");

        Tensor y = Tensor.of(new float[] {1f}, 1).requiresGrad_(true);
        for (int i = 0; i < 100_000; i++) {
            y = y.mul(1.0);
        }
        GraphModel chain = GraphModel.of(y, t -> null, 200_000);
        assertThatThrownBy(() -> new SvgRenderer().render(chain)).isInstanceOf(GraphTooLargeException.class);
    }

    @Test
    void refusesGraphsWhoseEdgesSpanTooManyLayers() {
        Tensor w = Tensor.of(new float[] {1f, 2f}, 2).requiresGrad_(true);
        Tensor y = w;
        for (int i = 0; i < 30; i++) {
            y = y.mul(w.add(i)).tanh();  // w's AccumulateGrad feeds every step: long edges
        }
        GraphModel model = GraphModel.of(y.sum(), t -> null, 1_000);

        assertThatThrownBy(() -> new SvgRenderer(1_000, 500).render(model))
                .isInstanceOf(GraphTooLargeException.class)
                .hasMessage("the graph to draw has edges that cross 871 layers in all, more than the 500 its layout may route");
        assertThat(new SvgRenderer().render(model)).contains("<svg");
    }

    @Test
    void drawsALongGraphAtTheDefaultCapWhateverTheCallersStack() throws Exception {
        Tensor y = Tensor.of(new float[] {1f}, 1).requiresGrad_(true);
        int ops = 0;
        while (4 * ops + 8 <= SvgRenderer.DEFAULT_MAX_NODES) {
            y = y.mul(Tensor.of(new float[] {1f}, 1).requiresGrad_(true)).tanh();
            ops++;
        }
        GraphModel model = GraphModel.of(y, t -> null, SvgRenderer.DEFAULT_MAX_NODES);
        String[] svg = new String[1];
        Thread smallStack = new Thread(null, () -> svg[0] = new SvgRenderer().render(model), "small-stack", 256 << 10);
        smallStack.start();
        smallStack.join();

        Document parsed = parse(svg[0]);
        assertThat(model.nodes()).hasSizeGreaterThan(SvgRenderer.DEFAULT_MAX_NODES - 8);
        assertThat(nodeGroups(parsed)).hasSize(model.nodes().size());
        assertThat(parsed.getElementsByTagNameNS(SVG_NS, "polyline").getLength()).isEqualTo(model.edges().size());
    }

    @Test
    void formatsNumbersWithoutLocaleOrNoise() {
        assertThat(SvgWriter.number(12.0)).isEqualTo("12");
        assertThat(SvgWriter.number(12.5)).isEqualTo("12.5");
        assertThat(SvgWriter.number(0.30000000000000004)).isEqualTo("0.3");
        assertThat(SvgWriter.number(1.006)).isEqualTo("1.01");
        assertThat(SvgWriter.number(0)).isEqualTo("0");
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    private static List<Element> nodeGroups(Document svg) {
        List<Element> groups = new ArrayList<>();
        NodeList all = svg.getElementsByTagNameNS(SVG_NS, "g");
        for (int i = 0; i < all.getLength(); i++) {
            Element g = (Element) all.item(i);
            if (g.getAttribute("class").startsWith("node ")) {
                groups.add(g);
            }
        }
        return groups;
    }

    private static Map<String, Element> rectsById(Document svg) {
        Map<String, Element> rects = new HashMap<>();
        for (Element group : nodeGroups(svg)) {
            rects.put(group.getAttribute("data-id"), (Element) group.getElementsByTagNameNS(SVG_NS, "rect").item(0));
        }
        return rects;
    }

    /** The text of a node's box, one line per tspan. */
    private static String lines(Element group) {
        NodeList spans = group.getElementsByTagNameNS(SVG_NS, "tspan");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < spans.getLength(); i++) {
            lines.add(spans.item(i).getTextContent());
        }
        return String.join("\n", lines);
    }

    private static double number(Element element, String attribute) {
        return Double.parseDouble(element.getAttribute(attribute));
    }

    private static List<double[]> points(String attribute) {
        List<double[]> points = new ArrayList<>();
        for (String pair : attribute.trim().split(" ")) {
            String[] xy = pair.split(",");
            points.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
        }
        return points;
    }
}
