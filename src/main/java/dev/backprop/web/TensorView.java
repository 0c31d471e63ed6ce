package dev.backprop.web;

import dev.backprop.engine.Tensor;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A tensor as the API shows it: metadata, the values ({@code tolist()}) and {@code .grad}, which is
 * null exactly where PyTorch's would be None.
 */
public record TensorView(
        String name,
        List<Integer> shape,
        String dtype,
        boolean requiresGrad,
        boolean isLeaf,
        String gradFn,
        boolean retainsGrad,
        int version,
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = LeftOut.class) Object data,
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
