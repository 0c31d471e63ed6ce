package dev.backprop.engine;

import java.util.Arrays;

/**
 * Views: ops that share the input's storage and version counter and only change shape, strides or
 * offset (aten/src/ATen/native/TensorShape.cpp), each with its grad_fn from derivatives.yaml.
 */
final class ShapeOps {
    private ShapeOps() {}

    private static Tensor viewOf(String gradFn, Tensor x, int[] shape, int[] strides, int offset, Node.Backward backward) {
        Tensor r = x.asView(shape, strides, offset);
        if (Graph.needsGrad(x)) {
            Graph.record(gradFn, r, new Tensor[] {x}, new Tensor[0], backward);
        }
        return r;
    }

    static Tensor view(Tensor x, int[] requested) {
        int[] shape = inferSize(requested, x.numel);
        int[] strides = computeStrides(x, shape);
        if (strides == null) {
            throw EngineException.shape("view size is not compatible with input tensor's size and stride (at least one dimension "
                    + "spans across two contiguous subspaces). Use .reshape(...) instead.");
        }
        int[] in = x.shape;
        return viewOf("ViewBackward0", x, shape, strides, x.offset, ctx -> Graph.one(ctx.grad().reshape(in)));
    }

    /** {@code reshape}: a view where the strides allow one (PyTorch 1.13's {@code _reshape_alias}), else a copy. */
    static Tensor reshape(Tensor x, int[] requested) {
        int[] shape = inferSize(requested, x.numel);
        int[] strides = computeStrides(x, shape);
        int[] in = x.shape;
        if (strides != null) {
            return viewOf("ReshapeAliasBackward0", x, shape, strides, x.offset, ctx -> Graph.one(ctx.grad().reshape(in)));
        }
        return unsafeView(x.clone(), shape);
    }

    /**
     * {@code _unsafe_view}: the elements of {@code x}, a contiguous result that nothing else holds, in another shape,
     * not tracked as a view of it ({@code UnsafeViewBackward0}).
     */
    static Tensor unsafeView(Tensor x, int[] shape) {
        int[] in = x.shape;
        Tensor r = x.alias(shape, Shapes.contiguousStrides(shape), x.offset);
        if (Graph.needsGrad(x)) {
            Graph.record("UnsafeViewBackward0", r, new Tensor[] {x}, new Tensor[0], ctx -> Graph.one(ctx.grad().reshape(in)));
        }
        return r;
    }

    /**
     * {@code squeeze_(dim)} of a result that nothing else holds, as {@code matmul} squeezes its product in place
     * ({@code SqueezeBackward3}); {@code x}'s size at {@code dim} is 1.
     */
    static Tensor squeezeResult(Tensor x, int dim) {
        int d = Shapes.wrapDim(dim, x.dim());
        Tensor r = x.alias(remove(x.shape, d), remove(x.strides, d), x.offset);
        if (Graph.needsGrad(x)) {
            Graph.record("SqueezeBackward3", r, new Tensor[] {x}, new Tensor[0], ctx -> Graph.one(ctx.grad().unsqueeze(d)));
        }
        return r;
    }

    static Tensor t(Tensor x) {
        if (x.dim() > 2) {
            throw EngineException.shape("t() expects a tensor with <= 2 dimensions, but self is " + x.dim() + "D");
        }
        if (x.dim() < 2) {
            return viewOf("TBackward0", x, x.shape, x.strides, x.offset, ctx -> Graph.one(ctx.grad().t()));
        }
        return viewOf("TBackward0", x, new int[] {x.shape[1], x.shape[0]}, new int[] {x.strides[1], x.strides[0]}, x.offset,
                ctx -> Graph.one(ctx.grad().t()));
    }

    static Tensor transpose(Tensor x, int dim0, int dim1) {
        int d0 = Shapes.wrapDim(dim0, x.dim()), d1 = Shapes.wrapDim(dim1, x.dim());
        int[] shape = x.shape.clone(), strides = x.strides.clone();
        if (x.dim() > 0) {
            shape[d0] = x.shape[d1];
            shape[d1] = x.shape[d0];
            strides[d0] = x.strides[d1];
            strides[d1] = x.strides[d0];
        }
        return viewOf("TransposeBackward0", x, shape, strides, x.offset, ctx -> Graph.one(ctx.grad().transpose(d0, d1)));
    }

