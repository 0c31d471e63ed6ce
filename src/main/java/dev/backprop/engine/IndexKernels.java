package dev.backprop.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Indexing ops that copy: advanced indexing ({@code index}, {@code index_put}), {@code index_select}, {@code gather},
 * {@code scatter}, {@code scatter_add}, {@code masked_fill} and {@code copy_}'s out-of-place step, each recorded with its
 * formula from PyTorch 1.13's {@code tools/autograd/derivatives.yaml}, written in these same ops so that it can be
 * differentiated again.
 */
final class IndexKernels {
    private IndexKernels() {}

    /** {@code x[indices]} with advanced indices, null where a dim is taken whole ({@code IndexBackward0}). */
    static Tensor index(Tensor x, List<Tensor> indices) {
        AdvancedIndex plan = AdvancedIndex.of(x.shape, indices);
        Tensor src = rowMajor(x), r = Tensor.empty(x.dtype, plan.resultShape);
        for (int i = 0; i < plan.positions.length; i++) move(src, plan.positions[i], r, i, false);
        if (Graph.needsGrad(x)) {
            int[] shape = x.shape;
            Graph.record("IndexBackward0", r, new Tensor[] {x}, saved(indices),
                    ctx -> Graph.one(indexPut(Factories.zeros(shape, ctx.grad().dtype), restored(indices, ctx), ctx.grad(), true)));
        }
        return r;
    }

    /** {@code index_put(input, indices, values, accumulate)} ({@code IndexPutBackward0}). */
    static Tensor indexPut(Tensor x, List<Tensor> indices, Tensor values, boolean accumulate) {
        if (values.dtype != x.dtype) {
            throw new EngineException(ErrorCode.DTYPE_MISMATCH, "Index put requires the source and destination dtypes match, got "
                    + x.dtype.torchName() + " for the destination and " + values.dtype.torchName() + " for the source.");
        }
        AdvancedIndex plan = AdvancedIndex.of(x.shape, indices);
        if (!Shapes.expandable(values.shape, plan.resultShape)) {
            throw EngineException.shape("shape mismatch: value tensor of shape " + Shapes.format(values.shape)
                    + " cannot be broadcast to indexing result of shape " + Shapes.format(plan.resultShape));
        }
        Tensor r = Conversions.detachedCopy(x), v = rowMajor(ShapeOps.expandView(values, plan.resultShape));
        for (int i = 0; i < plan.positions.length; i++) move(v, i, r, plan.positions[i], accumulate);
        if (Graph.needsGrad(x, values)) {
            int[] valueShape = values.shape;
            Graph.record("IndexPutBackward0", r, new Tensor[] {x, values}, saved(indices), ctx -> {
                List<Tensor> idx = restored(indices, ctx);
                Tensor g = ctx.grad();
                Tensor self = accumulate ? g : indexPut(g, idx, Factories.zeros(valueShape, g.dtype), false);
                return new Tensor[] {self, index(g, idx)};
            });
        }
        return r;
    }

    /** {@code index_select(input, dim, index)} ({@code IndexSelectBackward0}). */
    static Tensor indexSelect(Tensor x, int dim, Tensor index) {
        if (index.dtype != DType.INT64) {
            throw new EngineException(ErrorCode.DTYPE_MISMATCH, "index_select(): Expected dtype int32 or int64 for index");
        }
        if (index.dim() > 1) throw EngineException.invalid("index_select(): Index is supposed to be a vector");
        int d = Shapes.wrapDim(dim, x.dim());
        int size = x.dim() == 0 ? 1 : x.shape[d];
        for (long i : index.readI64()) {
            if (i < 0 || i >= size) throw EngineException.invalid("index out of range in self");
        }
        if (x.dim() == 0) return index(x.reshape(1), List.of(index.reshape(-1))).reshape(index.shape);
        List<Tensor> indices = wholeDimsThen(d, index.reshape(-1));
        Tensor r = index(x.detach(), indices);
        if (Graph.needsGrad(x)) {
            int[] shape = x.shape;
            Graph.record("IndexSelectBackward0", r, new Tensor[] {x}, new Tensor[] {index},
                    ctx -> Graph.one(indexPut(Factories.zeros(shape, ctx.grad().dtype), wholeDimsThen(d, ctx.saved(0).reshape(-1)),
                            ctx.grad(), true)));
        }
        return r;
    }

