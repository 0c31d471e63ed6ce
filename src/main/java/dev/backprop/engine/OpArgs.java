package dev.backprop.engine;

import dev.backprop.engine.random.Generator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The arguments of one op call, as Python would pass them: positional inputs (tensors or numbers)
 * and keyword attributes. Each accessor takes the keyword's name and its position, so that
 * {@code transpose(x, 0, 1)} and {@code transpose(x, dim0=0, dim1=1)} read alike.
 */
public final class OpArgs {
    private final String op;
    private final List<Object> inputs;
    private final Map<String, Object> attrs;
    private final Function<String, Tensor> tensors;
    private final Generator generator;

    /**
     * @param inputs    tensors and numbers (Number or Boolean), in order
     * @param attrs     keyword arguments: numbers, booleans, strings, lists
     * @param tensors   resolves a tensor name used in an attribute (for example a loss's {@code weight})
     * @param generator the generator random ops draw from
     */
    public OpArgs(String op, List<Object> inputs, Map<String, Object> attrs, Function<String, Tensor> tensors, Generator generator) {
        this.op = op;
        this.inputs = inputs;
        this.attrs = attrs == null ? Map.of() : attrs;
        this.tensors = tensors;
        this.generator = generator;
    }

    public String op() {
        return op;
    }

    int count() {
        return inputs.size();
    }

    /** Positional input {@code i}, which must be a tensor. */
    Tensor tensor(int i) {
        if (i >= inputs.size()) {
            throw EngineException.invalid(op + "() missing required argument at position " + (i + 1));
        }
        Object v = inputs.get(i);
        if (v instanceof Tensor t) return t;
        throw EngineException.invalid(op + "(): argument 'input' (position " + (i + 1) + ") must be Tensor, not " + typeName(v));
    }

    /** Positional input {@code i} as a tensor; a number becomes a wrapped number, as Python passes it. */
    Tensor tensorOrNumber(int i) {
        if (i >= inputs.size()) {
            throw EngineException.invalid(op + "() missing required argument 'other' (pos " + (i + 1) + ")");
        }
        Object v = inputs.get(i);
        if (v instanceof Tensor t) return t;
        return Tensor.wrap(v);
    }

    /** Every positional input, each a tensor. */
    List<Tensor> allTensors() {
        return java.util.stream.IntStream.range(0, inputs.size()).mapToObj(this::tensor).toList();
    }

    boolean isNumber(int i) {
        return i < inputs.size() && (inputs.get(i) instanceof Number || inputs.get(i) instanceof Boolean);
    }

    /** A keyword or positional argument, or null when absent. */
    Object raw(String name, int position) {
        if (attrs.containsKey(name)) return attrs.get(name);
        if (position >= 0 && position < inputs.size()) return inputs.get(position);
        return null;
    }

    boolean has(String name, int position) {
        return raw(name, position) != null;
    }

    Double number(String name, int position, Double fallback) {
        Object v = raw(name, position);
        if (v == null) return fallback;
        if (v instanceof Number n) return n.doubleValue();
        if (v instanceof Boolean b) return b ? 1.0 : 0.0;
        throw EngineException.invalid(op + "(): argument '" + name + "' must be a number, not " + typeName(v));
    }

    int integer(String name, int position, Integer fallback) {
        Object v = raw(name, position);
        if (v == null) {
            if (fallback == null) throw EngineException.invalid(op + "() missing required argument '" + name + "'");
            return fallback;
        }
        return toInt(name, v);
    }

    boolean bool(String name, int position, boolean fallback) {
        Object v = raw(name, position);
        if (v == null) return fallback;
        if (v instanceof Boolean b) return b;
        throw EngineException.invalid(op + "(): argument '" + name + "' must be bool, not " + typeName(v));
    }

    String string(String name, String fallback) {
        Object v = attrs.get(name);
        if (v == null) return fallback;
        if (v instanceof String s) return s;
        throw EngineException.invalid(op + "(): argument '" + name + "' must be str, not " + typeName(v));
    }

    DType dtype(DType fallback) {
        String s = string("dtype", null);
        return s == null ? fallback : DType.fromWireName(s);
    }

    /** An int list argument ({@code size}, {@code dim}); a single int is a list of one. Null when absent. */
    int[] ints(String name, int position) {
        Object v = raw(name, position);
        if (v == null) return null;
        if (v instanceof List<?> l) {
            int[] out = new int[l.size()];
            for (int i = 0; i < out.length; i++) out[i] = toInt(name, l.get(i));
            return out;
        }
        return new int[] {toInt(name, v)};
    }

    /** A size given as {@code attrs.size}/{@code attrs.shape} or as trailing positional ints from {@code from}. */
    int[] size(int from) {
        Object v = attrs.containsKey("size") ? attrs.get("size") : attrs.get("shape");
        if (v != null) {
            return ints(attrs.containsKey("size") ? "size" : "shape", -1);
        }
        if (from < inputs.size() && inputs.get(from) instanceof List<?>) {
            return ints("size", from);
        }
        int[] out = new int[Math.max(0, inputs.size() - from)];
        for (int i = 0; i < out.length; i++) out[i] = toInt("size", inputs.get(from + i));
        return out;
    }

    /** A tensor named in an attribute ({@code weight}, {@code pos_weight}), or null when absent. */
    Tensor namedTensor(String name) {
        Object v = attrs.get(name);
        if (v == null) return null;
        if (v instanceof Tensor t) return t;
        if (v instanceof String s) return tensors.apply(s);
        throw EngineException.invalid(op + "(): argument '" + name + "' must name a tensor");
    }

    Generator generator() {
        return generator;
    }

    private int toInt(String name, Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            long l = ((Number) v).longValue();
            if (l > Integer.MAX_VALUE || l < Integer.MIN_VALUE) {
                throw EngineException.invalid(op + "(): argument '" + name + "' is out of range: " + l);
            }
            return (int) l;
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) < Integer.MAX_VALUE) {
            return (int) n.doubleValue();
        }
        throw EngineException.invalid(op + "(): argument '" + name + "' must be int, not " + typeName(v));
    }

    private static String typeName(Object v) {
        if (v == null) return "NoneType";
        if (v instanceof Boolean) return "bool";
        if (v instanceof Integer || v instanceof Long) return "int";
        if (v instanceof Number) return "float";
        if (v instanceof String) return "str";
        if (v instanceof List<?>) return "list";
        if (v instanceof Tensor) return "Tensor";
        return v.getClass().getSimpleName();
    }
}
