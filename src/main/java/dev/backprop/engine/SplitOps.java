package dev.backprop.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code split} (by size or by sizes) and {@code chunk}: consecutive views along one dim, all outputs of one node
 * ({@code SplitBackward0}, {@code SplitWithSizesBackward0}) whose backward joins the pieces' gradients
 * ({@code split_backward}, tools/autograd/derivatives.yaml of PyTorch 1.13).
 */
final class SplitOps {
    private SplitOps() {}

    /**
     * {@code torch.split(tensor, split_size_or_sections, dim)}: an int splits by size, a list by sizes, and anything else
     * is refused with the TypeError of {@code split_with_sizes}, which Python's {@code Tensor.split} hands it to.
     */
    static Tensor[] split(Tensor x, Object sizeOrSections, int dim) {
        if (PythonValues.isInt(sizeOrSections)) return split(x, checkedInt(sizeOrSections), dim);
        if (!(sizeOrSections instanceof List<?> list)) {
            throw EngineException.invalid("split_with_sizes(): argument 'split_sizes' (position 2) must be tuple of ints, not "
                    + PythonValues.typeName(sizeOrSections));
        }
        int[] sizes = new int[list.size()];
        for (int i = 0; i < sizes.length; i++) {
            if (!PythonValues.isInt(list.get(i))) {
                throw EngineException.invalid("split_with_sizes(): argument 'split_sizes' must be tuple of ints, but found element of type "
                        + PythonValues.typeName(list.get(i)) + " at pos " + (i + 1));
            }
            sizes[i] = checkedInt(list.get(i));
        }
        return splitWithSizes(x, sizes, dim);
    }

    private static int checkedInt(Object v) {
        long n = PythonValues.unpackLong(v);
        if (n != (int) n) throw EngineException.invalid("split(): argument 'split_size' is out of range: " + n);
        return (int) n;
    }

    static Tensor[] split(Tensor x, int splitSize, int dim) {
        if (x.dim() == 0) throw EngineException.invalid("split expects at least a 1-dimensional tensor");
        if (splitSize < 0) throw EngineException.invalid("split expects split_size be non-negative, but got split_size=" + splitSize);
        int d = Shapes.wrapDim(dim, x.dim());
        int size = x.shape[d];
        if (splitSize == 0 && size != 0) {
            throw EngineException.invalid("split_size can only be 0 if dimension size is 0, but got dimension size of " + size);
        }
        int pieces = splitSize == 0 ? 1 : (int) Math.max((size + (long) splitSize - 1) / splitSize, 1);
        int[] lengths = new int[pieces];
        for (int i = 0; i < pieces; i++) lengths[i] = i < pieces - 1 ? splitSize : (int) (splitSize - ((long) splitSize * pieces - size));
        return pieces("SplitBackward0", x, d, lengths);
    }

    static Tensor[] splitWithSizes(Tensor x, int[] sizes, int dim) {
        if (x.dim() == 0) throw EngineException.invalid("split expects at least a 1-dimensional tensor");
        int d = Shapes.wrapDim(dim, x.dim());
        long sum = 0;
        for (int s : sizes) sum += s;
        if (sum != x.shape[d]) {
            throw EngineException.invalid("split_with_sizes expects split_sizes to sum exactly to " + x.shape[d] + " (input tensor's size at "
                    + "dimension " + dim + "), but got split_sizes=" + Shapes.format(sizes));
        }
        for (int s : sizes) {
            if (s < 0) {
                throw EngineException.invalid("split_with_sizes expects split_sizes have only non-negative entries, but got split_sizes="
                        + Shapes.format(sizes));
            }
        }
        return pieces("SplitWithSizesBackward0", x, d, sizes.clone());
    }

    /** {@code chunk}: pieces of {@code ceil(size / chunks)}; a dim of size 0 gives {@code chunks} empty pieces. */
    static Tensor[] chunk(Tensor x, int chunks, int dim) {
        if (x.dim() == 0) throw EngineException.invalid("chunk expects at least a 1-dimensional tensor");
        if (chunks <= 0) throw EngineException.invalid("chunk expects `chunks` to be greater than 0, got: " + chunks);
        int size = x.shape[Shapes.wrapDim(dim, x.dim())];
        int splitSize = (int) (((long) size + chunks - 1) / chunks);
        if (splitSize == 0 && size == 0) {
            // as many (empty) results as chunks: bounded as a tensor of that many elements would be
            AllocationLimit.check(new int[] {chunks}, chunks);
            return splitWithSizes(x, new int[chunks], dim);
        }
        return split(x, splitSize, dim);
    }

    private static Tensor[] pieces(String gradFn, Tensor x, int d, int[] lengths) {
        Tensor[] out = new Tensor[lengths.length];
        int start = 0;
        for (int i = 0; i < lengths.length; i++) {
            int[] shape = x.shape.clone();
            shape[d] = lengths[i];
            out[i] = x.asView(shape, x.strides, x.offset + start * x.strides[d]);
            start += lengths[i];
        }
        if (Graph.needsGrad(x)) {
            Graph.recordMany(gradFn, out, new Tensor[] {x}, new Tensor[0], ctx -> {
                List<Tensor> grads = new ArrayList<>(lengths.length);
                for (int i = 0; i < lengths.length; i++) grads.add(ctx.grad(i));
                return Graph.one(Tensor.cat(grads, d));
            });
            for (Tensor piece : out) piece.creation = ViewCreation.MULTI_OUTPUT;
        }
        return out;
    }
}