    /** {@code gather(input, dim, index)} ({@code GatherBackward0}). */
    static Tensor gather(Tensor x, int dim, Tensor index) {
        if (index.dtype != DType.INT64) throw new EngineException(ErrorCode.DTYPE_MISMATCH, "gather(): Expected dtype int64 for index");
        int d = Shapes.wrapDim(dim, x.dim());
        if (Math.max(index.dim(), 1) != Math.max(x.dim(), 1)) {
            throw EngineException.invalid("Index tensor must have the same number of dimensions as input tensor");
        }
        for (int k = 0; k < index.dim(); k++) {
            if (k != d && index.shape[k] > nonEmptySize(x, k)) {
                throw EngineException.invalid("Size does not match at dimension " + k + " expected index " + Shapes.format(index.shape)
                        + " to be smaller than self " + Shapes.format(x.shape) + " apart from dimension " + d);
            }
        }
        int[] at = alongDim(x.shape, d, index);
        Tensor src = rowMajor(x), r = Tensor.empty(x.dtype, index.shape);
        for (int i = 0; i < at.length; i++) move(src, at[i], r, i, false);
        if (Graph.needsGrad(x)) {
            int[] shape = x.shape;
            Graph.record("GatherBackward0", r, new Tensor[] {x}, new Tensor[] {index},
                    ctx -> Graph.one(scatter(Factories.zeros(shape, ctx.grad().dtype), d, ctx.saved(0), ctx.grad(), true)));
        }
        return r;
    }

    /**
     * {@code scatter(input, dim, index, src)} ({@code ScatterBackward0}) and, with {@code add}, {@code scatter_add}
     * ({@code ScatterAddBackward0}).
     */
    static Tensor scatter(Tensor x, int dim, Tensor index, Tensor src, boolean add) {
        checkScatter(x, dim, index, src);
        int d = Shapes.wrapDim(dim, x.dim());
        int[] at = alongDim(x.shape, d, index);
        int[] from = alongDim(src.shape, -1, index);
        Tensor r = Conversions.detachedCopy(x), s = rowMajor(src);
        for (int i = 0; i < at.length; i++) move(s, from[i], r, at[i], add);
        if (Graph.needsGrad(x, src)) {
            Graph.record(add ? "ScatterAddBackward0" : "ScatterBackward0", r, new Tensor[] {x, src}, new Tensor[] {index}, ctx -> {
                Tensor g = ctx.grad(), i = ctx.saved(0);
                return new Tensor[] {add ? g : scatterValue(g, d, i, 0L), gather(g, d, i)};
            });
        }
        return r;
    }

    /** {@code scatter(input, dim, index, value)} with a number ({@code ScatterBackward1}). */
    static Tensor scatterValue(Tensor x, int dim, Tensor index, Object value) {
        checkScatter(x, dim, index, null);
        int d = Shapes.wrapDim(dim, x.dim());
        int[] at = alongDim(x.shape, d, index);
        Tensor r = Conversions.detachedCopy(x), v = Tensor.wrap(value).to(x.dtype);
        for (int p : at) move(v, 0, r, p, false);
        if (Graph.needsGrad(x)) {
            Graph.record("ScatterBackward1", r, new Tensor[] {x}, new Tensor[] {index},
                    ctx -> Graph.one(scatterValue(ctx.grad(), d, ctx.saved(0), 0L)));
        }
        return r;
    }

    /** PyTorch's {@code scatter_gather_dtype_check} and {@code scatter_shape_check} (ScatterGatherChecks.h). */
    private static void checkScatter(Tensor x, int dim, Tensor index, Tensor src) {
        int d = Shapes.wrapDim(dim, x.dim());
        if (index.dtype != DType.INT64) throw new EngineException(ErrorCode.DTYPE_MISMATCH, "scatter(): Expected dtype int64 for index");
        if (src != null && src.dtype != x.dtype) {
            throw new EngineException(ErrorCode.DTYPE_MISMATCH, "scatter(): Expected self.dtype to be equal to src.dtype");
        }
        if (index.numel() == 0) return;
        if (Math.max(index.dim(), 1) != Math.max(x.dim(), 1)) {
            throw EngineException.invalid("Index tensor must have the same number of dimensions as self tensor");
        }
        boolean fits = true;
        for (int k = 0; k < Math.max(x.dim(), 1); k++) {
            int size = nonEmptySize(index, k);
            if (k != d && size > nonEmptySize(x, k)) fits = false;
            if (src != null && size > nonEmptySize(src, k)) fits = false;
        }
        if (!fits) {
            throw EngineException.invalid("Expected index " + Shapes.format(index.shape) + " to be smaller than self " + Shapes.format(x.shape)
                    + " apart from dimension " + d + (src == null ? "" : " and to be smaller size than src " + Shapes.format(src.shape)));
        }
    }

