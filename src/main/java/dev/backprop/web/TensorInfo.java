package dev.backprop.web;

import dev.backprop.engine.Tensor;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A tensor's metadata without its values ({@code ?data=false} and listings). */
@Schema(description = "A tensor's metadata without data or grad", additionalProperties = Schema.AdditionalPropertiesValue.FALSE,
        requiredProperties = {"name", "shape", "dtype", "requiresGrad", "isLeaf", "version", "hasGrad"}, example = """
        {"name": "w", "shape": [1], "dtype": "float32", "requiresGrad": true, "isLeaf": true, "gradFn": null,
         "retainsGrad": false, "version": 0, "hasGrad": true}""")
public record TensorInfo(String name, List<Integer> shape, String dtype, boolean requiresGrad, boolean isLeaf,
                         @Schema(nullable = true) String gradFn, boolean retainsGrad, int version, boolean hasGrad) {

    static TensorInfo of(String name, Tensor t) {
        return new TensorInfo(name, TensorView.shapeOf(t), t.dtype().wireName(), t.requiresGrad(), t.isLeaf(), t.gradFnName(),
                t.retainsGrad(), t.version(), t.grad() != null);
    }
}
