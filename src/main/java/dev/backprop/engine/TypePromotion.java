package dev.backprop.engine;

/**
 * {@code torch.result_type}: operands rank as dimensioned tensors, then 0-d tensors, then wrapped
 * Python numbers; a lower rank only decides the result when it is of a higher category (bool, integer,
 * floating). A Python float is the default dtype, float32 (aten/src/ATen/native/TypeProperties.cpp).
 */
final class TypePromotion {
    private TypePromotion() {}

    static DType resultType(Tensor a, Tensor b) {
        DType dim = null, zero = null, wrapped = null;
        for (Tensor t : new Tensor[] {a, b}) {
            if (t.wrappedNumber) {
                DType d = t.dtype == DType.FLOAT64 ? DType.FLOAT32 : t.dtype;
                wrapped = wrapped == null ? d : DType.promote(wrapped, d);
            } else if (t.dim() == 0) {
                zero = zero == null ? t.dtype : DType.promote(zero, t.dtype);
            } else {
                dim = dim == null ? t.dtype : DType.promote(dim, t.dtype);
            }
        }
        return combine(dim, combine(zero, wrapped));
    }

    private static DType combine(DType higher, DType lower) {
        if (higher == null) return lower;
        if (lower == null || higher.isFloating()) return higher;
        if (higher == DType.BOOL || lower.isFloating()) return DType.promote(higher, lower);
        return higher;
    }
}