    static Tensor squeeze(Tensor x) {
        int n = 0;
        for (int s : x.shape) if (s != 1) n++;
        int[] shape = new int[n], strides = new int[n];
        for (int i = 0, j = 0; i < x.dim(); i++) {
            if (x.shape[i] != 1) {
                shape[j] = x.shape[i];
                strides[j++] = x.strides[i];
            }
        }
        int[] in = x.shape;
        return viewOf("SqueezeBackward0", x, shape, strides, x.offset, ctx -> Graph.one(ctx.grad().reshape(in)));
    }

    static Tensor squeeze(Tensor x, int dim) {
        int d = Shapes.wrapDim(dim, x.dim());
        if (x.dim() == 0 || x.shape[d] != 1) {
            return viewOf("SqueezeBackward1", x, x.shape, x.strides, x.offset, ctx -> Graph.one(ctx.grad()));
        }
        return viewOf("SqueezeBackward1", x, remove(x.shape, d), remove(x.strides, d), x.offset,
                ctx -> Graph.one(ctx.grad().unsqueeze(d)));
    }

    static Tensor unsqueeze(Tensor x, int dim) {
        int d = Shapes.wrapDim(dim, x.dim() + 1);
        int stride = d < x.dim() ? x.shape[d] * x.strides[d] : 1;
        return viewOf("UnsqueezeBackward0", x, insert(x.shape, d, 1), insert(x.strides, d, stride), x.offset,
                ctx -> Graph.one(ctx.grad().squeeze(d)));
    }

    static Tensor expand(Tensor x, int[] sizes) {
        int[] in = x.shape;
        return viewOf("ExpandBackward0", expandView(x, sizes), ctx -> Graph.one(ctx.grad().sumTo(in)), x);
    }

    private static Tensor viewOf(String gradFn, Tensor view, Node.Backward backward, Tensor x) {
        if (Graph.needsGrad(x)) {
            Graph.record(gradFn, view, new Tensor[] {x}, new Tensor[0], backward);
        }
        return view;
    }

