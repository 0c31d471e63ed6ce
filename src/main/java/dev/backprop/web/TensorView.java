package dev.backprop.web;

import dev.backprop.engine.Tensor;
import com.fasterxml.jackson.annotation.JsonInclude;
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
        @Schema(description = "nested lists of numbers (or booleans); a bare value for a 0-d tensor; left out with ?data=false")
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = LeftOut.class) Object data,
        @Schema(description = "the gradient's values (like data), or null where PyTorch's .grad is None; left out with ?data=false")
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = LeftOut.class) Object grad) {

    static TensorView of(String name, Tensor t) {
        return new TensorView(name, shapeOf(t), t.dtype().wireName(), t.requiresGrad(), t.isLeaf(), t.gradFnName(), t.retainsGrad(),
                t.version(), TensorValues.of(t), t.grad() == null ? null : TensorValues.of(t.grad()));
    }

    /** The view of {@code t} with its values, or without data and grad when {@code data} is false ({@code ?data=false}). */
    static TensorView of(String name, Tensor t, boolean data) {
        if (data) return of(name, t);
        return new TensorView(name, shapeOf(t), t.dtype().wireName(), t.requiresGrad(), t.isLeaf(), t.gradFnName(), t.retainsGrad(),
                t.version(), LeftOut.VALUES, LeftOut.VALUES);
    }

    /** The mark of values an answer leaves out; Jackson's include filter drops the field. */
    static final class LeftOut {
        static final LeftOut VALUES = new LeftOut();

        @Override
        public boolean equals(Object other) {
            return other == VALUES;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    static List<Integer> shapeOf(Tensor t) {
        return java.util.Arrays.stream(t.shape()).boxed().toList();
    }
}