    /** {@code masked_fill(input, mask, value)}: a number ({@code MaskedFillBackward0}) or a 0-d tensor ({@code MaskedFillBackward1}). */
    static Tensor maskedFill(Tensor x, Tensor mask, Tensor value, boolean tensorValue) {
        if (mask.dtype != DType.BOOL) {
            throw new EngineException(ErrorCode.DTYPE_MISMATCH, "masked_fill_ only supports boolean masks, but got mask with dtype "
                    + mask.dtype.wireName());
        }
        if (value.dim() != 0) {
            throw EngineException.invalid("masked_fill_ only supports a 0-dimensional value tensor, but got tensor with " + value.dim()
                    + " dimension(s).");
        }
        int[] shape = Shapes.broadcast(mask.shape, x.shape);
        Tensor r = Conversions.detachedCopy(ShapeOps.expandView(x, shape));
        boolean[] m = ShapeOps.expandView(mask, shape).readBool();
        Tensor v = value.detach().to(x.dtype);
        for (int i = 0; i < m.length; i++) if (m[i]) move(v, 0, r, i, false);
        if (Graph.needsGrad(x, tensorValue ? value : null)) {
            Node.Backward backward = ctx -> {
                Tensor g = ctx.grad(), kept = maskedFill(g, ctx.saved(0), Tensor.wrap(0L), false);
                return tensorValue ? new Tensor[] {kept, Tensor.where(ctx.saved(0), g, Factories.zeros(new int[0], g.dtype)).sum()}
                        : new Tensor[] {kept};
            };
            Tensor[] inputs = tensorValue ? new Tensor[] {x, value} : new Tensor[] {x};
            Graph.record(tensorValue ? "MaskedFillBackward1" : "MaskedFillBackward0", r, inputs, new Tensor[] {mask}, backward);
        }
        return r;
    }

    /** {@code self.copy_(src)}'s new values: {@code src} broadcast to {@code self}'s shape in its dtype ({@code CopyBackwards}). */
    static Tensor copied(Tensor self, Tensor src) {
        Tensor r = Tensor.empty(self.dtype, self.shape);
        r.copyFrom(ShapeOps.expandView(src, self.shape));
        if (Graph.needsGrad(self, src) && self.dtype.isFloating()) {
            Graph.record("CopyBackwards", r, new Tensor[] {self, src}, new Tensor[0],
                    ctx -> new Tensor[] {Factories.zeros(ctx.grad().shape, ctx.grad().dtype), ctx.grad()});
        }
        return r;
    }

    /** ATen's {@code ensure_nonempty_size}: a 0-d tensor counts as one element along dim 0. */
    private static int nonEmptySize(Tensor t, int dim) {
        int d = Shapes.wrapDim(dim, t.dim());
        return t.dim() == 0 ? 1 : t.shape[d];
    }

    /** Nulls for the dims before {@code dim}, then {@code index}: {@code x[:, ..., index]}. */
    private static List<Tensor> wholeDimsThen(int dim, Tensor index) {
        List<Tensor> out = new ArrayList<>(Collections.nCopies(dim, (Tensor) null));
        out.add(index);
        return out;
    }

    private static Tensor[] saved(List<Tensor> indices) {
        return indices.toArray(new Tensor[0]);
    }

    private static List<Tensor> restored(List<Tensor> indices, Node.BackwardContext ctx) {
        List<Tensor> out = new ArrayList<>(indices.size());
        for (int i = 0; i < indices.size(); i++) out.add(indices.get(i) == null ? null : ctx.saved(i));
        return out;
    }

    /** The data of {@code t} laid out row-major (itself when it already is), outside the graph. */
    private static Tensor rowMajor(Tensor t) {
        return t.isContiguous() ? t.detach() : Conversions.detachedCopy(t);
    }

    /** Element {@code from} of {@code src}'s storage written (or added) at element {@code to} of {@code dst}'s; same dtype. */
    private static void move(Tensor src, int from, Tensor dst, int to, boolean add) {
        Storage s = src.storage, o = dst.storage;
        int a = src.offset + from, b = dst.offset + to;
        switch (dst.dtype) {
            case FLOAT32 -> o.f32[b] = add ? o.f32[b] + s.f32[a] : s.f32[a];
            case FLOAT64 -> o.f64[b] = add ? o.f64[b] + s.f64[a] : s.f64[a];
            case INT64 -> o.i64[b] = add ? o.i64[b] + s.i64[a] : s.i64[a];
            case BOOL -> o.bool[b] = add ? o.bool[b] || s.bool[a] : s.bool[a];
        }
    }

    /**
     * For each element of {@code index}, the row-major position in a tensor of {@code shape} of the element at the same
     * coordinates, except along {@code dim} (when {@code dim >= 0}) where the index's value is taken, bounds-checked.
     */
    private static int[] alongDim(int[] tensorShape, int dim, Tensor index) {
        int[] shape = tensorShape.length == 0 ? new int[] {1} : tensorShape;
        int[] indexShape = index.dim() == 0 ? new int[] {1} : index.shape;
        long[] values = index.readI64();
        int[] strides = Shapes.contiguousStrides(shape), indexStrides = Shapes.contiguousStrides(indexShape);
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            int p = 0;
            for (int k = 0; k < indexShape.length; k++) {
                int c = (i / indexStrides[k]) % indexShape[k];
                if (k == dim) {
                    long v = values[i];
                    if (v < 0 || v >= shape[k]) {
                        throw EngineException.invalid("index " + v + " is out of bounds for dimension " + k + " with size " + shape[k]);
                    }
                    c = (int) v;
                }
                p += c * strides[k];
            }
            out[i] = p;
        }
        return out;
    }
}
