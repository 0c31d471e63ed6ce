package dev.backprop.engine;

import static dev.backprop.engine.OpSamples.add;
import static dev.backprop.engine.OpSamples.any;
import static dev.backprop.engine.OpSamples.s;

import java.util.List;
import java.util.Map;

/** Samples of the ops of {@link ShapeOpDefs}. */
final class ShapeSamples {
    private ShapeSamples() {}

    static void register() {
        add("permute", s("2x3x4 to 4x2x3", Map.of("dims", List.of(2, 0, 1)), any(2, 3, 4)),
                s("negative dims", Map.of("dims", List.of(-1, -2)), any(3, 2)));
        add("flatten", s("contiguous, from dim 1", Map.of("start_dim", 1), any(2, 3, 2)),
                s("transposed", Map.of(), any(3, 2).transposed()), s("0-d", Map.of(), any()));
        add("unflatten", s("dim 1 to 2x2", Map.of("dim", 1, "sizes", List.of(2, -1)), any(3, 4)));
        add("repeat", s("2x3 by 2,1,2", Map.of("repeats", List.of(2, 1, 2)), any(2, 3)), s("once", Map.of("repeats", List.of(1)), any(3)));
        add("split", s("size 2", Map.of("split_size_or_sections", 2, "dim", 1), any(3, 5)),
                s("sections", Map.of("split_size_or_sections", List.of(1, 3), "dim", -1), any(2, 4)));
        add("chunk", s("3 chunks", Map.of("chunks", 3, "dim", 1), any(2, 7)), s("one chunk of an empty dim", Map.of("chunks", 1), any(0, 3)));
        add("flip", s("dims 0 and 2", Map.of("dims", List.of(0, 2)), any(2, 3, 2)));
        add("roll", s("two dims", Map.of("shifts", List.of(1, -2), "dims", List.of(0, 1)), any(3, 4)),
                s("flattened", Map.of("shifts", 5), any(2, 3)));
        add("tril", s("3x4", Map.of(), any(3, 4)), s("batched, diagonal -1", Map.of("diagonal", -1), any(2, 3, 3)));
        add("triu", s("3x4, diagonal 1", Map.of("diagonal", 1), any(3, 4)));
        add("tril_", s("3x3", Map.of(), any(3, 3)));
        add("triu_", s("3x3, diagonal -1", Map.of("diagonal", -1), any(3, 3)));
        add("diag", s("vector, diagonal 1", Map.of("diagonal", 1), any(3)), s("square", Map.of(), any(3, 3)),
                s("rectangular, diagonal -1", Map.of("diagonal", -1), any(3, 2)));
        add("einsum", s("matrix product", Map.of(), "ij,jk->ik", any(2, 3), any(3, 4)),
                s("trace", Map.of(), "ii", any(3, 3)),
                s("diagonal", Map.of(), "ii->i", any(3, 3)),
                s("outer", Map.of(), "i,j->ij", any(3), any(2)),
                s("batched, broadcast ellipsis", Map.of(), "...ij,...jk", any(2, 2, 3), any(1, 3, 2)),
                s("three operands", Map.of(), "ij,jk,kl->li", any(2, 3), any(3, 2), any(2, 2)),
                s("repeated and summed", Map.of(), "iij,jk->k", any(2, 2, 3), any(3, 2)));
    }
}
