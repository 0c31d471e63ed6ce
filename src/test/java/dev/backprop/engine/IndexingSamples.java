package dev.backprop.engine;

import static dev.backprop.engine.OpSamples.add;
import static dev.backprop.engine.OpSamples.any;
import static dev.backprop.engine.OpSamples.s;

import dev.backprop.engine.OpSamples.In;
import dev.backprop.engine.OpSamples.Longs;
import dev.backprop.engine.OpSamples.Mask;
import java.util.List;
import java.util.Map;

/** Samples of the ops of {@link IndexingOpDefs}. */
final class IndexingSamples {
    private IndexingSamples() {}

    private static final Longs ROWS = new Longs(2, 0, 2);
    private static final Longs COLUMNS = new Longs(new long[] {1, 0, 3, 3, 2, 0}, 3, 2);
    private static final Mask ROW_MASK = new Mask(new boolean[] {true, false, true});
    private static final Mask GRID_MASK = new Mask(new boolean[] {true, false, false, true, false, true, true, false, true, false, false, true}, 3, 4);

    static void register() {
        add("index_select", s("rows", Map.of(), any(3, 4), 0, ROWS), s("columns", Map.of(), any(3, 4), -1, new Longs(3, 1)));
        add("gather", s("columns", Map.of(), any(3, 4), 1, COLUMNS), s("rows", Map.of(), any(3, 4), 0, new Longs(new long[] {2, 0, 1, 1}, 1, 4)),
                s("column-major leaf", Map.of(), any(3, 4).transposed(), 1, COLUMNS));
        add("scatter",
                s("src", Map.of(), any(3, 4), 1, new Longs(new long[] {1, 0, 3, 2, 2, 0}, 3, 2), any(3, 2)),
                s("value", Map.of("value", 2.5), any(3, 4), 0, new Longs(new long[] {2, 0, 1, 1}, 1, 4)));
        add("scatter_",
                s("src", Map.of(), any(3, 4), 1, new Longs(new long[] {1, 0, 3, 2, 2, 0}, 3, 2), any(3, 2)),
                s("value", Map.of(), any(3, 4), 1, COLUMNS, -1.0));
        add("scatter_add", s("repeated", Map.of(), any(3, 4), 1, COLUMNS, any(3, 2)));
        add("scatter_add_", s("repeated", Map.of(), any(3, 4), 1, COLUMNS, any(3, 2)));
        add("masked_fill",
                s("tensor value", Map.of(), any(3, 4), GRID_MASK, any()),
                s("number value", Map.of("value", -1.5), any(3, 4), new Mask(new boolean[] {true, false, false, true}, 4)),
                s("broadcast self", Map.of("value", 0), any(4), GRID_MASK));
        add("masked_fill_", s("tensor value", Map.of(), any(3, 4), GRID_MASK, any()), s("number value", Map.of(), any(3, 4), GRID_MASK, 7));
        add("index_put",
                s("rows", Map.of(), any(3, 4), List.of(new Longs(2, 0)), any(2, 4)),
                s("points, accumulated", Map.of("accumulate", true), any(3, 4), List.of(new Longs(0, 2, 0), new Longs(1, 3, 1)), any(3)),
                s("mask, broadcast value", Map.of(), any(3, 4), List.of(GRID_MASK), any()));
        add("index_put_", s("rows", Map.of(), any(3, 4), List.of(new Longs(2, 0)), any(2, 4)));
        add("getitem",
                s("slices", Map.of("key", "1:3, ::2"), any(3, 4)),
                s("int", Map.of("key", "-1"), any(3, 4)),
                s("none then int", Map.of("key", "None, 1"), any(3, 4)),
                s("ellipsis then int", Map.of("key", "..., 0"), any(2, 3, 4)),
                s("none", Map.of("key", "None"), any(3, 4)),
                s("ellipsis", Map.of("key", "..."), any(3, 4)),
                s("index tensor", Map.of(), any(3, 4), ROWS),
                s("mask", Map.of(), any(3, 4), ROW_MASK),
                s("grid mask", Map.of(), any(3, 4), GRID_MASK),
                s("int list then slice", Map.of("key", "[0, 2, 2], 1:"), any(3, 4)),
                s("slice then int list", Map.of("key", ":, [3, 0]"), any(3, 4)),
                s("separated int lists", Map.of("key", "[1, 0], :, [2, 2]"), any(3, 2, 4)),
                s("bool", Map.of("key", "True"), any(3, 4)),
                s("column-major leaf", Map.of("key", "[2, 0], 1:"), any(3, 4).transposed()));
        add("setitem_",
                s("slices, number", Map.of("key", "1:3, ::2"), In.constant(-1, 1, 3, 4), 5.0),
                s("ellipsis, tensor", Map.of("key", "..."), In.constant(-1, 1, 3, 4), any(4)),
                s("int list, tensor", Map.of("key", "[0, 2]"), any(3, 4), any(4)));
        add("copy_", s("broadcast", Map.of(), In.constant(-1, 1, 3, 4), any(4)));
    }
}
