package dev.backprop.engine.optim;

import java.math.BigDecimal;

/** Python's {@code repr(float)}, so that messages quote numbers as PyTorch's {@code ValueError}s do ({@code 1e-05}, {@code -0.1}). */
public final class PythonFloat {
    private PythonFloat() {}

    public static String repr(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return (1 / v < 0) ? "-0.0" : "0.0";
        // Double.toString gives the shortest digits that round-trip, as Python's repr does; only the layout differs.
        BigDecimal d = new BigDecimal(Double.toString(Math.abs(v))).stripTrailingZeros();
        String digits = d.unscaledValue().toString();
        int pointPos = digits.length() - d.scale(); // value = 0.digits * 10^pointPos
        String sign = v < 0 ? "-" : "";
        if (pointPos > 16 || pointPos < -3) {
            int exp = pointPos - 1;
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        }
        if (pointPos <= 0) {
            return sign + "0." + "0".repeat(-pointPos) + digits;
        }
        if (pointPos >= digits.length()) {
            return sign + digits + "0".repeat(pointPos - digits.length()) + ".0";
        }
        return sign + digits.substring(0, pointPos) + "." + digits.substring(pointPos);
    }
}
