package dev.backprop.engine;

/**
 * The non-finite floats as tensor data carries them, in both directions: the strings {@code "NaN"},
 * {@code "Infinity"} and {@code "-Infinity"} (JSON has no such numbers), exactly as answers write them.
 */
public final class NonFinite {
    private NonFinite() {}

    /** The float a value stands for when it is one of the three strings, or null. */
    public static Double parse(Object value) {
        if (!(value instanceof String s)) return null;
        return switch (s) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> null;
        };
    }
}
