package dev.backprop.engine;

/** {@code torch.eye(n, m)}: ones on the main diagonal of an n x m matrix, zeros elsewhere. */
final class Eye {
    private Eye() {}

    static Tensor eye(int n, int m, DType dtype) {
        if (n < 0) throw EngineException.invalid("n must be greater or equal to 0, got " + n);
        if (m < 0) throw EngineException.invalid("m must be greater or equal to 0, got " + m);
        Tensor r = Factories.zeros(new int[] {n, m}, dtype);
        for (int i = 0; i < Math.min(n, m); i++) {
            switch (dtype) {
                case FLOAT32 -> r.storage.f32[i * m + i] = 1;
                case FLOAT64 -> r.storage.f64[i * m + i] = 1;
                case INT64 -> r.storage.i64[i * m + i] = 1;
                case BOOL -> r.storage.bool[i * m + i] = true;
            }
        }
        return r;
    }
}
