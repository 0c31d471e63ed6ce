package dev.backprop.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LayeredSizeTest {

    private static GraphNode function(String id) {
        return new GraphNode(id, GraphNode.FUNCTION, id, null, null, null, null, null, id);
    }

    @Test
    void edgesBetweenNeighbouringLayersNeedNoDummies() {
        assertThat(LayeredSize.dummyNodes(SeedGraph.build().model())).isZero();
    }

    @Test
    void anEdgeSpanningLayersNeedsOneDummyPerLayerCrossed() {
        // d feeds c, b and a along the chain d -> c -> b -> a: d -> b crosses one layer, d -> a two
        GraphModel model = new GraphModel("a",
                List.of(function("a"), function("b"), function("c"), function("d")),
                List.of(new GraphEdge("b", "a"), new GraphEdge("c", "b"), new GraphEdge("d", "c"),
                        new GraphEdge("d", "b"), new GraphEdge("d", "a")));

        assertThat(LayeredSize.dummyNodes(model)).isEqualTo(3);
    }

    @Test
    void sourcesSitJustAboveTheirFarthestConsumer() {
        // s feeds only the root, below a long chain: it needs no dummies
        GraphModel model = new GraphModel("a",
                List.of(function("a"), function("b"), function("c"), function("s")),
                List.of(new GraphEdge("b", "a"), new GraphEdge("c", "b"), new GraphEdge("s", "a")));

        assertThat(LayeredSize.dummyNodes(model)).isZero();
    }
}
