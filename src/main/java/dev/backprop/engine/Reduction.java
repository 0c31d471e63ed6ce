package dev.backprop.engine;

/** A loss's {@code reduction} argument. */
public enum Reduction {
    NONE, MEAN, SUM;

    public static Reduction parse(String s) {
        return switch (s) {
            case "none" -> NONE;
            case "mean" -> MEAN;
            case "sum" -> SUM;
            default -> throw EngineException.invalid(s + " is not a valid value for reduction");
        };
    }

    Tensor apply(Tensor loss) {
        return switch (this) {
            case NONE -> loss;
            case MEAN -> loss.mean();
            case SUM -> loss.sum();
        };
    }
}
