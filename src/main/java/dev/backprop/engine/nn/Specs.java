package dev.backprop.engine.nn;

import dev.backprop.engine.EngineException;
import dev.backprop.engine.ErrorCode;
import dev.backprop.engine.Reduction;
import dev.backprop.engine.Tensor;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reading fields of a spec parsed from JSON (maps, lists, numbers, booleans, strings), with messages that name the field. */
final class Specs {
    private Specs() {}

    static EngineException invalid(String message) {
        return new EngineException(ErrorCode.INVALID_ARGUMENT, message);
    }

    /** Refuses a key that is not one of {@code allowed}, naming it by its path ({@code layers[0].in_features}). */
    static void onlyFields(Map<?, ?> spec, Set<String> allowed, String path) {
        for (Object key : spec.keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                throw EngineException.unknownField(path + "." + key, allowed);
            }
        }
    }

    static int requiredInt(Map<?, ?> spec, String field, String where, String path) {
        Object v = spec.get(field);
        if (v == null) {
            throw invalid(where + ": '" + field + "' is required");
        }
        return toInt(v, field, where, path);
    }

    static boolean optionalBoolean(Map<?, ?> spec, String field, boolean fallback, String path) {
        Object v = spec.get(field);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw EngineException.invalidField(path + "." + field, "true or false", v);
    }

    /** An optional integer field: {@code fallback} (which may be null) when absent or null. */
    static Integer optionalInt(Map<?, ?> spec, String field, Integer fallback, String where, String path) {
        Object v = spec.get(field);
        return v == null ? fallback : Integer.valueOf(toInt(v, field, where, path));
    }

    /** An optional finite number. */
    static double optionalNumber(Map<?, ?> spec, String field, double fallback, String path) {
        Object v = spec.get(field);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        throw EngineException.invalidField(path + "." + field, "a number", v);
    }

    /** A {@code reduction}: {@code mean} unless given; PyTorch's ValueError for any other text. */
    static Reduction reduction(Map<?, ?> spec, String path) {
        Object v = spec.get("reduction");
        if (v == null) {
            return Reduction.MEAN;
        }
        if (!(v instanceof String s)) {
            throw EngineException.invalidField(path + ".reduction", "'mean', 'sum' or 'none'", v);
        }
        return Reduction.parse(s);
    }

    /** An integer or a list of integers ({@code normalized_shape}), as a shape. */
    static int[] requiredShape(Map<?, ?> spec, String field, String where, String path) {
        Object v = spec.get(field);
        if (!(v instanceof List<?> list)) {
            return new int[] {requiredInt(spec, field, where, path)};
        }
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = toInt(list.get(i), field + "[" + i + "]", where, path);
        }
        return out;
    }

    /** An optional list of numbers ({@code weight}) as a float32 tensor, as {@code torch.tensor([...])} makes it; null when absent. */
    static Tensor optionalFloats(Map<?, ?> spec, String field, String path) {
        Object v = spec.get(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof List<?> list)) {
            throw EngineException.invalidField(path + "." + field, "a list of numbers", v);
        }
        float[] out = new float[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                throw EngineException.invalidField(path + "." + field + "[" + i + "]", "a number", list.get(i));
            }
            out[i] = n.floatValue();
        }
        return Tensor.of(out, out.length);
    }

    private static int toInt(Object v, String field, String where, String path) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte || v instanceof BigInteger) {
            long l = ((Number) v).longValue();
            if (v instanceof BigInteger b && b.bitLength() > 63 || l > Integer.MAX_VALUE || l < Integer.MIN_VALUE) {
                throw invalid(where + ": '" + field + "' is too large: " + v);
            }
            return (int) l;
        }
        throw EngineException.invalidField(path + "." + field, "an integer", v);
    }

    static String describe(Object v) {
        if (v instanceof String s) {
            return "the string \"" + s + "\"";
        }
        if (v instanceof List<?>) {
            return "a list";
        }
        if (v instanceof Map<?, ?>) {
            return "an object";
        }
        return String.valueOf(v);
    }
}
