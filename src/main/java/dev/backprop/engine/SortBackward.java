package dev.backprop.engine;

/**
 * The values of {@code sort} and {@code topk}: the input gathered at the indices, recorded with the op's node, whose
 * derivative scatters the gradient back to where each value came from ({@code value_selecting_reduction_backward}).
 */
final class SortBackward {
    private SortBackward() {}

    static Tensor[] values(String gradFn, Tensor x, Tensor indices, int dim) {
        Tensor values = AlongDim.gatherKernel(x, indices, dim);
        if (x.dtype.isFloating() && Graph.needsGrad(x)) {
            int[] shape = x.shape;
            Graph.record(gradFn, values, new Tensor[] {x}, new Tensor[] {indices},
                    ctx -> Graph.one(AlongDim.scatterIntoZeros(ctx.grad(), ctx.saved(0), dim, shape)));
        }
        return new Tensor[] {values, indices};
    }
}
