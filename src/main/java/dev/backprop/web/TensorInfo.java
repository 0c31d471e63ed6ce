package dev.backprop.web;

import dev.backprop.engine.Tensor;
import java.util.List;

/** A tensor's metadata without its values ({@code ?data=false} and listings). */
public record TensorInfo(String name, List<Integer> shape, String dtype, boolean requiresGrad, boolean isLeaf,
                         String gradFn, boolean retainsGrad, int version, boolean hasGrad) {

    static TensorInfo of(String name, Tensor t) {
        return new TensorInfo(name, TensorView.shapeOf(t), t.dtype().wireName(), t.requiresGrad(), t.isLeaf(), t.gradFnName(),
                t.retainsGrad(), t.version(), t.grad() != null);
    }
}
