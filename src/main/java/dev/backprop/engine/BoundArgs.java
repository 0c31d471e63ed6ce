package dev.backprop.engine;

import dev.backprop.engine.random.Generator;
import java.util.List;
import java.util.Map;

/**
 * An op's arguments fitted to one of its declared forms, read by parameter name. Every value already
 * has its declared kind (or is null where the form lets it be absent), so the reads cannot fail on a
 * client's input, except for ints that do not fit the engine's int dimensions.
 */
final class BoundArgs {
    private final String op;
    private final int form;
    private final Map<String, Object> values;
    private final Generator generator;

    BoundArgs(String op, int form, Map<String, Object> values, Generator generator) {
        this.op = op;
        this.form = form;
        this.values = values;
        this.generator = generator;
    }

    /** Which of the op's forms the call fitted, counted from 0 in declaration order. */
    int form() {
        return form;
    }

    boolean has(String name) {
        return value(name) != null;
    }

    Tensor tensor(String name) {
        return (Tensor) value(name);
    }

    /** A tensor, or a number as the wrapped-number tensor Python passes; null when absent. */
    Tensor tensorOrNumber(String name) {
        Object v = value(name);
        return v == null || v instanceof Tensor ? (Tensor) v : Tensor.wrap(v);
    }

    /** A Number as Python gave it: a Long, a Double or a Boolean; null when absent. */
    Object scalar(String name) {
        return value(name);
    }

    /** A Number as a double (a bool as 1 or 0); null when absent. */
    Double number(String name) {
        Object v = value(name);
        if (v == null) return null;
        return v instanceof Boolean b ? (b ? 1.0 : 0.0) : ((Number) v).doubleValue();
    }

    int integer(String name) {
        return toInt(name, (Long) value(name));
    }

    /** An int list; null when absent. */
    int[] ints(String name) {
        long[] v = (long[]) value(name);
        if (v == null) return null;
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) out[i] = toInt(name, v[i]);
        return out;
    }

    boolean bool(String name) {
        return (Boolean) value(name);
    }

    /** The dtype given; null when absent. */
    DType dtype(String name) {
        return (DType) value(name);
    }

    String string(String name) {
        return (String) value(name);
    }

    @SuppressWarnings("unchecked")
    List<Tensor> tensors(String name) {
        return (List<Tensor>) value(name);
    }

    /** A subscript; a key given as None is Python's {@code x[None]}. */
    Subscript subscript(String name) {
        Object v = value(name);
        return v == null ? new Subscript(List.of(new Subscript.NoneItem())) : (Subscript) v;
    }

    Object raw(String name) {
        return value(name);
    }

    Generator generator() {
        return generator;
    }

    private Object value(String name) {
        if (!values.containsKey(name)) throw new IllegalStateException(op + " declares no parameter '" + name + "'");
        return values.get(name);
    }

    private int toInt(String name, long v) {
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            throw EngineException.invalid(op + "(): argument '" + name + "' is out of range: " + v);
        }
        return (int) v;
    }
}
