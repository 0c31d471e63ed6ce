package dev.backprop.engine;

import static dev.backprop.engine.OpSamples.add;
import static dev.backprop.engine.OpSamples.any;
import static dev.backprop.engine.OpSamples.s;

import dev.backprop.engine.OpSamples.In;
import dev.backprop.engine.OpSamples.Longs;
import java.util.List;
import java.util.Map;

/** Samples of the ops of {@link NormalizationOpDefs}. */
final class NormalizationSamples {
    private NormalizationSamples() {}

    static void register() {
        add("layer_norm",
                s("last dim", Map.of(), any(3, 4), List.of(4)),
                s("affine", Map.of("eps", 1e-3), any(2, 3), List.of(3), any(3), any(3)),
                s("two dims, weight only", Map.of(), any(2, 2, 3), List.of(2, 3), In.of(0.5, 2, 2, 3)),
                s("constant input", Map.of(), In.constant(-2, 2, 2, 3), List.of(3), any(3), any(3)));
        add("embedding",
                s("rows", Map.of(), new Longs(new long[] {2, 0, 2, 1}, 2, 2), any(3, 4)),
                // A padding row and scaling by frequency are not derivatives: NormalizationOpsTest checks them against PyTorch.
                s("padding_idx not met", Map.of("padding_idx", -1), new Longs(0, 1, 1), any(3, 2)));
    }
}
