package dev.backprop.engine;

/**
 * Matrix products: {@code mm}, {@code addmm}, {@code bmm}, {@code dot}, {@code mv}, {@code outer} and
 * {@code matmul}'s dispatch among them (aten/src/ATen/native/LinearAlgebra.cpp), with the derivatives
 * of derivatives.yaml. The kernels read operands through their strides, so transposed operands are
 * never copied.
 */
final class LinAlg {
    private LinAlg() {}

    static Tensor mm(Tensor a, Tensor b) {
        checkMatrices(a, b);
        Tensor r = MatMulKernel.multiply(a, b);
        if (Graph.needsGrad(a, b)) {
            Graph.record("MmBackward0", r, new Tensor[] {a, b}, new Tensor[] {b.requiresGrad() ? a : null, a.requiresGrad() ? b : null},
                    ctx -> new Tensor[] {
                        ctx.needs(0) ? ctx.grad().mm(ctx.saved(1).t()) : null,
                        ctx.needs(1) ? ctx.saved(0).t().mm(ctx.grad()) : null});
        }
        return r;
    }

    static Tensor addmm(Tensor bias, Tensor a, Tensor b, double beta, double alpha) {
        checkMatrices(a, b);
        int[] outShape = {a.shape[0], b.shape[1]};
        Tensor expanded = ShapeOps.expandView(bias, outShape);
        checkSameDType(a, bias);
        DType out = a.dtype;
        Tensor r = MatMulKernel.multiply(a, b);
        addBias(r, bias.numel == 1 && beta == 1 && alpha == 1 && out == DType.FLOAT32 ? bias : expanded, beta, alpha);
        if (Graph.needsGrad(java.util.Arrays.asList(bias, a, b))) {
            Graph.record("AddmmBackward0", r, new Tensor[] {bias, a, b},
                    new Tensor[] {b.requiresGrad() ? a : null, a.requiresGrad() ? b : null}, ctx -> {
                        Tensor g = ctx.grad();
                        Tensor gb = ctx.needs(0) ? (beta == 1 ? g : g.mulScalar(beta)) : null;
                        Tensor ga = ctx.needs(1) ? scale(g.mm(ctx.saved(1).t()), alpha) : null;
                        Tensor gm = ctx.needs(2) ? scale(ctx.saved(0).t().mm(g), alpha) : null;
                        return new Tensor[] {gb, ga, gm};
                    });
        }
        return r;
    }

    /** {@code r = beta * bias + alpha * r}, in r's dtype; the common {@code beta = alpha = 1} is a plain sum. */
    private static void addBias(Tensor r, Tensor bias, double beta, double alpha) {
        int n = r.numel;
        switch (r.dtype) {
            case FLOAT32 -> {
                float[] o = r.storage.f32;
                if (beta == 1 && alpha == 1 && bias.numel == 1) {
                    float b = bias.readF32()[0];
                    VectorKernels.split(n, (from, to) -> {
                        for (int i = from; i < to; i++) o[i] = b + o[i];
                    });
                    return;
                }
                float[] c = bias.readF32();
                if (beta == 1 && alpha == 1) {
                    for (int i = 0; i < n; i++) o[i] = c[i] + o[i];
                } else {
                    for (int i = 0; i < n; i++) o[i] = (float) (beta * c[i] + alpha * o[i]);
                }
            }
            case FLOAT64 -> {
                double[] o = r.storage.f64, c = bias.readF64();
                for (int i = 0; i < n; i++) o[i] = beta * c[i] + alpha * o[i];
            }
            default -> {
                long[] o = r.storage.i64, c = bias.readI64();
                for (int i = 0; i < n; i++) o[i] = (long) (beta * c[i] + alpha * o[i]);
            }
        }
    }

    private static Tensor scale(Tensor t, double s) {
        return s == 1 ? t : t.mulScalar(s);
    }

