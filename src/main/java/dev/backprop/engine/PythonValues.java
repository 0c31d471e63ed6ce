package dev.backprop.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * JSON values read as the Python values they stand for: their Python type names (for PyTorch's
 * argument errors), and Python ints unpacked into int64 with PyTorch 1.13's refusal of those that
 * do not fit ({@code THPUtils_unpackLong}).
 */
final class PythonValues {
    static final String LONG_OVERFLOW = "Overflow when unpacking long";

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private PythonValues() {}

    /** A Python int: JSON integers of any size, never a bool. */
    static boolean isInt(Object v) {
        return v instanceof Integer || v instanceof Long || v instanceof BigInteger || v instanceof Short || v instanceof Byte;
    }

    /** A Python float. */
    static boolean isFloat(Object v) {
        return v instanceof Double || v instanceof Float || v instanceof BigDecimal;
    }

    /** What PyTorch accepts as a Number: an int, a float or a bool. */
    static boolean isNumber(Object v) {
        return isInt(v) || isFloat(v) || v instanceof Boolean;
    }

    /** A Python int as int64; one outside int64 is refused as PyTorch refuses it. */
    static long unpackLong(Object v) {
        if (v instanceof BigInteger b) {
            if (b.compareTo(LONG_MIN) < 0 || b.compareTo(LONG_MAX) > 0) throw EngineException.invalid(LONG_OVERFLOW);
            return b.longValue();
        }
        return ((Number) v).longValue();
    }

    /** A Python int as a double; one beyond the range of a double is refused as Python refuses it. */
    static double intToDouble(Object v) {
        double d = ((Number) v).doubleValue();
        if (Double.isInfinite(d)) {
            throw EngineException.invalid("int too large to convert to float");
        }
        return d;
    }

    /** A Number with its ints unpacked to int64: a Long, a Double or a Boolean. */
    static Object normalizeNumber(Object v) {
        if (isInt(v)) return unpackLong(v);
        if (isFloat(v)) return ((Number) v).doubleValue();
        return v;
    }

    static String typeName(Object v) {
        if (v == null) return "NoneType";
        if (v instanceof Boolean) return "bool";
        if (isInt(v)) return "int";
        if (isFloat(v)) return "float";
        if (v instanceof String) return "str";
        if (v instanceof List<?>) return "list";
        if (v instanceof Map<?, ?>) return "dict";
        if (v instanceof Tensor) return "Tensor";
        return "object";
    }
}
