package dev.backprop.engine;

import java.util.List;

/**
 * The kinds of value an op's parameter takes, each with the type name PyTorch prints for it and the
 * Python values it matches. A string given as a keyword for a tensor parameter names a tensor.
 */
enum ArgKind {
    /** A tensor. */
    TENSOR("Tensor"),
    /** A tensor, or a Python number that becomes a wrapped-number tensor ({@code add(x, 1)}). */
    TENSOR_OR_NUMBER("Tensor"),
    /** A Python int, float or bool. */
    NUMBER("Number"),
    /** A Python int (not a bool). */
    INT("int"),
    /** A list of ints, or one int. */
    INTS("tuple of ints"),
    /** A size: trailing positional ints ({@code zeros(2, 3)}), one list, or a keyword. */
    SIZE("tuple of ints"),
    /** A Python bool. */
    BOOL("bool"),
    /** A dtype by name ({@code "float64"}). */
    DTYPE("torch.dtype"),
    /** A string. */
    STR("str"),
    /** Every remaining positional input, each a tensor ({@code cat}, {@code stack}). */
    TENSORS("tuple of Tensors"),
    /** Literal data: a number or nested lists of numbers, checked by {@code torch.tensor}'s own rules. */
    DATA("object"),
    /** One list of tensors, given as one argument ({@code index_put}'s {@code indices}); a string element names a tensor. */
    TENSOR_LIST("tuple of Tensors"),
    /** A Python subscript ({@link Subscript}): its text, a tensor, an int, a bool or a list of them, checked when parsed. */
    INDEX("index");

    final String pythonType;

    ArgKind(String pythonType) {
        this.pythonType = pythonType;
    }

    /** Whether a (non-null) value has the Python type this kind takes; {@code keyword} when it came in {@code attrs}. */
    boolean matches(Object v, boolean keyword) {
        return switch (this) {
            case TENSOR -> v instanceof Tensor || keyword && v instanceof String;
            case TENSOR_OR_NUMBER -> v instanceof Tensor || keyword && v instanceof String || PythonValues.isNumber(v);
            case NUMBER -> PythonValues.isNumber(v);
            case INT -> PythonValues.isInt(v);
            case INTS, SIZE -> PythonValues.isInt(v) || v instanceof List<?>;
            case BOOL -> v instanceof Boolean;
            case DTYPE, STR -> v instanceof String;
            case TENSORS, TENSOR_LIST -> v instanceof List<?>;
            case DATA, INDEX -> true;
        };
    }
}
