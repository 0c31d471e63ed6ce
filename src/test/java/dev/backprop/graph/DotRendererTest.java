package dev.backprop.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.engine.Tensor;
import org.junit.jupiter.api.Test;

class DotRendererTest {

    @Test
    void seedGraphInTorchvizStyle() {
        String dot = DotRenderer.render(SeedGraph.build().model());

        assertThat(dot).isEqualTo("""
                digraph autograd {
                  graph [rankdir=TB, size="12,12"];
                  node [shape=box, style=filled, align=left, fontsize=10, height=0.2, fontname=monospace];
                  "n0" [label="y\\n(1)", fillcolor=darkolivegreen1];
                  "n1" [label="MulBackward0", fillcolor=lightgrey, style="filled,rounded"];
                  "n2" [label="AddBackward0", fillcolor=lightgrey, style="filled,rounded"];
                  "n3" [label="AddBackward0", fillcolor=lightgrey, style="filled,rounded"];
                  "n4" [label="AccumulateGrad", fillcolor=lightgrey, style="filled,rounded"];
                  "n5" [label="AccumulateGrad", fillcolor=lightgrey, style="filled,rounded"];
                  "n6" [label="w\\n(1)", fillcolor=lightblue];
                  "n7" [label="x\\n(1)", fillcolor=lightblue];
                  "n1" -> "n0";
                  "n2" -> "n1";
                  "n3" -> "n1";
                  "n4" -> "n2";
                  "n5" -> "n2";
                  "n4" -> "n3";
                  "n6" -> "n4";
                  "n7" -> "n5";
                }
                """);
    }

    @Test
    void namesCannotBreakOutOfTheirQuotes() {
        Tensor w = Tensor.of(new float[] {1f}, 1).requiresGrad_(true);
        GraphModel model = GraphModel.of(w.neg(), t -> t == w ? "<script>&\"\\N\r\n];" : null, 10);

        String dot = DotRenderer.render(model);

        assertThat(dot).contains("\"n3\" [label=\"<script>&\\\"\\\\N\\n];\\n(1)\", fillcolor=lightblue];\n");
        assertThat(dot.lines().filter(line -> line.contains("->"))).hasSize(3);
    }
}
