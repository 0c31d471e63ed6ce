package dev.backprop.engine;

/**
 * The values of {@code sort} and {@code topk}: the input gathered at the indices, recorded with the op's node, whose
 * derivative scatters the gradient back to where each value came from ({@code value_selecting_reduction_backward},
 * tools/autograd/FunctionsManual.cpp: {@code zeros.scatter(dim, indices, grad)}). The scatter records its own node, so
 * second derivatives go through it.
 */
final class SortBackward {
    private SortBackward() {}

    static Tensor[] values(String gradFn, Tensor x, Tensor indices, int dim) {
        Tensor values = IndexKernels.gather(x.detach(), dim, indices);
        if (x.dtype.isFloating() && Graph.needsGrad(x)) {
            int[] shape = x.shape;
            Graph.record(gradFn, values, new Tensor[] {x}, new Tensor[] {indices}, ctx -> Graph.one(
                    IndexKernels.scatter(Factories.zeros(shape, ctx.grad().dtype), dim, ctx.saved(0), ctx.grad(), false)));
        }
        return new Tensor[] {values, indices};
    }
}
