package dev.backprop.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.backprop.engine.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class GraphModelTest {

    @Test
    void seedGraphHasTorchvizNodes() {
        GraphModel model = SeedGraph.build().model();

        assertThat(model.rootId()).isEqualTo("n0");
        assertThat(model.nodes())
                .extracting(GraphNode::id, GraphNode::kind, GraphNode::label)
                .containsExactly(
                        tuple("n0", "tensor", "y\n(1)"),
                        tuple("n1", "function", "MulBackward0"),
                        tuple("n2", "function", "AddBackward0"),
                        tuple("n3", "function", "AddBackward0"),
                        tuple("n4", "function", "AccumulateGrad"),
                        tuple("n5", "function", "AccumulateGrad"),
                        tuple("n6", "tensor", "w\n(1)"),
                        tuple("n7", "tensor", "x\n(1)"));
    }

    @Test
    void seedGraphEdgesRunForward() {
        GraphModel model = SeedGraph.build().model();

        assertThat(model.edges()).containsExactly(
                new GraphEdge("n1", "n0"),  // MulBackward0 -> y
                new GraphEdge("n2", "n1"),  // AddBackward0 (a) -> MulBackward0
                new GraphEdge("n3", "n1"),  // AddBackward0 (b) -> MulBackward0
                new GraphEdge("n4", "n2"),  // AccumulateGrad (w) -> AddBackward0 (a)
                new GraphEdge("n5", "n2"),  // AccumulateGrad (x) -> AddBackward0 (a)
                new GraphEdge("n4", "n3"),  // AccumulateGrad (w) -> AddBackward0 (b); the scalar 1 has no edge
                new GraphEdge("n6", "n4"),  // w -> AccumulateGrad
                new GraphEdge("n7", "n5")); // x -> AccumulateGrad
    }

    @Test
    void tensorNodesCarryTheirMetadata() {
        GraphModel model = SeedGraph.build().model();

        GraphNode w = model.nodes().get(6);
        assertThat(w).isEqualTo(new GraphNode("n6", "tensor", "w\n(1)", "w", List.of(1), "float32", true, true, null));
        GraphNode y = model.nodes().get(0);
        assertThat(y).isEqualTo(new GraphNode("n0", "tensor", "y\n(1)", "y", List.of(1), "float32", true, false, null));
        GraphNode mul = model.nodes().get(1);
        assertThat(mul).isEqualTo(new GraphNode("n1", "function", "MulBackward0", null, null, null, null, null, "MulBackward0"));
    }

    @Test
    void unnamedTensorsAreLabelledByShape() {
        Tensor m = Tensor.of(new float[6], 2, 3).requiresGrad_(true);
        GraphModel model = GraphModel.of(m.sum(), t -> null, 10);

        assertThat(model.nodes()).extracting(GraphNode::label)
                .containsExactly("()", "SumBackward0", "AccumulateGrad", "(2, 3)");
    }

    @Test
    void aLeafRootIsASingleTensor() {
        Tensor w = Tensor.of(new float[] {1f}, 1).requiresGrad_(true);
        GraphModel model = GraphModel.of(w, t -> "w", 10);

        assertThat(model.nodes()).extracting(GraphNode::kind, GraphNode::isLeaf).containsExactly(tuple("tensor", true));
        assertThat(model.edges()).isEmpty();
    }

    @Test
    void aFunctionReachedTwiceIsOneNodeWithTwoEdges() {
        Tensor w = Tensor.of(new float[] {3f}, 1).requiresGrad_(true);
        GraphModel model = GraphModel.of(w.mul(w), t -> null, 10);

        assertThat(model.nodes()).extracting(GraphNode::label)
                .containsExactly("(1)", "MulBackward0", "AccumulateGrad", "(1)");
        assertThat(model.edges()).containsExactly(
                new GraphEdge("n1", "n0"), new GraphEdge("n2", "n1"), new GraphEdge("n2", "n1"), new GraphEdge("n3", "n2"));
    }

    @Test
    void refusesAGraphLargerThanTheCap() {
        SeedGraph seed = SeedGraph.build();

        assertThatThrownBy(() -> GraphModel.of(seed.y(), seed.names(), 7))
                .isInstanceOf(GraphTooLargeException.class)
                .hasMessage("the graph has more than 7 nodes");
        assertThat(GraphModel.of(seed.y(), seed.names(), 8).nodes()).hasSize(8);
    }

    @Test
    void aHundredThousandOpChainReadsAndWritesAsJson() {
        Tensor x = Tensor.of(new float[] {1f}, 1).requiresGrad_(true);
        Tensor y = x;
        for (int i = 0; i < 100_000; i++) {
            y = y.mul(1.0);
        }

        GraphModel model = GraphModel.of(y, t -> null, 200_000);
        String json = JsonMapper.builder().build().writeValueAsString(model);

        assertThat(model.nodes()).hasSize(100_003);
        assertThat(model.edges()).hasSize(100_002);
        assertThat(json).startsWith("{\"rootId\":\"n0\",\"nodes\":[{\"id\":\"n0\",\"kind\":\"tensor\"");
        assertThatThrownBy(() -> GraphModel.of(x.mul(1.0).mul(1.0), t -> null, 3))
                .isInstanceOf(GraphTooLargeException.class);
    }

    @Test
    void jsonNamesTheFieldsAsTheRecordDoes() {
        String json = JsonMapper.builder().build().writeValueAsString(SeedGraph.build().model());

        assertThat(json).contains(
                "{\"id\":\"n6\",\"kind\":\"tensor\",\"label\":\"w\\n(1)\",\"name\":\"w\",\"shape\":[1],\"dtype\":\"float32\","
                        + "\"requiresGrad\":true,\"isLeaf\":true,\"gradFn\":null}",
                "{\"from\":\"n6\",\"to\":\"n4\"}");
    }
}
