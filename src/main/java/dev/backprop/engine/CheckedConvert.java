package dev.backprop.engine;

/**
 * {@code c10::checked_convert}: a number written into elements of a dtype ({@code full}, {@code fill_},
 * {@code clamp}'s bounds) is refused where the type cannot hold it, as PyTorch refuses it. Infinities and
 * NaN pass into floating types; a bool takes any number.
 */
final class CheckedConvert {
    private CheckedConvert() {}

    static double toElement(double value, DType dtype) {
        boolean overflows = switch (dtype) {
            case FLOAT32 -> Double.isFinite(value) && Math.abs(value) > Float.MAX_VALUE;
            case INT64 -> !(value >= -0x1p63 && value <= 0x1p63);
            case FLOAT64, BOOL -> false;
        };
        if (overflows) {
            throw EngineException.invalid("value cannot be converted to type " + (dtype == DType.INT64 ? "int64_t" : "float")
                    + " without overflow");
        }
        return value;
    }
}
