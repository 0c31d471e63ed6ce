package dev.backprop.engine;

/**
 * {@code lerp(input, end, weight)}: ATen's {@code lerp} formula, {@code input + w (end - input)} for |w| < 0.5
 * and {@code end - (end - input)(1 - w)} otherwise, in the input's dtype (a float32 input in float32 arithmetic, each
 * multiply fused with its add),
 * with derivatives.yaml's gradients: {@code LerpBackward0} for a number weight, {@code LerpBackward1} for a tensor.
 */
final class Lerp {
    private Lerp() {}

    static Tensor lerp(Tensor input, Tensor end, Tensor weight) {
        checkDtype(input, end, "end");
        if (weight.wrappedNumber) {
            return byNumber(input, end, weight.item());
        }
        checkDtype(input, weight, "weight");
        return byTensor(input, end, weight);
    }

    private static Tensor byNumber(Tensor input, Tensor end, double w) {
        checkFloating(input, "lerp_kernel_scalar");
        float wf = (float) w;
        Tensor r = Kernels.zip(input, end, input.dtype, input.dtype, (s, e) -> of(s, e, w), null, (a, sa, b, sb, o, n) -> {
            for (int i = 0, ia = 0, ib = 0; i < n; i++, ia += sa, ib += sb) o[i] = of(a[ia], b[ib], wf);
        });
        if (Graph.needsGrad(input, end)) {
            Graph.record("LerpBackward0", r, new Tensor[] {input, end}, new Tensor[0], ctx -> new Tensor[] {
                ctx.needs(0) ? ctx.grad().mulScalar(1 - w) : null,
                ctx.needs(1) ? ctx.grad().mulScalar(w) : null});
        }
        return r;
    }

    private static Tensor byTensor(Tensor input, Tensor end, Tensor weight) {
        checkFloating(input, "lerp_kernel_tensor");
        int[] shape = Shapes.broadcast(Shapes.broadcast(input.shape, end.shape), weight.shape);
        Tensor r = Tensor.empty(input.dtype, shape);
        Tensor s = ShapeOps.expandView(input, shape), e = ShapeOps.expandView(end, shape), w = ShapeOps.expandView(weight, shape);
        if (input.dtype == DType.FLOAT32) {
            float[] a = s.readF32(), b = e.readF32(), c = w.readF32(), o = r.storage.f32;
            VectorKernels.sequential(o.length, (from, to) -> {
                for (int i = from; i < to; i++) o[i] = of(a[i], b[i], c[i]);
            });
        } else {
            double[] a = s.readF64(), b = e.readF64(), c = w.readF64(), o = r.storage.f64;
            VectorKernels.sequential(o.length, (from, to) -> {
                for (int i = from; i < to; i++) o[i] = of(a[i], b[i], c[i]);
            });
        }
        if (Graph.needsGrad(java.util.List.of(input, end, weight))) {
            boolean weightGrad = weight.requiresGrad();
            Tensor[] saved = {weight, weightGrad ? input : null, weightGrad ? end : null};
            Graph.record("LerpBackward1", r, new Tensor[] {input, end, weight}, saved, ctx -> {
                Tensor g = ctx.grad();
                Tensor wt = ctx.saved(0);
                return new Tensor[] {
                    ctx.needs(0) ? g.mul(Tensor.wrap(1).sub(wt)) : null,
                    ctx.needs(1) ? g.mul(wt) : null,
                    ctx.needs(2) ? g.mul(ctx.saved(2).sub(ctx.saved(1))) : null};
            });
        }
        return r;
    }

    /** The formula with its multiply and add fused, as the compiler contracts them in ATen's AVX2 build. */
    private static double of(double self, double end, double w) {
        return Math.abs(w) < 0.5 ? Math.fma(w, end - self, self) : Math.fma(-(end - self), 1 - w, end);
    }

    private static float of(float self, float end, float w) {
        return Math.abs(w) < 0.5f ? Math.fma(w, end - self, self) : Math.fma(-(end - self), 1 - w, end);
    }

    private static void checkDtype(Tensor input, Tensor other, String name) {
        if (other.dtype != input.dtype) {
            throw new EngineException(ErrorCode.DTYPE_MISMATCH, "expected dtype " + cName(input.dtype) + " for `" + name
                    + "` but got dtype " + cName(other.dtype));
        }
    }

    private static void checkFloating(Tensor input, String kernel) {
        if (!input.dtype.isFloating()) {
            throw new EngineException(ErrorCode.DTYPE_MISMATCH, "\"" + kernel + "\" not implemented for '" + input.dtype.torchName() + "'");
        }
    }

    /** The dtype as C++'s type name, which PyTorch prints for a {@code caffe2::TypeMeta}. */
    private static String cName(DType d) {
        return switch (d) {
            case FLOAT32 -> "float";
            case FLOAT64 -> "double";
            case INT64 -> "long int";
            case BOOL -> "bool";
        };
    }
}
