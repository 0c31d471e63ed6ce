package dev.backprop.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/** The response bodies of the session API that are more than one view. */
final class Responses {
    private Responses() {}

    @Schema(description = "The views of a batch's (or a multi-result op's) results, in order",
            additionalProperties = Schema.AdditionalPropertiesValue.FALSE, requiredProperties = {"results"},
            example = "{\"results\": [{\"name\": \"a\", \"shape\": [1], \"dtype\": \"float32\", \"requiresGrad\": false, \"isLeaf\": true, \"gradFn\": null, \"retainsGrad\": false, \"version\": 0, \"data\": [1.0], \"grad\": null}]}")
    record Batch(List<TensorView> results) {}

    @Schema(description = "Every tensor whose grad changed", example = """
            {"updated": [{"name": "w", "shape": [1], "dtype": "float32", "requiresGrad": true, "isLeaf": true, "gradFn": null,
              "retainsGrad": false, "version": 0, "data": [1.0], "grad": [5.0]}]}""")
    record Updated(List<TensorView> updated) {}

    @Schema(description = "The gradients, one per input (null for an unused input with allowUnused)", example = """
            {"grads": [{"name": "grad_1", "shape": [], "dtype": "float32", "requiresGrad": true, "isLeaf": false,
              "gradFn": "MulBackward0", "retainsGrad": false, "version": 0, "data": 6.0, "grad": null}]}""")
    record Grads(List<TensorView> grads) {}

    @Schema(description = "A module and its parameters, named as its state_dict", example = """
            {"name": "lr_net", "repr": "Sequential(...)", "parameters": {"lr_net.0.weight": [1, 2], "lr_net.0.bias": [1]}}""")
    record Module(String name, String repr, Map<String, List<Integer>> parameters) {}

    @Schema(description = "An optimizer", example = "{\"name\": \"opt\", \"type\": \"sgd\", \"params\": [\"lr_net.0.weight\", \"lr_net.0.bias\"]}")
    record Optimizer(String name, String type, List<String> params) {}
}
