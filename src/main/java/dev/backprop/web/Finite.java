package dev.backprop.web;

import dev.backprop.session.ApiException;
import java.util.List;
import java.util.Map;

/**
 * Refuses non-finite numbers in parsed request values, naming the field that carried one. JSON has no NaN or
 * Infinity, but a number too large for a double (such as {@code 1e309}) parses to Infinity, and a float field
 * reads the strings "NaN", "Infinity" and "-Infinity" (see {@link FloatFields}), which only tensor data may hold.
 */
final class Finite {
    static final String CODE = "non-finite-number";

    private Finite() {}

    static void check(Object value, String field) {
        switch (value) {
            case null -> { }
            case Double d when !Double.isFinite(d) -> throw notFinite(field);
            case Float f when !Float.isFinite(f) -> throw notFinite(field);
            case List<?> list -> {
                for (int i = 0; i < list.size(); i++) check(list.get(i), field + "[" + i + "]");
            }
            case Map<?, ?> map -> {
                for (var e : map.entrySet()) check(e.getValue(), field + "." + e.getKey());
            }
            default -> { }
        }
    }

    static Double check(Double value, String field) {
        if (value != null && !Double.isFinite(value)) throw notFinite(field);
        return value;
    }

    static String detail(String field) {
        return "'" + field + "' must be a finite number (JSON numbers beyond the range of a double are refused)";
    }

    private static ApiException notFinite(String field) {
        return new ApiException(400, CODE, detail(field));
    }
}
