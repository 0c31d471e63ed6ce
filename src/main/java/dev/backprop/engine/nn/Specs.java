package dev.backprop.engine.nn;

import dev.backprop.engine.EngineException;
import dev.backprop.engine.ErrorCode;
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
