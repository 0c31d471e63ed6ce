package dev.backprop.engine;

import dev.backprop.engine.random.Generator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The arguments of one op call as a client sent them, as Python would pass them: positional inputs
 * (tensors, numbers, lists of numbers) and keyword attributes (any JSON value). {@link #bind} fits them
 * to the op's declared forms, so every kind check happens here, with PyTorch's TypeError texts.
 */
public final class OpArgs {
    private final String op;
    private final List<Object> inputs;
    private final Map<String, Object> attrs;
    private final Function<String, Tensor> tensors;
    private final Generator generator;

    /**
     * @param inputs    tensors and numbers (Number or Boolean) and lists of numbers, in order
     * @param attrs     keyword arguments: numbers, booleans, strings, lists, objects, nulls
     * @param tensors   resolves a tensor name given as a keyword (for example a loss's {@code weight})
     * @param generator the generator random ops draw from
     */
    public OpArgs(String op, List<Object> inputs, Map<String, Object> attrs, Function<String, Tensor> tensors, Generator generator) {
        this.op = op;
        this.inputs = inputs == null ? List.of() : inputs;
        this.attrs = attrs == null ? Map.of() : attrs;
        this.tensors = tensors;
        this.generator = generator;
    }

    public String op() {
        return op;
    }

    /**
     * The arguments fitted to the first of {@code forms} they fit. With one form, a misfit is refused with
     * PyTorch's text for that parameter; with several, with PyTorch's list of the forms.
     */
    BoundArgs bind(List<Signature> forms) {
        for (int f = 0; f < forms.size(); f++) {
            Signature.Match m = forms.get(f).match(inputs, attrs);
            if (m.failure() == null) return convert(forms.get(f), f, m);
            if (forms.size() == 1) throw EngineException.invalid(m.failure());
        }
        throw EngineException.invalid(Signature.noFormFits(op, forms, inputs, attrs));
    }

    private BoundArgs convert(Signature form, int index, Signature.Match m) {
        Map<String, Object> values = new HashMap<>();
        for (int k = 0; k < form.params.size(); k++) {
            Signature.Param p = form.params.get(k);
            Object v = m.values()[k];
            values.put(p.name(), v == null ? null : convert(form, p, v, m.positions()[k] > 0));
        }
        return new BoundArgs(op, index, values, generator);
    }

    private Object convert(Signature form, Signature.Param p, Object v, boolean positional) {
        return switch (p.kind()) {
            case TENSOR -> v instanceof String name ? tensors.apply(name) : v;
            case TENSOR_OR_NUMBER -> v instanceof String name ? tensors.apply(name) : v instanceof Tensor ? v : PythonValues.normalizeNumber(v);
            case NUMBER -> PythonValues.normalizeNumber(v);
            case INT -> PythonValues.unpackLong(v);
            case INTS -> v instanceof List<?> list ? intList(p, list) : new long[] {PythonValues.unpackLong(v)};
            case SIZE -> intList(p, v instanceof List<?> list ? list : List.of(v));
            case DTYPE -> DType.fromWireName((String) v);
            case TENSORS -> tensorList((List<?>) v, positional);
            case TENSOR_LIST -> argumentTensorList(form, p, (List<?>) v);
            case INDEX -> Subscript.of(v, tensors);
            case BOOL, STR, DATA -> v;
        };
    }

    /** PyTorch 1.13's {@code intlist}: every element an int within int64, else a TypeError naming the element. */
    private long[] intList(Signature.Param p, List<?> list) {
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            Object e = list.get(i);
            try {
                if (!PythonValues.isInt(e)) throw EngineException.invalid(PythonValues.LONG_OVERFLOW);
                out[i] = PythonValues.unpackLong(e);
            } catch (EngineException notAnInt64) {
                throw EngineException.invalid(op + "(): argument '" + p.name() + "' must be " + p.typeText()
                        + ", but found element of type " + PythonValues.typeName(e) + " at pos " + (i + 1));
            }
        }
        return out;
    }

    /** A {@code Tensor[]} parameter: each element a tensor or a tensor's name, else PyTorch's text naming the argument's position. */
    private List<Tensor> argumentTensorList(Signature form, Signature.Param p, List<?> list) {
        List<Tensor> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Object e = list.get(i);
            if (e instanceof Tensor t) out.add(t);
            else if (e instanceof String name) out.add(tensors.apply(name));
            else throw EngineException.invalid("expected Tensor as element " + i + " in argument " + form.params.indexOf(p) + ", but got "
                    + PythonValues.typeName(e));
        }
        return out;
    }

    private List<Tensor> tensorList(List<?> list, boolean positional) {
        List<Tensor> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Object e = list.get(i);
            if (e instanceof Tensor t) out.add(t);
            else if (!positional && e instanceof String name) out.add(tensors.apply(name));
            else throw EngineException.invalid("expected Tensor as element " + i + " in argument 0, but got " + PythonValues.typeName(e));
        }
        return out;
    }
}
