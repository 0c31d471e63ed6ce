package dev.backprop.engine;

import static dev.backprop.engine.OpSamples.add;
import static dev.backprop.engine.OpSamples.any;
import static dev.backprop.engine.OpSamples.s;

import dev.backprop.engine.OpSamples.Longs;
import dev.backprop.engine.OpSamples.Mask;
import java.util.List;
import java.util.Map;

/** Samples of the ops of {@link SortingOpDefs}, and of {@code eye} and {@code linspace}; random values, so no ties. */
final class SortingSamples {
    private SortingSamples() {}

    static void register() {
        for (String op : List.of("argmax", "argmin")) {
            add(op, s("all", Map.of(), any(2, 3)), s("dim keepdim", Map.of("dim", 1, "keepdim", true), any(2, 3)),
                    s("int64 dim 0", Map.of("dim", 0), new Longs(new long[] {3, 1, 4, 1, 5, 9}, 3, 2)));
        }
        for (String op : List.of("amax", "amin")) {
            add(op, s("all", Map.of(), any(2, 3)), s("dims", Map.of("dim", List.of(0, 2)), any(2, 3, 2)),
                    s("dim keepdim", Map.of("dim", 1, "keepdim", true), any(2, 3)));
        }
        for (String op : List.of("all", "any")) {
            add(op, s("all", Map.of(), any(2, 3)),
                    s("mask dim", Map.of("dim", 1), new Mask(new boolean[] {true, false, true, true}, 2, 2)),
                    s("int64 dim keepdim", Map.of("dim", 0, "keepdim", true), new Longs(new long[] {0, 2, 3, 0}, 2, 2)));
        }
        add("sort", s("last dim", Map.of(), any(2, 4)), s("descending dim 0", Map.of("dim", 0, "descending", true), any(3, 2)),
                s("stable", Map.of("stable", true), any(5)));
        add("topk", s("largest 2", Map.of(), any(2, 5), 2),
                s("smallest unsorted dim 0", Map.of("dim", 0, "largest", false, "sorted", false), any(4, 3), 2),
                s("partial sort", Map.of(), any(70), 1));
        add("eye", s("square", Map.of(), 3), s("2x3 float64", Map.of("dtype", "float64"), 2, 3));
        add("linspace", s("0..1", Map.of(), 0.0, 1.0, 7), s("int64", Map.of("dtype", "int64"), -7, 3, 11));
    }
}
