package dev.backprop.web;

import java.util.Collection;
import java.util.Map;
import tools.jackson.core.JsonToken;

/** JSON and parameter values described to a client in plain words ("an integer", "a string"), never as Java types. */
final class ValueKinds {
    private ValueKinds() {}

    /** What a value of this type looks like, or null when any value will do. */
    static String expected(Class<?> type) {
        if (type == null || type == Object.class) return null;
        if (type == boolean.class || type == Boolean.class) return "true or false";
        if (type == int.class || type == long.class || type == short.class || type == byte.class || type == Integer.class
                || type == Long.class || type == Short.class || type == Byte.class || type == java.math.BigInteger.class) {
            return "an integer";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) return "a number";
        if (CharSequence.class.isAssignableFrom(type) || type.isEnum() || type == Character.class) return "a string";
        if (type.isArray() || Collection.class.isAssignableFrom(type)) return "an array";
        if (Map.class.isAssignableFrom(type) || type.isRecord()) return "an object";
        return null;
    }

    /** What was sent in place of the expected value. */
    static String found(JsonToken token) {
        if (token == null) return null;
        return switch (token) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_NUMBER_FLOAT -> "a number with a fraction";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            default -> null;
        };
    }

    /** The range of an integer type, for a number that does not fit it. */
    static String range(Class<?> type) {
        if (type == int.class || type == Integer.class) return "from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        if (type == long.class || type == Long.class) return "from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        if (type == short.class || type == Short.class) return "from " + Short.MIN_VALUE + " to " + Short.MAX_VALUE;
        if (type == byte.class || type == Byte.class) return "from " + Byte.MIN_VALUE + " to " + Byte.MAX_VALUE;
        return null;
    }
}
