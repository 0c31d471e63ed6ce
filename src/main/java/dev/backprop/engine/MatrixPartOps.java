package dev.backprop.engine;

import java.util.Arrays;

/**
 * Parts of matrices, as copies: {@code tril}/{@code triu} over the last two dims ({@code TrilBackward0},
 * {@code TriuBackward0}) and {@code diag} (vector to matrix and back, {@code DiagBackward0}), with the derivatives of
 * tools/autograd/derivatives.yaml of PyTorch 1.13 ({@code diag_backward}).
 */
final class MatrixPartOps {
    private MatrixPartOps() {}

    static Tensor tril(Tensor x, int diagonal) {
        return triangle(x, diagonal, true);
    }

    static Tensor triu(Tensor x, int diagonal) {
        return triangle(x, diagonal, false);
    }

    private static Tensor triangle(Tensor x, int diagonal, boolean lower) {
        Shapes.wrapDim(-2, x.dim());
        Tensor r = Conversions.detachedCopy(x);
        int rows = x.shape[x.dim() - 2], cols = x.shape[x.dim() - 1];
        int matrices = rows == 0 || cols == 0 ? 0 : x.numel / (rows * cols);
        for (int m = 0; m < matrices; m++) {
            for (int i = 0; i < rows; i++) {
                long edge = (long) i + diagonal;
                int from = lower ? (int) Math.clamp(edge + 1, 0, cols) : 0;
                int to = lower ? cols : (int) Math.clamp(edge, 0, cols);
                int row = (m * rows + i) * cols;
                zero(r.storage, r.dtype, row + from, row + to);
            }
        }
        if (Graph.needsGrad(x)) {
            Graph.record(lower ? "TrilBackward0" : "TriuBackward0", r, new Tensor[] {x}, new Tensor[0],
                    ctx -> Graph.one(triangle(ctx.grad(), diagonal, lower)));
        }
        return r;
    }

    private static void zero(Storage s, DType dtype, int from, int to) {
        if (from >= to) return;
        switch (dtype) {
            case FLOAT32 -> Arrays.fill(s.f32, from, to, 0f);
            case FLOAT64 -> Arrays.fill(s.f64, from, to, 0d);
            case INT64 -> Arrays.fill(s.i64, from, to, 0L);
            case BOOL -> Arrays.fill(s.bool, from, to, false);
        }
    }

    /** {@code diag}: a vector on the {@code diagonal}-th diagonal of a square matrix, or a matrix's diagonal as a vector. */
    static Tensor diag(Tensor x, int diagonal) {
        Tensor r;
        if (x.dim() == 1) {
            long side = x.shape[0] + Math.abs((long) diagonal);
            if (side > Integer.MAX_VALUE) {
                throw new EngineException(ErrorCode.TOO_LARGE, "a tensor of shape [" + side + ", " + side + "] has more than 2^31 - 1 elements");
            }
            int n = (int) side;
            r = Factories.zeros(new int[] {n, n}, x.dtype);
            PermuteOps.diagonalView(r, diagonal, 0, 1).copyFrom(x);
        } else if (x.dim() == 2) {
            long length = diagonal >= 0 ? Math.min(x.shape[0], x.shape[1] - (long) diagonal) : Math.min(x.shape[0] + (long) diagonal, x.shape[1]);
            if (length < 0) throw EngineException.invalid("numel: integer multiplication overflow");
            r = Conversions.detachedCopy(PermuteOps.diagonalView(x, diagonal, 0, 1));
        } else {
            throw EngineException.shape("matrix or a vector expected");
        }
        if (Graph.needsGrad(x)) {
            int[] in = x.shape;
            Graph.record("DiagBackward0", r, new Tensor[] {x}, new Tensor[0], ctx -> Graph.one(in.length == 1 || in[0] == in[1]
                    ? diag(ctx.grad(), diagonal) : PermuteOps.diagonalBackward(ctx.grad(), in, diagonal, 0, 1)));
        }
        return r;
    }
}
