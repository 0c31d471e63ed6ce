package dev.backprop.engine;

/**
 * Views that reorder or regroup dims: {@code permute}, {@code movedim}, {@code diagonal}, {@code flatten} (a copy
 * when the strides allow no view, as {@code reshape}) and {@code unflatten}, after aten/src/ATen/native/TensorShape.cpp
 * of PyTorch 1.13; each view is an as_strided of its input's storage, recorded with its grad_fn.
 */
final class PermuteOps {
    private PermuteOps() {}

    /** A view of {@code x} with this geometry, recorded as {@code gradFn} when {@code x} needs a gradient. */
    static Tensor viewOf(String gradFn, Tensor x, int[] shape, int[] strides, int offset, Node.Backward backward) {
        Tensor r = x.asView(shape, strides, offset);
        if (Graph.needsGrad(x)) {
            Graph.record(gradFn, r, new Tensor[] {x}, new Tensor[0], backward);
        }
        return r;
    }

    static Tensor permute(Tensor x, int[] dims) {
        int n = x.dim();
        if (dims.length != n) {
            throw EngineException.shape("permute(sparse_coo): number of dimensions in the tensor input does not match the length of the "
                    + "desired ordering of dimensions i.e. input.dim() = " + n + " is not equal to len(dims) = " + dims.length);
        }
        int[] shape = new int[n], strides = new int[n], inverse = new int[n];
        boolean[] seen = new boolean[n];
        for (int i = 0; i < n; i++) {
            int d = Shapes.wrapDim(dims[i], n);
            if (seen[d]) throw EngineException.invalid("permute(): duplicate dims are not allowed.");
            seen[d] = true;
            shape[i] = x.shape[d];
            strides[i] = x.strides[d];
            inverse[d] = i;
        }
        return viewOf("PermuteBackward0", x, shape, strides, x.offset, ctx -> Graph.one(permute(ctx.grad(), inverse)));
    }

    /** {@code movedim(source, destination)} for one dim: a permute. */
    static Tensor movedim(Tensor x, int source, int destination) {
        int n = x.dim();
        int s = Shapes.wrapDim(source, n), d = Shapes.wrapDim(destination, n);
        int[] order = new int[n];
        for (int i = 0, rest = 0; i < n; i++) {
            if (i == d) {
                order[i] = s;
            } else {
                if (rest == s) rest++;
                order[i] = rest++;
            }
        }
        return permute(x, order);
    }

    /** {@code diagonal(offset, dim1, dim2)}: the diagonal as the last dim ({@code DiagonalBackward0}). */
    static Tensor diagonal(Tensor x, int offset, int dim1, int dim2) {
        int d1 = Shapes.wrapDim(dim1, x.dim()), d2 = Shapes.wrapDim(dim2, x.dim());
        Tensor v = diagonalView(x, offset, d1, d2);
        int[] in = x.shape;
        return viewOf("DiagonalBackward0", x, v.shape, v.strides, v.offset, ctx -> Graph.one(diagonalBackward(ctx.grad(), in, offset, d1, d2)));
    }

    /** The unrecorded view of the diagonal of {@code x} over dims {@code d1} and {@code d2} (both wrapped). */
    static Tensor diagonalView(Tensor x, int offset, int d1, int d2) {
        if (d1 == d2) throw EngineException.invalid("diagonal dimensions cannot be identical " + d1 + ", " + d2);
        int size = (int) Math.max(offset >= 0 ? Math.min(x.shape[d1], x.shape[d2] - (long) offset)
                : Math.min(x.shape[d1] + (long) offset, x.shape[d2]), 0);
        int start = x.offset;
        if (size > 0) start += offset >= 0 ? offset * x.strides[d2] : -offset * x.strides[d1];
        int[] shape = new int[x.dim() - 1], strides = new int[x.dim() - 1];
        for (int i = 0, j = 0; i < x.dim(); i++) {
            if (i != d1 && i != d2) {
                shape[j] = x.shape[i];
                strides[j++] = x.strides[i];
            }
        }
        shape[shape.length - 1] = size;
        strides[strides.length - 1] = x.strides[d1] + x.strides[d2];
        return x.asView(shape, strides, start);
    }

    /** {@code diagonal_backward}: {@code g} written on the diagonal of zeros shaped {@code shape}. */
    static Tensor diagonalBackward(Tensor g, int[] shape, int offset, int d1, int d2) {
        Tensor out = Factories.zeros(shape, g.dtype);
        diagonalView(out, offset, d1, d2).copyFrom(g);
        if (Graph.needsGrad(g)) {
            Graph.record("DiagonalBackwardBackward0", out, new Tensor[] {g}, new Tensor[0],
                    ctx -> Graph.one(diagonal(ctx.grad(), offset, d1, d2)));
        }
        return out;
    }

    /** {@code flatten(start_dim, end_dim)}: {@code reshape} to one dim over the range, or the input itself for a range of one dim. */
    static Tensor flatten(Tensor x, int startDim, int endDim) {
        int start = Shapes.wrapDim(startDim, x.dim()), end = Shapes.wrapDim(endDim, x.dim());
        if (start > end) throw EngineException.invalid("flatten() has invalid args: start_dim cannot come after end_dim");
        if (x.dim() == 0) return x.reshape(1);
        if (start == end) return x;
        int[] shape = new int[x.dim() - (end - start)];
        int span = 1;
        for (int i = start; i <= end; i++) span *= x.shape[i];
        for (int i = 0, j = 0; i < x.dim(); i++) {
            if (i < start || i > end) shape[j++] = x.shape[i];
            else if (i == start) shape[j++] = span;
        }
        return x.reshape(shape);
    }

    /** {@code unflatten(dim, sizes)}: dim {@code dim} viewed as {@code sizes} (one of which may be -1). */
    static Tensor unflatten(Tensor x, int dim, int[] sizes) {
        int d = Shapes.wrapDim(dim, x.dim());
        if (sizes.length == 0) throw EngineException.invalid("unflatten: sizes must be non-empty");
        if (x.dim() == 0) throw EngineException.invalid("Dimension specified as 0 but tensor has no dimensions");
        int[] inferred;
        try {
            inferred = ShapeOps.inferSize(sizes, x.shape[d]);
        } catch (EngineException e) {
            if (e.getMessage().contains("is invalid for input of size")) {
                throw EngineException.shape("unflatten: Provided sizes " + Shapes.format(sizes) + " don't multiply up to the size of dim "
                        + d + " (" + x.shape[d] + ") in the input tensor");
            }
            if (e.getMessage().equals("only one dimension can be inferred")) {
                throw EngineException.invalid("unflatten got an unexpected error:\n" + e.getMessage());
            }
            throw e;
        }
        int[] shape = new int[x.dim() - 1 + inferred.length];
        System.arraycopy(x.shape, 0, shape, 0, d);
        System.arraycopy(inferred, 0, shape, d, inferred.length);
        System.arraycopy(x.shape, d + 1, shape, d + inferred.length, x.dim() - d - 1);
        return x.view(shape);
    }
}
