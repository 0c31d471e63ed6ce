package dev.backprop.web;

import dev.backprop.engine.Tensor;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A tensor as the API shows it: metadata, the values ({@code tolist()}) and {@code .grad}, which is
 * null exactly where PyTorch's would be None.
 */
@Schema(description = "A tensor: its metadata, values and gradient",
        additionalProperties = Schema.AdditionalPropertiesValue.FALSE,
        requiredProperties = {"name", "shape", "dtype", "requiresGrad", "isLeaf", "version"}, example = """
        {"name": "y", "shape": [1], "dtype": "float32", "requiresGrad": true, "isLeaf": false, "gradFn": "MulBackward0",
         "retainsGrad": false, "version": 0, "data": [6.0], "grad": null}""")
public record TensorView(
        String name,
        List<Integer> shape,
        @Schema(allowableValues = {"float32", "float64", "int64", "bool"}) String dtype,
        boolean requiresGrad,
        boolean isLeaf,
        @Schema(description = "PyTorch's class name of grad_fn, or null for a leaf", nullable = true) String gradFn,
        boolean retainsGrad,
        int version,
        @Schema(description = "nested lists of numbers (or booleans); a bare value for a 0-d tensor") Object data,
        @Schema(description = "the gradient's values (like data), or null where PyTorch's .grad is None") Object grad) {

    static TensorView of(String name, Tensor t) {
        return new TensorView(name, shapeOf(t), t.dtype().wireName(), t.requiresGrad(), t.isLeaf(), t.gradFnName(), t.retainsGrad(),
                t.version(), t.toNested(), t.grad() == null ? null : t.grad().toNested());
    }

    static List<Integer> shapeOf(Tensor t) {
        return java.util.Arrays.stream(t.shape()).boxed().toList();
    }
}
