package dev.backprop.web;

import dev.backprop.engine.Tensor;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A tensor's values as an answer carries them ({@code tolist()}: nested lists, or a bare value for a 0-d
 * tensor), copied flat when the answer is made and written straight from that copy: a value costs its
 * element's bytes while the answer waits to be written, not a boxed number in a list.
 */
@JsonSerialize(using = TensorValues.Writer.class)
final class TensorValues {
    private final int[] shape;
    private final Object flat;

    private TensorValues(int[] shape, Object flat) {
        this.shape = shape;
        this.flat = flat;
    }

    static TensorValues of(Tensor t) {
        return new TensorValues(t.shape(), t.toFlat());
    }

    static final class Writer extends ValueSerializer<TensorValues> {
        @Override
        public void serialize(TensorValues v, JsonGenerator g, SerializationContext ctxt) {
            if (v.shape.length == 0) {
                element(v.flat, 0, g);
            } else {
                nest(v, 0, 0, g);
            }
        }

        private static int nest(TensorValues v, int dim, int at, JsonGenerator g) {
            int n = v.shape[dim];
            g.writeStartArray(null, n);
            if (dim == v.shape.length - 1) {
                for (int i = 0; i < n; i++) element(v.flat, at++, g);
            } else {
                for (int i = 0; i < n; i++) at = nest(v, dim + 1, at, g);
            }
            g.writeEndArray();
            return at;
        }

        private static void element(Object flat, int i, JsonGenerator g) {
            switch (flat) {
                case float[] a -> g.writeNumber(a[i]);
                case double[] a -> g.writeNumber(a[i]);
                case long[] a -> g.writeNumber(a[i]);
                case boolean[] a -> g.writeBoolean(a[i]);
                default -> throw new IllegalStateException("not a tensor's values: " + flat.getClass());
            }
        }
    }
}