    /** {@code expand} without recording: a stride-0 view, failing with PyTorch's messages. */
    static Tensor expandView(Tensor x, int[] sizes) {
        int n = sizes.length, k = x.dim();
        if (n < k) {
            throw EngineException.shape("expand(" + x.dtype.legacyTypeName() + "{" + Shapes.format(x.shape) + "}, size="
                    + Shapes.format(sizes) + "): the number of sizes provided (" + n + ") must be greater or equal to the number "
                    + "of dimensions in the tensor (" + k + ")");
        }
        int[] shape = new int[n], strides = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            int j = i - (n - k);
            int size = sizes[i];
            if (j >= 0) {
                if (size == -1) size = x.shape[j];
                if (x.shape[j] == size) {
                    strides[i] = x.strides[j];
                } else if (x.shape[j] == 1) {
                    strides[i] = 0;
                } else {
                    throw EngineException.shape("The expanded size of the tensor (" + size + ") must match the existing size ("
                            + x.shape[j] + ") at non-singleton dimension " + i + ".  Target sizes: " + Shapes.format(sizes)
                            + ".  Tensor sizes: " + Shapes.format(x.shape));
                }
            } else if (size < 0) {
                throw EngineException.shape("The expanded size of the tensor (" + size + ") isn't allowed in a leading, "
                        + "non-existing dimension " + i);
            }
            shape[i] = size;
        }
        return x.asView(shape, strides, x.offset);
    }

    static Tensor narrow(Tensor x, int dim, int start, int length) {
        if (x.dim() == 0) {
            throw EngineException.invalid("narrow() cannot be applied to a 0-dim tensor.");
        }
        int d = Shapes.wrapDim(dim, x.dim());
        int size = x.shape[d];
        if (start < -size || start > size) {
            throw EngineException.invalid("start out of range (expected to be in range of [" + (-size) + ", " + size + "], but got "
                    + start + ")");
        }
        int s = start < 0 ? start + size : start;
        if (length < 0 || s + length > size) {
            throw EngineException.invalid("start (" + s + ") + length (" + length + ") exceeds dimension size (" + size + ").");
        }
        int[] shape = x.shape.clone();
        shape[d] = length;
        int[] in = x.shape;
        return viewOf("SliceBackward0", x, shape, x.strides, x.offset + s * x.strides[d],
                ctx -> Graph.one(padSlice(ctx.grad(), in, d, s)));
    }

    static Tensor select(Tensor x, int dim, int index) {
        if (x.dim() == 0) {
            throw EngineException.invalid("select() cannot be applied to a 0-dim tensor.");
        }
        int d = Shapes.wrapDim(dim, x.dim());
        int size = x.shape[d];
        if (index < -size || index >= size) {
            throw EngineException.invalid("select(): index " + index + " out of range for tensor of size " + Shapes.format(x.shape)
                    + " at dimension " + d);
        }
        int i = index < 0 ? index + size : index;
        int[] in = x.shape;
        return viewOf("SelectBackward0", x, remove(x.shape, d), remove(x.strides, d), x.offset + i * x.strides[d],
                ctx -> Graph.one(padSlice(ctx.grad().unsqueeze(d), in, d, i)));
    }

    /** {@code slice_backward}: {@code g} placed at {@code start} along {@code dim} of zeros shaped {@code shape}. */
    static Tensor padSlice(Tensor g, int[] shape, int dim, int start) {
        Tensor out = Factories.zeros(shape, g.dtype);
        out.asView(g.shape, out.strides, start * out.strides[dim]).copyFrom(g);
        int length = g.shape[dim];
        if (Graph.needsGrad(g)) {
            Graph.record("SliceBackwardBackward0", out, new Tensor[] {g}, new Tensor[0],
                    ctx -> Graph.one(ctx.grad().narrow(dim, start, length)));
        }
        return out;
    }

    /** {@code infer_size}: resolves one -1 and checks that the element count is unchanged. */
    static int[] inferSize(int[] shape, int numel) {
        int infer = -1;
        long known = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == -1) {
                if (infer >= 0) throw EngineException.invalid("only one dimension can be inferred");
                infer = i;
            } else if (shape[i] < 0) {
                throw EngineException.invalid("invalid shape dimension " + shape[i]);
            } else {
                known *= shape[i];
            }
        }
        if (infer >= 0 ? (known == 0 || numel % known != 0) : known != numel) {
            throw Shapes.viewError(shape, numel);
        }
        int[] out = shape.clone();
        if (infer >= 0) out[infer] = (int) (numel / known);
        return out;
    }

    /** ATen's {@code computeStride}: strides that view {@code x} as {@code shape}, or null when none exist. */
    static int[] computeStrides(Tensor x, int[] shape) {
        int[] oldShape = x.shape, oldStride = x.strides;
        int[] newStride = new int[shape.length];
        if (oldShape.length == 0) {
            Arrays.fill(newStride, 1);
            return newStride;
        }
        if (x.numel == 0) {
            return Shapes.contiguousStrides(shape);
        }
        int viewD = shape.length - 1;
        long chunkBaseStride = oldStride[oldStride.length - 1];
        long tensorNumel = 1, viewNumel = 1;
        for (int d = oldShape.length - 1; d >= 0; d--) {
            tensorNumel *= oldShape[d];
            if (d == 0 || (oldShape[d - 1] != 1 && oldStride[d - 1] != tensorNumel * chunkBaseStride)) {
                while (viewD >= 0 && (viewNumel < tensorNumel || shape[viewD] == 1)) {
                    newStride[viewD] = (int) (viewNumel * chunkBaseStride);
                    viewNumel *= shape[viewD];
                    viewD--;
                }
                if (viewNumel != tensorNumel) return null;
                if (d > 0) {
                    chunkBaseStride = oldStride[d - 1];
                    tensorNumel = 1;
                    viewNumel = 1;
                }
            }
        }
        return viewD == -1 ? newStride : null;
    }

    static int[] remove(int[] a, int i) {
        int[] out = new int[a.length - 1];
        System.arraycopy(a, 0, out, 0, i);
        System.arraycopy(a, i + 1, out, i, a.length - i - 1);
        return out;
    }

    static int[] insert(int[] a, int i, int v) {
        int[] out = new int[a.length + 1];
        System.arraycopy(a, 0, out, 0, i);
        out[i] = v;
        System.arraycopy(a, i, out, i + 1, a.length - i);
        return out;
    }
}
