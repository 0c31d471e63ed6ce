package dev.backprop.engine;

/**
 * The one exception the engine throws for anything a caller did wrong. The message is PyTorch's own
 * text where PyTorch raises, so callers can show it verbatim; the code lets them classify it without
 * string matching.
 */
public final class EngineException extends RuntimeException {
    private final ErrorCode code;
    private final String field;

    public EngineException(ErrorCode code, String message) {
        this(code, message, null);
    }

    /** A refusal of one field of a request, named by its path as the client wrote it ({@code layers[0].inFeatures}). */
    public EngineException(ErrorCode code, String message, String field) {
        super(message, null, false, false);
        this.code = code;
        this.field = field;
    }

    public ErrorCode code() {
        return code;
    }

    /** The path of the request field at fault, or null when the refusal is not about one field. */
    public String field() {
        return field;
    }

    /** A field that the object holding it does not have; the message names its known spelling when it has one. */
    public static EngineException unknownField(String path, java.util.Collection<?> known) {
        return new EngineException(ErrorCode.UNKNOWN_FIELD, JsonFields.unknown("field", path, known), path);
    }

    /** A field whose value is of the wrong kind: {@code 'layers[0].bias' must be true or false, got an integer}. */
    public static EngineException invalidField(String path, String expected, Object value) {
        return new EngineException(ErrorCode.INVALID_FIELD, "'" + path + "' must be " + expected + ", got " + JsonFields.kind(value), path);
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
