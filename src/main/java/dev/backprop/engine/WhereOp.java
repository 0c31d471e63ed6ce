package dev.backprop.engine;

/** {@code torch.where(condition, self, other)} ({@code WhereBackward0}). */
final class WhereOp {
    private WhereOp() {}

    static Tensor where(Tensor cond, Tensor self, Tensor other) {
        if (cond.dtype != DType.BOOL) {
            throw new EngineException(ErrorCode.DTYPE_MISMATCH, "where expected condition to be a boolean tensor, but got a tensor "
                    + "with dtype " + cond.dtype.torchName());
        }
        DType out = TypePromotion.resultType(self, other);
        int[] shape = Shapes.broadcast(cond.shape, Shapes.broadcast(self.shape, other.shape));
        boolean[] c = ShapeOps.expandView(cond, shape).readBool();
        Tensor a = ShapeOps.expandView(self, shape).to(out), b = ShapeOps.expandView(other, shape).to(out);
        Tensor r = Tensor.empty(out, shape);
        int n = r.numel;
        switch (out) {
            case FLOAT32 -> {
                float[] x = a.readF32(), y = b.readF32(), o = r.storage.f32;
                for (int i = 0; i < n; i++) o[i] = c[i] ? x[i] : y[i];
            }
            case FLOAT64 -> {
                double[] x = a.readF64(), y = b.readF64(), o = r.storage.f64;
                for (int i = 0; i < n; i++) o[i] = c[i] ? x[i] : y[i];
            }
            case INT64 -> {
                long[] x = a.readI64(), y = b.readI64(), o = r.storage.i64;
                for (int i = 0; i < n; i++) o[i] = c[i] ? x[i] : y[i];
            }
            case BOOL -> {
                boolean[] x = a.readBool(), y = b.readBool(), o = r.storage.bool;
                for (int i = 0; i < n; i++) o[i] = c[i] ? x[i] : y[i];
            }
        }
        if (out.isFloating() && Graph.needsGrad(self, other)) {
            Graph.record("WhereBackward0", r, new Tensor[] {null, self, other}, new Tensor[] {cond}, ctx -> {
                Tensor g = ctx.grad();
                Tensor k = ctx.saved(0);
                Tensor zero = g.mulScalar(0);
                return new Tensor[] {null, ctx.needs(1) ? where(k, g, zero) : null, ctx.needs(2) ? where(k, zero, g) : null};
            });
        }
        return r;
    }
}
