package dev.backprop.engine.nn;

import dev.backprop.engine.EngineException;
import dev.backprop.engine.ErrorCode;
import java.math.BigDecimal;
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

    static void onlyFields(Map<?, ?> spec, Set<String> allowed, String where) {
        for (Object key : spec.keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                throw invalid(where + ": unknown field '" + key + "'" + (allowed.size() > 1
                        ? " (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")" : ""));
            }
        }
    }

    static int requiredInt(Map<?, ?> spec, String field, String where) {
        Object v = spec.get(field);
        if (v == null) {
            throw invalid(where + ": '" + field + "' is required");
        }
        return toInt(v, field, where);
    }

    static boolean optionalBoolean(Map<?, ?> spec, String field, boolean fallback, String where) {
        Object v = spec.get(field);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw invalid(where + ": '" + field + "' must be true or false, got " + v);
    }

    private static int toInt(Object v, String field, String where) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte || v instanceof BigInteger) {
            long l = ((Number) v).longValue();
            if (v instanceof BigInteger b && b.bitLength() > 63 || l > Integer.MAX_VALUE || l < Integer.MIN_VALUE) {
                throw invalid(where + ": '" + field + "' is too large: " + v);
            }
            return (int) l;
        }
        if (v instanceof BigDecimal || v instanceof Double || v instanceof Float) {
            throw invalid(where + ": '" + field + "' must be an integer, got " + v);
        }
        throw invalid(where + ": '" + field + "' must be an integer, got " + describe(v));
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