    static Tensor bmm(Tensor a, Tensor b) {
        if (a.dim() != 3 || b.dim() != 3) {
            throw EngineException.shape("batch1 must be a 3D tensor");
        }
        if (a.shape[0] != b.shape[0] || a.shape[2] != b.shape[1]) {
            throw EngineException.shape("Expected size for first two dimensions of batch2 tensor to be: [" + a.shape[0] + ", "
                    + a.shape[2] + "] but got: [" + b.shape[0] + ", " + b.shape[1] + "].");
        }
        checkSameDType(a, b);
        int batch = a.shape[0];
        Tensor r = Tensor.empty(a.dtype, new int[] {batch, a.shape[1], b.shape[2]});
        for (int i = 0; i < batch; i++) {
            Tensor ai = a.asView(ShapeOps.remove(a.shape, 0), ShapeOps.remove(a.strides, 0), a.offset + i * a.strides[0]);
            Tensor bi = b.asView(ShapeOps.remove(b.shape, 0), ShapeOps.remove(b.strides, 0), b.offset + i * b.strides[0]);
            Tensor ri = r.asView(ShapeOps.remove(r.shape, 0), ShapeOps.remove(r.strides, 0), i * r.strides[0]);
            ri.copyFrom(MatMulKernel.multiply(ai, bi));
        }
        if (Graph.needsGrad(a, b)) {
            Graph.record("BmmBackward0", r, new Tensor[] {a, b}, new Tensor[] {b.requiresGrad() ? a : null, a.requiresGrad() ? b : null},
                    ctx -> new Tensor[] {
                        ctx.needs(0) ? bmm(ctx.grad(), ctx.saved(1).transpose(1, 2)) : null,
                        ctx.needs(1) ? bmm(ctx.saved(0).transpose(1, 2), ctx.grad()) : null});
        }
        return r;
    }

    static Tensor dot(Tensor a, Tensor b) {
        if (a.dim() != 1 || b.dim() != 1) {
            throw EngineException.shape("1D tensors expected, but got " + a.dim() + "D and " + b.dim() + "D tensors");
        }
        if (a.numel != b.numel) {
            throw EngineException.shape("inconsistent tensor size, expected tensor [" + a.numel + "] and src [" + b.numel
                    + "] to have the same number of elements, but got " + a.numel + " and " + b.numel + " elements respectively");
        }
        checkSameDType(a, b);
        Tensor r = MatMulKernel.multiply(a.asView(new int[] {1, a.numel}, new int[] {0, a.strides[0]}, a.offset),
                b.asView(new int[] {b.numel, 1}, new int[] {b.strides[0], 0}, b.offset));
        Tensor out = new Tensor(r.storage, r.dtype, new int[0]);
        if (Graph.needsGrad(a, b)) {
            Graph.record("DotBackward0", out, new Tensor[] {a, b}, new Tensor[] {b.requiresGrad() ? a : null, a.requiresGrad() ? b : null},
                    ctx -> new Tensor[] {
                        ctx.needs(0) ? ctx.grad().mul(ctx.saved(1)) : null,
                        ctx.needs(1) ? ctx.grad().mul(ctx.saved(0)) : null});
        }
        return out;
    }

    static Tensor mv(Tensor m, Tensor v) {
        if (m.dim() != 2 || v.dim() != 1) {
            throw EngineException.shape("vector + matrix @ vector expected, got 1, " + m.dim() + ", " + v.dim());
        }
        if (m.shape[1] != v.numel) {
            throw EngineException.shape("size mismatch, got input (" + m.shape[0] + "), mat (" + m.shape[0] + "x" + m.shape[1]
                    + "), vec (" + v.numel + ")");
        }
        checkSameDType(m, v);
        Tensor r = MatMulKernel.multiply(m, v.asView(new int[] {v.numel, 1}, new int[] {v.strides[0], 0}, v.offset));
        Tensor out = new Tensor(r.storage, r.dtype, new int[] {m.shape[0]});
        if (Graph.needsGrad(m, v)) {
            Graph.record("MvBackward0", out, new Tensor[] {m, v}, new Tensor[] {v.requiresGrad() ? m : null, m.requiresGrad() ? v : null},
                    ctx -> new Tensor[] {
                        ctx.needs(0) ? ctx.grad().outer(ctx.saved(1)) : null,
                        ctx.needs(1) ? ctx.saved(0).t().mv(ctx.grad()) : null});
        }
        return out;
    }

    /** {@code outer}, which PyTorch composes as {@code self.reshape(-1, 1) * vec2}. */
    static Tensor outer(Tensor a, Tensor b) {
        if (a.dim() != 1 || b.dim() != 1) {
            throw EngineException.shape("outer: Expected 1-D argument self, but got " + a.dim() + "-D");
        }
        return a.reshape(-1, 1).mul(b);
    }

