package dev.backprop.engine;

/** Stable codes for every way the engine refuses a request; the web layer maps them to statuses. */
public enum ErrorCode {
    /** An argument is malformed or out of its domain (an unknown dtype, a bad dim, a missing attr). */
    INVALID_ARGUMENT,
    /** The shapes of the operands do not fit the operation (broadcasting, matmul, cat, view). */
    SHAPE_MISMATCH,
    /** The operation does not accept the operands' dtypes. */
    DTYPE_MISMATCH,
    /** Backward through a graph whose saved tensors were already freed. */
    GRAPH_FREED,
    /** A tensor saved for backward was modified by an in-place operation. */
    SAVED_TENSOR_MODIFIED,
    /** An in-place operation on a leaf that requires grad (or a view of one). */
    INPLACE_ON_LEAF,
    /** Autograd was asked for something its rules forbid (no grad_fn, non-scalar output, unused input). */
    AUTOGRAD,
    /** A tensor over the configured size limits (elements or rank). */
    TOO_LARGE,
    /** The request ran past its time budget; it was stopped and left nothing behind. */
    TIME_BUDGET,
    /** A request field that the object holding it does not have (a misspelling, or a field of another request). */
    UNKNOWN_FIELD,
    /** A request field whose value is of the wrong kind (a string where a number belongs, a fraction for an integer). */
    INVALID_FIELD,
    /** The operation name is not known. */
    UNKNOWN_OP,
    /** A feature PyTorch has that this engine refuses explicitly rather than answering wrongly (the nuclear norm). */
    UNSUPPORTED
}
