package dev.backprop.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code torch.tensor(data)}: nested lists of numbers or booleans to a tensor (a non-finite float written
 * as {@link NonFinite} writes it), with PyTorch's shape inference, its message for ragged lists, its dtype inference when none is given (booleans give
 * bool, integers int64, any float float32), and its refusals of elements a dtype cannot hold: an
 * integer beyond int64 ({@code Overflow when unpacking long}), a float beyond an int64 element.
 */
final class NestedData {
    private NestedData() {}

    static Tensor parse(Object data, DType dtype) {
        List<Integer> shape = new ArrayList<>();
        Object probe = data;
        while (probe instanceof List<?> l) {
            shape.add(l.size());
            probe = l.isEmpty() ? null : l.get(0);
        }
        int[] dims = shape.stream().mapToInt(Integer::intValue).toArray();
        int n = Shapes.numel(dims);
        Object[] flat = new Object[n];
        int[] count = {0};
        flatten(data, dims, 0, flat, count);
        DType type = dtype != null ? dtype : infer(flat);
        Tensor t = Tensor.empty(type, dims);
        for (int i = 0; i < n; i++) {
            Object v = flat[i];
            switch (type) {
                case FLOAT32 -> t.storage.f32[i] = (float) asDouble(v);
                case FLOAT64 -> t.storage.f64[i] = asDouble(v);
                case INT64 -> t.storage.i64[i] = asLong(v);
                case BOOL -> t.storage.bool[i] = asBool(v);
            }
        }
        return t;
    }

    private static void flatten(Object node, int[] dims, int depth, Object[] flat, int[] count) {
        if (depth == dims.length) {
            if (node instanceof List<?>) {
                throw EngineException.invalid("expected a number at dim " + depth + " but got a sequence");
            }
            Double nonFinite = NonFinite.parse(node);
            if (nonFinite == null && !(node instanceof Number) && !(node instanceof Boolean)) {
                throw EngineException.invalid("Could not infer dtype of " + pythonType(node));
            }
            flat[count[0]++] = nonFinite != null ? nonFinite : node;
            return;
        }
        if (!(node instanceof List<?> l)) {
            throw EngineException.invalid("expected sequence of length " + dims[depth] + " at dim " + depth + " (got a number)");
        }
        if (l.size() != dims[depth]) {
            throw EngineException.invalid("expected sequence of length " + dims[depth] + " at dim " + depth + " (got " + l.size() + ")");
        }
        for (Object child : l) {
            flatten(child, dims, depth + 1, flat, count);
        }
    }

    private static String pythonType(Object node) {
        if (node == null) return "NoneType";
        if (node instanceof String) return "str";
        if (node instanceof java.util.Map<?, ?>) return "dict";
        return "object";
    }

    private static DType infer(Object[] flat) {
        boolean allBool = flat.length > 0, anyFloat = flat.length == 0;
        for (Object v : flat) {
            allBool &= v instanceof Boolean;
            anyFloat |= PythonValues.isFloat(v);
        }
        return allBool ? DType.BOOL : anyFloat ? DType.FLOAT32 : DType.INT64;
    }

    private static double asDouble(Object v) {
        if (v instanceof Boolean b) return b ? 1 : 0;
        return PythonValues.isInt(v) ? PythonValues.intToDouble(v) : ((Number) v).doubleValue();
    }

    /** An element stored as int64: ints beyond int64 overflow, floats are truncated where they fit. */
    private static long asLong(Object v) {
        if (v instanceof Boolean b) return b ? 1 : 0;
        if (PythonValues.isInt(v)) return PythonValues.unpackLong(v);
        double d = ((Number) v).doubleValue();
        if (!(d >= -0x1p63 && d <= 0x1p63)) {
            throw EngineException.invalid("value cannot be converted to type int64 without overflow");
        }
        return (long) d;
    }

    private static boolean asBool(Object v) {
        if (v instanceof Boolean b) return b;
        if (v instanceof java.math.BigInteger i) return i.signum() != 0;
        return ((Number) v).doubleValue() != 0;
    }
}