    /**
     * {@code matmul}: dot, mv, mm, or a batched product with broadcast batch dims, shaped as ATen's
     * {@code _matmul_impl} (aten/src/ATen/native/LinearAlgebra.cpp, 1.13) shapes it, so that the result's
     * {@code grad_fn} is PyTorch's: an in-place squeeze ({@code SqueezeBackward3}) for a vector times a matrix, an
     * {@code _unsafe_view} ({@code UnsafeViewBackward0}) of the folded or batched product.
     */
    static Tensor matmul(Tensor a, Tensor b) {
        int da = a.dim(), db = b.dim();
        if (da == 0 || db == 0) {
            throw EngineException.shape("both arguments to matmul need to be at least 1D, but they are " + da + "D and " + db + "D");
        }
        if (da == 1 && db == 1) return dot(a, b);
        if (da == 2 && db == 1) return mv(a, b);
        if (da == 1 && db == 2) return ShapeOps.squeezeResult(a.unsqueeze(0).mm(b), 0);
        if (da == 2 && db == 2) return mm(a, b);
        if (da >= 3 && db <= 2) {
            int[] outShape = java.util.Arrays.copyOf(a.shape, da - 1 + (db == 2 ? 1 : 0));
            if (db == 2) outShape[da - 1] = b.shape[1];
            Tensor folded = a.reshape(-1, a.shape[da - 1]);
            Tensor product = db == 2 ? folded.mm(b) : folded.mv(b);
            return ShapeOps.unsafeView(product, outShape);
        }
        Tensor a3 = da == 1 ? a.unsqueeze(0) : a;
        Tensor b3 = db == 1 ? b.unsqueeze(1) : b;
        int n = a3.shape[a3.dim() - 2], k = a3.shape[a3.dim() - 1], p = b3.shape[b3.dim() - 1];
        int[] batch = Shapes.broadcast(java.util.Arrays.copyOf(a3.shape, a3.dim() - 2), java.util.Arrays.copyOf(b3.shape, b3.dim() - 2));
        int count = Shapes.numel(batch);
        if (b3.shape[b3.dim() - 2] != k) {
            // bmm's check on the expanded operands, whose batch is every broadcast batch dim folded into one
            throw EngineException.shape("Expected size for first two dimensions of batch2 tensor to be: [" + count + ", " + k
                    + "] but got: [" + count + ", " + b3.shape[b3.dim() - 2] + "].");
        }
        Tensor ab = a3.expand(concat(batch, n, k)).reshape(count, n, k);
        Tensor bb = b3.expand(concat(batch, k, p)).reshape(count, k, p);
        int[] outShape = java.util.Arrays.copyOf(batch, batch.length + (da > 1 ? 1 : 0) + (db > 1 ? 1 : 0));
        if (da > 1) outShape[batch.length] = n;
        if (db > 1) outShape[outShape.length - 1] = p;
        return ShapeOps.unsafeView(bmm(ab, bb), outShape);
    }

    private static int[] concat(int[] batch, int x, int y) {
        int[] s = java.util.Arrays.copyOf(batch, batch.length + 2);
        s[batch.length] = x;
        s[batch.length + 1] = y;
        return s;
    }

    private static void checkMatrices(Tensor a, Tensor b) {
        if (a.dim() != 2) throw EngineException.shape("self must be a matrix");
        if (b.dim() != 2) throw EngineException.shape("mat2 must be a matrix");
        if (a.shape[1] != b.shape[0]) {
            throw EngineException.shape("mat1 and mat2 shapes cannot be multiplied (" + a.shape[0] + "x" + a.shape[1] + " and "
                    + b.shape[0] + "x" + b.shape[1] + ")");
        }
        checkSameDType(a, b);
    }

    private static void checkSameDType(Tensor a, Tensor b) {
        if (a.dtype != b.dtype) {
            throw new EngineException(ErrorCode.DTYPE_MISMATCH, "expected scalar type " + a.dtype.torchName() + " but found "
                    + b.dtype.torchName());
        }
        if (a.dtype == DType.BOOL) {
            throw new EngineException(ErrorCode.DTYPE_MISMATCH, "\"addmm_impl_cpu_\" not implemented for 'Bool'");
        }
    }
}
