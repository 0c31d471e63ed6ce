package dev.backprop.engine;

import java.util.List;

/** {@code cat} ({@code CatBackward0}) and {@code stack} ({@code StackBackward0}). */
final class JoinOps {
    private JoinOps() {}

    static Tensor cat(List<Tensor> tensors, int dim) {
        if (tensors.isEmpty()) {
            throw EngineException.invalid("torch.cat(): expected a non-empty list of Tensors");
        }
        Tensor ref = null;
        DType out = null;
        for (int i = 0; i < tensors.size(); i++) {
            Tensor t = tensors.get(i);
            if (t.dim() == 0) {
                throw EngineException.shape("zero-dimensional tensor (at position " + i + ") cannot be concatenated");
            }
            out = out == null ? t.dtype : DType.promote(out, t.dtype);
            if (t.dim() == 1 && t.numel == 0) continue; // PyTorch's legacy empty tensors are skipped
            if (ref == null) {
                ref = t;
                continue;
            }
            if (t.dim() != ref.dim()) {
                throw EngineException.shape("Tensors must have same number of dimensions: got " + ref.dim() + " and " + t.dim());
            }
        }
        if (ref == null) {
            return Tensor.empty(out, new int[] {0});
        }
        int d = Shapes.wrapDim(dim, ref.dim());
        int total = 0;
        for (int i = 0; i < tensors.size(); i++) {
            Tensor t = tensors.get(i);
            if (t.dim() == 1 && t.numel == 0) continue;
            for (int k = 0; k < ref.dim(); k++) {
                if (k != d && t.shape[k] != ref.shape[k]) {
                    throw EngineException.shape("Sizes of tensors must match except in dimension " + d + ". Expected size "
                            + ref.shape[k] + " but got size " + t.shape[k] + " for tensor number " + i + " in the list.");
                }
            }
            total += t.shape[d];
        }
        int[] shape = ref.shape.clone();
        shape[d] = total;
        Tensor r = Tensor.empty(out, shape);
        int[] starts = new int[tensors.size()];
        int[] sizes = new int[tensors.size()];
        int at = 0;
        for (int i = 0; i < tensors.size(); i++) {
            Tensor t = tensors.get(i);
            starts[i] = at;
            if (t.dim() == 1 && t.numel == 0) continue;
            sizes[i] = t.shape[d];
            r.asView(t.shape, r.strides, at * r.strides[d]).copyFrom(t);
            at += sizes[i];
        }
        if (out.isFloating() && Graph.needsGrad(tensors)) {
            Graph.record("CatBackward0", r, tensors.toArray(new Tensor[0]), new Tensor[0], ctx -> {
                Tensor[] grads = new Tensor[starts.length];
                for (int i = 0; i < grads.length; i++) {
                    if (ctx.needs(i)) {
                        grads[i] = sizes[i] == 0 && tensors.get(i).dim() == 1 ? null : ctx.grad().narrow(d, starts[i], sizes[i]);
                    }
                }
                return grads;
            });
        }
        return r;
    }

    static Tensor stack(List<Tensor> tensors, int dim) {
        if (tensors.isEmpty()) {
            throw EngineException.invalid("stack expects a non-empty TensorList");
        }
        Tensor first = tensors.get(0);
        for (int i = 1; i < tensors.size(); i++) {
            if (!java.util.Arrays.equals(first.shape, tensors.get(i).shape)) {
                throw EngineException.shape("stack expects each tensor to be equal size, but got " + Shapes.format(first.shape)
                        + " at entry 0 and " + Shapes.format(tensors.get(i).shape) + " at entry " + i);
            }
        }
        int d = Shapes.wrapDim(dim, first.dim() + 1);
        Tensor r;
        try (GradMode.Scope ignored = GradMode.disable()) {
            r = cat(tensors.stream().map(t -> t.unsqueeze(d)).toList(), d);
        }
        if (r.dtype.isFloating() && Graph.needsGrad(tensors)) {
            Graph.record("StackBackward0", r, tensors.toArray(new Tensor[0]), new Tensor[0], ctx -> {
                Tensor[] grads = new Tensor[tensors.size()];
                for (int i = 0; i < grads.length; i++) {
                    if (ctx.needs(i)) grads[i] = ctx.grad().select(d, i);
                }
                return grads;
            });
        }
        return r;
    }
}
