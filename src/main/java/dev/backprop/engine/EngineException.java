package dev.backprop.engine;

/**
 * The one exception the engine throws for anything a caller did wrong. The message is PyTorch's own
 * text where PyTorch raises, so callers can show it verbatim; the code lets them classify it without
 * string matching.
 */
public final class EngineException extends RuntimeException {
    private final ErrorCode code;

    public EngineException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    static EngineException invalid(String message) {
        return new EngineException(ErrorCode.INVALID_ARGUMENT, message);
    }

    static EngineException shape(String message) {
        return new EngineException(ErrorCode.SHAPE_MISMATCH, message);
    }

    static EngineException autograd(String message) {
        return new EngineException(ErrorCode.AUTOGRAD, message);
    }
}
