package dev.backprop.engine;

import java.math.BigDecimal;
import java.math.MathContext;

/** A double as C++'s {@code std::ostream} prints it by default (six significant digits, {@code %g}), as it appears in PyTorch's messages. */
final class CppDouble {
    private CppDouble() {}

    static String format(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return 1 / v < 0 ? "-0" : "0";
        BigDecimal d = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros();
        int exponent = d.precision() - d.scale() - 1;
        if (exponent >= -4 && exponent < 6) return d.toPlainString();
        String digits = d.unscaledValue().abs().toString();
        String mantissa = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
        return (v < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
    }
}
